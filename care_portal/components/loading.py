"""What a list shows while its data is on the way: never its empty state before the data came."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t


def loading_state(reserve: str = "") -> rx.Component:
    """A spinner with «Cargando…», announced politely to screen readers (``role="status"``).

    Args:
        reserve: A minimum height (CSS) to keep for the content on its way, so that what follows
            (the footer) does not jump down when it arrives; empty for none.
    """
    return rx.hstack(
        rx.spinner(size="3"),
        rx.text(t("common.loading")),
        role="status",
        align="start" if reserve else "center",
        spacing="2",
        class_name="cp-loading",
        margin_y="1em",
        **({"min_height": reserve} if reserve else {}),
    )


def when_loaded(loaded: rx.Var, content: rx.Component, reserve: str = "") -> rx.Component:
    """Show ``content`` (the list, or its empty message) only once ``loaded`` is true.

    Args:
        loaded: The state's flag, set by its loader when the data is in.
        content: The list with its empty state.
        reserve: A minimum height for the loading state (see ``loading_state``).

    Returns:
        ``content`` or the loading state.
    """
    return rx.cond(loaded, content, loading_state(reserve))
