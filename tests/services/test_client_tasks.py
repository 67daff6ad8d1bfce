"""The client's "Tareas", the suggestions form, the 48-hour rule, refunds and late requests."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.integrations.payments import StripeProvider
from care_portal.models import OutboxMessage
from care_portal.models.billing import Invoice, InvoiceKind
from care_portal.models.visits import Cancellation, ChangeRequest, Task
from care_portal.services import cancellations, client_tasks, visits
from tests.services.visit_helpers import PROVIDER, build_world
from tests.stripe_stub import StripeStub

BOOKED = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
APPOINTMENT = datetime(2026, 6, 10, 8, 0, tzinfo=UTC)  # 10:00 in Madrid


@pytest.fixture
def world(db):
    world = build_world(db)
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[0], day="2026-06-10", time_of_day="10:00", now=BOOKED
    )
    db.commit()
    return world


def _cancel(db, world, now, provider=PROVIDER, task_id=None):
    outcome = client_tasks.submit_suggestion(
        db,
        actor=world.client,
        message="Mi madre estará en el hospital esos días.",
        kind="cancel",
        task_id=task_id or world.tasks[0],
        provider=provider,
        now=now,
    )
    db.commit()
    return outcome


def test_tareas_lists_only_the_clients_tasks_with_madrid_deadline(db, world):
    rows = client_tasks.list_client_tasks(db, actor=world.client, now=BOOKED)
    assert {r.id for r in rows} == set(world.tasks)
    row = next(r for r in rows if r.id == world.tasks[0])
    assert row.beneficiary == "Carmen López"
    assert row.appointment == "miércoles, 10 de junio de 2026, 10:00"  # the weekday, in words
    assert row.deadline == "lunes, 8 de junio de 2026, 10:00"
    assert row.manager == "Gonzalo Gestor"
    assert row.visit_code == db.get(Task, world.tasks[0]).visit_code
    assert row.free_cancellation is True
    assert row.report is None
    with pytest.raises(PermissionDenied):
        client_tasks.list_client_tasks(db, actor=world.manager)


def test_deadline_across_the_autumn_clock_change_keeps_48_elapsed_hours(db, world):
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[1], day="2026-10-26", time_of_day="10:00", now=BOOKED
    )
    db.commit()
    row = next(r for r in client_tasks.list_client_tasks(db, actor=world.client) if r.id == world.tasks[1])
    assert row.appointment == "lunes, 26 de octubre de 2026, 10:00"
    # 48 elapsed hours: the clocks went back on the 25th.
    assert row.deadline == "sábado, 24 de octubre de 2026, 11:00"


def test_cancelling_exactly_48_hours_before_refunds_the_share_with_a_rectifying_invoice(db, world):
    outcome = _cancel(db, world, now=APPOINTMENT - timedelta(hours=48))
    assert outcome.cancelled is True
    assert outcome.refund == "25,00\u00a0€"
    task = db.get(Task, world.tasks[0])
    assert task.state == "cancelled"
    record = db.exec(select(Cancellation)).one()
    assert record.requested_by_id == world.client.id
    assert record.reason.startswith("Mi madre")
    assert record.refund_cents == 2500
    assert record.refund_id.startswith("re_sim_")
    rectifying = db.get(Invoice, record.rectifying_invoice_id)
    assert rectifying.kind == InvoiceKind.RECTIFYING
    assert rectifying.total_cents == -2500
    assert rectifying.number == outcome.rectifying_invoice
    row = next(r for r in client_tasks.list_client_tasks(db, actor=world.client) if r.id == task.id)
    assert row.cancellation == {
        "when": "08/06/2026 10:00",
        "refund": "25,00\u00a0€",
        "invoice": rectifying.number,
        "refund_status": "",
    }
    kinds = [m.kind for m in db.exec(select(OutboxMessage)).all()]
    assert kinds.count("suggestion_cancel") == 2  # the team and the manager
    assert "visit_cancelled" in kinds


def test_cancelling_47_hours_59_minutes_before_goes_to_an_admin(db, world):
    outcome = _cancel(db, world, now=APPOINTMENT - timedelta(hours=47, minutes=59))
    assert outcome.cancelled is False
    assert outcome.waiting_for_admin is True
    assert db.get(Task, world.tasks[0]).state == "scheduled"
    assert db.exec(select(Cancellation)).first() is None
    rows = cancellations.list_open_requests(db, actor=world.admin)
    assert [r.task_id for r in rows] == [world.tasks[0]]
    assert rows[0].deadline == "08/06/2026 10:00"
    with pytest.raises(PermissionDenied):
        cancellations.list_open_requests(db, actor=world.client)


def test_cancelling_at_the_deadline_across_the_spring_clock_change(db, world):
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[1], day="2027-03-29", time_of_day="10:00", now=BOOKED
    )
    db.commit()
    start = db.get(Task, world.tasks[1]).appointment_start
    assert start == datetime(2027, 3, 29, 8, 0, tzinfo=UTC)
    late = _cancel(db, world, now=start - timedelta(hours=47, minutes=59), task_id=world.tasks[1])
    assert late.waiting_for_admin is True
    db.exec(select(ChangeRequest)).one().status = "rejected"
    db.commit()
    # Madrid 27/03 09:00 (CET) is 48 elapsed hours before 29/03 10:00 (CEST).
    on_time = _cancel(db, world, now=datetime(2027, 3, 27, 8, 0, tzinfo=UTC), task_id=world.tasks[1])
    assert on_time.cancelled is True


def test_admin_decides_late_requests_refunding_or_not(db, world):
    _cancel(db, world, now=APPOINTMENT - timedelta(hours=1))
    request = db.exec(select(ChangeRequest)).one()
    with pytest.raises(PermissionDenied):
        cancellations.decide_request(
            db, actor=world.manager, request_id=request.id, decision="refund", provider=PROVIDER
        )
    cancellations.decide_request(
        db, actor=world.admin, request_id=request.id, decision="no_refund", provider=PROVIDER
    )
    db.commit()
    record = db.exec(select(Cancellation)).one()
    assert record.decided_by_id == world.admin.id
    assert record.refund_cents == 0
    assert record.rectifying_invoice_id is None
    assert record.within_deadline is False
    with pytest.raises(NotFound):  # decided once only
        cancellations.decide_request(
            db, actor=world.admin, request_id=request.id, decision="refund", provider=PROVIDER
        )


def test_a_visit_the_company_cannot_deliver_is_refunded_in_full_by_an_admin(db, world):
    _cancel(db, world, now=APPOINTMENT - timedelta(hours=1))
    request = db.exec(select(ChangeRequest)).one()
    cancellations.decide_request(
        db, actor=world.admin, request_id=request.id, decision="refund", provider=PROVIDER
    )
    db.commit()
    record = db.exec(select(Cancellation)).one()
    assert record.refund_cents == 2500
    assert db.get(Invoice, record.rectifying_invoice_id).total_cents == -2500


def test_refund_goes_to_stripe_by_payment_intent_with_its_own_idempotency_key(db, world):
    stub = StripeStub().start()
    try:
        stripe = StripeProvider(secret_key="sk_test_1", webhook_secret="whsec", api_base=stub.url)
        _cancel(db, world, now=BOOKED, provider=stripe)
        refund = stub.requests[-1]
        assert refund["path"] == "/v1/refunds"
        assert refund["idempotency_key"] == f"refund-task-{world.tasks[0]}"
        assert refund["form"]["amount"] == "2500"
        assert refund["form"]["payment_intent"]
    finally:
        stub.stop()


def test_a_failed_refund_cancels_nothing(db, world):
    stub = StripeStub().start()
    stub.fail_next = 10
    try:
        stripe = StripeProvider(secret_key="sk_test_1", webhook_secret="whsec", api_base=stub.url)
        with pytest.raises(DomainError, match="visits.refund_failed"):
            _cancel(db, world, now=BOOKED, provider=stripe)
    finally:
        stub.stop()
    db.rollback()
    assert db.get(Task, world.tasks[0]).state == "scheduled"
    assert db.exec(select(Invoice).where(Invoice.kind == InvoiceKind.RECTIFYING)).first() is None


def test_another_clients_task_is_refused(db, world):
    with pytest.raises(NotFound):
        client_tasks.submit_suggestion(
            db,
            actor=world.client,
            message="Cancelar",
            kind="cancel",
            task_id=world.other_tasks[0],
            provider=PROVIDER,
        )


def test_suggestions_need_a_message_and_a_task_to_change(db, world):
    with pytest.raises(ValidationFailed) as bad:
        client_tasks.submit_suggestion(db, actor=world.client, message=" ", kind="change", provider=PROVIDER)
    assert bad.value.errors == {"message": "suggest.message_required", "kind": "suggest.bad_kind"}
    outcome = client_tasks.submit_suggestion(
        db, actor=world.client, message="¡Muy contentos con Gonzalo!", provider=PROVIDER
    )
    db.commit()
    assert outcome.kind == "message"
    assert [
        m.to_address for m in db.exec(select(OutboxMessage).where(OutboxMessage.kind == "suggestion_message"))
    ] == ["equipo@cuidadoencasa.example"]


def test_a_change_request_reaches_the_manager_and_stays_open(db, world):
    client_tasks.submit_suggestion(
        db,
        actor=world.client,
        message="¿Podría ser por la tarde?",
        kind="change",
        task_id=world.tasks[0],
        provider=PROVIDER,
    )
    db.commit()
    assert {
        m.to_address for m in db.exec(select(OutboxMessage).where(OutboxMessage.kind == "suggestion_change"))
    } == {
        "equipo@cuidadoencasa.example",
        "gestor@example.es",
    }
    row = next(r for r in client_tasks.list_client_tasks(db, actor=world.client) if r.id == world.tasks[0])
    assert row.open_request == "change"


def test_a_done_visit_cannot_be_cancelled(db, world):
    task = db.get(Task, world.tasks[0])
    task.state = "done"
    db.add(task)
    db.commit()
    with pytest.raises(DomainError, match="suggest.task_closed"):
        _cancel(db, world, now=BOOKED)


def test_the_cancellation_preview_matches_what_cancelling_refunds_and_its_deadline(db, world):
    before = client_tasks.cancellation_preview(
        db, actor=world.client, task_id=world.tasks[0], now=APPOINTMENT - timedelta(hours=48)
    )
    assert before == client_tasks.CancellationPreview(
        refund="25,00\u00a0€", deadline="lunes, 8 de junio de 2026, 10:00", free=True
    )
    late = client_tasks.cancellation_preview(
        db, actor=world.client, task_id=world.tasks[0], now=APPOINTMENT - timedelta(hours=47)
    )
    assert late.free is False
    assert _cancel(db, world, now=APPOINTMENT - timedelta(hours=48)).refund == before.refund
    with pytest.raises(NotFound):
        client_tasks.cancellation_preview(db, actor=world.other_client, task_id=world.tasks[0])


def test_an_english_reader_sees_the_services_english_name(db, world):
    from care_portal.domain.formatting import use_language

    with use_language("en"):
        english = client_tasks.list_client_tasks(db, actor=world.client, now=BOOKED)
    spanish = client_tasks.list_client_tasks(db, actor=world.client, now=BOOKED)
    assert {row.service for row in english} == {"Companion visit"}
    assert {row.service for row in spanish} == {"Visita de compañía"}
