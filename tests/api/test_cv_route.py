"""The CV download route: recruiters and admins get the file (logged); everybody else a 404."""

from __future__ import annotations

from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.models import Application, AuditEvent, Role, User
from care_portal.services import accounts
from care_portal.services import recruiting as rec

PASSWORD = "una clave larga de prueba"
PDF = b"%PDF-1.4\n% CV de Marta\n"
FORM = {
    "full_name": "Marta Ruiz",
    "phone": "612345678",
    "postal_code": "28012",
    "areas": ["madrid"],
    "experience_years": "3",
    "languages": "español",
    "availability": ["lun-manana"],
    "privacy": True,
}


def _token(db, email: str, role: Role) -> str:
    accounts.sign_up(db, full_name="Persona Prueba", email=email, password=PASSWORD, role=role)
    db.commit()
    token = accounts.log_in(db, email=email, password=PASSWORD).token
    db.commit()
    return token


def _submitted_application(db, recruiter_email: str, candidate_email: str) -> int:
    recruiter = accounts.to_viewer(db.exec(select(User).where(User.email == recruiter_email)).one())
    candidate = accounts.to_viewer(db.exec(select(User).where(User.email == candidate_email)).one())
    offer = rec.save_offer(db, actor=recruiter, offer_id=None, values={"title": "Gestor/a en Madrid"})
    rec.set_offer_status(db, actor=recruiter, offer_id=offer.id, status="open")
    rec.start_application(db, actor=candidate, offer_id=offer.id)
    rec.save_form(db, actor=candidate, offer_id=offer.id, form=FORM)
    rec.attach_cv(db, actor=candidate, offer_id=offer.id, data=PDF, filename="Marta CV.pdf")
    rec.save_answers(db, actor=candidate, offer_id=offer.id, answers={})
    rec.submit_application(db, actor=candidate, offer_id=offer.id)
    db.commit()
    return db.exec(select(Application.id)).one()


def test_only_recruiters_and_admins_can_open_a_cv(db):
    tokens = {
        "recruiter": _token(db, "sara@example.es", Role.RECRUITER),
        "admin": _token(db, "ana@example.es", Role.ADMIN),
        "candidate": _token(db, "marta@example.es", Role.CLIENT),
        "other": _token(db, "pablo@example.es", Role.CLIENT),
        "manager": _token(db, "gonzalo@example.es", Role.MANAGER),
    }
    application_id = _submitted_application(db, "sara@example.es", "marta@example.es")
    client = TestClient(build_api())

    for who in ("recruiter", "admin"):
        response = client.get(f"/api/cv/{application_id}", cookies={"cp_session": tokens[who]})
        assert response.status_code == 200
        assert response.content == PDF
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["cache-control"] == "private, no-store"
    views = db.exec(select(AuditEvent).where(AuditEvent.action == "recruiting.cv_view")).all()
    assert len(views) == 2

    for who in ("candidate", "other", "manager"):
        response = client.get(f"/api/cv/{application_id}", cookies={"cp_session": tokens[who]})
        assert response.status_code == 404
        assert PDF not in response.content
    assert client.get(f"/api/cv/{application_id}").status_code == 404
    assert client.get(f"/api/cv/{application_id}", cookies={"cp_session": "forged"}).status_code == 404
    assert client.get("/api/cv/999999", cookies={"cp_session": tokens["recruiter"]}).status_code == 404
    assert client.get("/api/cv/..%2F..%2Fetc", cookies={"cp_session": tokens["recruiter"]}).status_code == 404
    db.expire_all()
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "recruiting.cv_view")).all()) == 2
