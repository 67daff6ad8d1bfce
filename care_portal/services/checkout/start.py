"""Starting a checkout: the pending order, its lines and the payment provider's session."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass

from sqlmodel import Session, col, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.terms import TERMS_VERSION, terms_hash
from care_portal.integrations.payments import CheckoutLine, CheckoutStart, PaymentProvider
from care_portal.models import Role
from care_portal.models.shop import CareService, Order, OrderLine, OrderStatus
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.beneficiaries import get_own_active_beneficiary
from care_portal.services.checkout.billing import BillingData, get_billing, save_billing
from care_portal.services.checkout.cart import price_raw_cart
from care_portal.services.signup import ensure_verified


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
    express_start: bool = False
    """The client asks for the service to start within the 14-day withdrawal period (then a
    withdrawal pays the visits already done)."""


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
    ensure_verified(session, user_id=actor.id)  # no purchase before the e-mail is confirmed
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
    else:
        if beneficiary.consent_state == "withdrawn":
            errors["beneficiary_id"] = "shop.consent_withdrawn"
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
        express_start_at=utcnow() if request.express_start else None,
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
            success_url=base + routes.order_page_url(routes.PAY_OK, order.public_id),
            cancel_url=base + routes.order_page_url(routes.PAY_CANCELLED, order.public_id),
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
