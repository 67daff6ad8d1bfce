"""A plan's months through Stripe's events: invoices, numbered visits at Madrid time, failures, retries."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlmodel import select

from care_portal.domain.formatting import to_madrid
from care_portal.models import OutboxMessage
from care_portal.models.billing import Invoice
from care_portal.models.plans import CarePlanPeriod
from care_portal.models.shop import Order
from care_portal.models.visits import Task
from care_portal.services import billing_records
from tests.services.plans.helpers import contract, deliver, subscribe


def _tasks(db):
    db.expire_all()
    return db.exec(select(Task).order_by(Task.id)).all()


def _mail_kinds(db):
    return Counter(m.kind for m in db.exec(select(OutboxMessage)).all())


def test_a_paid_month_is_invoiced_and_its_weekly_visits_stay_at_10_in_madrid_across_the_clock_change(
    db, family, stub, stripe_provider
):
    plan = contract(db, family, stripe_provider)
    assert plan.status == "pending_payment"
    assert plan.monthly_price_cents == 10833  # 25 € × 1 a week × 52 / 12
    session_form = next(iter(stub.sessions.values()))
    assert session_form["mode"] == "subscription"
    assert session_form["line_items[0][price_data][recurring][interval]"] == "month"
    assert session_form["line_items[0][price_data][unit_amount]"] == "10833"
    assert any(r["path"] == "/v1/customers" for r in stub.requests)
    assert _tasks(db) == []  # nothing before the first payment
    subscription = subscribe(db, stub, stripe_provider, plan)

    paid = stub.invoice_event(subscription, invoice_id="in_march", paid=True)
    assert deliver(db, stripe_provider, paid) == "plan_paid"
    db.refresh(plan)
    assert plan.status == "active"
    assert (plan.current_period_start, plan.current_period_end) == (date(2027, 3, 16), date(2027, 4, 16))
    tasks = _tasks(db)
    local = [to_madrid(t.preferred_start) for t in tasks]
    assert [d.date() for d in local] == [date(2027, 3, d) for d in (16, 23, 30)] + [
        date(2027, 4, d) for d in (6, 13)
    ]
    assert {(d.hour, d.minute) for d in local} == {(10, 0)}
    assert [t.preferred_start.hour for t in tasks] == [9, 9, 8, 8, 8]  # UTC: winter, then summer time
    assert [(t.sequence_number, t.sequence_total) for t in tasks] == [(n, 5) for n in range(1, 6)]
    assert {t.manager_id for t in tasks} == {family["manager"].id}
    assert {t.plan_id for t in tasks} == {plan.id}
    assert {t.state for t in tasks} == {"pending_appointment"}
    order = db.exec(select(Order)).one()
    assert (order.status, order.total_cents, order.payment_intent) == ("paid", 10833, "pi_in_march")
    invoice = db.exec(select(Invoice).where(Invoice.order_ref == order.public_id)).one()
    assert invoice.total_cents == 10833
    client_mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "plan_period_paid")).one()
    assert "visita 1 de 5" in client_mail.body_text
    assert "16/03/2027 10:00" in client_mail.body_text
    manager_mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "manager_new_tasks")).one()
    assert manager_mail.to_address == "gestora@example.es"
    assert "visita 5 de 5" in manager_mail.body_text
    assert "martes 10:00" in manager_mail.body_text

    assert deliver(
        db, stripe_provider, stub.invoice_event(subscription, invoice_id="in_april", paid=True)
    ) == ("plan_paid")
    db.refresh(plan)
    assert (plan.current_period_start, plan.current_period_end) == (date(2027, 4, 16), date(2027, 5, 16))
    april = [t for t in _tasks(db) if t.id not in {x.id for x in tasks}]
    assert [to_madrid(t.preferred_start).strftime("%d/%m %H:%M") for t in april] == [
        "20/04 10:00",
        "27/04 10:00",
        "04/05 10:00",
        "11/05 10:00",
    ]
    assert [(t.sequence_number, t.sequence_total) for t in april] == [(n, 4) for n in range(1, 5)]
    numbers = [i.number for i in db.exec(select(Invoice).order_by(Invoice.id)).all()]
    assert len(numbers) == 2
    assert numbers[0] < numbers[1]
    assert billing_records.verify_chain(db).ok


def test_the_same_invoice_never_makes_a_month_twice(db, family, stub, stripe_provider):
    plan = contract(db, family, stripe_provider)
    subscription = subscribe(db, stub, stripe_provider, plan)
    event = stub.invoice_event(subscription, invoice_id="in_march", paid=True)
    assert deliver(db, stripe_provider, event) == "plan_paid"
    assert deliver(db, stripe_provider, event) == "duplicate"  # the same delivery again
    again = stub.invoice_event(subscription, invoice_id="in_march", paid=True)  # a new event id
    assert deliver(db, stripe_provider, again) == "duplicate"
    assert len(db.exec(select(CarePlanPeriod)).all()) == 1
    assert len(db.exec(select(Invoice)).all()) == 1
    assert len(_tasks(db)) == 5
    assert _mail_kinds(db)["plan_period_paid"] == 1


def test_a_failed_month_creates_no_visits_tells_both_once_and_a_retry_paid_fulfils_it(
    db, family, stub, stripe_provider
):
    plan = contract(db, family, stripe_provider)
    subscription = subscribe(db, stub, stripe_provider, plan)
    deliver(db, stripe_provider, stub.invoice_event(subscription, invoice_id="in_march", paid=True))
    march = len(_tasks(db))

    failed = stub.invoice_event(
        subscription, invoice_id="in_april", paid=False, next_payment_attempt=1900000000
    )
    assert deliver(db, stripe_provider, failed) == "plan_payment_failed"
    db.refresh(plan)
    assert plan.status == "payment_failed"
    assert len(_tasks(db)) == march  # no new visits while unpaid; March's stay
    kinds = _mail_kinds(db)
    assert (kinds["plan_payment_failed"], kinds["plan_payment_failed_manager"]) == (1, 1)
    manager_mail = db.exec(
        select(OutboxMessage).where(OutboxMessage.kind == "plan_payment_failed_manager")
    ).one()
    assert manager_mail.to_address == "gestora@example.es"
    period = db.exec(select(CarePlanPeriod).where(CarePlanPeriod.provider_invoice_id == "in_april")).one()
    assert (period.payment_state, period.attempts, period.invoice_id) == ("failed", 1, None)
    assert period.next_retry_at is not None

    second = stub.invoice_event(subscription, invoice_id="in_april", paid=False, attempt_count=2)
    assert deliver(db, stripe_provider, second) == "plan_payment_failed"
    assert _mail_kinds(db)["plan_payment_failed"] == 1  # told once, not at every retry
    assert len(db.exec(select(Invoice)).all()) == 1

    retried = stub.invoice_event(subscription, invoice_id="in_april", paid=True)
    assert deliver(db, stripe_provider, retried) == "plan_paid"
    db.refresh(plan)
    db.refresh(period)
    assert plan.status == "active"
    assert period.payment_state == "paid"
    assert period.invoice_id is not None
    assert len(_tasks(db)) == march + 4
    assert len(db.exec(select(CarePlanPeriod)).all()) == 2


def test_a_subscription_deleted_after_the_retries_ends_the_plan_and_nothing_more_is_fulfilled(
    db, family, stub, stripe_provider
):
    plan = contract(db, family, stripe_provider)
    subscription = subscribe(db, stub, stripe_provider, plan)
    assert deliver(db, stripe_provider, stub.subscription_deleted_event(subscription)) == "plan_ended"
    db.refresh(plan)
    assert plan.status == "ended"
    late = stub.invoice_event(subscription, invoice_id="in_late", paid=True)
    assert deliver(db, stripe_provider, late) == "ignored"
    assert _tasks(db) == []
    assert db.exec(select(Invoice)).all() == []


def test_an_event_for_no_known_plan_changes_nothing(db, family, stub, stripe_provider):
    plan = contract(db, family, stripe_provider)
    subscription = subscribe(db, stub, stripe_provider, plan)
    event = stub.invoice_event(subscription, invoice_id="in_x", paid=True)
    event["data"]["object"]["parent"]["subscription_details"] = {
        "subscription": "sub_unknown",
        "metadata": {},
    }
    assert deliver(db, stripe_provider, event) == "unknown_plan"
    assert _tasks(db) == []
