"""The client's changes from «Proyectos» (next period), refusals for other people's plans, bad input."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import to_madrid
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models import OutboxMessage, User
from care_portal.models.plans import CarePlan
from care_portal.models.visits import Task
from care_portal.services import plans
from tests.services.plans.helpers import CONTRACTED_AT, contract, deliver, plan_request, subscribe


def _active_plan(db, family, stub, provider):
    plan = contract(db, family, provider)
    subscription = subscribe(db, stub, provider, plan)
    assert (
        deliver(db, provider, stub.invoice_event(subscription, invoice_id="in_march", paid=True))
        == "plan_paid"
    )
    db.refresh(plan)
    return plan, subscription


def _visits(db):
    db.expire_all()
    return db.exec(select(Task).order_by(Task.id)).all()


def test_pause_keeps_this_months_visits_and_stripe_stops_charging_until_resumed(
    db, family, stub, stripe_provider
):
    plan, subscription = _active_plan(db, family, stub, stripe_provider)
    before = [(t.id, t.state, t.preferred_start) for t in _visits(db)]
    plans.pause_plan(db, actor=family["client"], plan_public_id=plan.public_id, provider=stripe_provider)
    db.commit()
    db.refresh(plan)
    assert plan.status == "paused"
    assert stub.subscriptions[subscription]["pause_collection"] == {"behavior": "void"}
    assert [(t.id, t.state, t.preferred_start) for t in _visits(db)] == before
    view = plans.list_own_plans(db, actor=family["client"])[0]
    assert (view.status, view.can_resume, view.can_pause) == ("paused", True, False)
    with pytest.raises(DomainError):
        plans.pause_plan(db, actor=family["client"], plan_public_id=plan.public_id, provider=stripe_provider)

    plans.resume_plan(db, actor=family["client"], plan_public_id=plan.public_id, provider=stripe_provider)
    db.commit()
    db.refresh(plan)
    assert plan.status == "active"
    assert stub.subscriptions[subscription]["pause_collection"] is None
    kinds = Counter(m.kind for m in db.exec(select(OutboxMessage)).all())
    assert (kinds["plan_paused"], kinds["plan_resumed"]) == (1, 1)
    told = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "plan_changed_manager")).all()
    assert [m.to_address for m in told] == ["gestora@example.es"] * 2
    assert "queda en pausa desde el mes que viene" in told[0].body_text


def test_a_change_of_days_applies_from_the_next_month_and_changes_the_charge(
    db, family, stub, stripe_provider
):
    plan, subscription = _active_plan(db, family, stub, stripe_provider)
    march = _visits(db)
    plans.change_plan(
        db,
        actor=family["client"],
        plan_public_id=plan.public_id,
        schedule={0: "09:30", 3: "17:00"},
        provider=stripe_provider,
    )
    db.commit()
    db.refresh(plan)
    assert plan.schedule == [[1, "10:00"]]  # this month as it was
    assert [t.id for t in _visits(db)] == [t.id for t in march]
    assert stub.subscriptions[subscription]["items"]["data"][0]["price"]["unit_amount"] == 21667
    assert plans.list_own_plans(db, actor=family["client"])[0].pending_change == "lunes 09:30, jueves 17:00"
    told = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "plan_changed_manager")).one()
    assert "desde el mes que viene: lunes 09:30, jueves 17:00" in told.body_text

    assert deliver(
        db, stripe_provider, stub.invoice_event(subscription, invoice_id="in_april", paid=True)
    ) == ("plan_paid")
    db.refresh(plan)
    assert plan.schedule == [[0, "09:30"], [3, "17:00"]]
    assert (plan.visits_per_week, plan.monthly_price_cents, plan.pending_change) == (2, 21667, {})
    april = [t for t in _visits(db) if t.id not in {m.id for m in march}]
    slots = {
        (to_madrid(t.preferred_start).weekday(), to_madrid(t.preferred_start).strftime("%H:%M"))
        for t in april
    }
    assert slots == {(0, "09:30"), (3, "17:00")}
    assert april[0].sequence_total == len(april) == 8  # Mondays and Thursdays, 16 Apr–15 May


def test_ending_cancels_at_the_end_of_the_paid_month_and_keeps_its_visits(db, family, stub, stripe_provider):
    plan, subscription = _active_plan(db, family, stub, stripe_provider)
    count = len(_visits(db))
    plans.end_plan(db, actor=family["client"], plan_public_id=plan.public_id, provider=stripe_provider)
    db.commit()
    db.refresh(plan)
    assert plan.status == "ended"
    assert stub.subscriptions[subscription]["cancel_at_period_end"] is True
    assert len(_visits(db)) == count
    assert deliver(db, stripe_provider, stub.subscription_deleted_event(subscription)) == "duplicate"
    with pytest.raises(DomainError):
        plans.resume_plan(db, actor=family["client"], plan_public_id=plan.public_id, provider=stripe_provider)


@pytest.mark.parametrize("action", ["pause", "resume", "change", "end"])
def test_another_clients_plan_cannot_be_touched(db, family, stub, stripe_provider, action):
    plan, _subscription = _active_plan(db, family, stub, stripe_provider)
    if action == "resume":
        plans.pause_plan(db, actor=family["client"], plan_public_id=plan.public_id, provider=stripe_provider)
        db.commit()
    db.refresh(plan)
    status, calls = plan.status, len(stub.requests)
    call = {
        "pause": lambda actor: plans.pause_plan(
            db, actor=actor, plan_public_id=plan.public_id, provider=stripe_provider
        ),
        "resume": lambda actor: plans.resume_plan(
            db, actor=actor, plan_public_id=plan.public_id, provider=stripe_provider
        ),
        "change": lambda actor: plans.change_plan(
            db, actor=actor, plan_public_id=plan.public_id, schedule={4: "11:00"}, provider=stripe_provider
        ),
        "end": lambda actor: plans.end_plan(
            db, actor=actor, plan_public_id=plan.public_id, provider=stripe_provider
        ),
    }[action]
    with pytest.raises(NotFound):
        call(family["other"])
    db.rollback()
    db.refresh(plan)
    assert (plan.status, plan.pending_change, plan.schedule) == (status, {}, [[1, "10:00"]])
    assert len(stub.requests) == calls  # Stripe was not called either
    assert plans.list_own_plans(db, actor=family["other"]) == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"schedule": {}}, "schedule"),
        ({"schedule": {1: "25:00"}}, "time_1"),
        ({"schedule": {1: "06:30"}}, "time_1"),
        ({"start_date": "2027-03-01"}, "start_date"),
        ({"start_date": "2027-07-01"}, "start_date"),
        ({"start_date": "mañana"}, "start_date"),
        ({"accept_terms": False}, "accept_terms"),
    ],
)
def test_bad_plan_input_is_refused_at_its_field_and_nothing_is_stored(
    db, family, stub, stripe_provider, overrides, field
):
    with pytest.raises(ValidationFailed) as refused:
        plans.start_plan(
            db,
            actor=family["client"],
            request=plan_request(family, **overrides),
            provider=stripe_provider,
            now=CONTRACTED_AT,
        )
    assert field in refused.value.errors
    db.rollback()
    assert db.exec(select(CarePlan)).all() == []
    assert stub.requests == []


def test_a_service_not_marked_plannable_or_another_clients_relative_is_refused(db, family, stripe_provider):
    bono = family["services"]["bono-cuatro-visitas"]
    with pytest.raises(ValidationFailed) as refused:
        plans.start_plan(
            db,
            actor=family["client"],
            request=plan_request(family, service_id=bono.id),
            provider=stripe_provider,
            now=CONTRACTED_AT,
        )
    assert "service_id" in refused.value.errors
    with pytest.raises(ValidationFailed) as refused:
        plans.start_plan(
            db,
            actor=family["other"],
            request=plan_request(family),
            provider=stripe_provider,
            now=CONTRACTED_AT,
        )
    assert "beneficiary_id" in refused.value.errors
    db.rollback()
    assert db.exec(select(CarePlan)).all() == []


def test_the_simulated_provider_pays_and_fails_months_through_the_webhook_path(db, family):
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    start = plans.start_plan(
        db, actor=family["client"], request=plan_request(family), provider=provider, now=CONTRACTED_AT
    )
    db.commit()
    assert start.redirect_url == f"/cuenta/planes/pago-simulado?plan={start.plan_public_id}"
    with pytest.raises(NotFound):
        plans.pay_simulated_month(
            db, actor=family["other"], plan_public_id=start.plan_public_id, provider=provider
        )
    pay = dict(actor=family["client"], plan_public_id=start.plan_public_id, provider=provider)
    assert plans.pay_simulated_month(db, **pay) == "plan_paid"
    assert plans.pay_simulated_month(db, **pay, paid=False) == "plan_payment_failed"
    assert plans.pay_simulated_month(db, **pay) == "plan_paid"  # the retry of the same month
    db.commit()
    plan = db.exec(select(CarePlan)).one()
    assert plan.status == "active"
    assert len(_visits(db)) == 5 + 4


def test_an_english_manager_is_told_of_a_pause_with_the_services_english_name(
    db, family, stub, stripe_provider
):
    plan, _ = _active_plan(db, family, stub, stripe_provider)
    db.get(User, family["manager"].id).language = "en"
    db.commit()
    plans.pause_plan(db, actor=family["client"], plan_public_id=plan.public_id, provider=stripe_provider)
    db.commit()
    told = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "plan_changed_manager")).one()
    assert "Companion visit" in told.body_text
    assert "Visita de compañía" not in told.body_text
    client_copy = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "plan_paused")).one()
    assert "Visita de compañía" in client_copy.subject + client_copy.body_text  # the client reads Spanish
