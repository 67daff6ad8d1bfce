"""Late cancellation requests for admins (/admin/cancelaciones), and visits the company cancels."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.formatting import format_euros
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.services import cancellations, company_cancellations
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded


class AdminCancellationsState(FormMixin, SessionState):
    """Open late requests, and the form to cancel a visit on the company's side."""

    requests: list[dict] = []

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            rows = cancellations.list_open_requests(session, actor=viewer)
        self.requests = [asdict(r) for r in rows]

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """List the open requests, oldest first."""
        self._clear_errors()
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def decide(self, viewer: Viewer, request_id: int, decision: str):
        """Cancel with or without refund, or reject."""
        try:
            with session_scope() as session:
                cancellations.decide_request(
                    session,
                    actor=viewer,
                    request_id=int(request_id),
                    decision=decision,
                    provider=get_provider(),
                )
        except DomainError as error:
            self._reload(viewer)
            return rx.toast.error(self._error_text(error))
        self._reload(viewer)
        return rx.toast.success(self._t("cancel_admin.done"))

    @rx.event
    @guarded(Role.ADMIN)
    def cancel_by_company(self, viewer: Viewer, form: dict):
        """Cancel a visit on the company's side: a full refund, and the family is told why."""
        self._clear_errors()
        task_id = str(form.get("task_id", "")).strip().lstrip("#")
        if not task_id.isdigit():
            self.field_errors = {"task_id": self._t("company_cancel.task_required")}
            return None
        try:
            with session_scope() as session:
                refund = company_cancellations.cancel_by_company(
                    session,
                    actor=viewer,
                    task_id=int(task_id),
                    reason=str(form.get("reason", "")),
                    provider=get_provider(),
                )
        except NotFound:
            self.field_errors = {"task_id": self._t("company_cancel.not_found")}
            return None
        except DomainError as error:
            self._show_error(error)
            return None
        self._reload(viewer)
        return rx.toast.success(self._t("company_cancel.done", refund=format_euros(refund)))


def _request_card(row: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(row["service"], " · ", row["beneficiary"], size="4", as_="h2"),
            rx.text(t("cancel_admin.client"), ": ", row["client"], size="2"),
            rx.text(t("visits.appointment"), ": ", row["appointment"], size="2"),
            rx.text(
                t("visits.deadline"),
                ": ",
                row["deadline"],
                " · ",
                t("cancel_admin.asked"),
                ": ",
                row["requested"],
                size="2",
            ),
            rx.blockquote(row["message"], size="2"),
            rx.text(t("cancel_admin.share"), ": ", rx.text.strong(row["share"]), size="2"),
            rx.flex(
                rx.button(
                    t("cancel_admin.refund"),
                    on_click=AdminCancellationsState.decide(row["id"], "refund"),
                    color_scheme="green",
                ),
                rx.button(
                    t("cancel_admin.no_refund"),
                    on_click=AdminCancellationsState.decide(row["id"], "no_refund"),
                    variant="soft",
                ),
                rx.button(
                    t("cancel_admin.reject"),
                    on_click=AdminCancellationsState.decide(row["id"], "reject"),
                    variant="outline",
                    color_scheme="gray",
                ),
                wrap="wrap",
                spacing="2",
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card",
        width="100%",
    )


def _company_cancel_card() -> rx.Component:
    errors = AdminCancellationsState.field_errors
    return rx.card(
        rx.heading(t("company_cancel.title"), size="4", as_="h2", margin_bottom="0.5em"),
        rx.text(t("company_cancel.help"), size="2", color_scheme="gray"),
        rx.form(
            form_field("task_id", "company_cancel.task", errors),
            form_field("reason", "company_cancel.reason", errors),
            form_error_banner(AdminCancellationsState.form_error),
            rx.button(
                t("company_cancel.submit"), type="submit", color_scheme="red", id="company-cancel-submit"
            ),
            on_submit=AdminCancellationsState.cancel_by_company,
            reset_on_submit=False,
        ),
        id="company-cancel",
        class_name="cp-card",
        width="100%",
        max_width="760px",
        margin_top="1.5em",
    )


def admin_cancellations_page() -> rx.Component:
    """Late cancellation requests waiting for a decision."""
    return page_shell(
        admin_tabs("cancellations"),
        rx.text(t("cancel_admin.lead"), margin_bottom="1em"),
        rx.cond(
            AdminCancellationsState.requests.length() > 0,
            rx.vstack(
                rx.foreach(AdminCancellationsState.requests, _request_card),
                spacing="3",
                width="100%",
                max_width="760px",
            ),
            rx.text(t("cancel_admin.none")),
        ),
        _company_cancel_card(),
        title_key="cancel_admin.title",
    )
