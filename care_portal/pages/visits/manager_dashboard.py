"""The manager's dashboard (/gestor): counts, today, upcoming, waiting tasks and beneficiaries."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.loading import when_loaded
from care_portal.components.pager import PagerMixin, page_controls, pager
from care_portal.components.visits import ordinal_badge, state_badge
from care_portal.db import session_scope
from care_portal.domain.series import visit_ordinal_label
from care_portal.models import Role
from care_portal.pages.circle.inbox import team_messages_section
from care_portal.pages.visits.manager_beneficiaries import beneficiary_section
from care_portal.services import visits
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded

STATE_FILTERS = ["", "pending_appointment", "scheduled", "in_progress", "done", "cancelled"]


class ManagerDashboardState(PagerMixin, SessionState):
    """The dashboard's data and its filters."""

    counts: dict[str, int] = {}
    loaded: bool = False
    today: list[dict] = []
    upcoming: list[dict] = []
    waiting: list[dict] = []
    group_page: int = 1
    group_pages: int = 1
    group_total: int = 0
    tasks: list[dict] = []
    beneficiaries: list[dict[str, str]] = []
    beneficiary_page: int = 1
    beneficiary_pages: int = 1
    beneficiary_total: int = 0
    beneficiary_options: list[dict[str, str]] = []
    filter_state: str = ""
    filter_beneficiary: str = ""
    filter_day: str = ""
    search: str = ""
    search_required: bool = False

    @rx.event
    @guarded(Role.MANAGER)
    def load(self, viewer: Viewer):
        """Load the dashboard of the logged-in manager (admins search every manager's tasks)."""
        self._fill(viewer, 1)

    @rx.event
    @guarded(Role.MANAGER)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of the filtered task list."""
        self._fill(viewer, number)

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def go_to_group_page(self, viewer: Viewer, number: int):
        """Show another page of the waiting groups."""
        self.group_page = max(1, number)
        self._fill(viewer, self.page_number)

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def go_to_beneficiary_page(self, viewer: Viewer, number: int):
        """Show another page of «Tus beneficiarios»."""
        self.beneficiary_page = max(1, number)
        self._fill(viewer, self.page_number)

    def _fill(self, viewer: Viewer, number: int) -> None:
        try:
            day = date.fromisoformat(self.filter_day) if self.filter_day else None
        except ValueError:
            day = None
        beneficiary_id = int(self.filter_beneficiary) if self.filter_beneficiary.isdigit() else None
        state = self.filter_state if self.filter_state in STATE_FILTERS else ""
        search = self.search[:100]
        with session_scope() as session:
            board = visits.manager_dashboard(
                session,
                actor=viewer,
                state=state,
                beneficiary_id=beneficiary_id,
                day=day,
                search=search,
                page=number,
                group_page=self.group_page,
                beneficiary_page=self.beneficiary_page,
            )
        lang = self.lang
        people = board.beneficiaries
        self._set_changed(
            counts=board.counts,
            today=[_task_view(r, lang) for r in board.today],
            upcoming=[_task_view(r, lang) for r in board.upcoming],
            waiting=[_group_view(g) for g in board.waiting],
            group_page=board.waiting.number,
            group_pages=board.waiting.pages,
            group_total=board.waiting.total,
            tasks=[_task_view(r, lang) for r in board.tasks],
            page_number=board.tasks.number,
            page_count=board.tasks.pages,
            row_total=board.tasks.total,
            search_required=viewer.role == Role.ADMIN.value
            and not (state or beneficiary_id or day or search.strip()),
            beneficiaries=[{k: str(v) for k, v in asdict(b).items()} for b in people],
            beneficiary_page=getattr(people, "number", 1),
            beneficiary_pages=getattr(people, "pages", 1),
            beneficiary_total=getattr(people, "total", len(people)),
            beneficiary_options=board.beneficiary_options,
        )
        self.loaded = True

    @rx.event
    def set_filter_state(self, value: str):
        """Filter the task list by state ("all" clears it)."""
        self.filter_state = "" if value == "all" else value
        return ManagerDashboardState.load

    @rx.event
    def set_filter_beneficiary(self, value: str):
        """Filter the task list by beneficiary ("all" clears it)."""
        self.filter_beneficiary = "" if value == "all" else value
        return ManagerDashboardState.load

    @rx.event
    def set_filter_day(self, value: str):
        """Filter the task list by appointment day."""
        self.filter_day = value
        return ManagerDashboardState.load

    @rx.event
    def set_search(self, value: str):
        """Search the task list by beneficiary or service."""
        self.search = value
        return ManagerDashboardState.load


def _count(key: str, label_key: str, color: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(ManagerDashboardState.counts.get(key, 0), size="7", weight="bold", id=f"count-{key}"),
            rx.text(t(label_key), size="2"),
            spacing="0",
            align="center",
        ),
        class_name=f"cp-count cp-count-{color}",
    )


def _task_view(row, lang: str) -> dict:
    """What a task card shows (``task_line``), with its «visita N de M» in the manager's language.

    Only the rendered fields go to the browser: phone, ISO date, ids of the beneficiary and the
    sequence stay on the server.
    """
    return {
        "id": row.id,
        "beneficiary": row.beneficiary,
        "state": row.state,
        "service": row.service,
        "ordinal": visit_ordinal_label(row.sequence_number, row.sequence_total, lang),
        "appointment": row.appointment,
        "waiting_es": row.waiting_es,
        "waiting_en": row.waiting_en,
        "contact_overdue": row.contact_overdue,
    }


def _group_view(group) -> dict:
    """What a waiting group's card shows (``group_card``): everything but the phone."""
    return {k: v for k, v in asdict(group).items() if k != "phone"}


