import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.models import AuditEvent, BeneficiaryDocument
from care_portal.services import accounts, beneficiaries
from care_portal.services.care_documents import Attachment
from tests.services.care_helpers import PASSWORD, PDF_BYTES, admin_viewer, form, make_user, manager_covering


@pytest.fixture
def setup(db):
    admin = admin_viewer(db)
    owner = make_user(db, "a@example.es")
    make_user(db, "b@example.es")
    manager_covering(db, "gestor1@example.es", "28", admin)
    manager_covering(db, "gestor2@example.es", "08", admin)
    option = beneficiaries.register_beneficiary(
        db, actor=owner, data=form(), attachments=[Attachment("informe médico.pdf", PDF_BYTES)]
    )
    db.commit()
    document = db.exec(select(BeneficiaryDocument)).one()
    return option, document


def _client_for(db, email: str | None) -> TestClient:
    client = TestClient(build_api())
    if email:
        token = accounts.log_in(db, email=email, password=PASSWORD).token
        db.commit()
        client.cookies.set("cp_session", token)
    return client


@pytest.mark.parametrize("email", ["a@example.es", "gestor1@example.es", "admin@example.es"])
def test_entitled_people_open_the_document_and_the_view_is_audited(db, setup, email):
    _, document = setup
    response = _client_for(db, email).get(f"/api/documentos/{document.id}")
    assert response.status_code == 200
    assert response.content == PDF_BYTES
    assert response.headers["content-type"] == "application/pdf"
    assert "no-store" in response.headers["cache-control"]
    assert "informe" in response.headers["content-disposition"]
    db.expire_all()
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "document.viewed")).all()) == 1


@pytest.mark.parametrize("email", [None, "b@example.es", "gestor2@example.es"])
def test_anyone_else_gets_404_for_documents_and_consent(db, setup, email):
    option, document = setup
    client = _client_for(db, email)
    for path in (f"/api/documentos/{document.id}", f"/api/consentimiento/{option.id}.pdf"):
        assert client.get(path).status_code == 404
    assert client.get("/api/documentos/99999").status_code == 404
    assert client.get("/api/documentos/abc").status_code in (404,)


def test_the_owner_downloads_the_filled_consent_pdf(db, setup):
    option, _ = setup
    response = _client_for(db, "a@example.es").get(f"/api/consentimiento/{option.id}.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert "attachment" in response.headers["content-disposition"]
