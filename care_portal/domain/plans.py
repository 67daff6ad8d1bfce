"""Rules of recurring care plans: the weekly schedule, the monthly period, its visits and price.

Pure functions, no database. Times are Madrid wall-clock times: a visit «los martes a las
10:00» is at 10:00 in Madrid on every Tuesday, whatever the UTC offset of that day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from care_portal.domain.errors import ValidationFailed
from care_portal.domain.formatting import MADRID

EARLIEST = time(7, 0)  # visits happen in the day: never inside the 02:00–03:00 DST gap
LATEST = time(21, 0)
MAX_START_AHEAD_DAYS = 90
WEEKS_PER_MONTH_NUMERATOR, WEEKS_PER_MONTH_DENOMINATOR = 52, 12
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class WeeklySlot:
    """One weekly visit: a weekday (Monday = 0) and a Madrid time."""

    weekday: int
    at: time

    def as_pair(self) -> list:
        """Return the ``[weekday, "HH:MM"]`` pair stored on the plan."""
        return [self.weekday, self.at.strftime("%H:%M")]


def parse_schedule(raw: dict[int, str]) -> list[WeeklySlot]:
    """Read the chosen weekdays and their times into a sorted weekly schedule.

    Args:
        raw: Weekday (Monday = 0) → ``"HH:MM"`` for each day the family chose.

    Returns:
        One slot per chosen day, Monday first.

    Raises:
        ValidationFailed: No day chosen, a day out of range, or a time missing, malformed or
            outside 07:00–21:00 (``schedule`` / ``time_<weekday>`` fields).
    """
    if not raw:
        raise ValidationFailed({"schedule": "plans.days_required"})
    errors: dict[str, str] = {}
    slots = []
    for weekday, text in sorted(raw.items()):
        if not 0 <= int(weekday) <= 6:
            raise ValidationFailed({"schedule": "plans.days_required"})
        match = _TIME.match((text or "").strip())
        if match is None:
            errors[f"time_{weekday}"] = "plans.time_required"
            continue
        at = time(int(match.group(1)), int(match.group(2)))
        if not EARLIEST <= at <= LATEST:
            errors[f"time_{weekday}"] = "plans.time_out_of_hours"
            continue
        slots.append(WeeklySlot(int(weekday), at))
    if errors:
        raise ValidationFailed(errors)
    return slots


def schedule_from_pairs(pairs: list) -> list[WeeklySlot]:
    """Read a stored ``[[weekday, "HH:MM"], …]`` schedule back."""
    return [WeeklySlot(int(day), time.fromisoformat(at)) for day, at in pairs]


def check_start_date(start: date, today: date) -> None:
    """Refuse a start date in the past or more than 90 days ahead.

    Raises:
        ValidationFailed: On ``start_date``.
    """
    if start < today:
        raise ValidationFailed({"start_date": "plans.start_in_past"})
    if start > today + timedelta(days=MAX_START_AHEAD_DAYS):
        raise ValidationFailed({"start_date": "plans.start_too_far"})


def add_month(day: date) -> date:
    """The same day one month later, or the month's last day (31 Jan → 28/29 Feb)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_period(start_date: date, last_period_end: date | None, today: date) -> tuple[date, date]:
    """The dates ``[start, end)`` of the next billing period of a plan.

    The first period starts on the plan's start date; each next one where the last ended,
    or today when the plan was paused or unpaid in between (no visits are owed for a gap).
    """
    start = start_date if last_period_end is None else last_period_end
    start = max(start, today)
    return start, add_month(start)


def visit_starts(
    slots: list[WeeklySlot], period_start: date, period_end: date, *, not_before: datetime | None = None
) -> list[datetime]:
    """The visits of a period as aware UTC instants, in order.

    Args:
        slots: The weekly schedule.
        period_start: First day of the period (included).
        period_end: Day after the period (excluded).
        not_before: Leave out visits before this instant (a period paid late keeps no past visits).

    Returns:
        Each chosen weekday's time in Madrid, converted to UTC for that very day (so 10:00 in
        Madrid is 09:00 UTC in winter and 08:00 UTC in summer).
    """
    by_day = {slot.weekday: slot.at for slot in slots}
    starts = []
    day = period_start
    while day < period_end:
        at = by_day.get(day.weekday())
        if at is not None:
            instant = datetime.combine(day, at, tzinfo=MADRID).astimezone(UTC)
            if not_before is None or instant >= not_before:
                starts.append(instant)
        day += timedelta(days=1)
    return starts


def monthly_price_cents(unit_price_cents: int, visits_per_week: int) -> int:
    """The flat monthly fee: a visit's price × visits per week × 52 weeks / 12 months, rounded."""
    numerator = unit_price_cents * visits_per_week * WEEKS_PER_MONTH_NUMERATOR
    return (numerator + WEEKS_PER_MONTH_DENOMINATOR // 2) // WEEKS_PER_MONTH_DENOMINATOR


def madrid_today(now: datetime) -> date:
    """Today's date in Madrid at an aware instant."""
    return now.astimezone(MADRID).date()
