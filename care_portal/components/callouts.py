"""Callouts whose content is more than one line of text (a heading, a list, a form)."""

from __future__ import annotations

import reflex as rx


def block_callout(*children: rx.Component, icon: str, **props) -> rx.Component:
    """A callout with blocks beside its icon.

    ``rx.callout`` puts its content in ``Callout.Text``, a ``<p>``: a stack or an ``rx.text``
    (another ``<p>``) inside it is invalid HTML, which React warns about and which can break
    hydration. Here the content sits in a ``<div>``. A callout of one line keeps ``rx.callout``,
    with any ``rx.text`` inside it rendered ``as_="span"``.

    Args:
        *children: The callout's content.
        icon: Name of its Lucide icon.
        **props: Props of the callout (colour, id, role, width…).

    Returns:
        The callout.
    """
    return rx.callout.root(rx.callout.icon(rx.icon(icon)), rx.box(*children), **props)
