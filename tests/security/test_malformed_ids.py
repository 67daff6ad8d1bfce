"""Any malformed id on a download route is the same 404 as "not yours", never a 500."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.models import Role
from care_portal.services import accounts

PASSWORD = "una clave larga de prueba"
ROUTES = [
    "/api/facturas/{id}.pdf",
    "/api/documentos/{id}",
    "/api/consentimiento/{id}.pdf",
    "/api/cv/{id}",
    "/api/tareas/{id}/informe.pdf",
    "/api/fotos/{id}.jpg",
]
IDS = ["99999999999999999999", "9223372036854775808", "-1", "0", "abc", "1e3", "%20", "١٢"]


@pytest.fixture
def admin_client(db) -> TestClient:
    accounts.sign_up(db, full_name="Ana Admin", email="admin@example.es", password=PASSWORD, role=Role.ADMIN)
    db.commit()
    token = accounts.log_in(db, email="admin@example.es", password=PASSWORD).token
    db.commit()
    client = TestClient(build_api(), raise_server_exceptions=False)
    client.cookies.set("cp_session", token)
    return client


@pytest.mark.parametrize("route", ROUTES)
def test_malformed_ids_answer_404_even_to_an_admin(admin_client, route):
    for raw in IDS:
        response = admin_client.get(route.format(id=raw))
        assert response.status_code == 404, (route, raw, response.status_code)
