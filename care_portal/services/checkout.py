"""Checkout: billing data, starting a payment, and what happens when it is confirmed."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime, format_euros
from care_portal.domain.identifiers import normalise_nif, normalise_phone, normalise_postal_code
from care_portal.domain.invoicing import LineInput, Party
from care_portal.domain.pricing import MAX_QUANTITY, CartTotals, parse_cart, price_cart
from care_portal.domain.terms import TERMS_VERSION, terms_hash
from care_portal.i18n import tr
from care_portal.integrations.payments import (
    CheckoutLine,
    CheckoutStart,
    PaymentEventData,
    PaymentProvider,
    WebhookRejected,
)
from care_portal.models import Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.shop import BillingProfile, CareService, Order, OrderLine, OrderStatus, PaymentEvent
from care_portal.models.types import utcnow
from care_portal.models.visits import Task
from care_portal.services import catalog, invoicing, payment_reconciliation
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.beneficiaries import get_own_active_beneficiary
from care_portal.services.notifications import queue_email
from care_portal.services.visit_codes import new_visit_code

PAID_EVENTS = payment_reconciliation.PAID_EVENTS


@dataclass(frozen=True)
class BillingData:
    """Billing data as typed, or as stored after validation."""

    nif: str
    billing_name: str
    address: str
    postal_code: str
    town: str
    phone: str


@dataclass(frozen=True)
class CheckoutRequest:
    """Everything the checkout form sends."""

    cart: dict
    beneficiary_id: int
    observations: str
    preferred_dates: str
    accept_terms: bool
    billing: BillingData | None
    attempt_key: str


def price_raw_cart(session: Session, *, raw_cart: dict, lang: str = "es") -> CartTotals:
    """Price what the browser keeps as its cart, from the catalogue.

    Raises:
        DomainError: Empty cart, bad quantity or a service no longer sold.
    """
    cart = parse_cart(raw_cart)
    return price_cart(cart, catalog.catalogue_entries(session, list(cart), lang=lang))


def drop_unsellable(session: Session, *, raw_cart: dict) -> dict[str, int]:
    """Return the cart without services no longer sold and without nonsense quantities."""
    sold = {service.id for service in catalog.list_services(session)}
    clean: dict[str, int] = {}
    for key, value in raw_cart.items():
        try:
            service_id, quantity = int(key), int(value)
        except (TypeError, ValueError):
            continue
        if service_id in sold and 1 <= quantity <= MAX_QUANTITY:
            clean[str(service_id)] = quantity
    return clean


def get_billing(session: Session, *, actor: Viewer | None) -> BillingData | None:
    """Return the actor's saved billing data, if any."""
    actor = ensure_role(actor, Role.CLIENT)
    row = session.exec(select(BillingProfile).where(BillingProfile.user_id == actor.id)).first()
    if row is None:
        return None
    return BillingData(row.nif, row.billing_name, row.address, row.postal_code, row.town, row.phone)


def validate_billing(data: BillingData) -> BillingData:
    """Normalise billing data or raise ``ValidationFailed`` with one message per field."""
    errors = {}
    nif = normalise_nif(data.nif)
    if nif is None:
        errors["nif"] = "billing.nif_invalid"
    name = " ".join(data.billing_name.split())
    if not 2 <= len(name) <= 120:
        errors["billing_name"] = "billing.name_required"
    address = " ".join(data.address.split())
    if not 5 <= len(address) <= 200:
        errors["address"] = "billing.address_required"
    postal = normalise_postal_code(data.postal_code)
    if postal is None:
        errors["postal_code"] = "field.postal_code_invalid"
    town = " ".join(data.town.split())
    if not 2 <= len(town) <= 80:
        errors["town"] = "billing.town_required"
    phone = normalise_phone(data.phone)
    if phone is None:
        errors["phone"] = "field.phone_invalid"
    if errors:
        raise ValidationFailed(errors)
    return BillingData(nif, name, address, postal, town, phone)


def save_billing(session: Session, *, actor: Viewer | None, data: BillingData) -> BillingData:
    """Validate and save the actor's billing data (issued invoices keep their own copy)."""
    actor = ensure_role(actor, Role.CLIENT)
    clean = validate_billing(data)
    row = session.exec(select(BillingProfile).where(BillingProfile.user_id == actor.id)).first()
    row = row or BillingProfile(user_id=actor.id, **asdict(clean))
    for field, value in asdict(clean).items():
        setattr(row, field, value)
    row.updated_at = utcnow()
    session.add(row)
    return clean


