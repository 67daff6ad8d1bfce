"""Measure the gzip size of the JavaScript a page loads first, from a production build.

Usage: ``python -m bench.first_load [.web/build/client] [/tienda …]``. A page's first
load is every module its pre-rendered HTML preloads or runs (React Router lists the
route's static imports as ``modulepreload`` links), each gzip-compressed at level 9.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

MODULES = re.compile(r'<(?:link rel="modulepreload" href|script type="module" src)="(/[^"]+\.js)"')
IMPORTS = re.compile(r'import\("(/assets/[^"]+\.js)"\)|from "(/assets/[^"]+\.js)"')


def page_html(build: Path, route: str) -> Path:
    """Return the pre-rendered HTML file of a route (``/`` is ``index.html``)."""
    name = route.strip("/")
    for candidate in (build / f"{name}.html", build / name / "index.html", build / "index.html"):
        if name and candidate.name == "index.html" and candidate.parent == build:
            continue
        if candidate.is_file():
            return candidate
    return build / "__spa-fallback.html"


def first_load_js(build: Path, route: str) -> dict[str, int]:
    """Return ``{module path: gzip bytes}`` of the JavaScript a route loads first."""
    html = page_html(build, route).read_text(encoding="utf-8")
    found = {m for m in MODULES.findall(html)}
    found |= {a or b for a, b in IMPORTS.findall(html)}
    sizes = {}
    for module in sorted(found):
        file = build / module.lstrip("/")
        if file.is_file():
            sizes[module] = len(gzip.compress(file.read_bytes(), compresslevel=9))
    return sizes


def main(argv: list[str]) -> int:
    """Print the first-load gzip size of each route given."""
    build = Path(argv[0]) if argv else Path(".web/build/client")
    for route in argv[1:] or ["/", "/tienda"]:
        sizes = first_load_js(build, route)
        print(f"{route}: {sum(sizes.values()) / 1024:.1f} KB gzip in {len(sizes)} modules")
        for module, size in sorted(sizes.items(), key=lambda item: -item[1])[:8]:
            print(f"  {size / 1024:7.1f} KB  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
