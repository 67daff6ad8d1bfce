"""«visita N de M» reaches the manager's task page and every e-mail about a numbered visit."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlmodel import col, select

from care_portal.models import OutboxAttachment, OutboxMessage
from care_portal.models.care import Beneficiary, ConsentState
from care_portal.models.visits import Task
from care_portal.services import visits
from care_portal.services.visits import series
from tests.services.visit_helpers import build_world, buy

NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)  # 10:00 in Madrid


@pytest.fixture
def world(db):
    world = build_world(db)
    world.pack = buy(db, world.client, world.beneficiary_id, {"bono-cuatro-visitas": 1}, "attempt-pack")
    return world


def _mail(db, kind: str, to: str) -> OutboxMessage:
    return db.exec(
        select(OutboxMessage)
        .where(OutboxMessage.kind == kind, OutboxMessage.to_address == to)
        .order_by(col(OutboxMessage.id).desc())
    ).first()


def test_the_manager_task_page_numbers_a_pack_visit(db, world):
    detail = visits.get_manager_task(db, actor=world.manager, task_id=world.pack[1])
    assert (detail.week["ordinal_es"], detail.week["ordinal_en"]) == ("visita 2 de 4", "visit 2 of 4")
    single = visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0])
    assert single.week["ordinal_es"] == "visita 1 de 2"  # a line of two visits, as «Tareas» numbers it


def test_series_emails_number_each_date_for_the_family_and_the_manager(db, world):
    series.schedule_series(
        db,
        actor=world.manager,
        task_id=world.pack[0],
        weekdays=[1],
        time_of_day="10:00",
        first_day="2026-10-13",
        now=NOW,
    )
    db.commit()
    family = _mail(db, "visit_scheduled", "maria@example.es")
    assert "martes, 13 de octubre de 2026, 10:00 — visita 1 de 4" in family.body_text
    assert "martes, 3 de noviembre de 2026, 10:00 — visita 4 de 4" in family.body_text
    manager = _mail(db, "visit_scheduled_manager", "gestor@example.es")
    assert "martes, 27 de octubre de 2026, 10:00 — visita 3 de 4" in manager.body_text
    files = db.exec(
        select(OutboxAttachment)
        .where(OutboxAttachment.message_id == family.id)
        .order_by(col(OutboxAttachment.id))
    ).all()
    titles = [str(next(iter(Calendar.from_ical(f.content).walk("VEVENT")))["summary"]) for f in files]
    assert titles[2] == "Bono de 4 visitas de compañía (visita 3 de 4) — Carmen López"


def test_one_appointment_and_the_visit_done_name_the_number(db, world):
    task_id = world.pack[2]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=task_id, day="2026-10-13", time_of_day="10:00", now=NOW
    )
    db.commit()
    scheduled = _mail(db, "visit_scheduled", "maria@example.es")
    assert "(visita 3 de 4)" in scheduled.body_text
    at_door = datetime(2026, 10, 13, 8, 0, tzinfo=UTC)
    visits.check_in(
        db, actor=world.manager, task_id=task_id, code=db.get(Task, task_id).visit_code, now=at_door
    )
    db.get(Beneficiary, world.beneficiary_id).consent_state = ConsentState.SIGNED.value
    visits.check_out(db, actor=world.manager, task_id=task_id, now=at_door + timedelta(hours=1))
    db.commit()
    done = _mail(db, "visit_done", "maria@example.es")
    assert "«Bono de 4 visitas de compañía (visita 3 de 4)» se ha realizado" in done.body_text
