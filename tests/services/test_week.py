"""The manager's week on the real database: series, DST, overlaps, service length, check-in window,
«incidencia», «visita realizada», and the .ics of each appointment parsed back."""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlmodel import col, select

from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.models import AuditEvent, CheckInException, OutboxAttachment, OutboxMessage, VisitIncident
from care_portal.models.care import Beneficiary, ConsentState
from care_portal.models.visits import Task
from care_portal.services import client_tasks, manager_areas, visits
from care_portal.services.accounts import to_viewer
from care_portal.services.visits import outcomes, series
from care_portal.services.visits.calendar import manager_calendar
from tests.factories import make_manager
from tests.services.visit_helpers import PROVIDER, build_world, buy

NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)  # a Thursday, 10:00 in Madrid (summer time)


@pytest.fixture
def world(db):
    world = build_world(db)
    world.pack = buy(db, world.client, world.beneficiary_id, {"bono-cuatro-visitas": 1}, "attempt-pack")
    return world


def _tuesdays(db, world, first_day="2026-10-13", **kwargs):
    starts = series.schedule_series(
        db,
        actor=kwargs.pop("actor", world.manager),
        task_id=kwargs.pop("task_id", world.pack[0]),
        weekdays=[1],
        time_of_day="10:00",
        first_day=first_day,
        now=kwargs.pop("now", NOW),
        **kwargs,
    )
    db.commit()
    return starts


def _ics(db, to: str) -> list[Calendar]:
    rows = db.exec(
        select(OutboxAttachment)
        .join(OutboxMessage, OutboxMessage.id == OutboxAttachment.message_id)
        .where(OutboxMessage.to_address == to)
        .order_by(col(OutboxAttachment.id))
    ).all()
    return [Calendar.from_ical(row.content) for row in rows]


def test_a_pack_is_scheduled_every_tuesday_at_10_madrid_across_the_clock_change(db, world):
    starts = _tuesdays(db, world)
    madrid = [
        s.astimezone(Beneficiary.__table__.c and __import__("zoneinfo").ZoneInfo("Europe/Madrid"))
        for s in starts
    ]
    assert [(m.date(), m.hour, m.minute) for m in madrid] == [
        (date(2026, 10, 13), 10, 0),
        (date(2026, 10, 20), 10, 0),
        (date(2026, 10, 27), 10, 0),  # after the change on 25 October: still 10:00 on the wall
        (date(2026, 11, 3), 10, 0),
    ]
    assert [s.hour for s in starts] == [8, 8, 9, 9]  # the UTC instant moves instead
    tasks = [db.get(Task, t) for t in world.pack]
    assert {t.state for t in tasks} == {"scheduled"}
    assert all(t.appointment_end - t.appointment_start == timedelta(minutes=60) for t in tasks)
    # One e-mail to the family and one to the manager, with one .ics per visit in Madrid time.
    family = _ics(db, "maria@example.es")
    assert len(family) == 4
    event = next(iter(family[2].walk("VEVENT")))
    assert family[2].get("method") == "REQUEST"
    assert event["dtstart"].params["TZID"] == "Europe/Madrid"
    assert event["dtstart"].dt.hour == 10
    assert event["dtstart"].dt.day == 27
    assert [tz["tzid"] for tz in family[2].walk("VTIMEZONE")] == ["Europe/Madrid"]
    assert str(event["uid"]).startswith(f"task-{world.pack[2]}@")
    assert len(_ics(db, "gestor@example.es")) == 4
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_scheduled")).one()
    assert "martes, 27 de octubre de 2026, 10:00" in mail.body_text


def test_a_series_that_overlaps_other_appointments_stores_nothing_and_lists_each_clash(db, world):
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[0], day="2026-10-20", time_of_day="10:30", now=NOW
    )
    db.commit()
    with pytest.raises(series.SeriesClash) as refused:
        _tuesdays(db, world)
    db.rollback()
    assert [(c.start, c.other[:16]) for c in refused.value.clashes] == [
        ("20/10/2026 10:00", "20/10/2026 10:30")
    ]
    assert {db.get(Task, t).state for t in world.pack} == {"pending_appointment"}
    # At 11:30 (after the other appointment ends) the series fits.
    series.schedule_series(
        db,
        actor=world.manager,
        task_id=world.pack[0],
        weekdays=[1],
        time_of_day="11:30",
        first_day="2026-10-13",
        now=NOW,
    )
    db.commit()
    assert {db.get(Task, t).state for t in world.pack} == {"scheduled"}


