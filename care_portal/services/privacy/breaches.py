"""The breach register (RGPD art. 33).

What happened, when it was known, who and what was affected, the measures, and
the notification to the authority within 72 hours — or why not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.domain.visits import parse_madrid_local
from care_portal.models import BreachRecord, Role
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role

NOTIFY_WITHIN = timedelta(hours=72)
PAGE_SIZE = 50


@dataclass(frozen=True)
class BreachInput:
    """The breach form; dates and times as typed in Madrid (``YYYY-MM-DD``, ``HH:MM``)."""

    summary: str
    known_day: str
    known_time: str
    data_affected: str
    people_affected: str
    measures: str
    notified_day: str = ""
    notified_time: str = ""
    not_notified_reason: str = ""


@dataclass(frozen=True)
class BreachRow:
    """One breach as the register lists it."""

    id: int
    summary: str
    known: str
    notify_by: str
    data_affected: str
    people_affected: int
    measures: str
    notified: str
    not_notified_reason: str
    overdue: bool


def _when(day: str, time_of_day: str, field: str) -> datetime:
    try:
        return parse_madrid_local(day, time_of_day or "00:00")
    except ValidationFailed as error:
        raise ValidationFailed({field: "privacy.breach.bad_datetime"}) from error


def record_breach(
    session: Session, *, actor: Viewer | None, data: BreachInput, now: datetime | None = None
) -> int:
    """Add a breach to the register (admins only).

    Raises:
        ValidationFailed: Missing facts, a bad or future date, a negative count.
    """
    actor = ensure_role(actor, Role.ADMIN)
    now = now or utcnow()
    errors: dict[str, str] = {}
    summary = data.summary.strip()
    if not 5 <= len(summary) <= 4000:
        errors["summary"] = "privacy.breach.summary_required"
    known = None
    try:
        known = _when(data.known_day, data.known_time, "known_day")
        if known > now:
            errors["known_day"] = "privacy.breach.future"
    except ValidationFailed as error:
        errors.update(error.errors)
    notified = None
    if data.notified_day.strip():
        try:
            notified = _when(data.notified_day, data.notified_time, "notified_day")
        except ValidationFailed as error:
            errors.update(error.errors)
    try:
        people = int(data.people_affected or 0)
        if people < 0:
            raise ValueError
    except ValueError:
        errors["people_affected"] = "privacy.breach.bad_count"
        people = 0
    if errors:
        raise ValidationFailed(errors)
    row = BreachRecord(
        summary=summary,
        known_at=known,
        data_affected=data.data_affected.strip()[:500],
        people_affected=people,
        measures=data.measures.strip(),
        notified_at=notified,
        not_notified_reason=data.not_notified_reason.strip()[:500],
        recorded_by_id=actor.id,
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor_id=actor.id, action="privacy.breach_recorded", target_type="breach", target_id=row.id
    )
    return row.id


def record_notification(
    session: Session, *, actor: Viewer | None, breach_id: int, day: str, time_of_day: str, reason: str = ""
) -> None:
    """Record when the authority was notified, or (with no date) why it was not.

    Raises:
        NotFound: No such breach.
        ValidationFailed: Neither a valid date nor a reason.
    """
    actor = ensure_role(actor, Role.ADMIN)
    row = session.get(BreachRecord, breach_id)
    if row is None:
        raise NotFound()
    if day.strip():
        row.notified_at = _when(day, time_of_day, "notified_day")
    elif len(reason.strip()) >= 5:
        row.not_notified_reason = reason.strip()[:500]
    else:
        raise ValidationFailed({"not_notified_reason": "privacy.breach.reason_required"})
    session.add(row)
    record_event(
        session, actor_id=actor.id, action="privacy.breach_notified", target_type="breach", target_id=row.id
    )


def list_breaches(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> list[BreachRow]:
    """Return the register, newest first; a breach neither notified nor justified after 72 h is overdue."""
    ensure_role(actor, Role.ADMIN)
    now = now or utcnow()
    rows = session.exec(
        select(BreachRecord).order_by(col(BreachRecord.known_at).desc()).limit(PAGE_SIZE)
    ).all()
    return [
        BreachRow(
            id=r.id,
            summary=r.summary,
            known=format_datetime(r.known_at),
            notify_by=format_datetime(r.known_at + NOTIFY_WITHIN),
            data_affected=r.data_affected,
            people_affected=r.people_affected,
            measures=r.measures,
            notified=format_datetime(r.notified_at),
            not_notified_reason=r.not_notified_reason,
            overdue=r.notified_at is None and not r.not_notified_reason and now > r.known_at + NOTIFY_WITHIN,
        )
        for r in rows
    ]
