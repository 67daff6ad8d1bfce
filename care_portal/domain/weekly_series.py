"""Scheduling a series of visits at once: «todos los martes a las 10:00».

Dates are laid out on the Madrid wall clock, so a weekly 10:00 stays 10:00
across the daylight-saving change (the UTC instant moves by an hour instead).
Pure functions: the service loads the visits and the manager's other
appointments, these rules decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from care_portal.domain.errors import ValidationFailed
from care_portal.domain.visits import overlaps, parse_madrid_local

MAX_SERIES = 60  # visits scheduled in one go (a year of weekly visits)
MIN_MINUTES, MAX_MINUTES = 15, 8 * 60


@dataclass(frozen=True)
class Slot:
    """One visit of a series placed on the calendar (aware UTC instants)."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Busy:
    """Another appointment of the manager, for the overlap check."""

    task_id: int
    start: datetime
    end: datetime
    label: str = ""


def parse_weekdays(raw: list[str] | str) -> list[int]:
    """Read weekdays (0 = Monday … 6 = Sunday) from form values; refuse none or nonsense.

    Raises:
        ValidationFailed: ``series_weekdays`` when no valid weekday was chosen.
    """
    values = raw.split(",") if isinstance(raw, str) else raw
    days = sorted({int(v) for v in values if str(v).strip().isdigit() and 0 <= int(v) <= 6})
    if not days:
        raise ValidationFailed({"series_weekdays": "series.weekdays_required"})
    return days


def lay_out(
    *, count: int, first_day: date, weekdays: list[int], time_of_day: str, minutes: int, now: datetime
) -> list[Slot]:
    """Place ``count`` visits on the chosen weekdays from ``first_day`` on, at a Madrid time.

    Args:
        count: How many visits to place.
        first_day: The first Madrid date that may hold a visit.
        weekdays: Weekdays to use (0 = Monday).
        time_of_day: ``HH:MM`` on the Madrid wall clock.
        minutes: Length of each visit.
        now: The current instant; every visit must start after it.

    Returns:
        The slots, in order.

    Raises:
        ValidationFailed: No weekday, no visits, too many, a bad length, a time that does not exist on one of
            the days (the spring change) or a first visit in the past.
    """
    if not weekdays or any(not 0 <= d <= 6 for d in weekdays):
        raise ValidationFailed({"series_weekdays": "series.weekdays_required"})
    if count <= 0:
        raise ValidationFailed({"series_first_day": "series.nothing_to_schedule"})
    if count > MAX_SERIES:
        raise ValidationFailed({"series_first_day": "series.too_many"})
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationFailed({"duration": "visits.bad_duration"})
    slots: list[Slot] = []
    day = first_day
    while len(slots) < count:
        if day.weekday() in weekdays:
            try:
                start = parse_madrid_local(day.isoformat(), time_of_day)
            except ValidationFailed as exc:
                raise ValidationFailed({"series_time": next(iter(exc.errors.values()))}) from exc
            if start <= now:
                raise ValidationFailed({"series_first_day": "visits.in_the_past"})
            slots.append(Slot(start, start + timedelta(minutes=minutes)))
        day += timedelta(days=1)
    return slots


def clashes(slots: list[Slot], busy: list[Busy]) -> list[tuple[Slot, Busy]]:
    """Return each slot that overlaps another appointment of the manager, with that appointment."""
    found = []
    for slot in slots:
        for other in busy:
            if overlaps(slot.start, slot.end, other.start, other.end):
                found.append((slot, other))
                break
    return found
