"""A confirmed payment: the order is paid once, its visit tasks, invoice and e-mails follow."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from care_portal.config import get_settings
from care_portal.domain.formatting import format_datetime, format_euros
from care_portal.domain.invoicing import LineInput, Party
from care_portal.i18n import tr
from care_portal.integrations import subscriptions
from care_portal.integrations.payments import PaymentEventData, PaymentProvider, WebhookRejected
from care_portal.models import User
from care_portal.models.care import Beneficiary
from care_portal.models.shop import Order, OrderLine, OrderStatus, PaymentEvent
from care_portal.models.types import utcnow
from care_portal.models.visits import Task
from care_portal.services import invoicing, payment_reconciliation, plans
from care_portal.services.audit import record_event
from care_portal.services.notifications import queue_email, recipient_language
from care_portal.services.plans.mail import task_lines
from care_portal.services.visit_codes import new_visit_code

PAID_EVENT = "checkout.session.completed"
PAID_EVENTS = payment_reconciliation.PAID_EVENTS


def process_webhook(
    session: Session,
    *,
    provider: PaymentProvider,
    payload: bytes,
    signature: str | None,
    now: datetime | None = None,
) -> str:
    """Verify a provider delivery and apply it; see ``handle_payment_event``.

    Raises:
        WebhookRejected: Bad or missing signature, or an unreadable body.
    """
    event = provider.parse_webhook(payload, signature)
    return handle_payment_event(session, event=event, provider_name=provider.name, now=now)


def handle_payment_event(
    session: Session, *, event: PaymentEventData, provider_name: str, now: datetime | None = None
) -> str:
    """Apply a verified payment event once: pay the order, create tasks, invoice, e-mail.

    Everything happens in the caller's transaction. A repeated event or an
    event for an order already paid changes nothing; a paid session whose
    amount or currency differ from the order is held for an admin, unfulfilled.
    Failed delayed payments, expired sessions and refund updates go to
    :mod:`payment_reconciliation`.

    Returns:
        ``"paid"``, ``"duplicate"``, ``"ignored"``, ``"unknown_order"``, ``"mismatch"``,
        or what :func:`payment_reconciliation.apply_event` returns.

    ``now`` (tests, the simulated renewal) is the instant a plan's month is applied at.
    """
    if not event.event_id:
        raise WebhookRejected("event without id")
    seen = session.exec(
        select(PaymentEvent.id).where(
            PaymentEvent.provider == provider_name, PaymentEvent.event_id == event.event_id
        )
    ).first()
    if seen is not None:
        return "duplicate"
    session.add(
        PaymentEvent(
            provider=provider_name,
            event_id=event.event_id,
            event_type=event.event_type,
            order_public_id=event.order_public_id[:32],
        )
    )
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        return "duplicate"
    about_plan = subscriptions.plan_event(event)
    if about_plan is not None:  # a care plan's subscription: its months, not an order
        return plans.apply_plan_event(session, about_plan, now=now)
    if event.event_type not in PAID_EVENTS:
        return payment_reconciliation.apply_event(session, event)
    if not event.paid:  # a delayed method (SEPA…) still processing: wait for its own event
        return "ignored"
    order = session.exec(
        select(Order).where(Order.public_id == event.order_public_id).with_for_update()
    ).first()
    if order is None or (order.provider_session_id and order.provider_session_id != event.session_id):
        return "unknown_order"
    if order.status not in (OrderStatus.PENDING_PAYMENT.value, OrderStatus.EXPIRED.value):
        return "ignored"
    problem = payment_reconciliation.amount_problem(order, event)
    if problem:
        return payment_reconciliation.hold_for_review(session, order, problem)
    order.status = OrderStatus.PAID.value
    order.paid_at = utcnow()
    order.payment_intent = event.payment_intent
    session.add(order)
    tasks = _create_tasks(session, order)
    _queue_paid_emails(session, order, tasks)
    record_event(session, actor_id=None, action="shop.order_paid", target_type="order", target_id=order.id)
    # Last: the invoice's numbering and chain locks are held from here to the caller's commit,
    # so every confirmation waits for the others only while they write their invoice.
    _issue_invoice(session, order)
    return "paid"


def _create_tasks(session: Session, order: Order) -> list[Task]:
    manager_id = _beneficiary_manager_id(session, order.beneficiary_id)
    lines = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    created = utcnow()  # one instant for the order: «Tareas» lists a pack's visits 1, 2, 3… in order
    tasks = []
    for line in lines:
        total = line.quantity * line.visits_per_unit  # a pack's visits are numbered «visita 2 de 4»
        for number in range(1, total + 1):
            task = Task(
                order_id=order.id,
                order_line_id=line.id,
                client_id=order.client_id,
                beneficiary_id=order.beneficiary_id,
                manager_id=manager_id,
                service_name=line.name,
                visit_code=new_visit_code(session),
                notes=order.observations,
                sequence_number=number,
                sequence_total=total,
                created_at=created,
            )
            session.add(task)  # before the next code is drawn: new_visit_code looks at session.new
            tasks.append(task)
    session.flush()
    return tasks


def _beneficiary_manager_id(session: Session, beneficiary_id: int) -> int | None:
    beneficiary = session.get(Beneficiary, beneficiary_id)
    return beneficiary.manager_id if beneficiary else None


def _issue_invoice(session: Session, order: Order) -> None:
    """Issue the invoice of a paid order in the same transaction, from the copied order data."""
    billing = order.billing
    lines = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    beneficiary = session.get(Beneficiary, order.beneficiary_id)
    invoicing.issue_invoice(
        session,
        client_id=order.client_id,
        recipient=Party(
            name=billing["billing_name"],
            nif=billing["nif"],
            address=f"{billing['address']}, {billing['postal_code']} {billing['town']}",
        ),
        lines=[
            LineInput(
                description=line.name,
                quantity=line.quantity,
                unit_price_cents=line.unit_price_cents,
                vat_rate=line.vat_rate,
                exempt_reason=line.exempt_reason,
            )
            for line in lines
        ],
        beneficiary_name=beneficiary.full_name if beneficiary else "",
        order_ref=order.public_id,
    )


def _queue_paid_emails(session: Session, order: Order, tasks: list[Task]) -> None:
    client = session.get(User, order.client_id)
    beneficiary = session.get(Beneficiary, order.beneficiary_id)
    name = beneficiary.full_name if beneficiary else ""
    lang = client.language
    client_lines = task_lines(session, tasks, lang)  # with «visita 2 de 4»
    queue_email(
        session,
        to=client.email,
        subject=tr("mail.order_paid.subject", lang),
        body=tr(
            "mail.order_paid.body",
            lang,
            name=client.full_name,
            beneficiary=name,
            total=format_euros(order.total_cents, lang),
            tasks=client_lines,
            date=format_datetime(order.paid_at, lang),
        ),
        kind="order_paid",
    )
    manager = session.get(User, beneficiary.manager_id) if beneficiary and beneficiary.manager_id else None
    staff_lang = recipient_language(manager)
    queue_email(
        session,
        to=manager.email if manager else get_settings().team_email,
        subject=tr(
            "mail.new_tasks.subject" if manager else "mail.unassigned_tasks.subject",
            staff_lang,
            beneficiary=name,
        ),
        body=tr(
            "mail.new_tasks.body",
            staff_lang,
            beneficiary=name,
            tasks=task_lines(session, tasks, staff_lang),
            observations=order.observations or "—",
            preferred=order.preferred_dates or "—",
        ),
        kind="manager_new_tasks" if manager else "unassigned_tasks",
    )
