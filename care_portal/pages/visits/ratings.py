"""Ratings: the manager's own (/gestor/valoraciones) and every manager's for admins (/admin/valoraciones)."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.loading import when_loaded
from care_portal.components.pager import PagerMixin, page_controls, pager
from care_portal.components.tables import rows_table
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services import visit_ratings
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


def _strings(row) -> dict[str, str]:
    return {k: ("1" if v is True else "" if v is False else str(v)) for k, v in asdict(row).items()}


class ManagerRatingsState(PagerMixin, SessionState):
    """The logged-in manager's average and their ratings with comments, newest first."""

    summary: dict[str, str] = {}
    ratings: list[dict[str, str]] = []
    loaded: bool = False

    def _fill(self, viewer: Viewer, number: int) -> None:
        with session_scope() as session:
            summary, rows = visit_ratings.manager_feedback(session, actor=viewer, page=number)
        self.summary = _strings(summary) if summary else {}
        self.ratings = [_strings(r) for r in rows]
        self.loaded = True
        self._show_page(rows)

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def load(self, viewer: Viewer):
        """Load the manager's own ratings (never another manager's)."""
        self._fill(viewer, 1)

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of the manager's ratings."""
        self._fill(viewer, number)


class AdminRatingsState(PagerMixin, SessionState):
    """Every manager's average, and the low ratings (pending calls first)."""

    summaries: list[dict[str, str]] = []
    summary_page: int = 1
    summary_pages: int = 1
    ratings: list[dict[str, str]] = []
    loaded: bool = False

    def _fill(self, viewer: Viewer, number: int) -> None:
        with session_scope() as session:
            summaries, rows = visit_ratings.ratings_overview(
                session, actor=viewer, page=number, summary_page=self.summary_page
            )
        self.summaries = [_strings(s) for s in summaries]
        self.summary_page, self.summary_pages = summaries.number, summaries.pages
        self.ratings = [_strings(r) for r in rows]
        self.loaded = True
        self._show_page(rows)

    @rx.event
    @guarded(Role.ADMIN, off_loop=True)
    def load(self, viewer: Viewer):
        """Load the first page of the summaries and of the low ratings."""
        self.summary_page = 1
        self._fill(viewer, 1)

    @rx.event
    @guarded(Role.ADMIN, off_loop=True)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of low ratings."""
        self._fill(viewer, number)

    @rx.event
    @guarded(Role.ADMIN, off_loop=True)
    def go_to_summary_page(self, viewer: Viewer, number: int):
        """Show another page of the managers' averages."""
        self.summary_page = max(1, number)
        self._fill(viewer, self.page_number)

    @rx.event
    @guarded(Role.ADMIN, off_loop=True)
    def mark_followed_up(self, viewer: Viewer, rating_id: int):
        """Note that the team called the family about a low rating."""
        try:
            with session_scope() as session:
                visit_ratings.mark_followed_up(session, actor=viewer, rating_id=int(rating_id))
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        self._fill(viewer, self.page_number)
        return rx.toast.success(self._t("ratings.followed_up_saved"))


def _rating_card(row: rx.Var, *, admin: bool) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(
                    rx.icon("star", size=14), " ", rx.text.strong(row["stars"]), " / 5", class_name="stars"
                ),
                rx.cond(row["low"] == "1", rx.badge(t("ratings.low"), color_scheme="red")),
                rx.cond(
                    row["call_requested"] == "1",
                    rx.cond(
                        row["followed_up"] == "1",
                        rx.badge(t("ratings.followed_up"), color_scheme="green"),
                        rx.badge(t("ratings.call_requested"), color_scheme="amber"),
                    ),
                ),
                rx.spacer(),
                rx.text(row["when"], size="2", color_scheme="gray"),
                wrap="wrap",
                width="100%",
            ),
            rx.text(row["service"], " · ", row["beneficiary"], size="2"),
            rx.text(t("ratings.rater"), ": ", row["rater"], size="2", color_scheme="gray"),
            rx.cond(admin, rx.text(t("ratings.manager"), ": ", row["manager"], size="2")),
            rx.cond(row["comment"] != "", rx.text("«", row["comment"], "»", white_space="pre-wrap")),
            rx.cond(
                admin & (row["call_requested"] == "1") & (row["followed_up"] == ""),
                rx.button(
                    t("ratings.mark_followed_up"),
                    on_click=AdminRatingsState.mark_followed_up(row["id"].to(int)),
                    size="3",
                    variant="soft",
                    class_name="mark-followed-up",
                ),
            ),
            spacing="1",
            width="100%",
        ),
        class_name="cp-card rating-row",
        width="100%",
    )


def manager_ratings_page() -> rx.Component:
    """The manager's average and what the families said."""
    s = ManagerRatingsState
    return page_shell(
        rx.text(t("ratings.manager_lead"), margin_bottom="1em"),
        when_loaded(
            s.loaded,
            rx.cond(
                s.ratings.length() > 0,
                rx.vstack(
                    rx.hstack(
                        rx.text(t("ratings.average"), ": ", rx.text.strong(s.summary["average"], id="avg")),
                        rx.text(t("ratings.count"), ": ", s.summary["count"]),
                        rx.text(t("ratings.low_count"), ": ", s.summary["low"]),
                        spacing="4",
                        wrap="wrap",
                    ),
                    rx.foreach(s.ratings, lambda r: _rating_card(r, admin=False)),
                    spacing="3",
                    width="100%",
                    max_width="760px",
                ),
                rx.text(t("ratings.none"), id="ratings-empty"),
            ),
        ),
        pager(s),
        title_key="ratings.title",
    )


def admin_ratings_page() -> rx.Component:
    """Ratings per manager, and the low ones with their follow-ups."""
    s = AdminRatingsState
    return page_shell(
        admin_tabs("ratings"),
        rx.text(t("ratings.admin_lead"), margin_bottom="1em"),
        when_loaded(
            s.loaded,
            rx.vstack(
                rx.heading(t("ratings.by_manager"), size="4", as_="h2"),
                rows_table(
                    s.summaries,
                    [
                        ("ratings.manager", "manager"),
                        ("ratings.average", "average"),
                        ("ratings.count", "count"),
                        ("ratings.low_count", "low"),
                    ],
                    rx.text(t("ratings.none")),
                    row_class="manager-summary",
                ),
                page_controls(s.summary_page, s.summary_pages, s.go_to_summary_page, class_prefix="summary"),
                rx.heading(t("ratings.low_ratings"), size="4", as_="h2"),
                rx.foreach(s.ratings, lambda r: _rating_card(r, admin=True)),
                spacing="3",
                width="100%",
                max_width="900px",
            ),
        ),
        pager(s),
        title_key="ratings.title",
    )
