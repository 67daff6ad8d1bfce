"""The page's stylesheet before its JavaScript: module preloads at low fetch priority.

React Router's pre-rendered pages preload every module of the first load
(``<link rel="modulepreload">``, about 190 KB gzip) next to the stylesheet the first
paint waits for. Chromium fetches module preloads at *High* priority, so on a slow
connection they share the bandwidth with the stylesheet and the page paints later
(Lighthouse's simulated slow 4G counted every one of them as render-blocking: first
contentful paint 3.0 s). The page is pre-rendered and readable without JavaScript, so
nothing is lost by letting the stylesheet go first: ``fetchpriority="low"`` makes them
low-priority requests that Chromium starts once the head's render-blocking requests are
under way; they still start during the parse, long before React needs them.

The rewrite runs after the production build (``post_build``: ``reflex export`` and
``reflex run --env prod``), on every pre-rendered HTML file, before Reflex compresses them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import reflex as rx

# A module preload without a fetch priority, as React Router writes it.
MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)"(?![^>]*fetchpriority)')


def lower_module_preloads(html: str) -> str:
    """Return the page with each module preload fetched at low priority.

    Args:
        html: A pre-rendered page.

    Returns:
        The same page; ``<link rel="modulepreload" href="…">`` gains ``fetchpriority="low"``.
    """
    return MODULE_PRELOAD.sub(r'<link rel="modulepreload" href="\1" fetchpriority="low"', html)


class LowPriorityModulePreloads(rx.plugins.Plugin):
    """Rewrite the production build's pages so their stylesheet is fetched before their modules."""

    def post_build(self, **context: Any) -> None:
        """Lower the module preloads of every pre-rendered page.

        Args:
            **context: The post-build context; ``static_dir`` is the exported frontend.
        """
        static_dir = Path(context["static_dir"])
        for page in static_dir.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            lowered = lower_module_preloads(html)
            if lowered != html:
                page.write_text(lowered, encoding="utf-8")
