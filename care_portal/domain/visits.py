"""Visit rules: the task state machine and the 48-hour change/cancel deadline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from care_portal.domain.errors import DomainError

CANCELLATION_NOTICE = timedelta(hours=48)

TRANSITIONS: dict[str, frozenset[str]] = {
    "pending_appointment": frozenset({"scheduled", "cancelled"}),
    "scheduled": frozenset({"scheduled", "in_progress", "cancelled"}),
    "in_progress": frozenset({"done"}),
    "done": frozenset(),
    "cancelled": frozenset(),
}


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
