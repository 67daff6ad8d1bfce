"""Payments reconciled with orders: delayed methods, refunds confirmed or failed, amounts, expiry.

Fulfilment itself (tasks, invoice, e-mails) stays in ``checkout.handle_payment_event``;
this module handles every other provider event, checks a paid session against its
order before fulfilment, expires orders never paid, and lists what needs an admin.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.formatting import format_datetime, format_euros
from care_portal.integrations.payments import PaymentEventData, PaymentProvider
from care_portal.models import Role
from care_portal.models.shop import Order, OrderStatus
from care_portal.models.types import utcnow
from care_portal.models.visits import Cancellation, Task
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role

logger = logging.getLogger(__name__)

PAID_EVENTS = ("checkout.session.completed", "checkout.session.async_payment_succeeded")
FAILED_EVENT = "checkout.session.async_payment_failed"
EXPIRED_EVENT = "checkout.session.expired"
REFUND_EVENTS = ("charge.refunded", "refund.updated", "refund.failed", "charge.refund.updated")
REFUND_PROBLEMS = ("failed", "canceled", "requires_action")
CURRENCY = "eur"
LIST_LIMIT = 50


def amount_problem(order: Order, event: PaymentEventData) -> str:
    """Return why a paid session does not match its order ("" when it does)."""
    if event.amount_total is None or event.currency.lower() != CURRENCY:
        return f"paid {event.amount_total} {event.currency or '?'}; expected {order.total_cents} {CURRENCY}"
    if event.amount_total != order.total_cents:
        return f"paid {event.amount_total} {CURRENCY}; expected {order.total_cents} {CURRENCY}"
    return ""


def hold_for_review(session: Session, order: Order, problem: str) -> str:
    """Keep a paid order unfulfilled for an admin, with the reason (caller's transaction)."""
    order.status = OrderStatus.NEEDS_REVIEW.value
    order.payment_problem = problem[:300]
    session.add(order)
    record_event(
        session,
        actor_id=None,
        action="shop.payment_mismatch",
        target_type="order",
        target_id=order.id,
        details={"problem": problem[:300]},
    )
    logger.warning("order %s paid with a mismatch, not fulfilled: %s", order.public_id, problem)
    return "mismatch"


def apply_event(session: Session, event: PaymentEventData) -> str:
    """Apply a verified event that is not a payment to fulfil (caller's transaction).

    Returns:
        ``"payment_failed"``, ``"expired"``, ``"refund_updated"`` or ``"ignored"``.
    """
    if event.event_type in (FAILED_EVENT, EXPIRED_EVENT):
        order = session.exec(
            select(Order).where(Order.public_id == event.order_public_id).with_for_update()
        ).first()
        if order is None or order.status != OrderStatus.PENDING_PAYMENT.value:
            return "ignored"
        failed = event.event_type == FAILED_EVENT
        order.status = (OrderStatus.PAYMENT_FAILED if failed else OrderStatus.EXPIRED).value
        order.payment_problem = "the delayed payment failed" if failed else ""
        session.add(order)
        record_event(
            session,
            actor_id=None,
            action=f"shop.order_{order.status}",
            target_type="order",
            target_id=order.id,
        )
        return order.status
    if event.event_type in REFUND_EVENTS:
        return _apply_refund_event(session, event)
    return "ignored"


def _apply_refund_event(session: Session, event: PaymentEventData) -> str:
    statuses = dict(event.refunds)
    if statuses:
        rows = session.exec(select(Cancellation).where(col(Cancellation.refund_id).in_(list(statuses)))).all()
    elif event.event_type == "charge.refunded" and event.payment_intent:
        statuses = None
        rows = session.exec(
            select(Cancellation)
            .join(Task, col(Task.id) == col(Cancellation.task_id))
            .join(Order, col(Order.id) == col(Task.order_id))
            .where(Order.payment_intent == event.payment_intent, Cancellation.refund_id != "")
        ).all()
    else:
        return "ignored"
    for cancellation in rows:
        status = statuses[cancellation.refund_id] if statuses else "succeeded"
        cancellation.refund_status = status[:20]
        session.add(cancellation)
        if status in REFUND_PROBLEMS:
            logger.warning("refund %s of task %s: %s", cancellation.refund_id, cancellation.task_id, status)
        record_event(
            session,
            actor_id=None,
            action="visits.refund_status",
            target_type="task",
            target_id=cancellation.task_id,
            details={"refund_id": cancellation.refund_id, "status": status},
        )
    return "refund_updated" if rows else "ignored"


def expire_stale_orders(
    session: Session, *, provider: PaymentProvider, now: datetime | None = None, limit: int = 100
) -> int:
    """Expire orders never paid within ``ORDER_EXPIRY_HOURS`` and close their payment page.

    An order whose page the provider will not close (paid, or a delayed payment
    under way) stays pending: its webhook decides. Each order commits on its own.

    Returns:
        How many orders expired.
    """
    now = now or utcnow()
    cutoff = now - timedelta(hours=get_settings().order_expiry_hours)
    stale = session.exec(
        select(Order)
        .where(Order.status == OrderStatus.PENDING_PAYMENT.value, col(Order.created_at) < cutoff)
        .order_by(col(Order.id))
        .limit(limit)
    ).all()
    expired = 0
    for order in stale:
        try:
            closed = not order.provider_session_id or provider.expire_checkout(order.provider_session_id)
        except Exception:  # the provider is unreachable: try again on the next pass
            logger.exception("could not expire the payment page of order %s", order.public_id)
            continue
        if not closed:
            continue
        current = session.exec(select(Order).where(Order.id == order.id).with_for_update()).one()
        if current.status == OrderStatus.PENDING_PAYMENT.value:
            current.status = OrderStatus.EXPIRED.value
            session.add(current)
            record_event(
                session, actor_id=None, action="shop.order_expired", target_type="order", target_id=order.id
            )
            expired += 1
        session.commit()
    return expired


@dataclass(frozen=True)
class PaymentIssue:
    """A payment or refund an admin has to look at."""

    kind: str  # needs_review | payment_failed | refund_failed
    order: str
    when: str
    amount: str
    detail: str


def issues(session: Session, *, actor: Viewer | None) -> list[PaymentIssue]:
    """Return orders held for review, failed delayed payments and refunds that did not go through."""
    ensure_role(actor, Role.ADMIN)
    orders = session.exec(
        select(Order)
        .where(col(Order.status).in_([OrderStatus.NEEDS_REVIEW.value, OrderStatus.PAYMENT_FAILED.value]))
        .order_by(col(Order.id).desc())
        .limit(LIST_LIMIT)
    ).all()
    refunds = session.exec(
        select(Cancellation, Order)
        .join(Task, col(Task.id) == col(Cancellation.task_id))
        .join(Order, col(Order.id) == col(Task.order_id))
        .where(col(Cancellation.refund_status).in_(REFUND_PROBLEMS))
        .order_by(col(Cancellation.id).desc())
        .limit(LIST_LIMIT)
    ).all()
    return [
        PaymentIssue(
            o.status,
            o.public_id,
            format_datetime(o.created_at),
            format_euros(o.total_cents),
            o.payment_problem,
        )
        for o in orders
    ] + [
        PaymentIssue(
            "refund_failed",
            o.public_id,
            format_datetime(c.created_at),
            format_euros(c.refund_cents),
            f"{c.refund_id}: {c.refund_status}",
        )
        for c, o in refunds
    ]
