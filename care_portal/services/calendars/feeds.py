"""Private calendar feeds: one secret URL per manager or client, to subscribe from any calendar app.

Only the token's SHA-256 is stored; the URL is shown once, when it is made.
Making a new one revokes the old; revoking leaves none. Whoever opens the URL
gets the visits its owner may see *now* (role and responsibility read at each
request), without health data.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.errors import NotFound, PermissionDenied
from care_portal.i18n import tr
from care_portal.models import AppointmentSequence, CalendarFeedToken, Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.models.visits import Task
from care_portal.services.accounts import to_viewer
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.calendars.appointment_mail import task_event
from care_portal.services.calendars.ics import build_calendar
from care_portal.services.care_access import blocked_beneficiary_ids
from care_portal.services.visits.calendar import CALENDAR_STATES
from care_portal.services.visits.waiting import responsible_for

FEED_PATH = "/api/calendario/{token}.ics"
HISTORY = timedelta(days=90)
MAX_EVENTS = 1000
FEED_ROLES = (Role.CLIENT.value, Role.MANAGER.value)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_url(token: str) -> str:
    """The absolute feed URL for a token."""
    return get_settings().public_url.rstrip("/") + FEED_PATH.format(token=token)


def has_feed(session: Session, *, actor: Viewer | None) -> bool:
    """Whether the actor has a feed URL in force."""
    actor = ensure_role(actor, Role.CLIENT, Role.MANAGER)
    return (
        session.exec(
            select(CalendarFeedToken.id).where(
                CalendarFeedToken.user_id == actor.id, col(CalendarFeedToken.revoked_at).is_(None)
            )
        ).first()
        is not None
    )


def revoke_feed(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> None:
    """Stop the actor's feed URL from working (any calendar subscribed to it stops updating)."""
    actor = ensure_role(actor, Role.CLIENT, Role.MANAGER)
    session.exec(
        update(CalendarFeedToken)
        .where(col(CalendarFeedToken.user_id) == actor.id, col(CalendarFeedToken.revoked_at).is_(None))
        .values(revoked_at=now or utcnow())
    )
    record_event(
        session, actor_id=actor.id, action="calendar.feed_revoked", target_type="user", target_id=actor.id
    )


def issue_feed(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> str:
    """Make a new private feed URL for a manager or client (the old one stops working).

    Returns:
        The URL; it is not stored and cannot be shown again.

    Raises:
        PermissionDenied: Not a client or a manager.
    """
    actor = ensure_role(actor, Role.CLIENT, Role.MANAGER)
    if actor.role not in FEED_ROLES:
        raise PermissionDenied()
    revoke_feed(session, actor=actor, now=now)
    token = secrets.token_urlsafe(32)
    session.add(CalendarFeedToken(user_id=actor.id, token_hash=_hash(token), created_at=now or utcnow()))
    record_event(
        session, actor_id=actor.id, action="calendar.feed_issued", target_type="user", target_id=actor.id
    )
    return feed_url(token)


def feed_ics(session: Session, token: str, *, now: datetime | None = None) -> str:
    """Return the calendar behind a feed token.

    Raises:
        NotFound: Unknown or revoked token, or its owner is no longer an active client or manager.
    """
    now = now or utcnow()
    if not token or len(token) > 100:
        raise NotFound()
    row = session.exec(
        select(CalendarFeedToken).where(
            CalendarFeedToken.token_hash == _hash(token), col(CalendarFeedToken.revoked_at).is_(None)
        )
    ).first()
    user = session.get(User, row.user_id) if row else None
    if user is None or not user.is_active or user.blocked_at is not None or user.role not in FEED_ROLES:
        raise NotFound()
    viewer = to_viewer(user)
    is_manager = viewer.role == Role.MANAGER.value
    owner = responsible_for(viewer) if is_manager else Task.client_id == viewer.id
    rows = session.exec(
        select(Task, Beneficiary, AppointmentSequence.sequence)
        .join(Beneficiary, Beneficiary.id == Task.beneficiary_id)
        .outerjoin(AppointmentSequence, AppointmentSequence.task_id == Task.id)
        .where(
            owner,
            col(Task.beneficiary_id).not_in(blocked_beneficiary_ids()),
            col(Task.state).in_(CALENDAR_STATES),
            col(Task.appointment_start) >= now - HISTORY,
        )
        .order_by(col(Task.appointment_start), col(Task.id))
        .limit(MAX_EVENTS)
    ).all()
    events = [task_event(t, b, seq or 0, for_manager=is_manager, lang=viewer.language) for t, b, seq in rows]
    return build_calendar(events, name=tr("week.feed_name", viewer.language), now=now)