def test_rescheduling_the_rest_of_a_series_keeps_the_uid_and_raises_the_sequence(db, world):
    _tuesdays(db, world)
    third = world.pack[2]
    series.schedule_series(
        db,
        actor=world.manager,
        task_id=third,
        weekdays=[3],
        time_of_day="17:00",
        first_day="2026-10-29",
        scope="rest",
        now=NOW,
    )
    db.commit()
    moved = [db.get(Task, t) for t in world.pack]
    assert [f"{m.appointment_start:%d %H}" for m in moved] == ["13 08", "20 08", "29 16", "05 16"]
    latest = _ics(db, "maria@example.es")[-2:]
    events = [next(iter(c.walk("VEVENT"))) for c in latest]
    assert [str(e["uid"]).split("@")[0] for e in events] == [f"task-{third}", f"task-{world.pack[3]}"]
    assert [int(e["sequence"]) for e in events] == [1, 1]
    subject = db.exec(select(OutboxMessage.subject).order_by(col(OutboxMessage.id).desc())).first()
    assert subject.startswith("Cambio de cita")


def test_the_series_is_refused_to_another_manager_and_checks_its_input(db, world):
    with pytest.raises(NotFound):
        _tuesdays(db, world, actor=world.other_manager)
    with pytest.raises(ValidationFailed) as bad:
        series.schedule_series(
            db,
            actor=world.manager,
            task_id=world.pack[0],
            weekdays=[],
            time_of_day="10:00",
            first_day="2026-10-13",
            now=NOW,
        )
    assert bad.value.errors == {"series_weekdays": "series.weekdays_required"}
    with pytest.raises(ValidationFailed) as skipped:
        series.schedule_series(  # 02:30 does not exist in Madrid on Sunday 29 March 2026
            db,
            actor=world.manager,
            task_id=world.pack[0],
            weekdays=[6],
            time_of_day="02:30",
            first_day="2026-03-29",
            now=datetime(2026, 3, 1, tzinfo=UTC),
        )
    assert skipped.value.errors == {"series_time": "visits.time_skipped"}
    with pytest.raises(ValidationFailed):
        _tuesdays(db, world, first_day="2026-09-01")  # in the past
    assert {db.get(Task, t).state for t in world.pack} == {"pending_appointment"}


def test_the_appointment_lasts_what_the_service_lasts(db, world):
    errand = buy(db, world.client, world.beneficiary_id, {"acompanamiento-medico": 1}, "attempt-doctor")[0]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=errand, day="2026-10-14", time_of_day="09:00", now=NOW
    )
    db.commit()
    task = db.get(Task, errand)
    assert task.appointment_end - task.appointment_start == timedelta(minutes=180)
    # An overlap with its third hour is refused.
    with pytest.raises(DomainError, match="visits.overlap"):
        visits.schedule_appointment(
            db, actor=world.manager, task_id=world.tasks[0], day="2026-10-14", time_of_day="11:30", now=NOW
        )


