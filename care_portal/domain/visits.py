"""Visit rules: the task state machine, the 48-hour change/cancel deadline and the check-in window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import MADRID

CANCELLATION_NOTICE = timedelta(hours=48)

TRANSITIONS: dict[str, frozenset[str]] = {
    "pending_appointment": frozenset({"scheduled", "cancelled"}),
    # «incidencia»: the beneficiary was not there (from scheduled) or the visit was cut short.
    "scheduled": frozenset({"scheduled", "in_progress", "cancelled", "incident"}),
    "in_progress": frozenset({"done", "incident"}),
    "done": frozenset(),
    "cancelled": frozenset(),
    "incident": frozenset(),
}

INCIDENT_KINDS = ("absent", "interrupted")


def can_move(current: str, target: str) -> bool:
    """Whether a task may go from ``current`` to ``target`` ("scheduled"→"scheduled" is a reschedule)."""
    return target in TRANSITIONS.get(current, frozenset())


def ensure_move(current: str, target: str) -> None:
    """Raise ``DomainError("visits.bad_transition")`` unless the move is allowed."""
    if not can_move(current, target):
        raise DomainError("visits.bad_transition", current=current, target=target)


def cancellation_deadline(appointment_start: datetime) -> datetime:
    """Return the last instant to change or cancel free of charge: 48 elapsed hours before.

    Computed on aware UTC instants, so across a daylight-saving change the
    Madrid wall-clock hour of the deadline differs from the appointment's.

    Args:
        appointment_start: Aware start of the appointment.

    Returns:
        The aware UTC deadline.
    """
    if appointment_start.tzinfo is None:
        raise ValueError("appointment_start must be timezone-aware")
    return appointment_start.astimezone(UTC) - CANCELLATION_NOTICE


def is_within_free_cancellation(appointment_start: datetime, now: datetime) -> bool:
    """Whether ``now`` is at or before the deadline (a full refund applies)."""
    return now.astimezone(UTC) <= cancellation_deadline(appointment_start)


MAX_CODE_ATTEMPTS = 5
FIRST_CONTACT_WITHIN = timedelta(hours=24)


def parse_madrid_local(day: str, time_of_day: str) -> datetime:
    """Read a date (``YYYY-MM-DD``) and time (``HH:MM``) typed in Madrid into an aware UTC instant.

    A wall-clock time skipped by the spring daylight-saving change does not
    exist in Madrid and is refused; an hour repeated in autumn takes its first
    (summer-time) occurrence.

    Raises:
        ValidationFailed: A missing or malformed date or time, or a skipped time.
    """
    try:
        naive = datetime.strptime(f"{day.strip()} {time_of_day.strip()}", "%Y-%m-%d %H:%M")
    except ValueError as exc:
        raise ValidationFailed({"appointment_day": "visits.bad_datetime"}) from exc
    local = naive.replace(tzinfo=MADRID)
    instant = local.astimezone(UTC)
    if instant.astimezone(MADRID).replace(tzinfo=None) != naive:
        raise ValidationFailed({"appointment_time": "visits.time_skipped"})
    return instant


def overlaps(start: datetime, end: datetime, other_start: datetime, other_end: datetime) -> bool:
    """Whether two half-open intervals [start, end) share any instant."""
    return start < other_end and other_start < end


def check_in_refusal(
    appointment_start: datetime | None, now: datetime, *, early: timedelta, late: timedelta
) -> str | None:
    """Say why a check-in at ``now`` is refused, or None when it falls inside the window.

    The window runs from ``early`` before the appointment's start to ``late`` after it,
    both ends included.

    Args:
        appointment_start: Aware start of the appointment (None: nothing agreed yet).
        now: The instant of the check-in.
        early: How long before the start a check-in is accepted.
        late: How long after the start a check-in is still accepted.

    Returns:
        ``"visits.check_in_too_early"``, ``"visits.check_in_too_late"``, ``"visits.not_scheduled"``
        or None.
    """
    if appointment_start is None:
        return "visits.not_scheduled"
    if now < appointment_start - early:
        return "visits.check_in_too_early"
    if now > appointment_start + late:
        return "visits.check_in_too_late"
    return None
