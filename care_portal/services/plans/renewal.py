"""The simulated provider's monthly renewal: what Stripe Billing does by itself for real plans.

Stripe charges a subscription when its period ends and tells the app through ``invoice.paid``
(:mod:`care_portal.services.plans.periods`). Without Stripe (``make run``, demos) nobody would
charge the second month, so a background job (:mod:`care_portal.workers.plan_renewal`) plays
Stripe's part: every active simulated plan whose paid period has ended gets a signed simulated
``invoice.paid`` through the same webhook path, which invoices the month and creates its visits.

Paused plans are not charged (Stripe voids their invoices), ended plans never again, and a plan
whose last payment failed waits for the client to pay it on the simulated page (the simulated
card never fails by itself). Each plan is renewed in its own transaction with its row locked
and the due date checked again, so two workers never make the same month twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.domain import plans as rules
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models.plans import CarePlan, PlanStatus
from care_portal.models.types import utcnow
from care_portal.services.plans.simulated import simulate_invoice

logger = logging.getLogger(__name__)
SIMULATED = "simulated"
BATCH = 200  # plans renewed per pass at most; the next pass takes the rest


def _due(today) -> list:
    return [
        CarePlan.provider == SIMULATED,
        CarePlan.status == PlanStatus.ACTIVE.value,
        col(CarePlan.current_period_end).is_not(None),
        col(CarePlan.current_period_end) <= today,
    ]


def due_plan_ids(session: Session, *, now: datetime | None = None) -> list[int]:
    """The simulated plans whose paid month has ended by ``now`` (Madrid date), oldest end first."""
    today = rules.madrid_today(now or utcnow())
    return list(
        session.exec(
            select(CarePlan.id)
            .where(*_due(today))
            .order_by(col(CarePlan.current_period_end), col(CarePlan.id))
            .limit(BATCH)
        ).all()
    )


def renew_plan(session: Session, plan_id: int, *, provider, now: datetime | None = None) -> str:
    """Charge one simulated plan its next month if it is still due (in the caller's transaction).

    Args:
        session: Open session; the caller commits.
        plan_id: A plan from :func:`due_plan_ids`.
        provider: The simulated provider (its secret signs the event).
        now: The instant of the renewal (tests); the clock by default.

    Returns:
        What the webhook path answered (``"plan_paid"``), or ``"not_due"`` when another worker
        renewed it, the client paused or ended it meanwhile.
    """
    if not isinstance(provider, SimulatedProvider):
        return "not_due"  # Stripe renews its subscriptions itself
    now = now or utcnow()
    plan = session.exec(
        select(CarePlan)
        .where(CarePlan.id == plan_id, *_due(rules.madrid_today(now)))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if plan is None:
        return "not_due"
    outcome = simulate_invoice(session, plan=plan, provider=provider, paid=True, now=now)
    logger.info("simulated plan %s renewed: %s", plan.public_id, outcome)
    return outcome
