"""A beneficiary's timeline (/historia/[beneficiary_id]) for the family, its manager and admins."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.loading import when_loaded
from care_portal.components.pager import PagerMixin, pager
from care_portal.components.report_view import choice_text
from care_portal.components.visits import state_badge
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.beneficiary_timeline import beneficiary_timeline
from care_portal.state.session import SessionState, guarded

KINDS = ("visit", "report", "concern", "consent", "rating", "message")
ICONS = {
    "visit": "calendar",
    "report": "file_text",
    "concern": "triangle_alert",
    "consent": "signature",
    "rating": "star",
    "message": "message_circle",
}


class TimelineState(PagerMixin, SessionState):
    """One page of a beneficiary's timeline."""

    entries: list[dict[str, str]] = []
    beneficiary_name: str = ""
    loaded: bool = False
    not_found: bool = False

    def _beneficiary_id(self) -> int:
        raw = str(self.router.page.params.get("beneficiary_id", ""))
        return int(raw) if raw.isdigit() else 0

    def _fill(self, viewer: Viewer, number: int) -> None:
        try:
            with session_scope() as session:
                timeline = beneficiary_timeline(
                    session, actor=viewer, beneficiary_id=self._beneficiary_id(), page=number
                )
        except DomainError:
            self.entries, self.beneficiary_name = [], ""
            self.not_found, self.loaded = True, True
            return
        self.entries = [{k: str(v) for k, v in asdict(e).items()} for e in timeline.entries]
        self.beneficiary_name = timeline.beneficiary
        self.not_found, self.loaded = False, True
        self._show_page(timeline.entries)

    @rx.event
    @guarded(Role.CLIENT, Role.MANAGER, off_loop=True)
    def load(self, viewer: Viewer):
        """Open the timeline's first page (its family, its manager or an admin only)."""
        self._fill(viewer, 1)

    @rx.event
    @guarded(Role.CLIENT, Role.MANAGER, off_loop=True)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of the timeline."""
        self._fill(viewer, number)


def _detail(entry: rx.Var) -> rx.Component:
    return rx.match(
        entry["kind"],
        ("visit", state_badge(entry["state"])),
        (
            "concern",
            rx.text(
                rx.text.strong(choice_text(entry["severity"])), ": ", entry["detail"], white_space="pre-wrap"
            ),
        ),
        ("rating", rx.text(rx.icon("star", size=14), " ", entry["state"], " / 5 · ", entry["detail"])),
        (
            "consent",
            rx.text(
                t("reports.kind.consent"),
                " ",
                rx.match(
                    entry["title"],
                    ("given", t("reports.consent.given")),
                    ("withdrawn", t("reports.consent.withdrawn")),
                    entry["title"],
                ),
                " · ",
                entry["detail"],
            ),
        ),
        rx.text(entry["detail"], white_space="pre-wrap", size="2"),
    )


def _entry(entry: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.match(
                entry["kind"], *[(k, rx.icon(icon, size=18)) for k, icon in ICONS.items()], rx.fragment()
            ),
            rx.text(
                rx.match(entry["kind"], *[(k, t(f"reports.kind.{k}")) for k in KINDS], entry["kind"]),
                weight="bold",
            ),
            rx.text(entry["when"], size="2", color_scheme="gray"),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.cond(entry["kind"] != "consent", rx.text(entry["title"], size="2", weight="medium")),
        _detail(entry),
        class_name="cp-timeline-entry",
        data_kind=entry["kind"],
        style={
            "borderLeft": "3px solid var(--accent-7)",
            "padding": "0.4em 0 0.6em 0.8em",
            "listStyle": "none",
        },
    )


def timeline_page() -> rx.Component:
    """Everything that happened to a beneficiary, newest first, 25 at a time."""
    return page_shell(
        rx.cond(
            TimelineState.not_found,
            rx.callout(t("errors.not_found"), icon="circle_alert", color_scheme="red"),
            rx.fragment(
                rx.heading(
                    t("reports.timeline"),
                    ": ",
                    TimelineState.beneficiary_name,
                    size="7",
                    as_="h1",
                    margin_bottom="0.5em",
                ),
                rx.text(t("reports.timeline_lead"), margin_bottom="1em"),
                when_loaded(
                    TimelineState.loaded,
                    rx.cond(
                        TimelineState.entries.length() > 0,
                        rx.el.ul(
                            rx.foreach(TimelineState.entries, _entry),
                            style={
                                "display": "flex",
                                "flexDirection": "column",
                                "gap": "0.6em",
                                "padding": 0,
                            },
                            id="timeline",
                        ),
                        rx.text(t("reports.timeline_empty"), id="timeline-empty"),
                    ),
                ),
                pager(TimelineState),
            ),
        ),
    )
