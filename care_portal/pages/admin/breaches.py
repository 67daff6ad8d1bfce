"""The breach register section of /admin/privacidad: the form and the list with its 72-hour clock."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.fields import form_error_banner, form_field, text_area
from care_portal.components.i18n import t
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.privacy import breaches
from care_portal.state.session import FormMixin, SessionState, guarded

FIELDS = (
    "summary",
    "known_day",
    "known_time",
    "data_affected",
    "people_affected",
    "measures",
    "notified_day",
    "notified_time",
    "not_notified_reason",
)


class BreachState(FormMixin, SessionState):
    """The register as listed, and the form to add a breach."""

    rows: list[dict] = []

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            self.rows = [asdict(r) for r in breaches.list_breaches(session, actor=viewer)]

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """List the register."""
        self._clear_errors()
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def record(self, viewer: Viewer, form: dict):
        """Add a breach."""
        self._clear_errors()
        data = breaches.BreachInput(**{name: str(form.get(name, "")) for name in FIELDS})
        try:
            with session_scope() as session:
                breaches.record_breach(session, actor=viewer, data=data)
        except DomainError as error:
            self._show_error(error)
            return None
        self._reload(viewer)
        return rx.toast.success(self._t("privacy.breach.saved"))


def _row(row: rx.Var) -> rx.Component:
    return rx.card(
        rx.text(row["known"], " · ", row["summary"], weight="bold"),
        rx.text(
            t("privacy.breach.data_affected"),
            ": ",
            row["data_affected"],
            " · ",
            row["people_affected"],
            size="2",
        ),
        rx.text(t("privacy.breach.measures"), ": ", row["measures"], size="2"),
        rx.cond(
            row["notified"] != "",
            rx.text(t("privacy.breach.notified_at"), ": ", row["notified"], size="2"),
            rx.cond(
                row["not_notified_reason"] != "",
                rx.text(t("privacy.breach.not_notified_reason"), ": ", row["not_notified_reason"], size="2"),
                rx.text(t("privacy.breach.notify_by"), ": ", row["notify_by"], size="2"),
            ),
        ),
        rx.cond(row["overdue"], rx.badge(t("privacy.breach.overdue"), color_scheme="red")),
        class_name="cp-card breach-row",
        width="100%",
    )


def breach_section() -> rx.Component:
    """The breach register: form and list."""
    errors = BreachState.field_errors
    return rx.box(
        rx.heading(t("privacy.breach.title"), size="5", as_="h2", margin_top="1.5em", margin_bottom="0.5em"),
        rx.vstack(rx.foreach(BreachState.rows, _row), spacing="2", width="100%", id="breach-register"),
        rx.card(
            rx.form(
                text_area("summary", "privacy.breach.summary", errors, required=True),
                rx.hstack(
                    form_field("known_day", "privacy.breach.known_day", errors, type_="date"),
                    form_field("known_time", "privacy.breach.known_time", errors, type_="time"),
                    wrap="wrap",
                ),
                form_field("data_affected", "privacy.breach.data_affected", errors),
                form_field("people_affected", "privacy.breach.people_affected", errors, type_="number"),
                text_area("measures", "privacy.breach.measures", errors),
                rx.hstack(
                    form_field(
                        "notified_day", "privacy.breach.notified_at", errors, type_="date", required=False
                    ),
                    form_field(
                        "notified_time", "privacy.breach.known_time", errors, type_="time", required=False
                    ),
                    wrap="wrap",
                ),
                form_field(
                    "not_notified_reason", "privacy.breach.not_notified_reason", errors, required=False
                ),
                form_error_banner(BreachState.form_error),
                rx.button(t("privacy.breach.save"), type="submit", size="3", id="breach-save"),
                on_submit=BreachState.record,
                reset_on_submit=True,
            ),
            class_name="cp-card",
            margin_top="1em",
        ),
    )
