"""VeriFactu for admins (/admin/verifactu): record counts, incidents to act on, the sending log."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.pages.billing.declaration import declaration_table
from care_portal.services import aeat_status, billing_records
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class AdminAeatState(SessionState):
    """What the AEAT has of our records, and what needs an admin."""

    counts: dict[str, int] = {}
    incidents: list[dict] = []
    submissions: list[dict] = []
    sender: dict[str, str] = {}

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            counts = aeat_status.counts(session, actor=viewer)
            incidents = aeat_status.incidents(session, actor=viewer)
            submissions = aeat_status.submissions(session, actor=viewer)
            sender = aeat_status.sender_info(session, actor=viewer)
        self.counts = asdict(counts)
        self.incidents = [asdict(row) for row in incidents]
        self.submissions = [asdict(row) for row in submissions]
        self.sender = {key: str(value) for key, value in asdict(sender).items()}

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load counts, incidents, the sender's state and the newest attempts."""
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def correct(self, viewer: Viewer, record_id: int):
        """Append a corrected record for a rejected one or one accepted with errors."""
        try:
            with session_scope() as session:
                billing_records.correct_record(session, record_id=int(record_id), actor=viewer)
        except DomainError as error:
            self._reload(viewer)
            key = next(iter(getattr(error, "errors", {}).values()), error.key)
            return rx.toast.error(self._t(key))
        self._reload(viewer)
        return rx.toast.success(self._t("admin.aeat.corrected"))


def _count_card(key: str, name: str, color: str) -> rx.Component:
    return rx.card(
        rx.text(t(key), size="2", color_scheme="gray"),
        rx.text(AdminAeatState.counts[name], size="7", weight="bold", id=f"aeat-{name}", color_scheme=color),
        class_name="cp-card",
    )


def _incident_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["number"], white_space="nowrap"),
        rx.table.cell(
            rx.cond(row["kind"] == "anulacion", t("admin.aeat.kind.anulacion"), t("admin.aeat.kind.alta"))
        ),
        rx.table.cell(row["generated"], white_space="nowrap"),
        rx.table.cell(
            rx.match(
                row["status"],
                ("rejected", rx.badge(t("admin.aeat.status.rejected"), color_scheme="red")),
                ("invalid", rx.badge(t("admin.aeat.status.invalid"), color_scheme="red")),
                (
                    "accepted_with_errors",
                    rx.badge(t("admin.aeat.status.accepted_with_errors"), color_scheme="amber"),
                ),
                rx.badge(t("admin.aeat.status.pending"), color_scheme="amber"),
            )
        ),
        rx.table.cell(
            rx.cond(row["error_code"] != "", rx.text(row["error_code"], " · ", as_="span")),
            row["error_description"],
        ),
        rx.table.cell(
            rx.cond(
                row["correctable"],
                rx.button(
                    t("admin.aeat.correct"),
                    on_click=AdminAeatState.correct(row["record_id"]),
                    size="2",
                    class_name="aeat-correct",
                ),
            )
        ),
        class_name="aeat-incident",
    )


def _incidents() -> rx.Component:
    columns = ("number", "kind", "generated", "status", "error", "action")
    return rx.cond(
        AdminAeatState.incidents.length() > 0,
        rx.vstack(
            rx.text(t("admin.aeat.incidents_lead")),
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[rx.table.column_header_cell(t(f"admin.aeat.col.{c}")) for c in columns]
                        )
                    ),
                    rx.table.body(rx.foreach(AdminAeatState.incidents, _incident_row)),
                    width="100%",
                    size="1",
                ),
                class_name="cp-table-wrap",
                id="aeat-incidents",
                width="100%",
            ),
            align="start",
            width="100%",
        ),
        rx.callout(t("admin.aeat.incidents_none"), icon="circle_check", color_scheme="green"),
    )


def _log_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["started"], white_space="nowrap"),
        rx.table.cell(row["record_count"]),
        rx.table.cell(
            rx.match(
                row["outcome"],
                *[(code, t(f"admin.aeat.outcome.{code}")) for code in aeat_status.LOG_OUTCOMES],
                row["outcome"],
            ),
            " ",
            row["estado_envio"],
            rx.text(row["error"], size="1"),
        ),
        rx.table.cell(row["csv"]),
    )


def _sender() -> rx.Component:
    return rx.cond(
        AdminAeatState.sender["configured"] == "True",
        rx.vstack(
            rx.text(
                rx.cond(
                    AdminAeatState.sender["mode"] == "production",
                    t("admin.aeat.mode.production"),
                    t("admin.aeat.mode.test"),
                )
            ),
            rx.cond(
                AdminAeatState.sender["next_send"] != "",
                rx.text(t("admin.aeat.next_send"), ": ", AdminAeatState.sender["next_send"]),
            ),
            rx.cond(
                AdminAeatState.sender["last_error"] != "",
                rx.callout(
                    rx.text(
                        t("admin.aeat.last_error"), ": ", AdminAeatState.sender["last_error"], as_="span"
                    ),
                    icon="triangle_alert",
                    color_scheme="amber",
                ),
            ),
            align="start",
        ),
        rx.callout(t("admin.aeat.sender_off"), icon="plug", color_scheme="amber", id="aeat-sender-off"),
    )


def admin_aeat_page() -> rx.Component:
    """Counts, incidents and the sending log for admins."""
    log_columns = ("when", "records", "outcome", "csv")
    return page_shell(
        admin_tabs("aeat"),
        rx.text(t("admin.aeat.lead"), margin_bottom="1em"),
        rx.grid(
            _count_card("admin.aeat.sent", "sent", "green"),
            _count_card("admin.aeat.with_errors", "with_errors", "amber"),
            _count_card("admin.aeat.rejected", "rejected", "red"),
            _count_card("admin.aeat.pending", "pending", "gray"),
            _count_card("admin.aeat.incidents", "incidents", "red"),
            columns=rx.breakpoints(initial="2", md="5"),
            spacing="3",
            width="100%",
            margin_bottom="1.5em",
        ),
        rx.heading(t("admin.aeat.incidents"), size="5", as_="h2", margin_bottom="0.5em"),
        _incidents(),
        rx.heading(t("admin.aeat.sender"), size="5", as_="h2", margin_top="1.5em", margin_bottom="0.5em"),
        _sender(),
        rx.heading(t("admin.aeat.log"), size="5", as_="h2", margin_top="1.5em", margin_bottom="0.5em"),
        rx.cond(
            AdminAeatState.submissions.length() > 0,
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[rx.table.column_header_cell(t(f"admin.aeat.log.{c}")) for c in log_columns]
                        )
                    ),
                    rx.table.body(rx.foreach(AdminAeatState.submissions, _log_row)),
                    width="100%",
                    size="1",
                ),
                class_name="cp-table-wrap",
            ),
            rx.text(t("admin.aeat.log.empty")),
        ),
        rx.heading(t("declaration.title"), size="5", as_="h2", margin_top="1.5em", margin_bottom="0.5em"),
        declaration_table(),
        title_key="admin.aeat",
    )
