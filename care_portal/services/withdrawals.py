"""The withdrawal form of the private area: the client withdraws from an order within 14 days.

Rules are in :mod:`care_portal.domain.withdrawal`. Open visits are cancelled with
the existing cancellation (a rectifying invoice and a refund each); what else is
owed (visits made without an express request to start early, or the unrefunded part
of a visit cancelled earlier) is refunded with one more rectifying invoice and one
refund, keyed ``withdrawal-order-{id}`` so a retry never refunds twice. The client
gets an acknowledgement by e-mail (art. 106.4 TRLGDCU) and the team is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_date, format_datetime, format_euros
from care_portal.domain.invoicing import LineInput
from care_portal.domain.withdrawal import (
    WITHDRAWAL_DAYS,
    VisitShare,
    WithdrawalSplit,
    can_withdraw,
    split_withdrawal,
    withdrawal_deadline,
)
from care_portal.i18n import tr
from care_portal.integrations.payments import PaymentProvider
from care_portal.models import OrderWithdrawal, Role, User
from care_portal.models.billing import Invoice, InvoiceKind
from care_portal.models.shop import Order, OrderLine, OrderStatus
from care_portal.models.types import utcnow
from care_portal.models.visits import Cancellation, ChangeRequest, ChangeRequestStatus, Task
from care_portal.services import invoicing
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import blocked_beneficiary_ids
from care_portal.services.client_tasks import cancel_with_refund, task_shares
from care_portal.services.notifications import queue_email

MAX_STATEMENT = 2000


@dataclass(frozen=True)
class WithdrawableOrder:
    """An order the client can still withdraw from, with what withdrawing now would mean."""

    id: int
    reference: str
    services: str
    purchased: str
    deadline: str
    total: str
    refund: str
    kept: str
    express_start: bool


@dataclass(frozen=True)
class WithdrawalOutcome:
    """What a withdrawal did."""

    refund: str
    kept: str
    invoices: list[str]


def _open_orders_query(actor: Viewer, now: datetime):
    already = select(OrderWithdrawal.order_id)
    return (
        select(Order)
        .where(
            Order.client_id == actor.id,
            Order.status == OrderStatus.PAID.value,
            col(Order.paid_at) >= now - timedelta(days=WITHDRAWAL_DAYS + 2),
            col(Order.id).not_in(already),
            col(Order.beneficiary_id).not_in(blocked_beneficiary_ids()),
        )
        .order_by(col(Order.paid_at).desc(), col(Order.id))
    )


def _splits(session: Session, orders: list[Order]) -> dict[int, tuple[WithdrawalSplit, list[Task]]]:
    """Split each order's visits (four statements whatever the number of orders)."""
    ids = [o.id for o in orders]
    if not ids:
        return {}
    tasks = list(session.exec(select(Task).where(col(Task.order_id).in_(ids)).order_by(col(Task.id))).all())
    shares = task_shares(session, tasks)
    refunded = dict(
        session.exec(
            select(Cancellation.task_id, Cancellation.refund_cents).where(
                col(Cancellation.task_id).in_([t.id for t in tasks] or [0])
            )
        ).all()
    )
    by_order: dict[int, list[Task]] = {}
    for task in tasks:
        by_order.setdefault(task.order_id, []).append(task)
    return {
        order.id: (
            split_withdrawal(
                [
                    VisitShare(t.id, t.state, shares[t.id], refunded.get(t.id, 0))
                    for t in by_order.get(order.id, [])
                ],
                express_start=order.express_start_at is not None,
            ),
            by_order.get(order.id, []),
        )
        for order in orders
    }


def list_withdrawable(
    session: Session, *, actor: Viewer | None, now: datetime | None = None
) -> list[WithdrawableOrder]:
    """Return the client's orders still within their 14 days, newest first (six statements).

    Raises:
        PermissionDenied: Not a client.
    """
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    orders = [o for o in session.exec(_open_orders_query(actor, now)).all() if can_withdraw(o.paid_at, now)]
    splits = _splits(session, orders)
    names: dict[int, list[str]] = {}
    if orders:
        for order_id, name in session.exec(
            select(OrderLine.order_id, OrderLine.name)
            .where(col(OrderLine.order_id).in_([o.id for o in orders]))
            .order_by(col(OrderLine.id))
        ).all():
            names.setdefault(order_id, []).append(name)
    return [
        WithdrawableOrder(
            id=order.id,
            reference=order.public_id,
            services=", ".join(names.get(order.id, [])),
            purchased=format_date(order.paid_at),
            deadline=format_datetime(withdrawal_deadline(order.paid_at)),
            total=format_euros(order.total_cents),
            refund=format_euros(splits[order.id][0].refund_cents),
            kept=format_euros(splits[order.id][0].kept_cents),
            express_start=order.express_start_at is not None,
        )
        for order in orders
    ]