def test_check_in_only_in_its_window_unless_an_admin_records_an_exception(db, world):
    task_id = world.tasks[0]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=task_id, day="2026-10-13", time_of_day="10:00", now=NOW
    )
    db.commit()
    code = db.get(Task, task_id).visit_code
    start = datetime(2026, 10, 13, 8, 0, tzinfo=UTC)
    with pytest.raises(DomainError) as early:
        visits.check_in(db, actor=world.manager, task_id=task_id, code=code, now=start - timedelta(days=8))
    assert early.value.key == "visits.check_in_too_early"
    assert early.value.params["opens"] == "13/10/2026 08:00"
    with pytest.raises(DomainError) as late:
        visits.check_in(
            db, actor=world.manager, task_id=task_id, code=code, now=start + timedelta(hours=4, minutes=1)
        )
    assert late.value.key == "visits.check_in_too_late"
    assert db.get(Task, task_id).state == "scheduled"
    # A manager cannot grant the exception; an admin can, with a reason, and it is audited.
    with pytest.raises(PermissionDenied):
        outcomes.grant_check_in_exception(db, actor=world.manager, task_id=task_id, reason="Me lo salto")
    with pytest.raises(ValidationFailed):
        outcomes.grant_check_in_exception(db, actor=world.admin, task_id=task_id, reason="  ")
    outcomes.grant_check_in_exception(
        db, actor=world.admin, task_id=task_id, reason="La familia adelantó la visita por teléfono."
    )
    db.commit()
    assert db.exec(select(CheckInException.reason)).one().startswith("La familia")
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "visits.check_in_exception")).one()
    visits.check_in(db, actor=world.manager, task_id=task_id, code=code, now=start - timedelta(days=1))
    db.commit()
    assert db.get(Task, task_id).state == "in_progress"


def test_check_in_at_the_edges_of_the_window(db, world):
    task_id = world.tasks[0]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=task_id, day="2026-10-13", time_of_day="10:00", now=NOW
    )
    db.commit()
    code = db.get(Task, task_id).visit_code
    opens = datetime(2026, 10, 13, 6, 0, tzinfo=UTC)  # 08:00 in Madrid, two hours before
    with pytest.raises(DomainError, match="visits.check_in_too_early"):
        visits.check_in(db, actor=world.manager, task_id=task_id, code=code, now=opens - timedelta(minutes=1))
    visits.check_in(db, actor=world.manager, task_id=task_id, code=code, now=opens)
    db.commit()
    assert db.get(Task, task_id).state == "in_progress"


def test_incidencia_when_absent_or_interrupted_with_a_reason_and_the_family_is_told(db, world):
    absent, interrupted = world.tasks
    for task_id, time in ((absent, "10:00"), (interrupted, "12:00")):
        visits.schedule_appointment(
            db, actor=world.manager, task_id=task_id, day="2026-10-13", time_of_day=time, now=NOW
        )
    db.commit()
    at_door = datetime(2026, 10, 13, 8, 5, tzinfo=UTC)
    with pytest.raises(DomainError, match="visits.check_in_too_early"):  # not before the day
        outcomes.record_incident(
            db, actor=world.manager, task_id=absent, kind="absent", reason="No abre", now=NOW
        )
    with pytest.raises(ValidationFailed):
        outcomes.record_incident(
            db, actor=world.manager, task_id=absent, kind="other", reason="", now=at_door
        )
    with pytest.raises(DomainError, match="visits.bad_transition"):  # not started: it cannot be interrupted
        outcomes.record_incident(
            db, actor=world.manager, task_id=absent, kind="interrupted", reason="x", now=at_door
        )
    outcomes.record_incident(
        db,
        actor=world.manager,
        task_id=absent,
        kind="absent",
        reason="Nadie abrió; vecina dice hospital.",
        now=at_door,
    )
    db.commit()
    assert db.get(Task, absent).state == "incident"
    assert db.exec(select(VisitIncident).where(VisitIncident.task_id == absent)).one().kind == "absent"
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_incident")).one()
    assert "Nadie abrió" in mail.body_text
    assert mail.to_address == "maria@example.es"
    with pytest.raises(DomainError, match="visits.not_scheduled"):  # final: it cannot start any more
        visits.check_in(db, actor=world.manager, task_id=absent, code="X", now=at_door)
    code = db.get(Task, interrupted).visit_code
    noon = datetime(2026, 10, 13, 10, 0, tzinfo=UTC)
    visits.check_in(db, actor=world.manager, task_id=interrupted, code=code, now=noon)
    outcomes.record_incident(
        db,
        actor=world.manager,
        task_id=interrupted,
        kind="interrupted",
        reason="Mareo; llamamos al 112.",
        now=noon + timedelta(minutes=20),
    )
    db.commit()
    assert db.get(Task, interrupted).state == "incident"
    with pytest.raises(NotFound):
        outcomes.record_incident(
            db, actor=world.other_manager, task_id=world.pack[0], kind="absent", reason="x", now=at_door
        )


