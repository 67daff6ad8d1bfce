"""Contracting a plan: the pending plan and the page where the client authorises the monthly payment."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain import plans as rules
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.terms import TERMS_VERSION, terms_hash
from care_portal.integrations import subscriptions
from care_portal.integrations.payments import PaymentProvider
from care_portal.models import Role
from care_portal.models.plans import CarePlan, PlanStatus
from care_portal.models.shop import CareService
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.beneficiaries import get_own_active_beneficiary
from care_portal.services.checkout.billing import BillingData, get_billing, save_billing
from care_portal.services.signup import ensure_verified


@dataclass(frozen=True)
class PlannableService:
    """A service that can be contracted as a plan, with its price per visit."""

    id: int
    slug: str
    name: str
    unit_price_cents: int
    duration_minutes: int


@dataclass(frozen=True)
class PlanRequest:
    """Everything the plan form sends."""

    service_id: int
    beneficiary_id: int
    schedule: dict  # weekday (Monday = 0) → "HH:MM"
    start_date: str  # YYYY-MM-DD
    observations: str
    accept_terms: bool
    billing: BillingData | None
    attempt_key: str


@dataclass(frozen=True)
class PlanStart:
    """Where to send the client to authorise the payment."""

    plan_public_id: str
    redirect_url: str


def plannable_services(session: Session, lang: str = "es") -> list[PlannableService]:
    """The active services the catalogue marks as plannable, in catalogue order."""
    rows = session.exec(
        select(CareService)
        .where(col(CareService.is_active), col(CareService.plannable))
        .order_by(col(CareService.position), col(CareService.id))
    ).all()
    return [
        PlannableService(
            row.id,
            row.slug,
            row.name_en if lang == "en" else row.name_es,
            row.price_cents,
            row.duration_minutes,
        )
        for row in rows
    ]


def start_plan(
    session: Session,
    *,
    actor: Viewer | None,
    request: PlanRequest,
    provider: PaymentProvider,
    now: datetime | None = None,
) -> PlanStart:
    """Record a pending plan and open its monthly payment; the same attempt never opens two.

    Nothing becomes active and no visit exists until the provider reports the first paid
    invoice (:func:`care_portal.services.plans.periods.apply_plan_event`).

    Raises:
        ValidationFailed: One message per wrong field (service, beneficiary, days and times,
            start date, terms, billing data); nothing is stored.
        DomainError: The payment provider is unreachable.
    """
    actor = ensure_role(actor, Role.CLIENT)
    ensure_verified(session, user_id=actor.id)
    public_id = _public_id(actor.id, request.attempt_key)
    existing = session.exec(select(CarePlan).where(CarePlan.public_id == public_id)).first()
    if existing is not None:
        if existing.client_id != actor.id:
            raise NotFound()
        if existing.status == PlanStatus.PENDING_PAYMENT.value:
            return PlanStart(existing.public_id, existing.checkout_url or _simulated_url(existing.public_id))
        raise DomainError("plans.already_contracted")
    errors: dict[str, str] = {}
    service = session.get(CareService, request.service_id)
    if service is None or not service.is_active or not service.plannable:
        errors["service_id"] = "plans.service_required"
    try:
        beneficiary = get_own_active_beneficiary(session, actor=actor, beneficiary_id=request.beneficiary_id)
        if beneficiary.consent_state == "withdrawn":
            errors["beneficiary_id"] = "shop.consent_withdrawn"
    except NotFound:
        errors["beneficiary_id"] = "shop.beneficiary_required"
    slots: list[rules.WeeklySlot] = []
    try:
        slots = rules.parse_schedule(request.schedule)
    except ValidationFailed as invalid:
        errors.update(invalid.errors)
    start = _parse_date(request.start_date, errors, rules.madrid_today(now or utcnow()))
    if not request.accept_terms:
        errors["accept_terms"] = "shop.terms_required"
    if len(request.observations) > 1000:
        errors["observations"] = "shop.observations_too_long"
    billing = request.billing or get_billing(session, actor=actor)
    if billing is None:
        errors["nif"] = "billing.nif_invalid"
    elif request.billing:
        try:
            billing = save_billing(session, actor=actor, data=billing)
        except ValidationFailed as invalid:
            errors.update(invalid.errors)
    if errors:
        raise ValidationFailed(errors)
    monthly = rules.monthly_price_cents(service.price_cents, len(slots))
    plan = CarePlan(
        public_id=public_id,
        client_id=actor.id,
        beneficiary_id=beneficiary.id,
        service_id=service.id,
        service_name=service.name_es,
        schedule=[slot.as_pair() for slot in slots],
        visits_per_week=len(slots),
        start_date=start,
        monthly_price_cents=monthly,
        vat_rate=service.vat_rate,
        exempt_reason=service.exempt_reason,
        billing=asdict(billing),
        observations=request.observations.strip(),
        terms_version=TERMS_VERSION,
        terms_hash=terms_hash(),
        provider=provider.name,
    )
    session.add(plan)
    session.flush()
    base = get_settings().public_url.rstrip("/")
    try:
        opened = subscriptions.start_subscription(
            provider,
            plan_public_id=plan.public_id,
            description=f"Plan mensual: {service.name_es} ({len(slots)}/semana)",
            monthly_cents=monthly,
            customer_email=actor.email,
            customer_name=actor.full_name,
            success_url=base + routes.ACCOUNT_PROJECTS,
            cancel_url=base + routes.ACCOUNT_PROJECTS,
            idempotency_key=f"plan-{plan.public_id}",
        )
    except Exception as exc:
        raise DomainError("shop.payment_unavailable") from exc
    plan.provider_customer_id = opened.customer_id
    plan.checkout_url = opened.redirect_url
    session.add(plan)
    record_event(
        session, actor_id=actor.id, action="plans.created", target_type="care_plan", target_id=plan.id
    )
    return PlanStart(plan.public_id, opened.redirect_url or _simulated_url(plan.public_id))


def _public_id(client_id: int, attempt_key: str) -> str:
    """The plan's id, the same for a repeated submission of one form (one plan per attempt)."""
    if len(attempt_key) < 16:
        attempt_key = secrets.token_hex(16)
    return hashlib.sha256(f"{client_id}:{attempt_key}".encode()).hexdigest()[:32]


def _simulated_url(plan_public_id: str) -> str:
    return f"{routes.PLAN_PAY_SIMULATED}?plan={plan_public_id}"


def _parse_date(text: str, errors: dict[str, str], today: date) -> date | None:
    try:
        start = date.fromisoformat((text or "").strip())
    except ValueError:
        errors["start_date"] = "plans.start_required"
        return None
    try:
        rules.check_start_date(start, today)
    except ValidationFailed as invalid:
        errors.update(invalid.errors)
    return start
