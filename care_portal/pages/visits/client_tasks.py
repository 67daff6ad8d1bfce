"""The client's "Tareas" tab (/cuenta/tareas): every contracted visit, its deadline and its report."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from care_portal import routes
from care_portal.components.calendar_feed import feed_card
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.loading import when_loaded
from care_portal.components.pager import pager
from care_portal.components.report_view import rating_block, report_parts_view, report_photos_view
from care_portal.components.visits import ordinal_badge, state_badge
from care_portal.domain.series import visit_ordinal_label
from care_portal.pages.visits.rating_state import RatingState
from care_portal.services import client_tasks, report_views
from care_portal.services.authz import Viewer
from care_portal.services.paging import Page
from care_portal.state.paged_list import ClientPagedListMixin
from care_portal.state.session import SessionState


class ClientTasksState(ClientPagedListMixin, SessionState):
    """The logged-in client's tasks, a page at a time."""

    tasks: list[dict[str, str]] = []

    def _read_page(self, session: Session, viewer: Viewer, number: int) -> Page:
        return client_tasks.list_client_tasks(session, actor=viewer, page=number)

    def _show_rows(self, page: Page) -> None:
        self._set_changed(tasks=[_flat(row, self.lang) for row in page])


def _flat(row: client_tasks.ClientTask, lang: str) -> dict[str, str]:
    """One task as the strings its card reads ("1" / "" for yes / no), and nothing else.

    The rows of the page go to the browser each time the page changes, so a row carries
    only what its card shows: the report's fields only with a report, the refund's only
    for a cancelled visit (the card reads them only then).
    """
    flat = {
        "id": str(row.id),
        "service": row.service,
        "ordinal": visit_ordinal_label(row.sequence_number, row.sequence_total, lang),
        "state": row.state,
        "beneficiary": row.beneficiary,
        "manager": row.manager,
        "appointment": row.appointment,
        "preferred": row.preferred,
        "visit_code": row.visit_code,
        "deadline": row.deadline,
        "free_cancellation": "1" if row.free_cancellation else "",
        "open_request": row.open_request,
        "has_report": "1" if row.report else "",
        "cancelled": "1" if row.cancellation else "",
    }
    if row.report:
        flat["report_work_done"] = row.report["work_done"]
        flat["report_observations"] = row.report["observations"]
        flat["report_next_steps"] = row.report["next_steps"]
        flat |= report_views.flat_extras(row.extras)
    if row.cancellation:
        flat["cancel_refund"] = row.cancellation["refund"]
        flat["cancel_invoice"] = row.cancellation["invoice"]
        flat["cancel_refund_status"] = row.cancellation["refund_status"]
    return flat


def _line(label_key: str, value: rx.Var, css_id: str = "") -> rx.Component:
    return rx.hstack(
        rx.text(t(label_key), size="2", color_scheme="gray", min_width="9em"),
        # A long value («miércoles, 23 de diciembre de 2026, 10:00») wraps beside its label, and
        # goes under it only when the screen leaves it less than 11em.
        rx.text(value, size="3", weight="medium", class_name=css_id, flex="1 1 11em", min_width="0"),
        wrap="wrap",
        spacing="2",
        width="100%",
    )


def _report(task: rx.Var) -> rx.Component:
    return rx.box(
        rx.heading(t("visits.report"), size="3", as_="h3"),
        rx.text(t("visits.work_done"), weight="bold", size="2"),
        rx.text(task["report_work_done"], class_name="report-work-done", white_space="pre-wrap"),
        rx.cond(
            task["report_observations"] != "",
            rx.fragment(
                rx.text(t("visits.report_observations"), weight="bold", size="2"),
                rx.text(task["report_observations"], white_space="pre-wrap"),
            ),
        ),
        rx.cond(
            task["report_next_steps"] != "",
            rx.fragment(
                rx.text(t("visits.next_steps"), weight="bold", size="2"),
                rx.text(task["report_next_steps"], white_space="pre-wrap"),
            ),
        ),
        report_parts_view(task),
        report_photos_view(task),
        rating_block(task, RatingState),
        rx.el.a(
            rx.icon("download", size=16),
            t("visits.report_pdf"),
            href=routes.report_pdf_url(task["id"]),
            download="",
            class_name="report-pdf cp-download-link",
            style={"display": "inline-flex", "gap": "0.4em", "alignItems": "center", "marginTop": "0.5em"},
        ),
        class_name="cp-report",
        width="100%",
    )


