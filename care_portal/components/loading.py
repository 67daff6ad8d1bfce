"""What a list shows while its data is on the way: never its empty state before the data came."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t


def loading_state() -> rx.Component:
    """A spinner with «Cargando…», announced politely to screen readers (``role="status"``)."""
    return rx.hstack(
        rx.spinner(size="3"),
        rx.text(t("common.loading")),
        role="status",
        align="center",
        spacing="2",
        class_name="cp-loading",
        margin_y="1em",
    )


def when_loaded(loaded: rx.Var, content: rx.Component) -> rx.Component:
    """Show ``content`` (the list, or its empty message) only once ``loaded`` is true.

    Args:
        loaded: The state's flag, set by its loader when the data is in.
        content: The list with its empty state.

    Returns:
        ``content`` or the loading state.
    """
    return rx.cond(loaded, content, loading_state())
