"""The company cancels a visit itself (no carer available, an incident…): always a full refund.

The client did not ask for it, so the late-cancellation rule does not apply: the
visit's whole share is refunded with a rectifying invoice, the reason is recorded,
any open change or cancellation request of that visit is closed, and the family is
told by e-mail in their language, with the reason.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime, format_euros
from care_portal.i18n import tr
from care_portal.integrations.payments import PaymentProvider
from care_portal.models import Role, User
from care_portal.models.billing import Invoice
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.models.visits import ChangeRequest, ChangeRequestStatus, Task, TaskState
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.client_tasks import cancel_with_refund
from care_portal.services.notifications import queue_email
from care_portal.services.task_names import mail_service_name

CANCELLABLE = (TaskState.PENDING_APPOINTMENT.value, TaskState.SCHEDULED.value)
MIN_REASON, MAX_REASON = 5, 1000


def cancel_by_company(
    session: Session,
    *,
    actor: Viewer | None,
    task_id: int,
    reason: str,
    provider: PaymentProvider,
    now: datetime | None = None,
) -> int:
    """Cancel a visit on the company's side, refunding its share in full, and tell the family.

    Args:
        session: Open session; the caller commits.
        actor: An admin.
        task_id: The visit to cancel.
        reason: Why, as the family will read it (5–1000 characters).
        provider: Payment provider that refunds.
        now: Current instant (tests pass a fixed clock).

    Returns:
        The refunded cents.

    Raises:
        PermissionDenied: Not an admin.
        ValidationFailed: No reason given (nothing is changed).
        NotFound: No such visit.
        DomainError: ``visits.bad_transition`` when the visit is done, in progress or already
            cancelled; ``visits.refund_failed`` when the refund failed (nothing is changed).
    """
    admin = ensure_role(actor, Role.ADMIN)
    now = now or utcnow()
    reason = reason.strip()
    if not MIN_REASON <= len(reason) <= MAX_REASON:
        raise ValidationFailed({"reason": "company_cancel.reason_required"})
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound()
    if task.state not in CANCELLABLE:
        raise DomainError("visits.bad_transition", current=task.state, target=TaskState.CANCELLED.value)
    client = session.get(User, task.client_id)
    cancellation = cancel_with_refund(
        session,
        task=task,
        actor=admin,
        reason=reason,
        provider=provider,
        within_deadline=True,
        decided_by=admin,
        refund=True,
        now=now,
        notify=False,
    )
    open_requests = session.exec(
        select(ChangeRequest).where(
            ChangeRequest.task_id == task.id,
            col(ChangeRequest.status) == ChangeRequestStatus.OPEN.value,
        )
    ).all()
    for request in open_requests:
        request.status, request.decided_by_id, request.decided_at = (
            ChangeRequestStatus.APPROVED.value,
            admin.id,
            now,
        )
        session.add(request)
    _mail_family(session, client, task, reason, cancellation.refund_cents, cancellation.rectifying_invoice_id)
    record_event(
        session,
        actor_id=admin.id,
        action="visits.cancelled_by_company",
        target_type="task",
        target_id=task.id,
        details={"refund_cents": cancellation.refund_cents, "reason": reason},
    )
    return cancellation.refund_cents


def _mail_family(
    session: Session, client: User, task: Task, reason: str, amount: int, invoice_id: int | None
) -> None:
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    invoice = session.get(Invoice, invoice_id) if invoice_id else None
    service = mail_service_name(session, task, client.language)
    queue_email(
        session,
        to=client.email,
        subject=tr("company_cancel.mail.subject", client.language, service=service),
        body=tr(
            "company_cancel.mail.body",
            client.language,
            name=client.full_name,
            service=service,
            beneficiary=beneficiary.full_name if beneficiary else "",
            date=format_datetime(task.appointment_start, client.language) or "—",
            reason=reason,
            refund=format_euros(amount, client.language),
            invoice=invoice.number if invoice else "—",
        ),
        kind="visit_cancelled_by_company",
    )