def test_a_finished_visit_emails_the_family_visita_realizada_with_the_report_link(db, world):
    task_id = world.tasks[0]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=task_id, day="2026-10-13", time_of_day="10:00", now=NOW
    )
    db.commit()
    at_door = datetime(2026, 10, 13, 8, 0, tzinfo=UTC)
    visits.check_in(
        db, actor=world.manager, task_id=task_id, code=db.get(Task, task_id).visit_code, now=at_door
    )
    db.get(Beneficiary, world.beneficiary_id).consent_state = ConsentState.SIGNED.value
    visits.check_out(db, actor=world.manager, task_id=task_id, now=at_door + timedelta(hours=1))
    db.commit()
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_done")).one()
    assert mail.subject == "Visita realizada: Visita de compañía"
    assert f"/api/tareas/{task_id}/informe.pdf" in mail.body_text
    assert "/cuenta/tareas" in mail.body_text


def test_a_cancelled_appointment_sends_method_cancel_with_the_same_uid(db, world):
    task_id = world.tasks[1]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=task_id, day="2026-10-20", time_of_day="10:00", now=NOW
    )
    db.commit()
    client_tasks.submit_suggestion(
        db,
        actor=world.client,
        message="No podrá ese día.",
        kind="cancel",
        task_id=task_id,
        provider=PROVIDER,
        now=NOW,
    )
    db.commit()
    for to in ("maria@example.es", "gestor@example.es"):
        first, cancel = _ics(db, to)
        assert cancel.get("method") == "CANCEL"
        before, after = next(iter(first.walk("VEVENT"))), next(iter(cancel.walk("VEVENT")))
        assert after["uid"] == before["uid"]
        assert int(after["sequence"]) > int(before["sequence"])
        assert after["status"] == "CANCELLED"


def test_the_dashboard_follows_responsibility_after_a_reassignment(db, world):
    """The new manager sees the beneficiary's waiting visits and the old one's finished visit; the old
    manager keeps only what they finished."""
    _tuesdays(db, world)
    task_id = world.tasks[0]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=task_id, day="2026-10-14", time_of_day="10:00", now=NOW
    )
    at_door = datetime(2026, 10, 14, 8, 0, tzinfo=UTC)
    visits.check_in(
        db, actor=world.manager, task_id=task_id, code=db.get(Task, task_id).visit_code, now=at_door
    )
    db.get(Beneficiary, world.beneficiary_id).consent_state = ConsentState.SIGNED.value
    visits.check_out(db, actor=world.manager, task_id=task_id, now=at_door)
    db.commit()
    newcomer = to_viewer(make_manager(db, email="nueva@example.es", areas=["28999"], name="Nueva Gestora"))
    db.commit()
    manager_areas.reassign_beneficiary(
        db, actor=world.admin, beneficiary_id=world.beneficiary_id, manager_id=newcomer.id
    )
    db.commit()
    new_board = visits.manager_dashboard(db, actor=newcomer, now=NOW)
    assert [(g.beneficiary, g.count) for g in new_board.waiting] == [("Carmen López", 1)]
    assert [r.id for r in new_board.tasks] == [task_id]  # the finished history of their beneficiary
    assert new_board.counts["scheduled"] == 4
    old_board = visits.manager_dashboard(db, actor=world.manager, now=NOW)
    assert old_board.waiting == []
    assert old_board.upcoming == []
    assert [r.id for r in old_board.tasks] == [task_id]
    assert old_board.counts["scheduled"] == 0
    week = manager_calendar(db, actor=newcomer, first_day=date(2026, 10, 12))
    assert [e.id for e in week] == [world.pack[0], task_id]  # Tue 13 (scheduled), Wed 14 (done)
    assert [e.state for e in week] == ["scheduled", "done"]