def start_checkout(
    session: Session,
    *,
    actor: Viewer | None,
    request: CheckoutRequest,
    provider: PaymentProvider,
) -> CheckoutStart:
    """Record the order and open its payment page; the same attempt never opens two.

    Args:
        session: Open session; nothing is stored if anything fails.
        actor: The client buying.
        request: The checkout form.
        provider: Stripe or the simulation.

    Returns:
        Where to send the client to pay.

    Raises:
        ValidationFailed: Missing beneficiary, terms not accepted, bad billing data.
        DomainError: Cart problems, or the payment provider is unreachable.
    """
    actor = ensure_role(actor, Role.CLIENT)
    existing = session.exec(select(Order).where(Order.attempt_key == request.attempt_key)).first()
    if existing is not None:
        if existing.client_id != actor.id:
            raise NotFound()
        if existing.status == OrderStatus.PENDING_PAYMENT.value and existing.checkout_url:
            return CheckoutStart(existing.provider_session_id, existing.checkout_url)
        raise DomainError("shop.order_already_paid")
    totals = price_raw_cart(session, raw_cart=request.cart, lang=actor.language)
    errors = {}
    try:
        beneficiary = get_own_active_beneficiary(session, actor=actor, beneficiary_id=request.beneficiary_id)
    except NotFound:
        errors["beneficiary_id"] = "shop.beneficiary_required"
    if not request.accept_terms:
        errors["accept_terms"] = "shop.terms_required"
    billing = request.billing or get_billing(session, actor=actor)
    if billing is None:
        errors["nif"] = "billing.nif_invalid"
    if len(request.observations) > 2000:
        errors["observations"] = "shop.observations_too_long"
    try:
        if billing is not None:
            billing = save_billing(session, actor=actor, data=billing) if request.billing else billing
    except ValidationFailed as invalid:
        errors.update(invalid.errors)
    if errors:
        raise ValidationFailed(errors)
    order = Order(
        public_id=secrets.token_hex(16),
        attempt_key=request.attempt_key,
        client_id=actor.id,
        beneficiary_id=beneficiary.id,
        observations=request.observations.strip(),
        preferred_dates=request.preferred_dates.strip()[:300],
        terms_version=TERMS_VERSION,
        terms_hash=terms_hash(),
        terms_accepted_at=utcnow(),
        billing=asdict(billing),
        total_cents=totals.total_cents,
        provider=provider.name,
    )
    session.add(order)
    session.flush()
    services = {
        s.id: s
        for s in session.exec(
            select(CareService).where(col(CareService.id).in_([line.service_id for line in totals.lines]))
        ).all()
    }
    for line in totals.lines:
        service = services[line.service_id]
        session.add(
            OrderLine(
                order_id=order.id,
                service_id=line.service_id,
                name=service.name_es,
                unit_price_cents=line.unit_price_cents,
                quantity=line.quantity,
                visits_per_unit=service.visits_per_unit,
                vat_rate=service.vat_rate,
                exempt_reason=service.exempt_reason,
            )
        )
    base = get_settings().public_url.rstrip("/")
    try:
        start = provider.create_checkout(
            order_public_id=order.public_id,
            lines=[CheckoutLine(line.name, line.unit_price_cents, line.quantity) for line in totals.lines],
            customer_email=actor.email,
            success_url=f"{base}/tienda/pago-ok?pedido={order.public_id}",
            cancel_url=f"{base}/tienda/pago-cancelado?pedido={order.public_id}",
            idempotency_key=f"checkout-{order.public_id}",
        )
    except Exception as exc:
        raise DomainError("shop.payment_unavailable") from exc
    order.provider_session_id = start.session_id
    order.checkout_url = start.redirect_url
    session.add(order)
    record_event(
        session, actor_id=actor.id, action="shop.order_created", target_type="order", target_id=order.id
    )
    return start


def process_webhook(
    session: Session, *, provider: PaymentProvider, payload: bytes, signature: str | None
) -> str:
    """Verify a provider delivery and apply it; see ``handle_payment_event``.

    Raises:
        WebhookRejected: Bad or missing signature, or an unreadable body.
    """
    event = provider.parse_webhook(payload, signature)
    return handle_payment_event(session, event=event, provider_name=provider.name)


