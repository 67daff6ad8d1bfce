"""The first paint before the JavaScript: the built pages fetch their modules once painted.

React Router's pre-rendered pages preload every module of the first load
(``<link rel="modulepreload">``, about 190 KB gzip) next to the stylesheet the first
paint waits for, and its boot script imports them at once. On a slow connection they share
the bandwidth with the stylesheet, and Lighthouse's simulated slow 4G counts every module
fetched before the paint as blocking it (first contentful and largest contentful paint
3.0 s). The page is pre-rendered and readable without JavaScript (links, the ``<details>``
phone menu), so the build lets the paint go first:

* the boot script waits for the first paint (``requestAnimationFrame`` and then a task, only
  when the page is visible) before it adds the module preloads and imports the modules;
* a page whose boot script is not of the expected shape keeps it, and only its module
  preloads are lowered to ``fetchpriority="low"`` so the stylesheet is fetched first.

The rewrite runs after the production build (``post_build``: ``reflex export`` and
``reflex run --env prod``), on every pre-rendered HTML file, before Reflex compresses them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import reflex as rx

# A module preload as React Router writes it, and one without a fetch priority.
MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)"[^>]*>')
UNPRIORITISED_PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)"(?![^>]*fetchpriority)')
# React Router's boot script: static imports of the manifest and route modules, the route
# table, then the dynamic import of the client entry that hydrates the page.
BOOT_SCRIPT = re.compile(r'<script type="module" async="">(.*?)</script>', re.S)
STATIC_IMPORT = re.compile(r'import (?:\* as (\w+) from )?"([^"]+)";')
ROUTE_TABLE = re.compile(r"window\.__reactRouterRouteModules = \{[^;]*\};")
ENTRY_IMPORT = re.compile(r'import\("([^"]+)"\);')
AFTER_FIRST_PAINT = (
    'if (document.visibilityState === "visible") '
    "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));"
)


def lower_module_preloads(html: str) -> str:
    """Return the page with each module preload fetched at low priority.

    Args:
        html: A pre-rendered page.

    Returns:
        The same page; ``<link rel="modulepreload" href="…">`` gains ``fetchpriority="low"``.
    """
    return UNPRIORITISED_PRELOAD.sub(r'<link rel="modulepreload" href="\1" fetchpriority="low"', html)


def deferred_boot(boot: str, preloads: list[str]) -> str | None:
    """Return React Router's boot script rewritten to start after the first paint.

    Args:
        boot: The boot script's text.
        preloads: The modules the page preloaded, to preload once painted.

    Returns:
        The script: wait for the paint, preload, import the route modules together, set the
        route table, import the entry; or None when the script has another shape.
    """
    lines = [line.strip() for line in boot.splitlines() if line.strip()]
    imports = [STATIC_IMPORT.fullmatch(line) for line in lines[:-2]]
    if len(lines) < 3 or not all(imports) or not ROUTE_TABLE.fullmatch(lines[-2]):
        return None
    if not ENTRY_IMPORT.fullmatch(lines[-1]):
        return None
    names = ", ".join(match.group(1) or "" for match in imports)
    modules = ", ".join(f'import("{match.group(2)}")' for match in imports)
    return "\n".join(
        [
            AFTER_FIRST_PAINT,
            f"for (const href of {json.dumps(preloads)}) {{",
            '  const link = document.createElement("link");',
            '  link.rel = "modulepreload";',
            "  link.href = href;",
            "  document.head.append(link);",
            "}",
            f"const [{names}] = await Promise.all([{modules}]);",
            lines[-2],
            lines[-1],
        ]
    )


def paint_before_javascript(html: str) -> str:
    """Return the page with its JavaScript fetched after its first paint.

    Args:
        html: A pre-rendered page.

    Returns:
        The page without module preloads and with the deferred boot script; or, when its
        boot script has another shape, the page with its module preloads at low priority.
    """
    boots = [match for match in BOOT_SCRIPT.finditer(html) if ROUTE_TABLE.search(match.group(1))]
    preloads = MODULE_PRELOAD.findall(html)
    script = deferred_boot(boots[0].group(1), preloads) if len(boots) == 1 else None
    if script is None:
        return lower_module_preloads(html)
    start, end = boots[0].span(1)
    return MODULE_PRELOAD.sub("", html[:start] + script + html[end:])


class PaintBeforeJavaScript(rx.plugins.Plugin):
    """Rewrite the production build's pages so they paint before fetching their modules."""

    def post_build(self, **context: Any) -> None:
        """Defer the JavaScript of every pre-rendered page until it has painted.

        Args:
            **context: The post-build context; ``static_dir`` is the exported frontend.
        """
        static_dir = Path(context["static_dir"])
        for page in static_dir.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            rewritten = paint_before_javascript(html)
            if rewritten != html:
                page.write_text(rewritten, encoding="utf-8")
