"""Spacing between laid-out items uses Radix's scale through ``spacing``, never a bare ``gap="3"``.

In Reflex 0.10 ``gap``, ``row_gap`` and ``column_gap`` are plain CSS: ``gap="3"`` renders the invalid
``gap: 3``, which the browser drops, so the items touch (as the manager's weekday ticks did).
"""

from __future__ import annotations

import ast
from pathlib import Path

import reflex as rx

ROOT = Path(__file__).resolve().parent.parent
CSS_GAPS = {"gap", "row_gap", "column_gap"}


def _bare_number_gaps() -> list[str]:
    found = []
    for path in sorted((ROOT / "care_portal").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg in CSS_GAPS
                    and isinstance(value, ast.Constant)
                    and str(value.value).isdigit()
                    and str(value.value) != "0"
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {keyword.arg}={value.value!r}")
    return found


def test_no_component_gets_a_unitless_css_gap():
    assert _bare_number_gaps() == []


def test_spacing_is_radix_gap_and_gap_is_css():
    """What the rule rests on: how Reflex renders the two props."""
    assert 'gap:"3"' in str(rx.flex(spacing="3")).replace(" ", "")
    assert '["gap"]:"3"' in str(rx.flex(gap="3")).replace(" ", "")
