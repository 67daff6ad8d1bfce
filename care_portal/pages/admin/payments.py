"""Payments for admins (/admin/pagos): orders held for review, failed delayed payments, failed refunds.

Also whether issued invoices get their PDFs (the rendering queue): stuck or failing
renderings are shown here, where an admin already looks for what went wrong after a payment.
"""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.callouts import block_callout
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.i18n import tr
from care_portal.models import Role
from care_portal.services import invoice_pdf_queue, payment_reconciliation
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class AdminPaymentsState(SessionState):
    """What needs an admin in payments and refunds."""

    issues: list[dict] = []
    pdf_queue: dict[str, str] = {}

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load the payment issues, newest first, and how the invoice PDF queue is doing."""
        with session_scope() as session:
            rows = payment_reconciliation.issues(session, actor=viewer)
            pdfs = invoice_pdf_queue.queue_status(session, actor=viewer)
        self.issues = [asdict(row) for row in rows]
        self.pdf_queue = pdf_queue_texts(pdfs, self.lang)


def pdf_queue_texts(health: invoice_pdf_queue.PdfQueueHealth, lang: str) -> dict[str, str]:
    """Return the queue's state in words: ``level`` (ok, waiting, alert) and its sentences."""
    level = "alert" if health.needs_attention else "waiting" if health.waiting else "ok"
    minutes = max(1, int(health.oldest_seconds // 60))
    return {
        "level": level,
        "waiting": tr("admin.pdf_queue.waiting", lang, count=health.waiting, minutes=minutes)
        if health.waiting
        else tr("admin.pdf_queue.none", lang),
        "stale": tr("admin.pdf_queue.stale", lang) if health.stale else "",
        "failed": tr("admin.pdf_queue.failed", lang, count=health.failed) if health.failed else "",
    }


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


def _pdf_queue() -> rx.Component:
    queue = AdminPaymentsState.pdf_queue
    sentences = [
        rx.text(queue["waiting"], size="2"),
        *[
            rx.cond(queue[key] != "", rx.text(queue[key], size="2", margin_top="0.25em"))
            for key in ("stale", "failed")
        ],
    ]
    return rx.match(
        queue["level"],
        (
            "alert",
            block_callout(*sentences, icon="triangle_alert", color_scheme="red", id="invoice-pdf-queue"),
        ),
        ("ok", block_callout(*sentences, icon="circle_check", color_scheme="green", id="invoice-pdf-queue")),
        block_callout(*sentences, icon="clock", color_scheme="gray", id="invoice-pdf-queue"),
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
        rx.heading(t("admin.pdf_queue"), size="5", as_="h2", margin_top="1.5em", margin_bottom="0.5em"),
        _pdf_queue(),
        title_key="admin.payments",
    )
