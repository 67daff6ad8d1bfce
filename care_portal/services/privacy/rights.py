"""Rights requests (RGPD art. 15–22): recorded with their one-month due date, queued for admins.

Some rights are fulfilled at once in self-service (the data export, billing
rectification); they are still recorded, answered, so the register is complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, select

from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.formatting import format_date
from care_portal.domain.privacy import RIGHTS_KINDS, is_overdue, request_due
from care_portal.models import Invoice, RightsRequest, Role, User
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.checkout.billing import BillingData, save_billing

PAGE_SIZE = 25
MAX_DETAILS = 2000


@dataclass(frozen=True)
class RequestRow:
    """A rights request as listed to its client or in the admin queue."""

    id: int
    kind: str
    requester: str
    details: str
    received: str
    due: str
    closed: str
    outcome: str
    overdue: bool


@dataclass(frozen=True)
class RequestQueue:
    """A page of the admin queue: open requests first, oldest due date first."""

    rows: list[RequestRow]
    open_count: int
    overdue_count: int
    page: int
    pages: int


def file_request(
    session: Session,
    *,
    actor: Viewer | None,
    kind: str,
    details: str = "",
    beneficiary_id: int | None = None,
    now: datetime | None = None,
    closed_outcome: str = "",
) -> RightsRequest:
    """Record a request; a self-service one is recorded already answered (``closed_outcome``).

    Raises:
        ValidationFailed: Unknown kind, or details too long.
    """
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    details = details.strip()
    if kind not in RIGHTS_KINDS:
        raise ValidationFailed({"kind": "privacy.bad_kind"})
    if len(details) > MAX_DETAILS:
        raise ValidationFailed({"details": "privacy.details_too_long"})
    request = RightsRequest(
        user_id=actor.id,
        beneficiary_id=beneficiary_id,
        kind=kind,
        details=details,
        created_at=now,
        due_at=request_due(now),
        closed_at=now if closed_outcome else None,
        closed_by_id=actor.id if closed_outcome else None,
        outcome=closed_outcome,
    )
    session.add(request)
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action=f"rights.{kind}",
        target_type="rights_request",
        target_id=request.id,
    )
    return request


def _row(request: RightsRequest, requester: str, now: datetime) -> RequestRow:
    return RequestRow(
        id=request.id,
        kind=request.kind,
        requester=requester,
        details=request.details,
        received=format_date(request.created_at),
        due=format_date(request.due_at),
        closed=format_date(request.closed_at),
        outcome=request.outcome,
        overdue=is_overdue(request.due_at, request.closed_at, now),
    )


def list_own_requests(
    session: Session, *, actor: Viewer | None, now: datetime | None = None
) -> list[RequestRow]:
    """Return the actor's own requests, newest first."""
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    rows = session.exec(
        select(RightsRequest).where(RightsRequest.user_id == actor.id).order_by(col(RightsRequest.id).desc())
    ).all()
    return [_row(r, actor.full_name, now) for r in rows]


def admin_queue(
    session: Session, *, actor: Viewer | None, page: int = 1, now: datetime | None = None
) -> RequestQueue:
    """Return the admins' queue: open requests by due date, then answered ones; four statements.

    Raises:
        PermissionDenied: Not an admin.
    """
    ensure_role(actor, Role.ADMIN)
    now = now or utcnow()
    open_filter = col(RightsRequest.closed_at).is_(None)
    total = session.exec(select(func.count()).select_from(RightsRequest)).one()
    open_count = session.exec(select(func.count()).select_from(RightsRequest).where(open_filter)).one()
    overdue_count = session.exec(
        select(func.count()).select_from(RightsRequest).where(open_filter, col(RightsRequest.due_at) < now)
    ).one()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    rows = session.exec(
        select(RightsRequest, User.full_name)
        .join(User, col(User.id) == col(RightsRequest.user_id))
        .order_by(open_filter.desc(), col(RightsRequest.due_at), col(RightsRequest.id))
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    return RequestQueue(
        rows=[_row(request, name, now) for request, name in rows],
        open_count=open_count,
        overdue_count=overdue_count,
        page=page,
        pages=pages,
    )


def close_request(
    session: Session, *, actor: Viewer | None, request_id: int, outcome: str, now: datetime | None = None
) -> None:
    """Record the answer to a request (admins only).

    Raises:
        NotFound: No such open request.
        ValidationFailed: No outcome written.
    """
    actor = ensure_role(actor, Role.ADMIN)
    request = session.get(RightsRequest, request_id)
    if request is None or request.closed_at is not None:
        raise NotFound()
    outcome = outcome.strip()
    if not 2 <= len(outcome) <= 500:
        raise ValidationFailed({"outcome": "privacy.outcome_required"})
    request.closed_at, request.closed_by_id, request.outcome = now or utcnow(), actor.id, outcome
    session.add(request)
    record_event(
        session, actor_id=actor.id, action="rights.closed", target_type="rights_request", target_id=request.id
    )


def rectify_billing(session: Session, *, actor: Viewer | None, data: BillingData) -> bool:
    """Correct the client's billing data (right of rectification) and record the request.

    Issued invoices keep the data they were issued with; the change applies to
    future invoices only.

    Returns:
        Whether invoices already exist (the page then says they are not changed).

    Raises:
        ValidationFailed: Bad billing fields (nothing is stored).
    """
    actor = ensure_role(actor, Role.CLIENT)
    save_billing(session, actor=actor, data=data)
    file_request(
        session,
        actor=actor,
        kind="rectification",
        details="billing",
        closed_outcome="privacy.billing_rectified",
    )
    return session.exec(select(Invoice.id).where(Invoice.client_id == actor.id).limit(1)).first() is not None
