"""No page puts a paragraph (or a block) inside a paragraph.

``rx.callout`` wraps its content in ``Callout.Text`` and ``rx.text`` is a ``<p>``: an
``rx.text``, a stack or a heading inside either is invalid HTML, which React reports in the
console and which can break hydration. This walks every page's component tree as the app
registers it (each branch of ``rx.cond``/``rx.match`` and the body of ``rx.foreach``).
"""

from __future__ import annotations

import reflex as rx
from reflex_components_radix.themes.components.callout import CalloutText
from reflex_components_radix.themes.typography.text import Text

# Components that render as a block element (<div>, <h2>, <table>, <form>…).
BLOCKS = {
    "Box",
    "Flex",
    "Grid",
    "Card",
    "Heading",
    "TableRoot",
    "CalloutRoot",
    "Div",
    "Form",
    "Ul",
    "Ol",
    "Table",
    "H1",
    "H2",
    "H3",
    "Section",
}


def _is_paragraph(component: rx.Component) -> bool:
    if isinstance(component, CalloutText):
        return True
    if isinstance(component, Text):
        as_ = component.as_
        return as_ is None or str(as_).strip('"') == "p"
    return getattr(component, "tag", None) == "p"


def _is_block(component: rx.Component) -> bool:
    return any(kind.__name__ in BLOCKS for kind in type(component).__mro__) or _is_paragraph(component)


def _children(component: rx.Component) -> list[rx.Component]:
    found = list(getattr(component, "children", None) or [])
    for name in ("comp1", "comp2", "default"):
        value = getattr(component, name, None)
        if isinstance(value, rx.Component):
            found.append(value)
    for case in getattr(component, "match_cases", None) or []:
        found.extend(part for part in case if isinstance(part, rx.Component))
    return found


def _blocks_in_paragraphs(component: rx.Component, paragraph: rx.Component | None = None):
    if paragraph is not None and _is_block(component):
        yield f"{type(component).__name__} inside {type(paragraph).__name__}: {str(component)[:160]}"
    inner = component if _is_paragraph(component) else paragraph
    for child in _children(component):
        yield from _blocks_in_paragraphs(child, inner)


def test_no_page_nests_a_block_in_a_paragraph():
    from care_portal.care_portal import app

    pages = app._unevaluated_pages
    assert len(pages) > 50
    wrong = {
        route: problems
        for route, page in pages.items()
        if (problems := list(_blocks_in_paragraphs(page.component())))
    }
    assert wrong == {}


def test_the_check_sees_a_paragraph_in_a_callout_and_in_a_text():
    callout = rx.callout(rx.text("Cuota"), icon="euro")
    stack = rx.text(rx.cond(rx.State.is_hydrated, rx.vstack(rx.text("a")), rx.text("b", as_="span")))
    fixed = rx.callout(rx.text("Cuota", as_="span"), icon="euro")
    assert len(list(_blocks_in_paragraphs(callout))) == 1
    assert len(list(_blocks_in_paragraphs(stack))) == 2  # the stack, and the text inside it
    assert list(_blocks_in_paragraphs(fixed)) == []
