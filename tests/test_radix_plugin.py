"""The app's Radix Themes stylesheet carries every colour palette the code names."""

from __future__ import annotations

import ast
from pathlib import Path

from care_portal.radix_plugin import PALETTES, PageScopedRadixThemes

ROOT = Path(__file__).resolve().parent.parent
RADIX_COLORS = {
    *("tomato", "red", "ruby", "crimson", "pink", "plum", "purple", "violet", "iris", "indigo", "blue"),
    *("cyan", "teal", "jade", "green", "grass", "bronze", "gold", "brown", "orange", "amber", "yellow"),
    *("lime", "mint", "sky", "gray", "mauve", "slate", "sage", "olive", "sand"),
}


def _colours_named_in(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in RADIX_COLORS:
                found.setdefault(node.value, str(path.relative_to(ROOT)))
    return found


def test_every_colour_the_code_names_has_its_palette_in_the_stylesheet():
    named = _colours_named_in(ROOT / "care_portal")
    missing = {colour: where for colour, where in named.items() if colour not in PALETTES}
    assert missing == {}, f"add these to PALETTES in care_portal/radix_plugin.py: {missing}"
    assert {"teal", "slate", "red"} <= set(named)  # the scan sees the theme and the badges


def test_colours_in_styles_css_are_in_the_palettes_too():
    css = (ROOT / "assets" / "styles.css").read_text(encoding="utf-8")
    used = {colour for colour in RADIX_COLORS if f"var(--{colour}-" in css}
    assert used, "styles.css names no palette: the scan is broken"
    assert used <= set(PALETTES), used - set(PALETTES)


def test_the_stylesheets_are_radix_themes_own_split_in_its_order():
    sheets = PageScopedRadixThemes().get_stylesheet_paths()
    assert sheets[0] == "@radix-ui/themes/tokens/base.css"
    assert sheets[-2:] == ("@radix-ui/themes/components.css", "@radix-ui/themes/utilities.css")
    assert "@radix-ui/themes/styles.css" not in sheets  # the whole bundle, every palette
    assert PageScopedRadixThemes().get_frontend_dependencies() == ()  # not bundled on window.__reflex