def task_line(row: dict) -> rx.Component:
    """One task as a tappable card: beneficiary, service, state, appointment or waiting time."""
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.text(row["beneficiary"], weight="bold"),
                    rx.spacer(),
                    state_badge(row["state"]),
                    width="100%",
                    wrap="wrap",
                ),
                rx.hstack(rx.text(row["service"], size="2"), ordinal_badge(row["ordinal"]), wrap="wrap"),
                rx.cond(
                    row["appointment"] != "",
                    rx.text(rx.icon("calendar", size=14), " ", row["appointment"], size="2"),
                    rx.text(
                        t("week.waiting"),
                        " ",
                        rx.cond(SessionState.is_en, row["waiting_en"], row["waiting_es"]),
                        size="2",
                        color_scheme="gray",
                    ),
                ),
                rx.cond(
                    row["contact_overdue"],
                    rx.badge(t("manager.contact_overdue"), color_scheme="red", size="2"),
                ),
                spacing="1",
                width="100%",
            ),
            class_name="cp-card cp-task-card",
        ),
        href=routes.manager_task_url(row["id"]),
        underline="none",
        class_name="task-link",
        data_task=row["id"],
    )


def _section(title_key: str, rows: rx.Var, empty_key: str, section_id: str) -> rx.Component:
    return rx.vstack(
        rx.heading(t(title_key), size="5", as_="h2"),
        rx.cond(
            rows.length() > 0,
            rx.grid(
                rx.foreach(rows, task_line),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="3",
                width="100%",
            ),
            rx.text(t(empty_key), color_scheme="gray"),
        ),
        width="100%",
        spacing="2",
        id=section_id,
        margin_top="1em",
    )


