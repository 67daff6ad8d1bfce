"""Without Stripe, the simulated provider renews a plan when its month ends, as Stripe Billing would.

The renewal goes through the webhook path (a signed ``invoice.paid``), so the second month is
invoiced and gets its numbered visits exactly as a Stripe month does; the clock change falls on
the boundary between the two months and every visit stays at 10:00 in Madrid.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from care_portal.domain.series import visit_ordinal_label
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models import OutboxMessage
from care_portal.models.billing import Invoice
from care_portal.models.plans import CarePlan, CarePlanPeriod
from care_portal.models.visits import Task
from care_portal.services import plans
from care_portal.services.plans.renewal import due_plan_ids, renew_plan
from care_portal.services.plans.simulated import simulate_invoice
from tests.services.plans.helpers import plan_request

MADRID = ZoneInfo("Europe/Madrid")
CONTRACTED = datetime(2027, 2, 20, 11, 0, tzinfo=UTC)
# The first month is 28/02–27/03; summer time starts on 28 March 2027, the second month's first day.
LAST_EVENING = datetime(2027, 3, 27, 22, 30, tzinfo=UTC)  # 23:30 in Madrid on 27 March
FIRST_MORNING = datetime(2027, 3, 27, 23, 30, tzinfo=UTC)  # 00:30 in Madrid on 28 March


@pytest.fixture
def provider():
    return SimulatedProvider(secret="s3cret", public_url="http://testserver")


@pytest.fixture
def paid_plan(db, family, provider) -> CarePlan:
    """A plan for Tuesdays at 10:00 from Sunday 28 February 2027, its first month paid."""
    start = plans.start_plan(
        db,
        actor=family["client"],
        request=plan_request(family, start_date="2027-02-28"),
        provider=provider,
        now=CONTRACTED,
    )
    db.commit()
    plan = db.exec(select(CarePlan).where(CarePlan.public_id == start.plan_public_id)).one()
    assert simulate_invoice(db, plan=plan, provider=provider, paid=True, now=CONTRACTED) == "plan_paid"
    db.commit()
    return plan


def _visits(db, plan: CarePlan) -> list[Task]:
    return list(
        db.exec(select(Task).where(Task.plan_id == plan.id).order_by(col(Task.preferred_start))).all()
    )


def test_the_month_ends_and_the_next_is_invoiced_with_its_visits_at_10_in_madrid(
    db, family, provider, paid_plan
):
    assert due_plan_ids(db, now=LAST_EVENING) == []  # still the first month in Madrid
    assert due_plan_ids(db, now=FIRST_MORNING) == [paid_plan.id]
    assert renew_plan(db, paid_plan.id, provider=provider, now=FIRST_MORNING) == "plan_paid"
    db.commit()

    periods = db.exec(
        select(CarePlanPeriod).where(CarePlanPeriod.plan_id == paid_plan.id).order_by(col(CarePlanPeriod.id))
    ).all()
    assert [(p.period_start.isoformat(), p.period_end.isoformat(), p.payment_state) for p in periods] == [
        ("2027-02-28", "2027-03-28", "paid"),
        ("2027-03-28", "2027-04-28", "paid"),
    ]
    visits = _visits(db, paid_plan)
    madrid = [v.preferred_start.astimezone(MADRID) for v in visits]
    assert [m.strftime("%d/%m %H:%M") for m in madrid] == [
        "02/03 10:00", "09/03 10:00", "16/03 10:00", "23/03 10:00",  # winter: 09:00 UTC
        "30/03 10:00", "06/04 10:00", "13/04 10:00", "20/04 10:00", "27/04 10:00",  # summer: 08:00 UTC
    ]  # fmt: skip
    assert [v.preferred_start.astimezone(UTC).hour for v in visits] == [9] * 4 + [8] * 5
    assert [visit_ordinal_label(v.sequence_number, v.sequence_total) for v in visits[4:6]] == [
        "visita 1 de 5",
        "visita 2 de 5",
    ]
    manager_id = db.get(Task, visits[-1].id).manager_id
    assert manager_id == family["manager"].id  # the beneficiary's manager, as the first month
    plan = db.get(CarePlan, paid_plan.id)
    assert (plan.status, plan.current_period_end.isoformat()) == ("active", "2027-04-28")
    assert len(db.exec(select(Invoice).where(Invoice.client_id == family["client"].id)).all()) == 2
    paid_mails = db.exec(
        select(OutboxMessage.body_text)
        .where(OutboxMessage.kind == "plan_period_paid")
        .order_by(col(OutboxMessage.id))
    ).all()
    assert len(paid_mails) == 2
    assert "28/03/2027–27/04/2027" in paid_mails[1]
    assert "visita 1 de 5 — 30/03/2027 10:00" in paid_mails[1]

    # Renewed once: a second pass (or a second worker) finds nothing due.
    assert due_plan_ids(db, now=FIRST_MORNING) == []
    assert renew_plan(db, paid_plan.id, provider=provider, now=FIRST_MORNING) == "not_due"
    assert len(_visits(db, paid_plan)) == 9


def test_paused_ended_and_unpaid_plans_are_not_charged_and_a_resumed_one_is(db, family, provider, paid_plan):
    own = dict(actor=family["client"], plan_public_id=paid_plan.public_id, provider=provider)
    plans.pause_plan(db, **own)
    db.commit()
    assert due_plan_ids(db, now=FIRST_MORNING) == []
    assert renew_plan(db, paid_plan.id, provider=provider, now=FIRST_MORNING) == "not_due"
    plans.resume_plan(db, **own)
    db.commit()
    assert due_plan_ids(db, now=FIRST_MORNING) == [paid_plan.id]

    plan = db.get(CarePlan, paid_plan.id)
    plan.status = "payment_failed"  # the client's last simulated charge failed: they retry it
    db.commit()
    assert due_plan_ids(db, now=FIRST_MORNING) == []
    plan.status = "active"
    db.commit()

    plans.end_plan(db, **own)
    db.commit()
    assert due_plan_ids(db, now=FIRST_MORNING) == []
    assert renew_plan(db, paid_plan.id, provider=provider, now=FIRST_MORNING) == "not_due"
    assert len(_visits(db, paid_plan)) == 4  # only the first month's


def test_a_stripe_plan_is_left_to_stripe(db, family, paid_plan, stripe_provider):
    plan = db.get(CarePlan, paid_plan.id)
    plan.provider = "stripe"
    db.commit()
    assert due_plan_ids(db, now=FIRST_MORNING) == []
    assert renew_plan(db, paid_plan.id, provider=stripe_provider, now=FIRST_MORNING) == "not_due"


def test_the_background_pass_renews_a_plan_left_unrenewed_from_today_not_for_the_gap(db, family, provider):
    """The job's own pass (the app's provider and clock): a month that ended long ago restarts today."""
    from care_portal.workers.plan_renewal import renew_once

    long_ago = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
    start = plans.start_plan(
        db,
        actor=family["client"],
        request=plan_request(family, start_date="2026-09-07", attempt_key="plan-attempt-old"),
        provider=provider,
        now=long_ago,
    )
    db.commit()
    plan = db.exec(select(CarePlan).where(CarePlan.public_id == start.plan_public_id)).one()
    assert simulate_invoice(db, plan=plan, provider=provider, paid=True, now=long_ago) == "plan_paid"
    db.commit()

    assert renew_once() == 1
    assert renew_once() == 0  # renewed once, whatever how often the job runs
    db.expire_all()
    today = datetime.now(MADRID).date()
    last = db.exec(
        select(CarePlanPeriod)
        .where(CarePlanPeriod.plan_id == plan.id)
        .order_by(col(CarePlanPeriod.id).desc())
    ).first()
    assert last.period_start == today  # no visits owed for the months nobody paid
    renewed = [v for v in _visits(db, plan) if v.order_id == last.order_id]
    assert renewed  # four or five Tuesdays from today
    assert all(v.preferred_start >= datetime.now(UTC) - timedelta(minutes=5) for v in renewed)