def handle_payment_event(session: Session, *, event: PaymentEventData, provider_name: str) -> str:
    """Apply a verified payment event once: pay the order, create tasks, invoice, e-mail.

    Everything happens in the caller's transaction. A repeated event or an
    event for an order already paid changes nothing; a paid session whose
    amount or currency differ from the order is held for an admin, unfulfilled.
    Failed delayed payments, expired sessions and refund updates go to
    :mod:`payment_reconciliation`.

    Returns:
        ``"paid"``, ``"duplicate"``, ``"ignored"``, ``"unknown_order"``, ``"mismatch"``,
        or what :func:`payment_reconciliation.apply_event` returns.
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
    _create_tasks(session, order)
    _issue_invoice(session, order)
    _queue_paid_emails(session, order)
    record_event(session, actor_id=None, action="shop.order_paid", target_type="order", target_id=order.id)
    return "paid"


def _create_tasks(session: Session, order: Order) -> None:
    manager_id = _beneficiary_manager_id(session, order.beneficiary_id)
    lines = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    for line in lines:
        for _ in range(line.quantity * line.visits_per_unit):
            session.add(
                Task(
                    order_id=order.id,
                    order_line_id=line.id,
                    client_id=order.client_id,
                    beneficiary_id=order.beneficiary_id,
                    manager_id=manager_id,
                    service_name=line.name,
                    visit_code=new_visit_code(session),
                    notes=order.observations,
                )
            )
    session.flush()


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


def _queue_paid_emails(session: Session, order: Order) -> None:
    client = session.get(User, order.client_id)
    beneficiary = session.get(Beneficiary, order.beneficiary_id)
    tasks = session.exec(select(Task).where(Task.order_id == order.id).order_by(col(Task.id))).all()
    name = beneficiary.full_name if beneficiary else ""
    lang = client.language
    task_lines = "\n".join(
        f"  · {task.service_name} — {tr('mail.visit_code', lang)}: {task.visit_code}" for task in tasks
    )
    queue_email(
        session,
        to=client.email,
        subject=tr("mail.order_paid.subject", lang),
        body=tr(
            "mail.order_paid.body",
            lang,
            name=client.full_name,
            beneficiary=name,
            total=format_euros(order.total_cents),
            tasks=task_lines,
            date=format_datetime(order.paid_at),
        ),
        kind="order_paid",
    )
    manager = session.get(User, beneficiary.manager_id) if beneficiary and beneficiary.manager_id else None
    queue_email(
        session,
        to=manager.email if manager else get_settings().team_email,
        subject=tr(
            "mail.new_tasks.subject" if manager else "mail.unassigned_tasks.subject", "es", beneficiary=name
        ),
        body=tr(
            "mail.new_tasks.body",
            "es",
            beneficiary=name,
            tasks=task_lines,
            observations=order.observations or "—",
            preferred=order.preferred_dates or "—",
        ),
        kind="manager_new_tasks" if manager else "unassigned_tasks",
    )


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
    if order is None or (order.client_id != actor.id and actor.role != Role.ADMIN.value):
        raise NotFound()
    return order


def _summaries(session: Session, orders: list[Order]) -> list[OrderSummary]:
    if not orders:
        return []
    ids = [o.id for o in orders]
    lines = session.exec(select(OrderLine).where(col(OrderLine.order_id).in_(ids))).all()
    tasks = session.exec(select(Task).where(col(Task.order_id).in_(ids)).order_by(col(Task.id))).all()
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
                    "name": ln.name,
                    "quantity": ln.quantity,
                    "amount": format_euros(ln.unit_price_cents * ln.quantity),
                }
                for ln in lines
                if ln.order_id == o.id
            ],
            tasks=[
                {"id": t.id, "service": t.service_name, "state": t.state, "visit_code": t.visit_code}
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


def list_orders(session: Session, *, actor: Viewer | None) -> list[OrderSummary]:
    """Return the actor's orders, newest first."""
    actor = ensure_role(actor, Role.CLIENT)
    orders = session.exec(
        select(Order).where(Order.client_id == actor.id).order_by(col(Order.id).desc())
    ).all()
    return _summaries(session, list(orders))


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
