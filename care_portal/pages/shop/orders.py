"""The client's orders and the visits each one created."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx
from sqlmodel import Session

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.loading import when_loaded
from care_portal.components.pager import pager
from care_portal.components.visits import ordinal_badge
from care_portal.domain.series import visit_ordinal_label
from care_portal.i18n import tr
from care_portal.services import checkout
from care_portal.services.authz import Viewer
from care_portal.services.paging import Page
from care_portal.state.paged_list import ClientPagedListMixin
from care_portal.state.session import SessionState


class OrdersState(ClientPagedListMixin, SessionState):
    """The logged-in client's orders, a page at a time."""

    orders: list[dict] = []

    def _read_page(self, session: Session, viewer: Viewer, number: int) -> Page:
        return checkout.list_orders(session, actor=viewer, page=number)

    def _show_rows(self, page: Page) -> None:
        self.orders = []
        for summary in page:
            row = asdict(summary)
            row["status_label"] = tr(f"orders.status.{summary.status}", self.lang)
            row["tasks"] = [
                task
                | {
                    "state_label": tr(f"task.state.{task['state']}", self.lang),
                    "ordinal": visit_ordinal_label(
                        task["sequence_number"], task["sequence_total"], self.lang
                    ),
                }
                for task in summary.tasks
            ]
            self.orders.append(row)


def _task_row(task: dict) -> rx.Component:
    return rx.hstack(
        rx.text(task["service"], flex="1"),
        ordinal_badge(task["ordinal"]),
        rx.badge(task["state_label"], color_scheme="amber", size="2"),
        rx.text(t("mail.visit_code"), ": ", rx.code(task["visit_code"], size="3"), size="2"),
        wrap="wrap",
        width="100%",
        class_name="order-task",
    )


def _order_card(order: dict) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(order["beneficiary_name"], size="4", as_="h2"),
                rx.spacer(),
                rx.badge(
                    order["status_label"],
                    size="2",
                    color_scheme=rx.cond(order["status"] == "paid", "green", "gray"),
                ),
                width="100%",
                wrap="wrap",
            ),
            rx.text(order["created"], " · ", rx.text.strong(order["total"]), size="2", color_scheme="gray"),
            rx.foreach(
                order["lines"].to(list[dict]),
                lambda line: rx.text(line["quantity"], " × ", line["name"], " — ", line["amount"]),
            ),
            rx.cond(
                order["tasks"].to(list[dict]).length() > 0,
                rx.vstack(
                    rx.text(t("orders.tasks"), weight="bold"),
                    rx.foreach(order["tasks"].to(list[dict]), _task_row),
                    width="100%",
                    spacing="2",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card order-card",
    )


def orders_page() -> rx.Component:
    """All the client's orders, newest first."""
    return page_shell(
        rx.link(t("withdrawal.link"), href=routes.ACCOUNT_WITHDRAWAL, id="orders-withdrawal-link"),
        when_loaded(
            OrdersState.loaded,
            rx.cond(
                OrdersState.orders.length() > 0,
                rx.vstack(
                    rx.foreach(OrdersState.orders, _order_card),
                    pager(OrdersState),
                    spacing="3",
                    width="100%",
                    max_width="860px",
                ),
                rx.text(t("orders.empty"), id="orders-empty"),
            ),
        ),
        title_key="orders.title",
    )
