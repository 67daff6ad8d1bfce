"""Page controls for long lists (25 rows a page, newest first; the service does the paging)."""

from __future__ import annotations

import reflex as rx

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


def pager(state: type[PagerMixin]) -> rx.Component:
    """«Anterior · Página 2 de 4 · Siguiente»; nothing when everything fits on one page.

    Args:
        state: A state with ``PagerMixin`` and a guarded ``go_to_page(number)`` handler.
    """
    return rx.cond(
        state.page_count > 1,
        rx.hstack(
            rx.button(
                t("common.previous"),
                on_click=state.go_to_page(state.page_number - 1),
                disabled=state.page_number <= 1,
                variant="soft",
                class_name="pager-previous",
            ),
            rx.text(
                t("common.page"),
                " ",
                state.page_number,
                " / ",
                state.page_count,
                class_name="pager-position",
            ),
            rx.button(
                t("common.next"),
                on_click=state.go_to_page(state.page_number + 1),
                disabled=state.page_number >= state.page_count,
                variant="soft",
                class_name="pager-next",
            ),
            align="center",
            spacing="3",
            margin_top="1em",
            class_name="cp-pager",
        ),
    )