def group_card(group: dict) -> rx.Component:
    """Waiting visits of one series: «Dolores Martín Sanz — 8 visitas por programar», one card."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(group["beneficiary"], weight="bold"),
                rx.text("—", aria_hidden="true"),
                rx.text(
                    group["count"],
                    " ",
                    rx.cond(group["count"] == 1, t("week.to_schedule_one"), t("week.to_schedule")),
                    class_name="group-count",
                ),
                wrap="wrap",
                spacing="1",
            ),
            rx.text(group["service"], size="2"),
            rx.text(
                t("week.waiting"),
                " ",
                rx.cond(SessionState.is_en, group["waiting_en"], group["waiting_es"]),
                size="2",
                color_scheme="gray",
            ),
            rx.cond(
                group["contact_overdue"],
                rx.badge(t("manager.contact_overdue"), color_scheme="red", size="2"),
            ),
            rx.hstack(
                rx.link(
                    t("week.schedule_series"),
                    href=routes.MANAGER_WEEK + "?serie=" + group["first_task_id"].to(str),
                    class_name="group-series",
                ),
                rx.link(
                    t("week.open_first"),
                    href=routes.MANAGER + "/tareas/" + group["first_task_id"].to(str),
                    class_name="task-link",
                    data_task=group["first_task_id"],
                ),
                spacing="4",
                wrap="wrap",
            ),
            spacing="1",
            width="100%",
        ),
        class_name="cp-card cp-waiting-group",
        data_beneficiary=group["beneficiary_id"],
    )


def _waiting_section() -> rx.Component:
    return rx.vstack(
        rx.heading(t("manager.waiting"), size="5", as_="h2"),
        rx.cond(
            ManagerDashboardState.waiting.length() > 0,
            rx.grid(
                rx.foreach(ManagerDashboardState.waiting, group_card),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="3",
                width="100%",
            ),
            rx.text(t("manager.none_waiting"), color_scheme="gray"),
        ),
        page_controls(
            ManagerDashboardState.group_page,
            ManagerDashboardState.group_pages,
            ManagerDashboardState.go_to_group_page,
            class_prefix="group",
        ),
        width="100%",
        spacing="2",
        id="waiting",
        margin_top="1em",
    )


def _filters() -> rx.Component:
    return rx.flex(
        rx.box(
            rx.el.label(t("manager.filter_search"), html_for="filter-search", class_name="cp-label"),
            rx.input(
                id="filter-search",
                value=ManagerDashboardState.search,
                on_change=ManagerDashboardState.set_search.debounce(400),
                size="3",
                width="100%",
            ),
            flex="2 1 200px",
        ),
        rx.box(
            rx.el.label(t("manager.filter_state"), html_for="filter-state", class_name="cp-label"),
            rx.select.root(
                rx.select.trigger(id="filter-state", width="100%"),
                rx.select.content(
                    rx.select.item(t("manager.all"), value="all"),
                    *[rx.select.item(t(f"task.state.{s}"), value=s) for s in STATE_FILTERS[1:]],
                ),
                value=rx.cond(
                    ManagerDashboardState.filter_state == "", "all", ManagerDashboardState.filter_state
                ),
                on_change=ManagerDashboardState.set_filter_state,
                size="3",
            ),
            flex="1 1 160px",
        ),
        rx.box(
            rx.el.label(
                t("manager.filter_beneficiary"), html_for="filter-beneficiary", class_name="cp-label"
            ),
            rx.select.root(
                rx.select.trigger(id="filter-beneficiary", width="100%"),
                rx.select.content(
                    rx.select.item(t("manager.all"), value="all"),
                    rx.foreach(
                        ManagerDashboardState.beneficiary_options,
                        lambda b: rx.select.item(b["name"], value=b["id"]),
                    ),
                ),
                value=rx.cond(
                    ManagerDashboardState.filter_beneficiary == "",
                    "all",
                    ManagerDashboardState.filter_beneficiary,
                ),
                on_change=ManagerDashboardState.set_filter_beneficiary,
                size="3",
            ),
            flex="1 1 160px",
        ),
        rx.box(
            rx.el.label(t("manager.filter_day"), html_for="filter-day", class_name="cp-label"),
            rx.input(
                id="filter-day",
                type="date",
                value=ManagerDashboardState.filter_day,
                on_change=ManagerDashboardState.set_filter_day,
                size="3",
                width="100%",
            ),
            flex="1 1 160px",
        ),
        wrap="wrap",
        spacing="3",
        width="100%",
    )


def manager_dashboard_page() -> rx.Component:
    """The manager's dashboard, built for a phone first (a loading state until its data is in)."""
    return page_shell(
        team_messages_section(),
        rx.link(
            rx.icon("calendar_days", size=16), " ", t("week.title"), href=routes.MANAGER_WEEK, id="to-week"
        ),
        when_loaded(ManagerDashboardState.loaded, _dashboard()),
        rx.link(t("account.profile"), href=routes.ACCOUNT_PROFILE, margin_top="1em"),
        title_key="manager.title",
    )


def _dashboard() -> rx.Component:
    return rx.fragment(
        rx.grid(
            _count("contact_overdue", "manager.count_overdue", "red"),
            _count("pending_appointment", "task.state.pending_appointment", "amber"),
            _count("scheduled", "task.state.scheduled", "blue"),
            _count("done", "task.state.done", "green"),
            columns=rx.breakpoints(initial="2", sm="4"),
            spacing="3",
            width="100%",
        ),
        _section("manager.today", ManagerDashboardState.today, "manager.none_today", "today"),
        _section("manager.upcoming", ManagerDashboardState.upcoming, "manager.none_upcoming", "upcoming"),
        _waiting_section(),
        rx.vstack(
            rx.heading(t("week.history"), size="5", as_="h2"),
            rx.text(t("week.history_hint"), size="2", color_scheme="gray"),
            _filters(),
            rx.cond(
                ManagerDashboardState.tasks.length() > 0,
                rx.grid(
                    rx.foreach(ManagerDashboardState.tasks, task_line),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="3",
                    width="100%",
                ),
                rx.text(
                    rx.cond(
                        ManagerDashboardState.search_required,
                        t("manager.search_first"),
                        t("manager.no_match"),
                    ),
                    color_scheme="gray",
                    id="tasks-hint",
                ),
            ),
            pager(ManagerDashboardState),
            width="100%",
            spacing="2",
            margin_top="1em",
            id="all-tasks",
        ),
        beneficiary_section(ManagerDashboardState),
    )
