"""The client's side of the visits: the suggestions form, cancellations and refunds.

The «Tareas» list itself (and the suggestions form's list of visits) is in
:mod:`care_portal.services.client_task_list`, re-exported here.

A client reaches only their own tasks; anyone else's is ``NotFound``. A
cancellation at or before the deadline (appointment − 48 h, or any time before
an appointment is agreed) is refunded in full at once; a later one becomes a
request that an admin decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import format_appointment, format_datetime, format_euros
from care_portal.domain.invoicing import LineInput
from care_portal.domain.visits import cancellation_deadline, ensure_move, is_within_free_cancellation
from care_portal.i18n import tr
from care_portal.integrations.payments import PaymentProvider
from care_portal.models import Role, User
from care_portal.models.billing import Invoice, InvoiceKind
from care_portal.models.care import Beneficiary
from care_portal.models.shop import Order, OrderLine
from care_portal.models.types import utcnow
from care_portal.models.visits import (
    Cancellation,
    ChangeRequest,
    ChangeRequestStatus,
    Task,
    TaskState,
)
from care_portal.services import invoicing
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_reaches, ensure_role
from care_portal.services.calendars import appointment_mail
from care_portal.services.client_task_list import ClientTask as ClientTask
from care_portal.services.client_task_list import list_changeable_tasks as list_changeable_tasks
from care_portal.services.client_task_list import list_client_tasks as list_client_tasks
from care_portal.services.notifications import queue_email, recipient_language
from care_portal.services.task_names import mail_service_name

KINDS = ("message", "change", "cancel")
MAX_MESSAGE = 4000


@dataclass(frozen=True)
class SuggestionOutcome:
    """What happened to a message from the suggestions form."""

    kind: str
    cancelled: bool
    refund: str
    rectifying_invoice: str
    waiting_for_admin: bool


@dataclass(frozen=True)
class CancellationPreview:
    """What cancelling one visit now would mean, shown before the client confirms."""

    refund: str
    deadline: str
    free: bool


def cancellation_preview(
    session: Session, *, actor: Viewer | None, task_id: int, now: datetime | None = None
) -> CancellationPreview:
    """Tell the client what cancelling their visit now would refund, and until when it is free.

    Raises:
        NotFound: Missing, or another client's task.
    """
    actor = ensure_role(actor, Role.CLIENT)
    task = load_own_task(session, actor, task_id)
    free = task.appointment_start is None or is_within_free_cancellation(
        task.appointment_start, now or utcnow()
    )
    return CancellationPreview(
        refund=format_euros(task_share_cents(session, task)),
        deadline=format_appointment(cancellation_deadline(task.appointment_start))
        if task.appointment_start
        else "",
        free=free,
    )


def load_own_task(session: Session, actor: Viewer, task_id: int) -> Task:
    """Return one of the actor's tasks (admins: any).

    Raises:
        NotFound: Missing, or another client's.
    """
    return ensure_reaches(actor, session.get(Task, task_id), "client_id")


def submit_suggestion(
    session: Session,
    *,
    actor: Viewer | None,
    message: str,
    kind: str = "message",
    task_id: int | None = None,
    provider: PaymentProvider,
    now: datetime | None = None,
) -> SuggestionOutcome:
    """Send a message to the team (and the task's manager); about a task it is a change/cancel request.

    A cancellation at or before the deadline is refunded in full at once; a
    later one waits for an admin.

    Raises:
        NotFound: A task that is not the actor's.
        ValidationFailed: Empty or too long message, unknown kind, a change without a task.
        DomainError: The task can no longer be changed, or the refund failed.
    """
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    text = message.strip()
    errors = {}
    if not text or len(text) > MAX_MESSAGE:
        errors["message"] = "suggest.message_required"
    if kind not in KINDS or (kind != "message" and not task_id):
        errors["kind"] = "suggest.bad_kind"
    if errors:
        raise ValidationFailed(errors)
    task = load_own_task(session, actor, task_id) if task_id else None
    if (
        task is not None
        and kind != "message"
        and task.state
        not in (
            TaskState.PENDING_APPOINTMENT.value,
            TaskState.SCHEDULED.value,
        )
    ):
        raise DomainError("suggest.task_closed")
    request = ChangeRequest(
        client_id=actor.id, task_id=task.id if task else None, kind=kind, message=text, created_at=now
    )
    session.add(request)
    session.flush()
    _mail_team_and_manager(session, actor, task, kind, text)
    record_event(
        session,
        actor_id=actor.id,
        action=f"visits.request_{kind}",
        target_type="change_request",
        target_id=request.id,
    )
    if kind == "cancel" and (
        task.appointment_start is None or is_within_free_cancellation(task.appointment_start, now)
    ):
        cancellation = cancel_with_refund(
            session, task=task, actor=actor, reason=text, provider=provider, within_deadline=True, now=now
        )
        request.status = ChangeRequestStatus.DONE.value
        request.decided_at = now
        session.add(request)
        invoice = session.get(Invoice, cancellation.rectifying_invoice_id)
        return SuggestionOutcome(kind, True, format_euros(cancellation.refund_cents), invoice.number, False)
    return SuggestionOutcome(kind, False, "", "", kind == "cancel")


def _mail_team_and_manager(session: Session, actor: Viewer, task: Task | None, kind: str, text: str) -> None:
    """E-mail a suggestion to the team (in Spanish) and to the visit's manager (in their language)."""
    beneficiary = session.get(Beneficiary, task.beneficiary_id) if task else None
    recipients = [(get_settings().team_email, "es")]
    manager = session.get(User, task.manager_id) if task and task.manager_id else None
    if manager is not None:
        recipients.append((manager.email, recipient_language(manager)))
    for to, lang in recipients:
        about = (
            tr(
                "suggest.mail.about",
                lang,
                service=mail_service_name(session, task, lang),
                beneficiary=beneficiary.full_name if beneficiary else "",
                date=format_datetime(task.appointment_start, lang) or "—",
                code=task.visit_code,
            )
            if task
            else ""
        )
        subject = tr(f"suggest.mail.subject.{kind}", lang, client=actor.full_name)
        body = tr(
            "suggest.mail.body", lang, client=actor.full_name, email=actor.email, about=about, message=text
        )
        queue_email(session, to=to, subject=subject, body=body, kind=f"suggestion_{kind}")


def task_share_cents(session: Session, task: Task) -> int:
    """Return the part of its order line a task stands for (the line's cents spread over its visits)."""
    return task_shares(session, [task])[task.id]


def task_shares(session: Session, tasks: list[Task]) -> dict[int, int]:
    """Return each task's share of its order line, keyed by task id, in two statements.

    A line's cents are spread over its visits; the first visits (by id) take
    the odd cents, so the shares always add up to the line.
    """
    line_ids = {task.order_line_id for task in tasks}
    if not line_ids:
        return {}
    totals = dict(
        session.exec(
            select(OrderLine.id, OrderLine.unit_price_cents * OrderLine.quantity).where(
                col(OrderLine.id).in_(line_ids)
            )
        ).all()
    )
    siblings: dict[int, list[int]] = {}
    for task_id, line_id in session.exec(
        select(Task.id, Task.order_line_id)
        .where(col(Task.order_line_id).in_(line_ids))
        .order_by(col(Task.id))
    ).all():
        siblings.setdefault(line_id, []).append(task_id)
    shares = {}
    for task in tasks:
        visits = siblings[task.order_line_id]
        share, remainder = divmod(totals[task.order_line_id], len(visits))
        shares[task.id] = share + (1 if visits.index(task.id) < remainder else 0)
    return shares


def cancel_with_refund(
    session: Session,
    *,
    task: Task,
    actor: Viewer,
    reason: str,
    provider: PaymentProvider,
    within_deadline: bool,
    decided_by: Viewer | None = None,
    refund: bool = True,
    now: datetime | None = None,
    notify: bool = True,
) -> Cancellation:
    """Cancel a task, refund its share with a rectifying invoice, and record who, when and why.

    The rectifying invoice is issued first and the provider refund last, with
    the idempotency key ``refund-task-{id}``: if anything fails nothing is
    stored, and a retry never refunds twice. The client is e-mailed unless
    ``notify`` is false (the caller then writes its own message).

    Raises:
        DomainError: ``visits.bad_transition`` or ``visits.refund_failed``.
    """
    now = now or utcnow()
    ensure_move(task.state, TaskState.CANCELLED.value)
    order = session.get(Order, task.order_id)
    amount = task_share_cents(session, task) if refund else 0
    rectifying_id = None
    refund_id = ""
    if amount:
        line = session.get(OrderLine, task.order_line_id)
        original = session.exec(
            select(Invoice).where(Invoice.order_ref == order.public_id, Invoice.kind == InvoiceKind.INVOICE)
        ).first()
        if original is None:
            raise DomainError("visits.refund_failed")
        issued = invoicing.issue_rectifying_invoice(
            session,
            original_invoice_id=original.id,
            lines=[LineInput(task.service_name, 1, amount, line.vat_rate, line.exempt_reason)],
            reason=tr("visits.rectify_reason", "es", service=task.service_name, task=task.id),
            actor=decided_by or actor,
            now=now,
        )
        rectifying_id = issued.id
        try:
            refund_id = provider.refund(
                payment_intent=order.payment_intent,
                amount_cents=amount,
                idempotency_key=f"refund-task-{task.id}",
            )
        except Exception as exc:
            raise DomainError("visits.refund_failed") from exc
    task.state = TaskState.CANCELLED.value
    session.add(task)
    cancellation = Cancellation(
        task_id=task.id,
        requested_by_id=actor.id,
        decided_by_id=decided_by.id if decided_by else None,
        reason=reason,
        within_deadline=within_deadline,
        refund_cents=amount,
        refund_id=refund_id,
        rectifying_invoice_id=rectifying_id,
        created_at=now,
    )
    session.add(cancellation)
    session.flush()
    record_event(
        session,
        actor_id=(decided_by or actor).id,
        action="visits.cancelled",
        target_type="task",
        target_id=task.id,
        details={"refund_cents": amount, "refund_id": refund_id, "within_deadline": within_deadline},
    )
    if notify:
        _mail_client_cancelled(session, task, amount, rectifying_id)
    appointment_mail.send_cancellation(session, task)  # METHOD:CANCEL for the calendars holding it
    return cancellation


def _mail_client_cancelled(session: Session, task: Task, amount: int, rectifying_id: int | None) -> None:
    client = session.get(User, task.client_id)
    invoice = session.get(Invoice, rectifying_id) if rectifying_id else None
    service = mail_service_name(session, task, client.language)
    queue_email(
        session,
        to=client.email,
        subject=tr("visits.mail.cancelled.subject", client.language, service=service),
        body=tr(
            "visits.mail.cancelled.body",
            client.language,
            name=client.full_name,
            service=service,
            refund=format_euros(amount, client.language),
            invoice=invoice.number if invoice else "—",
        ),
        kind="visit_cancelled",
    )