def _task_card(task: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(task["service"], size="4", as_="h2"),
                ordinal_badge(task["ordinal"]),
                rx.spacer(),
                state_badge(task["state"]),
                width="100%",
                wrap="wrap",
            ),
            _line("visits.beneficiary", task["beneficiary"]),
            _line("visits.manager", rx.cond(task["manager"] != "", task["manager"], "—")),
            _line(
                "visits.appointment",
                rx.cond(task["appointment"] != "", task["appointment"], "—"),
                "task-appointment",
            ),
            rx.cond(
                (task["appointment"] == "") & (task["preferred"] != ""),
                _line("plans.preferred_date", task["preferred"], "task-preferred"),
            ),
            rx.hstack(
                rx.text(t("visits.code_label"), size="2", color_scheme="gray", min_width="9em"),
                rx.code(task["visit_code"], size="4", class_name="task-code"),
                wrap="wrap",
            ),
            rx.cond(
                (task["deadline"] != "") & (task["state"] == "scheduled"),
                rx.callout(
                    rx.text(
                        t("visits.deadline_client"),
                        " ",
                        rx.text.strong(task["deadline"], class_name="task-deadline"),
                        as_="span",
                    ),
                    icon="clock",
                    color_scheme=rx.cond(task["free_cancellation"] == "1", "blue", "amber"),
                    size="1",
                    width="100%",
                ),
            ),
            rx.cond(
                task["cancelled"] == "1",
                rx.callout(
                    rx.text(
                        t("visits.cancelled_refund"),
                        " ",
                        rx.text.strong(task["cancel_refund"], class_name="task-refund"),
                        " · ",
                        t("visits.rectifying_invoice"),
                        " ",
                        rx.text.strong(task["cancel_invoice"], class_name="task-rectifying"),
                        rx.cond(
                            task["cancel_refund_status"] == "failed",
                            rx.text(
                                t("visits.refund_failed_note"),
                                as_="span",
                                display="block",
                                class_name="task-refund-failed",
                            ),
                        ),
                        as_="span",  # the callout's text is already a <p>
                    ),
                    icon="receipt",
                    color_scheme="gray",
                    width="100%",
                ),
            ),
            rx.cond(
                task["open_request"] != "",
                rx.badge(t("visits.request_pending"), color_scheme="amber", size="2"),
            ),
            rx.cond(task["has_report"] == "1", _report(task)),
            rx.cond(
                (task["state"] == "pending_appointment") | (task["state"] == "scheduled"),
                rx.link(
                    t("visits.change_or_cancel"),
                    href=routes.suggestions_url(task["id"]),
                    class_name="task-change",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card client-task",
        data_task=task["id"],
        width="100%",
    )


def client_tasks_page() -> rx.Component:
    """Every visit the client has contracted, newest first."""
    return page_shell(
        rx.text(t("visits.tasks_lead"), margin_bottom="1em"),
        when_loaded(
            ClientTasksState.loaded,
            rx.cond(
                ClientTasksState.tasks.length() > 0,
                rx.vstack(
                    rx.foreach(ClientTasksState.tasks, _task_card),
                    spacing="3",
                    width="100%",
                    max_width="760px",
                ),
                rx.text(t("visits.no_tasks"), id="tasks-empty"),
            ),
        ),
        pager(ClientTasksState),
        rx.link(t("suggest.title"), href=routes.SUGGESTIONS, margin_top="1em"),
        rx.box(feed_card(), max_width="760px", width="100%", margin_top="1em"),
        title_key="visits.tasks_title",
    )
