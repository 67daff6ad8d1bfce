"""/familia/<id>: what the family circle reads about a beneficiary (visits and reports), read-only."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.pager import PagerMixin, pager
from care_portal.components.report_view import rating_block, report_parts_view, report_photos_view
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.pages.visits.rating_state import RatingState
from care_portal.services import report_views
from care_portal.services.authz import Viewer
from care_portal.services.circle import views
from care_portal.services.circle.members import prefers_large_text
from care_portal.state.session import SessionState, guarded


def _visit_dict(visit: views.SharedVisit, state_label: str) -> dict:
    """A visit as flat text values for the page (the report's parts side by side)."""
    report = visit.report or {}
    return {
        "id": visit.id,
        "service": visit.service,
        "appointment": visit.appointment,
        "state_label": state_label,
        "has_report": visit.report is not None,
        "report_created": str(report.get("created", "")),
        "report_work_done": str(report.get("work_done", "")),
        "report_observations": str(report.get("observations", "")),
        "report_next_steps": str(report.get("next_steps", "")),
    }


class SharedProjectState(PagerMixin, SessionState):
    """One beneficiary as its circle reads it."""

    project: dict = {}
    visits: list[dict] = []
    not_found: bool = False
    large_text: bool = False
    _beneficiary_id: int = 0

    def _fill(self, viewer: Viewer, number: int) -> None:
        try:
            with session_scope() as session:
                shared = views.shared_project(
                    session, actor=viewer, beneficiary_id=self._beneficiary_id, page=number
                )
                self.large_text = prefers_large_text(session, user_id=viewer.id)
                reported = [v.id for v in shared.visits if v.report is not None]
                extras = report_views.family_extras(session, actor=viewer, task_ids=reported)
        except DomainError:
            self.not_found, self.project, self.visits = True, {}, []
            return
        self.not_found = False
        self.project = {k: v for k, v in asdict(shared).items() if k != "visits"} | {
            "messages_url": routes.conversation_url(shared.beneficiary_id),
            "project_url": routes.project_url(shared.beneficiary_id),
            "timeline_url": routes.timeline_url(shared.beneficiary_id),
            "is_family": viewer.role == Role.CLIENT.value,  # staff read it too, but only the family rates
        }
        self.visits = [
            _visit_dict(v, self._t(f"task.state.{v.state}")) | report_views.flat_extras(extras.get(v.id))
            for v in shared.visits
        ]
        self._show_page(shared.visits)

    @rx.event
    @guarded(off_loop=True)
    def load(self, viewer: Viewer):
        """Open the URL's beneficiary (its circle, client, manager or an admin only)."""
        self._beneficiary_id = routes.path_number(self.router.url.path, 1) or 0
        self._fill(viewer, 1)

    @rx.event
    @guarded(off_loop=True)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show older visits."""
        self._fill(viewer, number)


def _report(visit: dict) -> rx.Component:
    return rx.vstack(
        rx.text(t("circle.report"), " · ", visit["report_created"], weight="bold", size="2"),
        rx.text(visit["report_work_done"], class_name="cp-msg-body"),
        rx.cond(
            visit["report_observations"] != "",
            rx.text(
                t("circle.report_observations"), ": ", visit["report_observations"], class_name="cp-msg-body"
            ),
        ),
        rx.cond(
            visit["report_next_steps"] != "",
            rx.text(t("circle.report_next"), ": ", visit["report_next_steps"], class_name="cp-msg-body"),
        ),
        report_parts_view(visit),
        report_photos_view(visit),
        rx.cond(
            SharedProjectState.project["is_family"].to(bool),
            rating_block(visit, RatingState),
        ),
        spacing="1",
        align="start",
        class_name="visit-report",
    )


def _visit(visit: dict) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(visit["service"], weight="bold", size="4"),
                rx.badge(visit["state_label"]),
                wrap="wrap",
                align="center",
            ),
            rx.cond(visit["appointment"] != "", rx.text(t("circle.appointment"), ": ", visit["appointment"])),
            rx.cond(visit["has_report"], _report(visit), rx.text(t("circle.no_report"), color_scheme="gray")),
            spacing="2",
            align="start",
        ),
        class_name="cp-card shared-visit",
    )


def _body() -> rx.Component:
    project = SharedProjectState.project
    return rx.vstack(
        rx.heading(project["full_name"].to(str), size="7", as_="h1", id="shared-name"),
        rx.text(project["town"].to(str), color_scheme="gray"),
        rx.cond(
            project["manager_name"].to(str) != "",
            rx.text(
                t("care.projects.manager"),
                ": ",
                project["manager_name"].to(str),
                rx.cond(project["manager_phone"].to(str) != "", " · " + project["manager_phone"].to(str), ""),
            ),
        ),
        rx.hstack(
            rx.cond(
                project["can_message"].to(bool),
                rx.link(
                    rx.button(rx.icon("message_circle"), t("circle.write_manager"), size="3"),
                    href=project["messages_url"].to(str),
                    id="shared-messages",
                ),
            ),
            rx.link(t("circle.timeline"), href=project["timeline_url"].to(str), id="shared-timeline"),
            rx.cond(
                project["is_client"].to(bool),
                rx.link(t("circle.full_project"), href=project["project_url"].to(str)),
            ),
            wrap="wrap",
            align="center",
        ),
        rx.heading(t("circle.visits"), size="5", as_="h2", margin_top="0.5em"),
        rx.foreach(SharedProjectState.visits, _visit),
        rx.cond(SharedProjectState.visits.length() == 0, rx.text(t("circle.no_visits"), color_scheme="gray")),
        pager(SharedProjectState),
        spacing="3",
        width="100%",
        max_width="760px",
        align="start",
    )


def shared_project_page() -> rx.Component:
    """The circle's page about one beneficiary."""
    return page_shell(
        rx.box(
            rx.cond(
                SharedProjectState.not_found,
                rx.callout(
                    t("errors.not_found"), icon="triangle_alert", color_scheme="amber", id="shared-not-found"
                ),
                rx.cond(SharedProjectState.project.contains("full_name"), _body(), rx.spinner()),
            ),
            class_name=rx.cond(SharedProjectState.large_text, "cp-large-text", ""),
            width="100%",
        ),
    )
