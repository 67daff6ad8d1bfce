"""The client's orders: summaries, one order, and paying with the simulated provider."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.errors import DomainError
from care_portal.domain.formatting import current_language, format_datetime, format_euros
from care_portal.models import Role
from care_portal.models.care import Beneficiary
from care_portal.models.shop import Order, OrderLine
from care_portal.models.visits import Task
from care_portal.services.authz import Viewer, ensure_reaches, ensure_role
from care_portal.services.catalog import service_names
from care_portal.services.checkout.fulfilment import process_webhook
from care_portal.services.paging import Page, fetch_page


@dataclass(frozen=True)
class OrderSummary:
    """An order as its client sees it."""

    public_id: str
    status: str
    total: str
    created: str
    beneficiary_name: str
    provider: str
    lines: list[dict]
    tasks: list[dict]


def _own_order(session: Session, actor: Viewer, order_public_id: str) -> Order:
    order = session.exec(select(Order).where(Order.public_id == (order_public_id or ""))).first()
    return ensure_reaches(actor, order, "client_id")


def _summaries(session: Session, orders: list[Order]) -> list[OrderSummary]:
    if not orders:
        return []
    ids = [o.id for o in orders]
    lines = session.exec(select(OrderLine).where(col(OrderLine.order_id).in_(ids))).all()
    tasks = session.exec(select(Task).where(col(Task.order_id).in_(ids)).order_by(col(Task.id))).all()
    translated = service_names(session, {ln.service_id for ln in lines}, lang=current_language())
    line_names = {ln.id: translated.get(ln.service_id, ln.name) for ln in lines}
    names = {
        b.id: b.full_name
        for b in session.exec(
            select(Beneficiary).where(col(Beneficiary.id).in_({o.beneficiary_id for o in orders}))
        ).all()
    }
    return [
        OrderSummary(
            public_id=o.public_id,
            status=o.status,
            total=format_euros(o.total_cents),
            created=format_datetime(o.created_at),
            beneficiary_name=names.get(o.beneficiary_id, ""),
            provider=o.provider,
            lines=[
                {
                    "name": line_names[ln.id],
                    "quantity": ln.quantity,
                    "visits": ln.quantity * ln.visits_per_unit,
                    "amount": format_euros(ln.unit_price_cents * ln.quantity),
                }
                for ln in lines
                if ln.order_id == o.id
            ],
            tasks=[
                {
                    "id": t.id,
                    "service": line_names.get(t.order_line_id, t.service_name),
                    "state": t.state,
                    "visit_code": t.visit_code,
                    "sequence_number": t.sequence_number,
                    "sequence_total": t.sequence_total,
                }
                for t in tasks
                if t.order_id == o.id
            ],
        )
        for o in orders
    ]


def get_order(session: Session, *, actor: Viewer | None, order_public_id: str) -> OrderSummary:
    """Return one of the actor's orders (NotFound for anyone else's)."""
    actor = ensure_role(actor, Role.CLIENT)
    return _summaries(session, [_own_order(session, actor, order_public_id)])[0]


def list_orders(session: Session, *, actor: Viewer | None, page: int = 1) -> Page[OrderSummary]:
    """Return one page of the actor's orders, newest first (five statements whatever their number)."""
    actor = ensure_role(actor, Role.CLIENT)
    query = select(Order).where(Order.client_id == actor.id).order_by(col(Order.id).desc())
    orders, total, number = fetch_page(session, query, page)
    return Page(_summaries(session, orders), number=number, total=total)


def pay_simulated(
    session: Session, *, actor: Viewer | None, order_public_id: str, provider, paid: bool
) -> str:
    """Complete the simulated payment page: the event is signed and read back like a webhook.

    Raises:
        NotFound: Not the actor's order.
        DomainError: ``shop.payment_unavailable`` when real payments are configured.
    """
    actor = ensure_role(actor, Role.CLIENT)
    if not hasattr(provider, "signed_event"):
        raise DomainError("shop.payment_unavailable")
    order = _own_order(session, actor, order_public_id)
    if not paid:
        return "cancelled"
    body, signature = provider.signed_event(
        order_public_id=order.public_id,
        session_id=order.provider_session_id,
        paid=True,
        amount_cents=order.total_cents,
    )
    return process_webhook(session, provider=provider, payload=body, signature=signature)
