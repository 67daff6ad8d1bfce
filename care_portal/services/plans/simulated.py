"""Plans without Stripe (``make run``): the simulated page pays a month through the webhook path."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlmodel import Session, col, func, select

from care_portal.domain.errors import DomainError, NotFound
from care_portal.integrations import subscriptions
from care_portal.models import Role
from care_portal.models.plans import CarePlan, CarePlanPeriod
from care_portal.services.authz import Viewer, ensure_role


def simulated_subscription_id(plan: CarePlan) -> str:
    """The stand-in subscription id of a plan (stable, so every month is one subscription)."""
    return "sub_sim_" + hashlib.sha256(plan.public_id.encode()).hexdigest()[:24]


def pay_simulated_month(
    session: Session, *, actor: Viewer | None, plan_public_id: str, provider, paid: bool = True
) -> str:
    """Pay (or fail) the plan's next month on the simulated page, as Stripe's events would.

    Raises:
        NotFound: Not the actor's plan.
        DomainError: ``shop.payment_unavailable`` when real payments are configured.
    """
    actor = ensure_role(actor, Role.CLIENT)
    plan = session.exec(select(CarePlan).where(CarePlan.public_id == (plan_public_id or "")[:32])).first()
    if plan is None or plan.client_id != actor.id:
        raise NotFound()
    return simulate_invoice(session, plan=plan, provider=provider, paid=paid)


def simulate_invoice(
    session: Session,
    *,
    plan: CarePlan,
    provider,
    paid: bool,
    invoice_id: str = "",
    now: datetime | None = None,
) -> str:
    """Send the plan a signed simulated ``invoice.paid``/``invoice.payment_failed`` event.

    Args:
        session: The caller's session; nothing is committed here.
        plan: The plan charged.
        provider: The simulated provider (its secret signs the event).
        paid: Whether the charge succeeds.
        invoice_id: Retry an invoice (same id); when empty, the failed invoice of the last month
            if there is one, otherwise a new invoice for the next month.
        now: The instant the month is applied at (the renewal job, tests); the clock by default.

    Returns:
        What the webhook path answered (``"plan_paid"``, ``"plan_payment_failed"``…).
    """
    if not hasattr(provider, "signed_event"):
        raise DomainError("shop.payment_unavailable")
    from care_portal.services.checkout import process_webhook  # the webhook path, as Stripe's events

    months = session.exec(
        select(func.count()).select_from(CarePlanPeriod).where(col(CarePlanPeriod.plan_id) == plan.id)
    ).one()
    last = session.exec(
        select(CarePlanPeriod)
        .where(CarePlanPeriod.plan_id == plan.id)
        .order_by(col(CarePlanPeriod.period_start).desc())
    ).first()
    if not invoice_id and last is not None and last.payment_state == "failed":
        invoice_id = last.provider_invoice_id  # Stripe retries the unpaid invoice, not a new one
    body, signature = subscriptions.simulated_invoice_event(
        provider,
        plan_public_id=plan.public_id,
        subscription_id=simulated_subscription_id(plan),
        invoice_id=invoice_id or f"in_sim_{plan.public_id[:16]}_{months + 1}",
        amount_cents=plan.monthly_price_cents,
        paid=paid,
    )
    return process_webhook(session, provider=provider, payload=body, signature=signature, now=now)
