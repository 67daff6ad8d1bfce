"""The report PDF route: the task's client, its manager and admins get it; anyone else a 404."""

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.models import AuditEvent
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task
from care_portal.services import accounts, visits
from tests.services.visit_helpers import build_world

PASSWORD = "una frase segura"


@pytest.fixture
def world(db):
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
    visits.write_report(
        db,
        actor=world.manager,
        task_id=task_id,
        work_done="Paseo por el Retiro y compra en la farmacia.",
        observations="Muy animada.",
        next_steps="",
    )
    db.commit()
    return world


def _client_for(db, email: str) -> TestClient:
    client = TestClient(build_api())
    result = accounts.log_in(db, email=email, password=PASSWORD)
    db.commit()
    client.cookies.set("cp_session", result.token)
    return client


def _url(task_id: int) -> str:
    return f"/api/tareas/{task_id}/informe.pdf"


@pytest.mark.parametrize("email", ["maria@example.es", "gestor@example.es", "admin@example.es"])
def test_owner_manager_and_admin_download_the_report(db, world, email):
    response = _client_for(db, email).get(_url(world.tasks[0]))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Paseo por el Retiro" in text
    assert "Carmen López" in text
    db.expire_all()
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "visits.report_viewed")).first() is not None


@pytest.mark.parametrize("email", ["otro@example.es", "otro.gestor@example.es"])
def test_anyone_else_gets_not_found(db, world, email):
    assert _client_for(db, email).get(_url(world.tasks[0])).status_code == 404


def test_anonymous_and_tasks_without_report_get_not_found(db, world):
    assert TestClient(build_api()).get(_url(world.tasks[0])).status_code == 404
    owner = _client_for(db, "maria@example.es")
    assert owner.get(_url(world.tasks[1])).status_code == 404
    assert owner.get("/api/tareas/abc/informe.pdf").status_code == 404
