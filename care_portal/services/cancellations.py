"""Late cancellation requests: an admin decides whether to cancel and whether to refund."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.domain.formatting import format_datetime, format_euros
from care_portal.domain.visits import cancellation_deadline
from care_portal.integrations.payments import PaymentProvider
from care_portal.models import Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.models.visits import ChangeRequest, ChangeRequestStatus, Task
from care_portal.services.accounts import to_viewer
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.client_tasks import cancel_with_refund, task_shares
from care_portal.services.paging import Page, fetch_page

DECISIONS = ("refund", "no_refund", "reject")


@dataclass(frozen=True)
class CancellationRequestRow:
    """A late cancellation request waiting for an admin."""

    id: int
    task_id: int
    client: str
    beneficiary: str
    service: str
    appointment: str
    deadline: str
    requested: str
    message: str
    share: str


def list_open_requests(
    session: Session, *, actor: Viewer | None, page: int = 1
) -> Page[CancellationRequestRow]:
    """Return one page of the open cancellation requests, oldest first (admins only).

    Six statements whatever the number of requests: the count, the page with
    its tasks, clients and relatives joined, then the refund shares.
    """
    ensure_role(actor, Role.ADMIN)
    query = (
        select(ChangeRequest, Task, User.full_name, Beneficiary.full_name)
        .join(Task, Task.id == ChangeRequest.task_id)
        .join(User, User.id == ChangeRequest.client_id)
        .outerjoin(Beneficiary, Beneficiary.id == Task.beneficiary_id)
        .where(ChangeRequest.kind == "cancel", ChangeRequest.status == ChangeRequestStatus.OPEN.value)
        .order_by(col(ChangeRequest.created_at), col(ChangeRequest.id))
    )
    found, total, number = fetch_page(session, query, page)
    shares = task_shares(session, [task for _, task, _, _ in found])
    rows = [
        CancellationRequestRow(
            id=request.id,
            task_id=task.id,
            client=client_name,
            beneficiary=beneficiary_name or "",
            service=task.service_name,
            appointment=format_datetime(task.appointment_start),
            deadline=format_datetime(cancellation_deadline(task.appointment_start))
            if task.appointment_start
            else "",
            requested=format_datetime(request.created_at),
            message=request.message,
            share=format_euros(shares[task.id]),
        )
        for request, task, client_name, beneficiary_name in found
    ]
    return Page(rows, number=number, total=total)


def decide_request(
    session: Session,
    *,
    actor: Viewer | None,
    request_id: int,
    decision: str,
    provider: PaymentProvider,
    now: datetime | None = None,
) -> None:
    """Cancel with a full refund, cancel without refund, or reject a late request.

    A visit the company cannot deliver is always refunded: the admin picks "refund".

    Raises:
        NotFound: No such open cancellation request.
        DomainError: The task can no longer be cancelled, or the refund failed.
    """
    admin = ensure_role(actor, Role.ADMIN)
    now = now or utcnow()
    request = session.get(ChangeRequest, request_id)
    if (
        request is None
        or request.kind != "cancel"
        or request.status != ChangeRequestStatus.OPEN.value
        or decision not in DECISIONS
    ):
        raise NotFound()
    task = session.get(Task, request.task_id)
    if decision != "reject":
        cancel_with_refund(
            session,
            task=task,
            actor=to_viewer(session.get(User, request.client_id)),
            reason=request.message,
            provider=provider,
            within_deadline=False,
            decided_by=admin,
            refund=decision == "refund",
            now=now,
        )
    request.status = (
        ChangeRequestStatus.REJECTED.value if decision == "reject" else ChangeRequestStatus.APPROVED.value
    )
    request.decided_by_id = admin.id
    request.decided_at = now
    session.add(request)
    record_event(
        session,
        actor_id=admin.id,
        action="visits.cancellation_decided",
        target_type="change_request",
        target_id=request.id,
        details={"decision": decision},
    )
