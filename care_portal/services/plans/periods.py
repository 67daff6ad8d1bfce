"""A plan's months, from the provider's invoice events: each paid period is invoiced and gets its visits.

A paid period becomes a paid order (one line, «Plan mensual…»), so its invoice takes the same
numbering and VeriFactu chain as any purchase (:func:`care_portal.services.invoicing.issue_invoice`),
and its visits can be cancelled and refunded as any other (their share of the line). A failed
payment creates no visits, puts the plan in ``payment_failed`` and tells the client and the
manager once; Stripe retries the same invoice, and its later ``invoice.paid`` fulfils the period.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select

from care_portal.domain import plans as rules
from care_portal.domain.invoicing import LineInput, Party
from care_portal.integrations.subscriptions import CHECKOUT_COMPLETED, PlanEvent
from care_portal.models.care import Beneficiary
from care_portal.models.plans import CarePlan, CarePlanPeriod, PeriodPayment, PlanStatus
from care_portal.models.shop import Order, OrderLine, OrderStatus
from care_portal.models.types import utcnow
from care_portal.models.visits import Task
from care_portal.services import invoicing
from care_portal.services.audit import record_event
from care_portal.services.plans import mail
from care_portal.services.visit_codes import new_visit_code

logger = logging.getLogger(__name__)


def apply_plan_event(session: Session, event: PlanEvent, *, now: datetime | None = None) -> str:
    """Apply a verified subscription event to its plan, in the caller's transaction.

    The caller has already recorded the event id (a repeated delivery never gets here); an
    invoice is also matched by its own id, so a retried invoice fulfils its period once.

    Returns:
        ``"plan_linked"``, ``"plan_paid"``, ``"plan_payment_failed"``, ``"plan_ended"``,
        ``"duplicate"``, ``"ignored"`` or ``"unknown_plan"``.
    """
    now = now or utcnow()
    plan = _find_plan(session, event)
    if plan is None:
        logger.warning("subscription event %s for no known plan", event.event_type)
        return "unknown_plan"
    if event.subscription_id and not plan.provider_subscription_id:
        plan.provider_subscription_id = event.subscription_id
    if event.customer_id and not plan.provider_customer_id:
        plan.provider_customer_id = event.customer_id
    plan.updated_at = now
    session.add(plan)
    if event.event_type == CHECKOUT_COMPLETED:
        return "plan_linked"
    if event.event_type == "customer.subscription.deleted":
        return _ended(session, plan, now)
    if event.event_type == "invoice.paid":
        return _paid(session, plan, event, now)
    if event.event_type == "invoice.payment_failed":
        return _failed(session, plan, event, now)
    return "ignored"


def _find_plan(session: Session, event: PlanEvent) -> CarePlan | None:
    query = select(CarePlan).with_for_update()
    if event.plan_public_id:
        return session.exec(query.where(CarePlan.public_id == event.plan_public_id)).first()
    if event.subscription_id:
        return session.exec(query.where(CarePlan.provider_subscription_id == event.subscription_id)).first()
    return None


def _period_of_invoice(session: Session, plan: CarePlan, invoice_id: str) -> CarePlanPeriod | None:
    if not invoice_id:
        return None
    return session.exec(
        select(CarePlanPeriod).where(
            CarePlanPeriod.plan_id == plan.id, CarePlanPeriod.provider_invoice_id == invoice_id
        )
    ).first()


def _new_period(session: Session, plan: CarePlan, event: PlanEvent, now: datetime) -> CarePlanPeriod:
    last = session.exec(
        select(CarePlanPeriod)
        .where(CarePlanPeriod.plan_id == plan.id)
        .order_by(col(CarePlanPeriod.period_start).desc())
    ).first()
    if last is not None and plan.pending_change.get("schedule"):  # a change applies from the next month
        plan.schedule = plan.pending_change["schedule"]
        plan.visits_per_week = len(plan.schedule)
        plan.monthly_price_cents = plan.pending_change.get("monthly_price_cents", plan.monthly_price_cents)
        plan.pending_change = {}
    start, end = rules.next_period(
        plan.start_date, last.period_end if last else None, rules.madrid_today(now)
    )
    period = CarePlanPeriod(
        plan_id=plan.id,
        period_start=start,
        period_end=end,
        provider_invoice_id=event.invoice_id,
        amount_cents=event.amount_cents or plan.monthly_price_cents,
    )
    session.add(period)
    session.flush()
    return period


def _paid(session: Session, plan: CarePlan, event: PlanEvent, now: datetime) -> str:
    period = _period_of_invoice(session, plan, event.invoice_id)
    if period is not None and period.payment_state == PeriodPayment.PAID.value:
        return "duplicate"
    if event.amount_cents <= 0:
        return "ignored"  # a voided or zero invoice (a paused month) owes no visits
    if period is None:
        if plan.status == PlanStatus.ENDED.value:
            logger.warning("plan %s charged after it ended; not fulfilled", plan.public_id)
            return "ignored"
        period = _new_period(session, plan, event, now)
    period.payment_state = PeriodPayment.PAID.value
    period.amount_cents = event.amount_cents
    period.paid_at = now
    period.next_retry_at = None
    order = _paid_order(session, plan, period, event, now)
    tasks = _create_visits(session, plan, period, order, now)
    period.visits_created = len(tasks)
    period.order_id = order.id
    if plan.status in (PlanStatus.PENDING_PAYMENT.value, PlanStatus.PAYMENT_FAILED.value):
        plan.status = PlanStatus.ACTIVE.value
    plan.current_period_start, plan.current_period_end = period.period_start, period.period_end
    session.add(plan)
    mail.period_paid(session, plan, period, tasks)
    record_event(
        session, actor_id=None, action="plans.period_paid", target_type="care_plan", target_id=plan.id
    )
    # Last: the numbering and chain locks are held from here to the caller's commit.
    period.invoice_id = _issue_invoice(session, plan, order, period).id
    session.add(period)
    return "plan_paid"


def _failed(session: Session, plan: CarePlan, event: PlanEvent, now: datetime) -> str:
    period = _period_of_invoice(session, plan, event.invoice_id)
    if period is not None and period.payment_state == PeriodPayment.PAID.value:
        return "ignored"
    if plan.status == PlanStatus.ENDED.value:
        return "ignored"
    first_failure = period is None
    if period is None:
        period = _new_period(session, plan, event, now)
    period.payment_state = PeriodPayment.FAILED.value
    period.attempts = max(period.attempts + 1, event.attempt_count)
    period.next_retry_at = (
        datetime.fromtimestamp(event.next_attempt_at, UTC) if event.next_attempt_at else None
    )
    session.add(period)
    plan.status = PlanStatus.PAYMENT_FAILED.value
    session.add(plan)
    if first_failure:
        mail.payment_failed(session, plan, period)
    record_event(
        session,
        actor_id=None,
        action="plans.payment_failed",
        target_type="care_plan",
        target_id=plan.id,
        details={"attempt": period.attempts},
    )
    return "plan_payment_failed"


def _ended(session: Session, plan: CarePlan, now: datetime) -> str:
    if plan.status == PlanStatus.ENDED.value:
        return "duplicate"
    plan.status = PlanStatus.ENDED.value
    plan.ended_at = now
    session.add(plan)
    mail.plan_ended(session, plan)
    record_event(session, actor_id=None, action="plans.ended", target_type="care_plan", target_id=plan.id)
    return "plan_ended"


def _paid_order(
    session: Session, plan: CarePlan, period: CarePlanPeriod, event: PlanEvent, now: datetime
) -> Order:
    order = Order(
        public_id=secrets.token_hex(16),
        attempt_key=f"plan-{plan.public_id}-{period.id}",
        client_id=plan.client_id,
        beneficiary_id=plan.beneficiary_id,
        status=OrderStatus.PAID.value,
        observations=plan.observations,
        preferred_dates=mail.describe_schedule(plan.schedule, "es")[:300],
        terms_version=plan.terms_version,
        terms_hash=plan.terms_hash,
        terms_accepted_at=plan.created_at,
        billing=plan.billing,
        total_cents=period.amount_cents,
        provider=plan.provider,
        provider_session_id=event.invoice_id,
        payment_intent=event.payment_intent,
        paid_at=now,
    )
    session.add(order)
    session.flush()
    session.add(
        OrderLine(
            order_id=order.id,
            service_id=plan.service_id,
            name=_line_name(plan, period)[:120],
            unit_price_cents=period.amount_cents,
            quantity=1,
            visits_per_unit=1,
            vat_rate=plan.vat_rate,
            exempt_reason=plan.exempt_reason,
        )
    )
    session.flush()
    return order


def _line_name(plan: CarePlan, period: CarePlanPeriod) -> str:
    last_day = period.period_end - timedelta(days=1)
    return (
        f"Plan mensual: {plan.service_name} ({plan.visits_per_week}/semana), "
        f"{period.period_start:%d/%m/%Y}–{last_day:%d/%m/%Y}"
    )


def _create_visits(
    session: Session, plan: CarePlan, period: CarePlanPeriod, order: Order, now: datetime
) -> list[Task]:
    """The period's visits, numbered «visita N de M», for the beneficiary's manager (none in the past)."""
    line = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).one()
    starts = rules.visit_starts(
        rules.schedule_from_pairs(plan.schedule), period.period_start, period.period_end, not_before=now
    )
    beneficiary = session.get(Beneficiary, plan.beneficiary_id)
    tasks = [
        Task(
            order_id=order.id,
            order_line_id=line.id,
            client_id=plan.client_id,
            beneficiary_id=plan.beneficiary_id,
            manager_id=beneficiary.manager_id if beneficiary else None,
            service_name=plan.service_name,
            visit_code=new_visit_code(session),
            notes=plan.observations,
            plan_id=plan.id,
            sequence_number=number,
            sequence_total=len(starts),
            preferred_start=start,
            created_at=now,  # one instant for the month: «Tareas» lists them 1, 2, 3… in order
        )
        for number, start in enumerate(starts, start=1)
    ]
    session.add_all(tasks)
    session.flush()
    return tasks


def _issue_invoice(session: Session, plan: CarePlan, order: Order, period: CarePlanPeriod):
    billing = plan.billing
    beneficiary = session.get(Beneficiary, plan.beneficiary_id)
    return invoicing.issue_invoice(
        session,
        client_id=plan.client_id,
        recipient=Party(
            name=billing["billing_name"],
            nif=billing["nif"],
            address=f"{billing['address']}, {billing['postal_code']} {billing['town']}",
        ),
        lines=[
            LineInput(_line_name(plan, period), 1, period.amount_cents, plan.vat_rate, plan.exempt_reason)
        ],
        beneficiary_name=beneficiary.full_name if beneficiary else "",
        order_ref=order.public_id,
    )
