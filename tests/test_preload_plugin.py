"""The built pages fetch their stylesheet before their JavaScript modules."""

from __future__ import annotations

from bench.first_load import MODULES
from care_portal.preload_plugin import LowPriorityModulePreloads, lower_module_preloads

# The head React Router pre-renders (shortened): the stylesheet, then one preload per module.
HEAD = (
    '<link as="style" href="/assets/__reflex_global_styles-DpUBWT0A.css" rel="preload"/>'
    '<link rel="modulepreload" href="/assets/manifest-f59b4e0a.js"/>'
    '<link rel="modulepreload" href="/assets/entry.client-D3JR-U0f.js"/>'
    '<script type="module" async="">import "/assets/manifest-f59b4e0a.js";</script>'
)


def test_each_module_preload_is_fetched_at_low_priority_and_the_stylesheet_is_untouched():
    lowered = lower_module_preloads(HEAD)
    assert lowered.count('fetchpriority="low"') == 2
    entry = '<link rel="modulepreload" href="/assets/entry.client-D3JR-U0f.js" fetchpriority="low"/>'
    assert entry in lowered
    assert '<link as="style" href="/assets/__reflex_global_styles-DpUBWT0A.css" rel="preload"/>' in lowered
    assert lower_module_preloads(lowered) == lowered  # a second build step changes nothing


def test_the_first_load_measure_still_finds_every_module():
    assert MODULES.findall(lower_module_preloads(HEAD)) == MODULES.findall(HEAD)
    assert len(MODULES.findall(HEAD)) == 2


def test_post_build_rewrites_every_prerendered_page(tmp_path):
    (tmp_path / "tienda").mkdir()
    pages = [tmp_path / "index.html", tmp_path / "tienda" / "index.html", tmp_path / "tienda.html"]
    for page in pages:
        page.write_text(HEAD, encoding="utf-8")
    (tmp_path / "app.js").write_text('"<link rel=\\"modulepreload\\" href=\\"x\\"/>"', encoding="utf-8")

    LowPriorityModulePreloads().post_build(static_dir=tmp_path)

    for page in pages:
        assert page.read_text(encoding="utf-8").count('fetchpriority="low"') == 2
    assert "fetchpriority" not in (tmp_path / "app.js").read_text(encoding="utf-8")  # only the pages


def test_the_app_builds_with_the_plugin():
    import rxconfig

    assert any(isinstance(plugin, LowPriorityModulePreloads) for plugin in rxconfig.config.plugins)


def test_the_toaster_is_told_the_direction_so_hydration_does_not_read_computed_styles():
    from care_portal.care_portal import app

    rendered = str(app.toaster.render())
    assert '"ltr"' in rendered, rendered
