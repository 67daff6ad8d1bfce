"""Access follows responsibility: reassignment, role changes and areas covered later."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.domain.errors import NotFound
from care_portal.models import OutboxMessage, Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task, TaskState
from care_portal.services import accounts, manager_areas, responsibility, visit_reports, visits
from tests.factories import make_beneficiary
from tests.services.visit_helpers import build_world, buy

PASSWORD = "una frase segura"


@pytest.fixture
def world(db):
    """The standard world; the first task is done with a report, the second is still open."""
    world = build_world(db)
    task_id = world.tasks[0]
    visits.schedule_appointment(
        db, actor=world.manager, task_id=task_id, day="2030-06-10", time_of_day="10:00"
    )
    db.commit()
    visits.check_in(
        db,
        actor=world.manager,
        task_id=task_id,
        code=db.get(Task, task_id).visit_code,
        now=datetime(2030, 6, 10, 8, 0, tzinfo=UTC),  # at the door, 10:00 in Madrid
    )
    db.get(Beneficiary, world.beneficiary_id).consent_state = "signed"
    visits.check_out(db, actor=world.manager, task_id=task_id)
    visits.write_report(
        db,
        actor=world.manager,
        task_id=task_id,
        work_done="Paseo por el Retiro.",
        observations="",
        next_steps="",
    )
    db.commit()
    assert db.get(Task, task_id).state == TaskState.DONE.value
    return world


def _reassign(db, world) -> None:
    manager_areas.reassign_beneficiary(
        db, actor=world.admin, beneficiary_id=world.beneficiary_id, manager_id=world.other_manager.id
    )
    db.commit()


def _viewer(db, user_id: int):
    return accounts.to_viewer(db.get(User, user_id))


def _report_status(db, email: str, task_id: int) -> int:
    client = TestClient(build_api())
    client.cookies.set("cp_session", accounts.log_in(db, email=email, password=PASSWORD).token)
    db.commit()
    return client.get(f"/api/tareas/{task_id}/informe.pdf").status_code


def test_open_visits_follow_the_beneficiary_to_the_new_manager(db, world):
    open_task = world.tasks[1]
    _reassign(db, world)
    assert db.get(Task, open_task).manager_id == world.other_manager.id
    with pytest.raises(NotFound):
        responsibility.load_task_for_manager(db, world.manager, open_task)
    with pytest.raises(NotFound):
        responsibility.load_task_for_manager(db, world.manager, open_task, write=True)
    assert (
        responsibility.load_task_for_manager(db, world.other_manager, open_task, write=True).id == open_task
    )
    visible_to_old = {t.id for t in db.exec(responsibility.tasks_visible_to_manager(world.manager)).all()}
    assert open_task not in visible_to_old
    assert world.tasks[0] in visible_to_old  # the visit they did
    visible_to_new = {
        t.id for t in db.exec(responsibility.tasks_visible_to_manager(world.other_manager)).all()
    }
    assert {open_task, world.tasks[0]} <= visible_to_new


def test_finished_visits_stay_readable_by_who_did_them_and_the_current_manager_only(db, world):
    done = world.tasks[0]
    _reassign(db, world)
    assert db.get(Task, done).manager_id == world.manager.id  # frozen when it finished
    assert _report_status(db, "gestor@example.es", done) == 200
    assert _report_status(db, "otro.gestor@example.es", done) == 200
    with pytest.raises(NotFound):
        responsibility.load_task_for_manager(db, world.manager, done, write=True)


def test_a_manager_who_loses_the_role_loses_every_visit_and_report(db, world):
    done = world.tasks[0]
    accounts.set_role(db, actor=world.admin, user_id=world.manager.id, role=Role.CLIENT.value)
    db.commit()
    demoted = _viewer(db, world.manager.id)
    assert _report_status(db, "gestor@example.es", done) == 404
    with pytest.raises(NotFound):
        visit_reports.report_pdf(db, actor=demoted, task_id=done)
    with pytest.raises(NotFound):
        responsibility.load_task_for_manager(db, demoted, world.tasks[1])
    assert db.exec(responsibility.tasks_visible_to_manager(demoted)).all() == []
    # Nobody else covers 28013: the relative waits in the admins' queue with its open visit.
    assert db.get(Beneficiary, world.beneficiary_id).manager_id is None
    assert db.get(Task, world.tasks[1]).manager_id is None
    assert db.get(Task, done).manager_id == world.manager.id  # who did it stays on record
    queue = manager_areas.list_assignments(db, actor=world.admin)
    assert world.beneficiary_id in {row.id for row in queue}


def test_visits_paid_while_nobody_covered_the_area_reach_the_manager_given_it_later(db, world):
    beneficiary = make_beneficiary(db, world.client, name="Pilar Sanz", postal_code="46001")
    db.commit()
    waiting = buy(db, world.client, beneficiary, {"visita-compania": 1}, "attempt-valencia")
    assert db.get(Task, waiting[0]).manager_id is None
    manager_areas.set_manager_areas(
        db, actor=world.admin, manager_id=world.other_manager.id, areas="28001, 46"
    )
    db.commit()
    assert db.get(Beneficiary, beneficiary).manager_id == world.other_manager.id
    assert db.get(Task, waiting[0]).manager_id == world.other_manager.id
    assert responsibility.load_task_for_manager(db, world.other_manager, waiting[0], write=True)
    told = db.exec(
        select(OutboxMessage).where(
            OutboxMessage.to_address == "otro.gestor@example.es", OutboxMessage.kind == "beneficiary_assigned"
        )
    ).all()
    assert len(told) == 1