def withdraw(
    session: Session,
    *,
    actor: Viewer | None,
    order_id: int,
    statement: str = "",
    provider: PaymentProvider,
    now: datetime | None = None,
) -> WithdrawalOutcome:
    """Withdraw from one of the client's orders within its 14 days, refunding what is owed.

    Args:
        session: Open session; the caller commits (nothing is stored if anything fails).
        actor: The client who bought the order.
        order_id: Which order.
        statement: The client's optional words (no reason is needed).
        provider: Payment provider that refunds.
        now: Current instant (tests pass a fixed clock).

    Raises:
        NotFound: Not the actor's paid order, already withdrawn, or its relative erased.
        ValidationFailed: Statement too long.
        DomainError: ``withdrawal.expired`` after the 14 days; ``visits.refund_failed`` when a
            refund failed.
    """
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    statement = statement.strip()
    if len(statement) > MAX_STATEMENT:
        raise ValidationFailed({"statement": "withdrawal.statement_too_long"})
    order = session.exec(_open_orders_query(actor, now).where(Order.id == order_id)).first()
    if order is None or not can_withdraw(order.paid_at, now):
        if _own_paid_order(session, actor, order_id, now):
            raise DomainError("withdrawal.expired")
        raise NotFound()
    split, tasks = _splits(session, [order])[order.id]
    reason = tr("withdrawal.reason", "es", order=order.public_id)
    invoices = []
    for visit in split.cancel:
        task = next(t for t in tasks if t.id == visit.task_id)
        cancellation = cancel_with_refund(
            session,
            task=task,
            actor=actor,
            reason=reason,
            provider=provider,
            within_deadline=True,
            now=now,
            notify=False,
        )
        invoices.append(cancellation.rectifying_invoice_id)
        _close_open_requests(session, task.id, now)
    record = OrderWithdrawal(
        order_id=order.id,
        client_id=actor.id,
        statement=statement,
        express_start=order.express_start_at is not None,
        refund_cents=split.refund_cents,
        kept_cents=split.kept_cents,
        created_at=now,
    )
    if split.refund_rest:
        record.rectifying_invoice_id, record.refund_id = _refund_rest(
            session, actor, order, tasks, split.refund_rest, reason, provider, now
        )
        invoices.append(record.rectifying_invoice_id)
    session.add(record)
    session.flush()
    numbers = [n for n in session.exec(select(Invoice.number).where(col(Invoice.id).in_(invoices))).all()]
    _mail(session, actor, order, split, numbers, statement, now)
    record_event(
        session,
        actor_id=actor.id,
        action="consumer.withdrawal",
        target_type="order",
        target_id=order.id,
        details={"refund_cents": split.refund_cents, "kept_cents": split.kept_cents},
    )
    return WithdrawalOutcome(format_euros(split.refund_cents), format_euros(split.kept_cents), numbers)


def _own_paid_order(session: Session, actor: Viewer, order_id: int, now: datetime) -> bool:
    """Whether the order is the actor's, paid and not withdrawn, but past its 14 days."""
    order = session.get(Order, order_id)
    already = session.exec(
        select(func.count()).select_from(OrderWithdrawal).where(OrderWithdrawal.order_id == order_id)
    ).one()
    return (
        order is not None
        and order.client_id == actor.id
        and order.status == OrderStatus.PAID.value
        and not already
        and not can_withdraw(order.paid_at, now)
    )


def _close_open_requests(session: Session, task_id: int, now: datetime) -> None:
    for request in session.exec(
        select(ChangeRequest).where(
            ChangeRequest.task_id == task_id, ChangeRequest.status == ChangeRequestStatus.OPEN.value
        )
    ).all():
        request.status, request.decided_at = ChangeRequestStatus.DONE.value, now
        session.add(request)


def _refund_rest(
    session: Session,
    actor: Viewer,
    order: Order,
    tasks: list[Task],
    amounts: dict[int, int],
    reason: str,
    provider: PaymentProvider,
    now: datetime,
) -> tuple[int, str]:
    """Refund what is owed on visits not cancelled now: one rectifying invoice, one refund."""
    original = session.exec(
        select(Invoice).where(Invoice.order_ref == order.public_id, Invoice.kind == InvoiceKind.INVOICE)
    ).first()
    if original is None:
        raise DomainError("visits.refund_failed")
    lines = {
        line.id: line
        for line in session.exec(
            select(OrderLine).where(col(OrderLine.id).in_({t.order_line_id for t in tasks}))
        ).all()
    }
    issued = invoicing.issue_rectifying_invoice(
        session,
        original_invoice_id=original.id,
        lines=[
            LineInput(
                task.service_name,
                1,
                amounts[task.id],
                lines[task.order_line_id].vat_rate,
                lines[task.order_line_id].exempt_reason,
            )
            for task in tasks
            if task.id in amounts
        ],
        reason=reason,
        actor=actor,
        now=now,
    )
    try:
        refund_id = provider.refund(
            payment_intent=order.payment_intent,
            amount_cents=sum(amounts.values()),
            idempotency_key=f"withdrawal-order-{order.id}",
        )
    except Exception as exc:
        raise DomainError("visits.refund_failed") from exc
    return issued.id, refund_id


def _mail(
    session: Session,
    actor: Viewer,
    order: Order,
    split: WithdrawalSplit,
    invoices: list[str],
    statement: str,
    now: datetime,
) -> None:
    client = session.get(User, actor.id)
    params = {
        "name": client.full_name,
        "order": order.public_id,
        "when": format_datetime(now, client.language),
        "refund": format_euros(split.refund_cents, client.language),
        "kept": format_euros(split.kept_cents, client.language),
        "invoices": ", ".join(invoices) or "—",
    }
    queue_email(
        session,
        to=client.email,
        subject=tr("withdrawal.mail.subject", client.language, order=order.public_id),
        body=tr("withdrawal.mail.body", client.language, **params),
        kind="order_withdrawal",
    )
    queue_email(
        session,
        to=get_settings().team_email,
        subject=tr("withdrawal.mail.team_subject", "es", client=client.full_name, order=order.public_id),
        body=tr("withdrawal.mail.team_body", "es", statement=statement or "—", email=client.email, **params),
        kind="order_withdrawal_team",
    )
