"""Page controls for long lists (25 rows a page, newest first; the service does the paging)."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx
from reflex.event import EventSpec

from care_portal.components.i18n import t
from care_portal.services.paging import Page


class PagerMixin(rx.State, mixin=True):
    """Which page of a list is shown, and how many there are."""

    page_number: int = 1
    page_count: int = 1
    row_total: int = 0

    def _show_page(self, page: Page) -> None:
        self.page_number = page.number
        self.page_count = page.pages
        self.row_total = page.total


def page_controls(
    number: rx.Var,
    count: rx.Var,
    go_to: Callable[[rx.Var], EventSpec],
    *,
    class_prefix: str = "pager",
    **props,
) -> rx.Component:
    """«Anterior · Página 2 / 4 · Siguiente» for any paged list; nothing when there is one page.

    Args:
        number: The page shown (from 1).
        count: How many pages there are.
        go_to: The guarded handler that shows page ``number`` (called with the page wanted).
        class_prefix: Start of the controls' class names (``<prefix>-previous``, ``-position``,
            ``-next``), for a page with two lists.
        **props: More props of the row (e.g. its margin).

    Returns:
        The row of controls, shown only while ``count > 1``.
    """
    return rx.cond(
        count > 1,
        rx.hstack(
            rx.button(
                t("common.previous"),
                on_click=go_to(number - 1),
                disabled=number <= 1,
                variant="soft",
                class_name=f"{class_prefix}-previous",
            ),
            rx.text(t("common.page"), " ", number, " / ", count, class_name=f"{class_prefix}-position"),
            rx.button(
                t("common.next"),
                on_click=go_to(number + 1),
                disabled=number >= count,
                variant="soft",
                class_name=f"{class_prefix}-next",
            ),
            align="center",
            spacing="3",
            **props,
        ),
    )


def pager(state: type[PagerMixin]) -> rx.Component:
    """The controls of a ``PagerMixin`` list; nothing when everything fits on one page.

    Args:
        state: A state with ``PagerMixin`` and a guarded ``go_to_page(number)`` handler.
    """
    return page_controls(
        state.page_number, state.page_count, state.go_to_page, margin_top="1em", class_name="cp-pager"
    )
