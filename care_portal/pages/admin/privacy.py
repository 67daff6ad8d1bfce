"""Rights requests queue for admins (/admin/privacidad): open ones by due date, overdue flagged."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.pages.admin.blocked_data import blocked_data_section
from care_portal.pages.admin.breaches import breach_section
from care_portal.services.authz import Viewer
from care_portal.services.privacy import rights
from care_portal.state.session import SessionState, guarded


class AdminPrivacyState(SessionState):
    """The rights requests queue."""

    requests: list[dict] = []
    open_count: int = 0
    overdue_count: int = 0
    page: int = 1
    pages: int = 1

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            queue = rights.admin_queue(session, actor=viewer, page=self.page)
        self.requests = [
            asdict(r) | {"kind_label": self._t(f"privacy.kind.{r.kind}"), "outcome_label": self._t(r.outcome)}
            for r in queue.rows
        ]
        self.open_count, self.overdue_count = queue.open_count, queue.overdue_count
        self.page, self.pages = queue.page, queue.pages

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Show the first page of the queue."""
        self.page = 1
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def go(self, viewer: Viewer, page: int):
        """Show another page."""
        self.page = int(page)
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def close(self, viewer: Viewer, form: dict):
        """Record the answer given to a request."""
        try:
            with session_scope() as session:
                rights.close_request(
                    session,
                    actor=viewer,
                    request_id=int(form.get("request_id", 0) or 0),
                    outcome=str(form.get("outcome", "")),
                )
        except (DomainError, ValueError) as error:
            self._reload(viewer)
            text = self._error_text(error) if isinstance(error, DomainError) else str(error)
            return rx.toast.error(text)
        self._reload(viewer)
        return rx.toast.success(self._t("privacy.queue.closed"))


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["received"]),
        rx.table.cell(row["requester"]),
        rx.table.cell(row["kind_label"], rx.text(row["details"], size="1", color_scheme="gray")),
        rx.table.cell(
            row["due"],
            rx.cond(
                row["overdue"], rx.badge(t("privacy.queue.overdue"), color_scheme="red", class_name="overdue")
            ),
        ),
        rx.table.cell(
            rx.cond(
                row["closed"] != "",
                rx.text(row["closed"], " · ", row["outcome_label"], size="2"),
                rx.form(
                    rx.el.input(type="hidden", name="request_id", value=row["id"].to(str)),
                    rx.input(name="outcome", placeholder=t("privacy.queue.outcome"), size="2", required=True),
                    rx.button(t("privacy.queue.close"), type="submit", size="2"),
                    on_submit=AdminPrivacyState.close,
                    display="flex",
                    gap="0.5em",
                ),
            )
        ),
    )


def admin_privacy_page() -> rx.Component:
    """Rights requests: what is open, what is overdue, and the answers given."""
    return page_shell(
        admin_tabs("privacy"),
        rx.text(
            AdminPrivacyState.open_count,
            " ",
            t("privacy.queue.open"),
            " · ",
            AdminPrivacyState.overdue_count,
            " ",
            t("privacy.queue.overdue"),
            id="privacy-counts",
            margin_bottom="1em",
        ),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(t("access.when")),
                    rx.table.column_header_cell(t("access.who")),
                    rx.table.column_header_cell(t("privacy.requests.kind")),
                    rx.table.column_header_cell(t("privacy.requests.due")),
                    rx.table.column_header_cell(t("privacy.queue.outcome")),
                )
            ),
            rx.table.body(rx.foreach(AdminPrivacyState.requests, _row)),
            id="privacy-queue",
            width="100%",
        ),
        rx.cond(
            AdminPrivacyState.pages > 1,
            rx.hstack(
                rx.button(
                    "‹",
                    on_click=AdminPrivacyState.go(AdminPrivacyState.page - 1),
                    disabled=AdminPrivacyState.page <= 1,
                ),
                rx.text(AdminPrivacyState.page, " / ", AdminPrivacyState.pages),
                rx.button(
                    "›",
                    on_click=AdminPrivacyState.go(AdminPrivacyState.page + 1),
                    disabled=AdminPrivacyState.page >= AdminPrivacyState.pages,
                ),
                margin_top="1em",
            ),
        ),
        breach_section(),
        blocked_data_section(),
        title_key="privacy.queue.title",
    )
