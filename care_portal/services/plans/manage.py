"""The client's plans in «Proyectos»: list, pause, resume, change the days and times, end.

Every change applies from the next period: the visits of the month already paid stay, and
each keeps the 48-hour rule for cancelling it (:mod:`care_portal.services.client_tasks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, col, select

from care_portal.domain import plans as rules
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.formatting import format_euros
from care_portal.integrations import subscriptions
from care_portal.integrations.payments import PaymentProvider
from care_portal.models import Role
from care_portal.models.care import Beneficiary
from care_portal.models.plans import CarePlan, PlanStatus
from care_portal.models.shop import CareService
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.plans import mail

CHANGEABLE = (PlanStatus.ACTIVE.value, PlanStatus.PAUSED.value, PlanStatus.PAYMENT_FAILED.value)


@dataclass(frozen=True)
class PlanView:
    """One plan as «Proyectos» shows it."""

    public_id: str
    beneficiary_id: int
    beneficiary_name: str
    service_name: str
    schedule: str
    status: str
    monthly_price: str
    start_date: str
    current_period: str
    pending_change: str
    can_pause: bool
    can_resume: bool
    can_change: bool
    can_end: bool
    simulated: bool = False  # paid on the simulated page (no Stripe): its next month is paid there too


def list_own_plans(session: Session, *, actor: Viewer | None, lang: str = "es") -> list[PlanView]:
    """The actor's plans, newest first, with their beneficiaries' names (two statements)."""
    actor = ensure_role(actor, Role.CLIENT)
    rows = session.exec(
        select(CarePlan, Beneficiary.full_name)
        .join(Beneficiary, col(Beneficiary.id) == CarePlan.beneficiary_id)
        .where(CarePlan.client_id == actor.id, CarePlan.status != PlanStatus.PENDING_PAYMENT.value)
        .order_by(col(CarePlan.created_at).desc())
        .limit(50)
    ).all()
    return [_view(plan, name, lang) for plan, name in rows]


def _view(plan: CarePlan, beneficiary_name: str, lang: str) -> PlanView:
    period = ""
    if plan.current_period_start and plan.current_period_end:
        last = plan.current_period_end - timedelta(days=1)
        period = f"{plan.current_period_start:%d/%m/%Y}–{last:%d/%m/%Y}"
    pending = plan.pending_change.get("schedule")
    return PlanView(
        public_id=plan.public_id,
        beneficiary_id=plan.beneficiary_id,
        beneficiary_name=beneficiary_name,
        service_name=plan.service_name,
        schedule=mail.describe_schedule(plan.schedule, lang),
        status=plan.status,
        monthly_price=format_euros(plan.monthly_price_cents),
        start_date=f"{plan.start_date:%d/%m/%Y}",
        current_period=period,
        pending_change=mail.describe_schedule(pending, lang) if pending else "",
        can_pause=plan.status in (PlanStatus.ACTIVE.value, PlanStatus.PAYMENT_FAILED.value),
        can_resume=plan.status == PlanStatus.PAUSED.value,
        can_change=plan.status in CHANGEABLE,
        can_end=plan.status in CHANGEABLE,
        simulated=plan.provider == "simulated",
    )


def get_own_plan(
    session: Session, *, actor: Viewer | None, plan_public_id: str, lang: str = "es"
) -> PlanView:
    """One of the actor's plans, in any state (the simulated payment page shows a pending one).

    Raises:
        NotFound: Not the actor's plan.
    """
    actor = ensure_role(actor, Role.CLIENT)
    plan = session.exec(select(CarePlan).where(CarePlan.public_id == (plan_public_id or "")[:32])).first()
    if plan is None or plan.client_id != actor.id:
        raise NotFound()
    beneficiary = session.get(Beneficiary, plan.beneficiary_id)
    return _view(plan, beneficiary.full_name if beneficiary else "", lang)


def _own_plan(session: Session, actor: Viewer, plan_public_id: str) -> CarePlan:
    plan = session.exec(
        select(CarePlan).where(CarePlan.public_id == (plan_public_id or "")[:32]).with_for_update()
    ).first()
    if plan is None or plan.client_id != actor.id:
        raise NotFound()
    return plan


def _provider_call(call, *args, **kwargs) -> None:
    try:
        call(*args, **kwargs)
    except Exception as exc:
        raise DomainError("shop.payment_unavailable") from exc


def pause_plan(
    session: Session, *, actor: Viewer | None, plan_public_id: str, provider: PaymentProvider
) -> None:
    """Stop the plan from the next month (no charge, no new visits); this month's visits stay.

    Raises:
        NotFound: Not the actor's plan.
        DomainError: ``plans.cannot_change`` in another state; ``shop.payment_unavailable``.
    """
    actor = ensure_role(actor, Role.CLIENT)
    plan = _own_plan(session, actor, plan_public_id)
    if plan.status not in (PlanStatus.ACTIVE.value, PlanStatus.PAYMENT_FAILED.value):
        raise DomainError("plans.cannot_change")
    _provider_call(
        subscriptions.pause, provider, plan.provider_subscription_id, idempotency_key=_key(plan, "pause")
    )
    _save(session, plan, actor, PlanStatus.PAUSED.value, "paused")


def resume_plan(
    session: Session, *, actor: Viewer | None, plan_public_id: str, provider: PaymentProvider
) -> None:
    """Charge and create visits again from the next month.

    Raises:
        NotFound: Not the actor's plan.
        DomainError: ``plans.cannot_change`` unless paused; ``shop.payment_unavailable``.
    """
    actor = ensure_role(actor, Role.CLIENT)
    plan = _own_plan(session, actor, plan_public_id)
    if plan.status != PlanStatus.PAUSED.value:
        raise DomainError("plans.cannot_change")
    _provider_call(
        subscriptions.resume, provider, plan.provider_subscription_id, idempotency_key=_key(plan, "resume")
    )
    _save(session, plan, actor, PlanStatus.ACTIVE.value, "resumed")


def change_plan(
    session: Session,
    *,
    actor: Viewer | None,
    plan_public_id: str,
    schedule: dict,
    provider: PaymentProvider,
) -> None:
    """Change the days and times (and so the monthly fee) from the next month.

    Raises:
        NotFound: Not the actor's plan.
        ValidationFailed: Days or times not acceptable (nothing changes).
        DomainError: ``plans.cannot_change`` once ended; ``shop.payment_unavailable``.
    """
    actor = ensure_role(actor, Role.CLIENT)
    plan = _own_plan(session, actor, plan_public_id)
    if plan.status not in CHANGEABLE:
        raise DomainError("plans.cannot_change")
    slots = rules.parse_schedule(schedule)
    service = session.get(CareService, plan.service_id)
    monthly = rules.monthly_price_cents(service.price_cents, len(slots))
    if monthly != plan.monthly_price_cents:
        _provider_call(
            subscriptions.change_price,
            provider,
            plan.provider_subscription_id,
            monthly_cents=monthly,
            idempotency_key=_key(plan, f"price-{monthly}-{utcnow():%Y%m%d%H%M%S}"),
        )
    plan.pending_change = {"schedule": [slot.as_pair() for slot in slots], "monthly_price_cents": monthly}
    _save(session, plan, actor, plan.status, "changed")


def end_plan(
    session: Session, *, actor: Viewer | None, plan_public_id: str, provider: PaymentProvider
) -> None:
    """End the plan when the month already paid ends; no more charges or visits after it.

    Raises:
        NotFound: Not the actor's plan.
        DomainError: ``plans.cannot_change`` once ended; ``shop.payment_unavailable``.
    """
    actor = ensure_role(actor, Role.CLIENT)
    plan = _own_plan(session, actor, plan_public_id)
    if plan.status not in CHANGEABLE:
        raise DomainError("plans.cannot_change")
    _provider_call(
        subscriptions.cancel_at_period_end,
        provider,
        plan.provider_subscription_id,
        idempotency_key=_key(plan, "end"),
    )
    plan.ended_at = utcnow()
    _save(session, plan, actor, PlanStatus.ENDED.value, "ended")


def _key(plan: CarePlan, what: str) -> str:
    return f"plan-{plan.public_id}-{what}-{plan.updated_at:%Y%m%d%H%M%S%f}"


def _save(session: Session, plan: CarePlan, actor: Viewer, status: str, what: str) -> None:
    plan.status = status
    plan.updated_at = utcnow()
    session.add(plan)
    mail.plan_changed(session, plan, what)
    record_event(
        session, actor_id=actor.id, action=f"plans.{what}", target_type="care_plan", target_id=plan.id
    )
