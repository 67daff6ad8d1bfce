"""Late cancellation requests for admins (/admin/cancelaciones)."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.services import cancellations
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class AdminCancellationsState(SessionState):
    """Open late requests."""

    requests: list[dict] = []

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            rows = cancellations.list_open_requests(session, actor=viewer)
        self.requests = [asdict(r) for r in rows]

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """List the open requests, oldest first."""
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
                gap="2",
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card",
        width="100%",
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
        title_key="cancel_admin.title",
    )
