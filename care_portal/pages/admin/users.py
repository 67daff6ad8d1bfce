"""Administration: users and their roles, and the outgoing e-mail ("Correo saliente").

The tabs also lead to the invoices (pages/billing/invoices.py).
"""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs, aeat_incidents_callout
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.pager import PagerMixin, pager
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.i18n import tr
from care_portal.models import Role
from care_portal.services import accounts, aeat_status, notifications
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded

ROLE_VALUES = [r.value for r in Role]


class AdminUsersState(PagerMixin, SessionState):
    """The list of users with their roles, newest first, a page at a time."""

    users: list[dict] = []
    aeat_incidents: int = 0

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load the first page of users, and how many VeriFactu records need an admin."""
        self._fill(viewer, 1)

    @rx.event
    @guarded(Role.ADMIN)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of users."""
        self._fill(viewer, number)

    def _fill(self, viewer: Viewer, number: int) -> None:
        with session_scope() as session:
            rows = accounts.list_users(session, actor=viewer, page=number)
            self.aeat_incidents = aeat_status.count_incidents(session, actor=viewer)
        self.users = [asdict(row) | {"role_label": tr(f"role.{row.role}", self.lang)} for row in rows]
        self._show_page(rows)

    @rx.event
    @guarded(Role.ADMIN)
    def change_role(self, viewer: Viewer, user_id: int, role: str):
        """Give a user another role."""
        try:
            with session_scope() as session:
                accounts.set_role(session, actor=viewer, user_id=int(user_id), role=role)
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        self._fill(viewer, self.page_number)
        return rx.toast.success(self._t("admin.role_saved"))


class OutboxState(SessionState):
    """The outbox as the admin sees it."""

    messages: list[dict] = []

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load the newest messages."""
        with session_scope() as session:
            rows = notifications.list_outbox(session, actor=viewer)
        self.messages = [asdict(row) for row in rows]


def _user_row(user: dict) -> rx.Component:
    return rx.table.row(
        rx.table.cell(user["full_name"]),
        rx.table.cell(user["email"]),
        rx.table.cell(
            rx.el.select(
                *[rx.el.option(t(f"role.{r}"), value=r) for r in ROLE_VALUES],
                value=user["role"],
                on_change=lambda value: AdminUsersState.change_role(user["id"], value),
                aria_label=t("admin.col.role"),
                class_name="cp-select",
            )
        ),
        rx.table.cell(user["created"]),
    )


def admin_users_page() -> rx.Component:
    """Users and roles."""
    return page_shell(
        admin_tabs("users"),
        aeat_incidents_callout(AdminUsersState.aeat_incidents),
        rx.box(
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("admin.col.name")),
                        rx.table.column_header_cell(t("admin.col.email")),
                        rx.table.column_header_cell(t("admin.col.role")),
                        rx.table.column_header_cell(t("admin.col.created")),
                    )
                ),
                rx.table.body(rx.foreach(AdminUsersState.users, _user_row)),
                width="100%",
            ),
            class_name="cp-table-wrap",
        ),
        pager(AdminUsersState),
        title_key="admin.title",
    )


def _message_card(message: dict) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.match(
                message["status"],
                ("sent", rx.badge(t("outbox.sent"), color_scheme="green")),
                ("failed", rx.badge(t("outbox.failed"), color_scheme="red")),
                rx.badge(t("outbox.pending"), color_scheme="amber"),
            ),
            rx.text(message["created"], size="2", color_scheme="gray"),
            wrap="wrap",
        ),
        rx.text(t("admin.col.to"), ": ", message["to_address"], weight="bold"),
        rx.text(message["subject"]),
        rx.el.details(
            rx.el.summary(t("admin.col.subject")),
            rx.el.pre(message["body_text"], style={"whiteSpace": "pre-wrap", "fontSize": "14px"}),
        ),
        class_name="cp-card outbox-message",
    )


def admin_outbox_page() -> rx.Component:
    """Outgoing e-mail."""
    return page_shell(
        admin_tabs("outbox"),
        rx.text(t("admin.outbox.lead"), margin_bottom="1em"),
        rx.cond(
            OutboxState.messages.length() > 0,
            rx.vstack(rx.foreach(OutboxState.messages, _message_card), spacing="3", width="100%"),
            rx.text(t("admin.outbox.empty")),
        ),
        title_key="admin.outbox",
    )
