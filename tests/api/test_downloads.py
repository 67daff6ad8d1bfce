"""Every download route answers alike: private headers, the same 404 whatever the reason, names kept."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.downloads import content_disposition
from care_portal.api.routes import build_api
from care_portal.models import BeneficiaryDocument, Role
from care_portal.services import accounts, beneficiaries
from care_portal.services.care_documents import Attachment
from tests.services.care_helpers import PASSWORD, PDF_BYTES, admin_viewer, form, make_user, manager_covering
from tests.services.invoice_helpers import issue

ROUTES = (
    "/api/documentos/{}",
    "/api/consentimiento/{}.pdf",
    "/api/facturas/{}.pdf",
    "/api/cv/{}",
    "/api/tareas/{}/informe.pdf",
    "/api/fotos/{}.jpg",
)
BAD_IDS = ("99999999999999999999", "2147483648", "0", "-1", "1e3", "abc", "%C2%B2", "\u0661", "01")


def _client(db, email: str | None = None) -> TestClient:
    client = TestClient(build_api(), raise_server_exceptions=False)
    if email:
        client.cookies.set(accounts.SESSION_COOKIE, accounts.log_in(db, email=email, password=PASSWORD).token)
        db.commit()
    return client


@pytest.fixture
def owned(db):
    """Carmen's beneficiary with a document named in Spanish, and her invoice."""
    admin = admin_viewer(db)
    carmen = make_user(db, "carmen@example.es")
    make_user(db, "pablo@example.es")
    manager_covering(db, "gestor@example.es", "28", admin)
    manager_covering(db, "gestora@example.es", "08", admin)
    make_user(db, "sara@example.es", Role.RECRUITER)
    attachment = Attachment("Informe médico – señora Núñez.pdf", PDF_BYTES)
    option = beneficiaries.register_beneficiary(db, actor=carmen, data=form(), attachments=[attachment])
    db.commit()
    document = db.exec(select(BeneficiaryDocument)).one()
    invoice = issue(db, carmen.id)
    return {
        "/api/documentos/{}": document.id,
        "/api/consentimiento/{}.pdf": option.id,
        "/api/facturas/{}.pdf": invoice.id,
    }


def _assert_private(response) -> None:
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_owner_gets_each_file_with_private_headers_and_a_disposition(db, owned):
    carmen = _client(db, "carmen@example.es")
    for route, object_id in owned.items():
        response = carmen.get(route.format(object_id))
        assert response.status_code == 200, route
        _assert_private(response)
        assert response.content.startswith(b"%PDF"), route
        assert response.headers["content-disposition"].startswith(("attachment;", "inline;")), route
    admin = _client(db, "admin@example.es")
    csv = admin.get("/api/admin/facturas.csv")
    assert csv.status_code == 200
    _assert_private(csv)
    assert csv.headers["content-disposition"].startswith('attachment; filename="facturas.csv"')


def test_a_non_ascii_file_name_reaches_the_browser_intact(db, owned):
    response = _client(db, "carmen@example.es").get(f"/api/documentos/{owned['/api/documentos/{}']}")
    header = response.headers["content-disposition"]
    assert header.startswith('inline; filename="Informe medico  senora Nunez.pdf"; ')
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert " " not in encoded
    assert '"' not in encoded
    assert unquote(encoded) == "Informe médico – señora Núñez.pdf"
    header.encode("latin-1")  # an HTTP header must be sendable as bytes


def test_quotes_and_control_characters_cannot_break_the_header():
    header = content_disposition('a"b\\c\r\nX-Evil: 1;.pdf')
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert fallback == "abcX-Evil: 1;.pdf"
    assert "\r" not in header
    assert "\n" not in header
    japanese = content_disposition("日本語")
    assert japanese == "attachment; filename=\"documento\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E"


def test_not_yours_not_found_anonymous_and_malformed_ids_get_the_same_404(db, owned):
    pablo, anonymous, carmen = _client(db, "pablo@example.es"), _client(db), _client(db, "carmen@example.es")
    forged = _client(db)
    forged.cookies.set(accounts.SESSION_COOKIE, "forged")
    answers = []
    for route, object_id in owned.items():
        answers += [pablo.get(route.format(object_id)), anonymous.get(route.format(object_id))]
        answers.append(forged.get(route.format(object_id)))
    for route in ROUTES:
        answers.append(carmen.get(route.format(123456)))
        answers += [carmen.get(route.format(bad)) for bad in BAD_IDS]
    answers += [pablo.get("/api/admin/facturas.csv"), anonymous.get("/api/admin/facturas.csv")]
    assert len(answers) == 3 * len(owned) + len(ROUTES) * (1 + len(BAD_IDS)) + 2
    for response in answers:
        assert response.status_code == 404, response.url
        assert response.text == "No encontrado / Not found", response.url
        _assert_private(response)
        assert "content-disposition" not in response.headers


def test_a_manager_outside_the_area_and_a_recruiter_get_404_too(db, owned):
    for email in ("gestora@example.es", "sara@example.es"):
        client = _client(db, email)
        for route, object_id in owned.items():
            assert client.get(route.format(object_id)).status_code == 404, (email, route)
