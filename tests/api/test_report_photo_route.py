"""The photo route: the beneficiary's family and staff see a report photo; anyone else gets a 404."""

import io

import pytest
from PIL import Image
from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.models import AccessLogEntry
from care_portal.models.visit_feedback import ReportPhoto
from care_portal.services import accounts, report_photos
from tests.services.report_helpers import photo_with_gps, reported
from tests.services.visit_helpers import build_world

PASSWORD = "una frase segura"


@pytest.fixture
def photo_id(db) -> int:
    world = build_world(db)
    task_id = reported(db, world)
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(2000, 1500)])
    db.commit()
    return db.exec(select(ReportPhoto.id)).one()


def _client_for(db, email: str) -> TestClient:
    client = TestClient(build_api())
    client.cookies.set("cp_session", accounts.log_in(db, email=email, password=PASSWORD).token)
    db.commit()
    return client


@pytest.mark.parametrize("email", ["maria@example.es", "gestor@example.es", "admin@example.es"])
def test_family_and_staff_see_the_photo_privately(db, photo_id, email):
    response = _client_for(db, email).get(f"/api/fotos/{photo_id}.jpg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["cache-control"] == "private, no-store"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1600, 1200)
    assert dict(image.getexif()) == {}
    db.expire_all()
    assert db.exec(select(AccessLogEntry).where(AccessLogEntry.subject == "photo")).first() is not None


@pytest.mark.parametrize("email", ["otro@example.es", "otro.gestor@example.es"])
def test_another_client_or_manager_gets_not_found(db, photo_id, email):
    response = _client_for(db, email).get(f"/api/fotos/{photo_id}.jpg")
    assert response.status_code == 404
    assert response.content == b"No encontrado / Not found"


def test_anonymous_and_missing_photos_get_not_found(db, photo_id):
    assert TestClient(build_api()).get(f"/api/fotos/{photo_id}.jpg").status_code == 404
    owner = _client_for(db, "maria@example.es")
    assert owner.get(f"/api/fotos/{photo_id + 1}.jpg").status_code == 404
    assert owner.get("/api/fotos/abc.jpg").status_code == 404
