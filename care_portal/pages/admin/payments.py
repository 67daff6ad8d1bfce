"""Payments for admins (/admin/pagos): orders held for review, failed delayed payments, failed refunds."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.models import Role
from care_portal.services import payment_reconciliation
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class AdminPaymentsState(SessionState):
    """What needs an admin in payments and refunds."""

    issues: list[dict] = []

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load the payment issues, newest first."""
        with session_scope() as session:
            rows = payment_reconciliation.issues(session, actor=viewer)
        self.issues = [asdict(row) for row in rows]


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.match(
                row["kind"],
                ("needs_review", rx.badge(t("admin.payments.kind.needs_review"), color_scheme="red")),
                ("payment_failed", rx.badge(t("admin.payments.kind.payment_failed"), color_scheme="amber")),
                rx.badge(t("admin.payments.kind.refund_failed"), color_scheme="red"),
            )
        ),
        rx.table.cell(row["order"]),
        rx.table.cell(row["when"], white_space="nowrap"),
        rx.table.cell(row["amount"], white_space="nowrap"),
        rx.table.cell(row["detail"]),
        class_name="payment-issue",
    )


def admin_payments_page() -> rx.Component:
    """The list of payment issues."""
    columns = ("kind", "order", "when", "amount", "detail")
    return page_shell(
        admin_tabs("payments"),
        rx.text(t("admin.payments.lead"), margin_bottom="1em"),
        rx.cond(
            AdminPaymentsState.issues.length() > 0,
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[rx.table.column_header_cell(t(f"admin.payments.col.{c}")) for c in columns]
                        )
                    ),
                    rx.table.body(rx.foreach(AdminPaymentsState.issues, _row)),
                    width="100%",
                    size="1",
                ),
                class_name="cp-table-wrap",
                id="payment-issues",
            ),
            rx.callout(t("admin.payments.none"), icon="circle_check", color_scheme="green"),
        ),
        title_key="admin.payments",
    )
