"""The state of the manager's week (/gestor/semana): the week, the day agenda and the series form."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

import reflex as rx

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.formatting import to_madrid
from care_portal.domain.weekly_series import parse_weekdays
from care_portal.models import Role
from care_portal.models.types import utcnow
from care_portal.pages.visits.week_hours import layout_week
from care_portal.services.authz import Viewer
from care_portal.services.visits import calendar, series
from care_portal.state.session import FormMixin, SessionState, guarded

WEEKDAYS = 7


def _parse_day(raw: str, fallback: date) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return fallback


DAY_NAMES_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
DAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_names(day: date) -> dict[str, str]:
    """A day as «martes 13/10» and «Tuesday 13/10», with its ISO date."""
    return {
        "iso": day.isoformat(),
        "es": f"{DAY_NAMES_ES[day.weekday()]} {day:%d/%m}",
        "en": f"{DAY_NAMES_EN[day.weekday()]} {day:%d/%m}",
    }


def _on(value: object) -> bool:
    """Whether a submitted checkbox is ticked (the form sends unticked ones too, as false)."""
    return str(value).strip().lower() in ("on", "true", "1")


class ManagerWeekState(FormMixin, SessionState):
    """The week shown (desktop), the day shown (phone) and the series being scheduled."""

    loaded: bool = False
    week_first: str = ""
    day: str = ""
    column_days: list[dict[str, str]] = []
    week_caption: str = ""
    hour_labels: list[str] = []
    hour_cells: list[list[list[dict[str, str]]]] = []
    day_label: dict[str, str] = {}
    day_entries: list[dict[str, str]] = []
    series: dict[str, str] = {}
    series_visits: list[dict[str, str]] = []
    clashes: list[dict[str, str]] = []

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def load(self, viewer: Viewer):
        """Open on today's week and day, and on the series named in ``?serie=`` if any."""
        self._clear_errors()
        self.clashes = []
        today = to_madrid(utcnow()).date()
        self.day = today.isoformat()
        self.week_first = calendar.week_start(today).isoformat()
        raw = str(self.router.page.params.get("serie", ""))
        self._load_series(viewer, int(raw) if raw.isdigit() else 0)
        self._fill(viewer)

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def move_day(self, viewer: Viewer, days: int):
        """Show another day in the phone agenda (and its week on the desktop)."""
        day = _parse_day(self.day, to_madrid(utcnow()).date()) + timedelta(days=int(days))
        self.day = day.isoformat()
        self.week_first = calendar.week_start(day).isoformat()
        self._fill(viewer)

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def move_week(self, viewer: Viewer, weeks: int):
        """Show another week on the desktop."""
        first = _parse_day(self.week_first, to_madrid(utcnow()).date()) + timedelta(weeks=int(weeks))
        self.week_first = first.isoformat()
        self.day = first.isoformat()
        self._fill(viewer)

    def _fill(self, viewer: Viewer) -> None:
        first = _parse_day(self.week_first, to_madrid(utcnow()).date())
        with session_scope() as session:
            entries = calendar.manager_calendar(session, actor=viewer, first_day=first, days=WEEKDAYS)
        rows = [{k: str(v) for k, v in asdict(e).items()} for e in entries]
        days = [first + timedelta(days=i) for i in range(WEEKDAYS)]
        self.column_days = [day_names(d) for d in days]
        self.hour_labels, self.hour_cells = layout_week(rows, days)
        self.week_caption = f"{days[0]:%d/%m/%Y} – {days[-1]:%d/%m/%Y}"
        shown = _parse_day(self.day, first)
        if not first <= shown < first + timedelta(days=WEEKDAYS):
            shown = first
            self.day = first.isoformat()
        self.day_entries = [r for r in rows if r["day"] == self.day]
        self.day_label = day_names(shown)
        self.loaded = True

    def _load_series(self, viewer: Viewer, task_id: int) -> None:
        self.series, self.series_visits = {}, []
        if not task_id:
            return
        try:
            with session_scope() as session:
                summary = series.series_summary(session, actor=viewer, task_id=task_id)
        except DomainError:
            return  # not theirs: the same as no series at all
        row = asdict(summary)
        self.series_visits = row.pop("visits")
        self.series = {k: str(v) for k, v in row.items()}

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def schedule_series(self, viewer: Viewer, form: dict):
        """Schedule the series' visits every week on the ticked days at one time."""
        self._clear_errors()
        self.clashes = []
        task_id = int(self.series.get("task_id", "0") or 0)
        try:
            ticked = [k.removeprefix("wd_") for k, v in form.items() if k.startswith("wd_") and _on(v)]
            weekdays = parse_weekdays(ticked)
            with session_scope() as session:
                starts = series.schedule_series(
                    session,
                    actor=viewer,
                    task_id=task_id,
                    weekdays=weekdays,
                    time_of_day=str(form.get("series_time", "")),
                    first_day=str(form.get("series_first_day", "")),
                    scope=str(form.get("series_scope", "pending")),
                )
        except series.SeriesClash as clash:
            self._show_error(clash)
            self.clashes = [{"start": c.start, "other": c.other} for c in clash.clashes]
            return None
        except DomainError as error:
            self._show_error(error)
            return None
        self._load_series(viewer, task_id)
        first = to_madrid(starts[0]).date()
        self.day = first.isoformat()
        self.week_first = calendar.week_start(first).isoformat()
        self._fill(viewer)
        return rx.toast.success(self._t("week.series_saved", count=len(starts)))
