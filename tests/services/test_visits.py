"""The manager's side of a visit: dashboard, contact, appointment, check-in/out and report."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.models import AuditEvent, OutboxMessage
from care_portal.models.care import Beneficiary, ConsentState
from care_portal.models.visits import Task, VisitReport
from care_portal.services import visits
from tests.services.visit_helpers import build_world

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # 10:00 in Madrid
AT_DOOR = datetime(2026, 6, 10, 7, 55, tzinfo=UTC)  # 5 minutes before the usual 10:00 appointment


@pytest.fixture
def world(db):
    return build_world(db)


def _schedule(db, world, task_id, day="2026-06-10", time="10:00", actor=None):
    start = visits.schedule_appointment(
        db, actor=actor or world.manager, task_id=task_id, day=day, time_of_day=time, now=NOW
    )
    db.commit()
    return start


def _sign_consent(db, world):
    beneficiary = db.get(Beneficiary, world.beneficiary_id)
    beneficiary.consent_state = ConsentState.SIGNED.value
    db.add(beneficiary)
    db.commit()


def test_dashboard_shows_only_the_managers_tasks_oldest_first_with_counts(db, world):
    board = visits.manager_dashboard(db, actor=world.manager, now=NOW)
    # The two visits of one order line wait as one group, shown once (not again in the full list).
    assert [(g.first_task_id, g.count, g.beneficiary) for g in board.waiting] == [
        (world.tasks[0], 2, "Carmen López")
    ]
    assert board.counts["pending_appointment"] == 2
    assert {b.name for b in board.beneficiaries} == {"Carmen López"}
    assert board.beneficiaries[0].phone == "+34612345678"
    assert board.tasks == []  # nothing finished yet: open visits are listed above, once
    everything = visits.manager_dashboard(db, actor=world.manager, search="visita", now=NOW)
    assert {r.id for r in everything.tasks} == set(world.tasks)
    assert visits.manager_dashboard(db, actor=world.admin, now=NOW).tasks == []  # an admin searches
    found = visits.manager_dashboard(db, actor=world.admin, search="visita", now=NOW)
    assert {r.id for r in found.tasks} == set(world.tasks + world.other_tasks)


def test_dashboard_is_refused_to_clients(db, world):
    with pytest.raises(PermissionDenied):
        visits.manager_dashboard(db, actor=world.client)


def test_dashboard_flags_tasks_not_contacted_within_24_hours(db, world):
    created = db.get(Task, world.tasks[0]).created_at
    later = created + timedelta(hours=25)
    board = visits.manager_dashboard(db, actor=world.manager, now=later)
    assert board.counts["contact_overdue"] == 2
    visits.log_contact(db, actor=world.manager, task_id=world.tasks[0], note="Llamé a Carmen", now=later)
    db.commit()
    board = visits.manager_dashboard(db, actor=world.manager, now=later)
    assert board.counts["contact_overdue"] == 1
    assert [g.contact_overdue for g in board.waiting] == [True]  # one of the group's two still is


def test_dashboard_filters_by_state_beneficiary_day_and_words(db, world):
    _schedule(db, world, world.tasks[0])
    board = visits.manager_dashboard(db, actor=world.manager, state="scheduled", now=NOW)
    assert [r.id for r in board.tasks] == [world.tasks[0]]
    assert [r.id for r in board.upcoming] == [world.tasks[0]]
    assert board.upcoming[0].appointment == "10/06/2026 10:00"
    by_day = visits.manager_dashboard(db, actor=world.manager, day=datetime(2026, 6, 10).date(), now=NOW)
    assert [r.id for r in by_day.tasks] == [world.tasks[0]]
    assert visits.manager_dashboard(db, actor=world.manager, search="carmen", now=NOW).tasks
    assert not visits.manager_dashboard(db, actor=world.manager, search="pérez", now=NOW).tasks
    assert not visits.manager_dashboard(db, actor=world.manager, beneficiary_id=999, now=NOW).tasks


def test_another_managers_task_is_not_found_for_every_action(db, world):
    theirs = world.other_tasks[0]
    for call in (
        lambda: visits.get_manager_task(db, actor=world.manager, task_id=theirs),
        lambda: visits.log_contact(db, actor=world.manager, task_id=theirs, note="x"),
        lambda: visits.schedule_appointment(
            db, actor=world.manager, task_id=theirs, day="2026-06-10", time_of_day="10:00", now=NOW
        ),
        lambda: visits.check_in(db, actor=world.manager, task_id=theirs, code="AAAAAA"),
        lambda: visits.check_out(db, actor=world.manager, task_id=theirs),
        lambda: visits.write_report(
            db, actor=world.manager, task_id=theirs, work_done="x", observations="", next_steps=""
        ),
    ):
        with pytest.raises(NotFound):
            call()


def test_clients_cannot_use_manager_actions(db, world):
    with pytest.raises(PermissionDenied):
        visits.check_in(db, actor=world.client, task_id=world.tasks[0], code="X")


def test_agreeing_an_appointment_in_madrid_time_emails_the_client_with_code_and_deadline(db, world):
    start = _schedule(db, world, world.tasks[0])
    assert start == datetime(2026, 6, 10, 8, 0, tzinfo=UTC)
    task = db.get(Task, world.tasks[0])
    assert task.state == "scheduled"
    assert task.first_contact_at is not None
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_scheduled")).one()
    assert mail.to_address == "maria@example.es"
    assert "miércoles, 10 de junio de 2026, 10:00" in mail.body_text
    assert task.visit_code in mail.body_text
    assert "Gonzalo Gestor" in mail.body_text
    assert "lunes, 8 de junio de 2026, 10:00" in mail.body_text  # the deadline, 48 h before
    assert (
        db.exec(select(AuditEvent).where(AuditEvent.action == "visits.scheduled")).one().actor_id
        == world.manager.id
    )


def test_appointments_in_the_past_or_malformed_are_refused(db, world):
    with pytest.raises(ValidationFailed) as past:
        _schedule(db, world, world.tasks[0], day="2026-05-31")
    assert past.value.errors == {"appointment_day": "visits.in_the_past"}
    with pytest.raises(ValidationFailed):
        _schedule(db, world, world.tasks[0], day="31/05/2026")
    with pytest.raises(ValidationFailed) as skipped:
        visits.schedule_appointment(
            db, actor=world.manager, task_id=world.tasks[0], day="2027-03-28", time_of_day="02:30", now=NOW
        )
    assert skipped.value.errors == {"appointment_time": "visits.time_skipped"}


def test_overlapping_appointments_of_the_same_manager_are_refused(db, world):
    _schedule(db, world, world.tasks[0], time="10:00")
    with pytest.raises(DomainError) as clash:
        _schedule(db, world, world.tasks[1], time="10:30")
    assert clash.value.key == "visits.overlap"
    assert clash.value.params["start"] == "10/06/2026 10:00"
    _schedule(db, world, world.tasks[1], time="11:00")  # right after is fine
    detail = visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[1], now=NOW)
    assert detail.other_appointments == [
        {"start": "10/06/2026 10:00", "end": "11:00", "service": detail.service}
    ]


def test_rescheduling_moves_the_appointment(db, world):
    _schedule(db, world, world.tasks[0], time="10:00")
    _schedule(db, world, world.tasks[0], time="10:30")  # its own slot does not clash
    assert db.get(Task, world.tasks[0]).appointment_start == datetime(2026, 6, 10, 8, 30, tzinfo=UTC)
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "visits.rescheduled")).first() is not None


def test_check_in_needs_the_right_code_counts_wrong_ones_and_happens_once(db, world):
    task_id = world.tasks[0]
    with pytest.raises(DomainError, match="visits.not_scheduled"):
        visits.check_in(db, actor=world.manager, task_id=task_id, now=AT_DOOR, code="X")
    _schedule(db, world, task_id)
    with pytest.raises(DomainError) as wrong:
        visits.check_in(db, actor=world.manager, task_id=task_id, now=AT_DOOR, code="ZZZZZZ")
    db.rollback()  # the handler's transaction rolls back; the count must survive
    assert wrong.value.key == "visits.wrong_code"
    assert db.get(Task, task_id).failed_code_attempts == 1
    code = db.get(Task, task_id).visit_code
    visits.check_in(db, actor=world.manager, task_id=task_id, now=AT_DOOR, code=f" {code.lower()} ")
    db.commit()
    assert db.get(Task, task_id).state == "in_progress"
    with pytest.raises(DomainError, match="visits.already_checked_in"):
        visits.check_in(db, actor=world.manager, task_id=task_id, now=AT_DOOR, code=code)


def test_too_many_wrong_codes_lock_the_check_in(db, world):
    task_id = world.tasks[0]
    _schedule(db, world, task_id)
    for _ in range(5):
        with pytest.raises(DomainError):
            visits.check_in(db, actor=world.manager, task_id=task_id, now=AT_DOOR, code="ZZZZZZ")
    code = db.get(Task, task_id).visit_code
    with pytest.raises(DomainError, match="visits.code_locked"):
        visits.check_in(db, actor=world.manager, task_id=task_id, now=AT_DOOR, code=code)


def test_report_only_after_check_in_and_checkout_needs_consent(db, world):
    task_id = world.tasks[0]
    _schedule(db, world, task_id)
    with pytest.raises(DomainError, match="visits.report_before_visit"):
        visits.write_report(
            db, actor=world.manager, task_id=task_id, work_done="Paseo", observations="", next_steps=""
        )
    with pytest.raises(DomainError, match="visits.not_checked_in"):
        visits.check_out(db, actor=world.manager, task_id=task_id)
    visits.check_in(
        db, actor=world.manager, task_id=task_id, now=AT_DOOR, code=db.get(Task, task_id).visit_code
    )
    db.commit()
    with pytest.raises(DomainError, match="visits.consent_required"):
        visits.check_out(db, actor=world.manager, task_id=task_id)
    _sign_consent(db, world)
    visits.check_out(db, actor=world.manager, task_id=task_id)
    with pytest.raises(ValidationFailed) as empty:
        visits.write_report(
            db, actor=world.manager, task_id=task_id, work_done="  ", observations="", next_steps=""
        )
    assert empty.value.errors == {"work_done": "visits.work_done_required"}
    visits.write_report(
        db,
        actor=world.manager,
        task_id=task_id,
        work_done="Paseo por el Retiro y compra en la farmacia.",
        observations="Muy animada.",
        next_steps="Repetir el martes.",
    )
    db.commit()
    assert db.get(Task, task_id).state == "done"
    report = db.exec(select(VisitReport)).one()
    assert report.author_id == world.manager.id
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_report")).one()
    assert mail.to_address == "maria@example.es"
    assert "/cuenta/tareas" in mail.body_text
    detail = visits.get_manager_task(db, actor=world.manager, task_id=task_id)
    assert detail.report["work_done"].startswith("Paseo")


def test_contact_log_is_kept_newest_first_and_needs_a_note(db, world):
    visits.log_contact(db, actor=world.manager, task_id=world.tasks[0], note="No contesta", now=NOW)
    visits.log_contact(
        db, actor=world.manager, task_id=world.tasks[0], note="Hablamos", now=NOW + timedelta(hours=1)
    )
    db.commit()
    with pytest.raises(ValidationFailed):
        visits.log_contact(db, actor=world.manager, task_id=world.tasks[0], note="  ")
    detail = visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0], now=NOW)
    assert [c["note"] for c in detail.contacts] == ["Hablamos", "No contesta"]
    assert detail.contacts[0]["when"] == "01/06/2026 11:00"


def test_tasks_not_contacted_in_time_are_escalated_to_admins_once(db, world):
    created = db.get(Task, world.tasks[0]).created_at
    assert visits.escalate_overdue_contacts(db, now=created + timedelta(hours=23)) == 0
    visits.log_contact(db, actor=world.manager, task_id=world.tasks[0], note="Llamé", now=created)
    db.commit()
    later = created + timedelta(hours=25)
    assert visits.escalate_overdue_contacts(db, now=later) == 2  # the other task, and the other client's
    db.commit()
    assert visits.escalate_overdue_contacts(db, now=later) == 0
    mails = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_contact_overdue")).all()
    assert {m.to_address for m in mails} == {"admin@example.es"}
    assert any(f"Tarea {world.tasks[1]} " in m.subject for m in mails)
