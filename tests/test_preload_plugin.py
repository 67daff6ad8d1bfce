"""The built pages paint before they fetch their JavaScript."""

from __future__ import annotations

import re

from bench.first_load import first_load_js
from care_portal.preload_plugin import PaintBeforeJavaScript, lower_module_preloads, paint_before_javascript

# A page as React Router pre-renders it (shortened): the stylesheet, one preload per module,
# and the boot script that imports the route modules and then the client entry.
BOOT = (
    'import "/assets/manifest-f59b4e0a.js";\n'
    'import * as route0 from "/assets/root-BwnZXdvi.js";\n'
    'import * as route1 from "/assets/_index-usjHjgCR.js";\n  \n'
    '  window.__reactRouterRouteModules = {"root":route0,"routes/_index":route1};\n\n'
    'import("/assets/entry.client-D3JR-U0f.js");'
)
MODULES = [
    "/assets/manifest-f59b4e0a.js",
    "/assets/entry.client-D3JR-U0f.js",
    "/assets/root-BwnZXdvi.js",
    "/assets/_index-usjHjgCR.js",
    "/assets/createLucideIcon-CcNZwAjX.js",
]
PAGE = (
    '<html><head><link as="style" href="/assets/__reflex_global_styles-DpUBWT0A.css" rel="preload"/>'
    + "".join(f'<link rel="modulepreload" href="{module}"/>' for module in MODULES)
    + '<link href="/assets/__reflex_global_styles-DpUBWT0A.css" rel="stylesheet" type="text/css"/></head>'
    + f'<body><main><h1>Cuidado</h1></main><script type="module" async="">{BOOT}</script></body></html>'
)


def _boot(html: str) -> str:
    return re.search(r'<script type="module" async="">(.*?)</script>', html, re.S).group(1)


def test_the_boot_script_waits_for_the_first_paint_then_preloads_and_imports_in_order():
    page = paint_before_javascript(PAGE)
    assert "modulepreload" not in page.split("<body>")[0]  # nothing competes with the stylesheet
    assert '<link href="/assets/__reflex_global_styles-DpUBWT0A.css" rel="stylesheet"' in page
    boot = _boot(page)
    waits = boot.index("requestAnimationFrame")
    assert waits < boot.index("modulepreload") < boot.index('import("/assets/root-BwnZXdvi.js")')
    assert boot.index("__reactRouterRouteModules") < boot.index('import("/assets/entry.client-D3JR-U0f.js")')
    assert "const [, route0, route1] = await Promise.all(" in boot  # the route modules, together
    assert all(f'"{module}"' in boot for module in MODULES)  # every module is still preloaded
    assert 'document.visibilityState === "visible"' in boot  # a background tab does not wait for a paint
    assert paint_before_javascript(page) == page  # a second build step changes nothing


def test_the_first_load_measure_finds_the_same_modules(tmp_path):
    (tmp_path / "assets").mkdir()
    for module in MODULES:
        (tmp_path / module.lstrip("/")).write_text(f"export const name = {module!r};", encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    before = first_load_js(tmp_path, "/")
    (tmp_path / "index.html").write_text(paint_before_javascript(PAGE), encoding="utf-8")
    assert first_load_js(tmp_path, "/") == before
    assert len(before) == len(MODULES)


def test_a_boot_script_of_another_shape_is_kept_and_only_the_preloads_are_lowered():
    other = PAGE.replace('import("/assets/entry.client', 'console.log(1);\nimport("/assets/entry.client')
    page = paint_before_javascript(other)
    assert _boot(page) == _boot(other)
    assert page.count('fetchpriority="low"') == len(MODULES)
    assert lower_module_preloads(page) == page


def test_post_build_rewrites_every_prerendered_page_and_nothing_else(tmp_path):
    (tmp_path / "tienda").mkdir()
    pages = [tmp_path / "index.html", tmp_path / "tienda" / "index.html", tmp_path / "tienda.html"]
    for page in pages:
        page.write_text(PAGE, encoding="utf-8")
    script = '"<script type=\\"module\\" async=\\"\\">import(\\"/assets/x.js\\");</script>"'
    (tmp_path / "app.js").write_text(script, encoding="utf-8")

    PaintBeforeJavaScript().post_build(static_dir=tmp_path)

    for page in pages:
        assert "requestAnimationFrame" in _boot(page.read_text(encoding="utf-8"))
    assert (tmp_path / "app.js").read_text(encoding="utf-8") == script


def test_the_app_builds_with_the_plugin():
    import rxconfig

    assert any(isinstance(plugin, PaintBeforeJavaScript) for plugin in rxconfig.config.plugins)
