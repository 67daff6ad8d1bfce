"""Invoice PDFs and the accountant's CSV are served only to those entitled, by URL too."""

from __future__ import annotations

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.models import AuditEvent, Role
from care_portal.services import accounts
from tests.services.invoice_helpers import PASSWORD, issue, make_user


def _client_for(db, email: str) -> TestClient:
    result = accounts.log_in(db, email=email, password=PASSWORD)
    db.commit()
    client = TestClient(build_api())
    client.cookies.set("cp_session", result.token)
    return client


@pytest.fixture
def setting(db):
    owner = make_user(db, "carmen@example.es")
    make_user(db, "otro@example.es")
    make_user(db, "admin@example.es", Role.ADMIN)
    return owner, issue(db, owner.id)


def test_the_owner_downloads_the_stored_pdf_and_the_view_is_logged(db, setting):
    owner, invoice = setting
    response = _client_for(db, "carmen@example.es").get(f"/api/facturas/{invoice.id}.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert f'filename="factura-{invoice.number}.pdf"' in response.headers["content-disposition"]
    assert response.content.startswith(b"%PDF-")
    again = _client_for(db, "carmen@example.es").get(f"/api/facturas/{invoice.id}.pdf")
    assert again.content == response.content
    views = db.exec(select(AuditEvent).where(AuditEvent.action == "invoice.view_pdf")).all()
    assert [(v.actor_id, v.target_id) for v in views] == [(owner.id, str(invoice.id))] * 2


def test_another_client_and_anonymous_get_404(db, setting):
    _, invoice = setting
    assert _client_for(db, "otro@example.es").get(f"/api/facturas/{invoice.id}.pdf").status_code == 404
    assert TestClient(build_api()).get(f"/api/facturas/{invoice.id}.pdf").status_code == 404
    assert _client_for(db, "carmen@example.es").get("/api/facturas/99999.pdf").status_code == 404


def test_an_admin_downloads_any_invoice(db, setting):
    _, invoice = setting
    assert _client_for(db, "admin@example.es").get(f"/api/facturas/{invoice.id}.pdf").status_code == 200


def test_the_csv_is_for_admins_only(db, setting):
    _, invoice = setting
    response = _client_for(db, "admin@example.es").get("/api/admin/facturas.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = [line.split(";") for line in text.strip().splitlines()]
    assert rows[0][:3] == ["numero", "fecha", "tipo"]
    assert [row[0] for row in rows[1:]] == [invoice.number] * 3
    assert [row[6:] for row in rows[1:]] == [
        ["21", "37,60", "7,90", "45,50"],
        ["10", "54,52", "5,45", "59,97"],
        ["exenta", "20,00", "0,00", "20,00"],
    ]
    assert _client_for(db, "carmen@example.es").get("/api/admin/facturas.csv").status_code == 404
    assert TestClient(build_api()).get("/api/admin/facturas.csv").status_code == 404
