"""The withdrawal form of the private area (desistimiento): 14 days, full or proportional refund."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, func, select

from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.withdrawal import withdrawal_deadline
from care_portal.models import OrderWithdrawal, OutboxMessage
from care_portal.models.billing import Invoice, InvoiceKind
from care_portal.models.care import Beneficiary
from care_portal.models.shop import CareService, Order
from care_portal.models.visits import Task
from care_portal.services import checkout, visits, withdrawals
from tests.services.visit_helpers import BILLING, PROVIDER, build_world


def _buy(db, world, *, express: bool, attempt: str, visits_bought: int = 2) -> Order:
    service = db.exec(select(CareService).where(CareService.slug == "visita-compania")).one()
    start = checkout.start_checkout(
        db,
        actor=world.client,
        request=checkout.CheckoutRequest(
            cart={str(service.id): visits_bought},
            beneficiary_id=world.beneficiary_id,
            observations="",
            preferred_dates="",
            accept_terms=True,
            billing=BILLING,
            attempt_key=attempt,
            express_start=express,
        ),
        provider=PROVIDER,
    )
    public_id = start.redirect_url.split("pedido=")[-1]
    checkout.pay_simulated(db, actor=world.client, order_public_id=public_id, provider=PROVIDER, paid=True)
    db.commit()
    return db.exec(select(Order).where(Order.public_id == public_id)).one()


def _do_first_visit(db, world, order: Order) -> list[int]:
    """Schedule, start and finish the order's first visit; return the order's task ids."""
    beneficiary = db.get(Beneficiary, world.beneficiary_id)
    beneficiary.consent_state = "signed"
    db.add(beneficiary)
    task_ids = list(db.exec(select(Task.id).where(Task.order_id == order.id).order_by(col(Task.id))).all())
    start = order.paid_at + timedelta(days=3)
    visits.schedule_appointment(
        db,
        actor=world.manager,
        task_id=task_ids[0],
        day=start.strftime("%Y-%m-%d"),
        time_of_day="10:00",
        now=order.paid_at,
    )
    task = db.get(Task, task_ids[0])
    at_the_door = task.appointment_start  # check-in is accepted only around the appointment
    visits.check_in(db, actor=world.manager, task_id=task_ids[0], code=task.visit_code, now=at_the_door)
    visits.check_out(db, actor=world.manager, task_id=task_ids[0], now=at_the_door + timedelta(hours=1))
    db.commit()
    return task_ids


def _rectified(db, order: Order) -> int:
    return db.exec(
        select(func.coalesce(func.sum(Invoice.total_cents), 0)).where(
            Invoice.kind == InvoiceKind.RECTIFYING,
            col(Invoice.rectifies_invoice_id).in_(
                select(Invoice.id).where(Invoice.order_ref == order.public_id)
            ),
        )
    ).one()


def test_without_an_express_request_everything_is_refunded_even_a_visit_made(db):
    world = build_world(db)
    order = _buy(db, world, express=False, attempt="plain")
    done, pending = _do_first_visit(db, world, order)
    now = order.paid_at + timedelta(days=5)
    [row] = [r for r in withdrawals.list_withdrawable(db, actor=world.client, now=now) if r.id == order.id]
    assert (row.refund, row.kept, row.express_start) == ("50,00\u00a0€", "0,00\u00a0€", False)

    outcome = withdrawals.withdraw(
        db, actor=world.client, order_id=order.id, statement="", provider=PROVIDER, now=now
    )
    db.commit()
    assert outcome.refund == row.refund
    assert len(outcome.invoices) == 2
    assert db.get(Task, pending).state == "cancelled"
    assert db.get(Task, done).state == "done"
    assert _rectified(db, order) == -5000
    record = db.exec(select(OrderWithdrawal).where(OrderWithdrawal.order_id == order.id)).one()
    assert (record.refund_cents, record.kept_cents, record.express_start) == (5000, 0, False)
    assert record.refund_id  # the provider refunded the visit already made
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "order_withdrawal")).one()
    assert mail.to_address == "maria@example.es"
    assert order.public_id in mail.body_text
    assert "50,00" in mail.body_text
    assert db.exec(select(OutboxMessage).where(OutboxMessage.kind == "order_withdrawal_team")).one()
    # Once only: the order is no longer offered, and a second try is refused.
    assert order.id not in [r.id for r in withdrawals.list_withdrawable(db, actor=world.client, now=now)]
    with pytest.raises(NotFound):
        withdrawals.withdraw(db, actor=world.client, order_id=order.id, provider=PROVIDER, now=now)


def test_after_an_express_request_the_visits_made_are_paid_and_the_rest_refunded(db):
    world = build_world(db)
    order = _buy(db, world, express=True, attempt="express")
    _done, pending = _do_first_visit(db, world, order)
    now = order.paid_at + timedelta(days=6)
    outcome = withdrawals.withdraw(db, actor=world.client, order_id=order.id, provider=PROVIDER, now=now)
    db.commit()
    assert (outcome.refund, outcome.kept) == ("25,00\u00a0€", "25,00\u00a0€")
    assert db.get(Task, pending).state == "cancelled"
    assert _rectified(db, order) == -2500
    record = db.exec(select(OrderWithdrawal).where(OrderWithdrawal.order_id == order.id)).one()
    assert (record.refund_cents, record.kept_cents, record.express_start) == (2500, 2500, True)
    assert record.rectifying_invoice_id is None  # nothing beyond the cancelled visit


def test_the_period_ends_at_midnight_madrid_of_the_fourteenth_day(db):
    paid = datetime(2026, 3, 20, 22, 30, tzinfo=UTC)  # 23:30 in Madrid, 20/03
    # 14 days later is 03/04, in summer time: ends 03/04 23:59:59 Madrid = 21:59:59 UTC.
    assert withdrawal_deadline(paid) == datetime(2026, 4, 3, 21, 59, 59, 999999, tzinfo=UTC)
    world = build_world(db)
    order = _buy(db, world, express=False, attempt="late")
    late = withdrawal_deadline(order.paid_at) + timedelta(seconds=1)
    assert order.id not in [r.id for r in withdrawals.list_withdrawable(db, actor=world.client, now=late)]
    with pytest.raises(DomainError, match="withdrawal.expired"):
        withdrawals.withdraw(db, actor=world.client, order_id=order.id, provider=PROVIDER, now=late)
    db.rollback()
    assert db.exec(select(OrderWithdrawal)).first() is None
    on_time = withdrawal_deadline(order.paid_at)
    withdrawals.withdraw(db, actor=world.client, order_id=order.id, provider=PROVIDER, now=on_time)


def test_another_clients_order_is_refused_and_nothing_changes(db):
    world = build_world(db)
    theirs = db.exec(select(Order).where(Order.client_id == world.other_client.id)).one()
    assert theirs.id not in [r.id for r in withdrawals.list_withdrawable(db, actor=world.client)]
    with pytest.raises(NotFound):
        withdrawals.withdraw(db, actor=world.client, order_id=theirs.id, provider=PROVIDER)
    db.rollback()
    assert db.exec(select(OrderWithdrawal)).first() is None
    states = {t.state for t in db.exec(select(Task).where(Task.order_id == theirs.id))}
    assert states == {"pending_appointment"}
    assert db.exec(select(Invoice).where(Invoice.kind == InvoiceKind.RECTIFYING)).first() is None
