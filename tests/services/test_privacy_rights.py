"""Rights in self-service on the real database: the export, rectification, requests and their queue."""

import io
import json
import re
import zipfile
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from sqlmodel import select
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.domain.privacy import add_months, request_due
from care_portal.integrations import storage
from care_portal.models import (
    AccessSubject,
    DataExport,
    Invoice,
    OrderWithdrawal,
    RightsRequest,
    User,
    VisitReport,
)
from care_portal.models.care import Beneficiary
from care_portal.models.shop import Order
from care_portal.services import accounts, care_documents, checkout, visits
from care_portal.services.access_log import record_access
from care_portal.services.care_documents import ConsentSigner
from care_portal.services.privacy import export, rights
from tests.services.visit_helpers import build_world

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def world(db):
    world = build_world(db)
    row = db.get(Beneficiary, world.beneficiary_id)
    care_documents.add_consent_given(
        db,
        actor=world.client,
        beneficiary=row,
        signer=ConsentSigner("Carmen López", "beneficiary"),
        channel="upload",
        purposes=("service", "health"),
    )
    row.care_notes = "Usa andador."
    db.add(row)
    db.commit()
    return world


def _built_zip(db, client) -> tuple[int, zipfile.ZipFile]:
    export_id = export.request_export(db, actor=client)
    db.commit()
    seen = []
    export.build_export(export_id, on_progress=seen.append)
    assert seen[-1] == 100
    assert seen == sorted(seen)
    db.expire_all()
    row = db.get(DataExport, export_id)
    assert row.status == "ready"
    return export_id, zipfile.ZipFile(io.BytesIO(_read(row.storage_key)))


def _read(key):
    from care_portal.integrations.storage import read_private

    return read_private(key)


def test_the_export_holds_everything_about_the_client_and_nothing_about_others(db, world):
    visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0], now=NOW)
    db.commit()
    _, archive = _built_zip(db, world.client)
    names = archive.namelist()
    assert {"datos.json", "resumen.pdf"} <= set(names)
    assert archive.read("resumen.pdf").startswith(b"%PDF-")
    invoices = db.exec(select(Invoice).where(Invoice.client_id == world.client.id)).all()
    assert invoices
    assert {f"facturas/factura-{i.number}.pdf" for i in invoices} <= set(names)
    data = json.loads(archive.read("datos.json"))
    assert data["profile"]["email"] == "maria@example.es"
    assert "password_hash" not in data["profile"]
    assert [b["full_name"] for b in data["beneficiaries"]] == ["Carmen López"]
    assert data["beneficiaries"][0]["care_notes"] == "Usa andador."
    assert [c["purposes"] for c in data["consent_records"]] == ["service,health"]
    assert data["billing"][0]["billing_name"] == "María López"
    assert len(data["tasks"]) == len(world.tasks)
    assert {o["client_id"] for o in data["orders"]} == {world.client.id}
    assert [(a["viewer_name"], a["subject"]) for a in data["access_log"]] == [
        ("Gonzalo Gestor", "care_notes")
    ]
    text = archive.read("datos.json").decode()
    assert "Ajeno Pérez" not in text
    assert "otro@example.es" not in text
    access = db.exec(select(RightsRequest).where(RightsRequest.kind == "access")).one()
    assert access.closed_at is not None


def _http(db, email):
    client = TestClient(build_api())
    if email:
        client.cookies.set("cp_session", accounts.log_in(db, email=email, password="una frase segura").token)
        db.commit()
    return client


def test_the_zip_is_downloaded_once_by_its_owner_only(db, world):
    export_id, _ = _built_zip(db, world.client)
    url = f"/api/mis-datos/{export_id}.zip"
    assert _http(db, None).get(url).status_code == 404
    assert _http(db, "otro@example.es").get(url).status_code == 404
    assert _http(db, "admin@example.es").get(url).status_code == 404
    owner = _http(db, "maria@example.es")
    first = owner.get(url)
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/zip"
    assert "no-store" in first.headers["cache-control"]
    assert "datos.json" in zipfile.ZipFile(io.BytesIO(first.content)).namelist()
    assert owner.get(url).status_code == 404
    db.expire_all()
    assert db.get(DataExport, export_id).status == "downloaded"


def test_a_second_export_is_refused_while_one_is_being_built(db, world):
    export.request_export(db, actor=world.client)
    db.commit()
    with pytest.raises(DomainError) as caught:
        export.request_export(db, actor=world.client)
    assert caught.value.key == "privacy.export_running"
    with pytest.raises(NotFound):
        export.take_export(db, actor=world.client, export_id=db.exec(select(DataExport.id)).first())


def test_billing_rectification_applies_to_future_invoices_only(db, world):
    before = [(i.number, i.recipient_name) for i in db.exec(select(Invoice)).all()]
    has_invoices = rights.rectify_billing(
        db,
        actor=world.client,
        data=checkout.BillingData(
            "12345678z", "María López Ruiz", "Calle Nueva 1", "28014", "Madrid", "612345678"
        ),
    )
    db.commit()
    assert has_invoices is True
    assert checkout.get_billing(db, actor=world.client).billing_name == "María López Ruiz"
    assert [(i.number, i.recipient_name) for i in db.exec(select(Invoice)).all()] == before
    request = db.exec(select(RightsRequest)).one()
    assert (request.kind, request.closed_at is not None) == ("rectification", True)
    with pytest.raises(ValidationFailed) as caught:
        rights.rectify_billing(
            db, actor=world.client, data=checkout.BillingData("123", "", "x", "1", "", "abc")
        )
    assert set(caught.value.errors) >= {"nif", "billing_name", "postal_code"}


def test_requests_are_due_in_one_month_and_the_admin_queue_shows_overdue_ones(db, world):
    assert request_due(datetime(2026, 1, 31, tzinfo=UTC)) == datetime(2026, 2, 28, tzinfo=UTC)
    rights.file_request(db, actor=world.client, kind="erasure", details="Cerrar cuenta", now=NOW)
    rights.file_request(db, actor=world.other_client, kind="objection", now=add_months(NOW, 2))
    db.commit()
    queue = rights.admin_queue(db, actor=world.admin, now=add_months(NOW, 2))
    assert (queue.open_count, queue.overdue_count) == (2, 1)
    assert [(r.kind, r.requester, r.overdue) for r in queue.rows] == [
        ("erasure", "María López", True),
        ("objection", "Otro Cliente", False),
    ]
    assert queue.rows[0].due == "01/07/2026"
    with pytest.raises(PermissionDenied):
        rights.admin_queue(db, actor=world.client)
    with pytest.raises(PermissionDenied):
        rights.close_request(db, actor=world.manager, request_id=queue.rows[0].id, outcome="Hecho")
    rights.close_request(db, actor=world.admin, request_id=queue.rows[0].id, outcome="Cuenta cerrada")
    db.commit()
    queue = rights.admin_queue(db, actor=world.admin, now=add_months(NOW, 2))
    assert (queue.open_count, queue.overdue_count) == (1, 0)
    mine = rights.list_own_requests(db, actor=world.client)
    assert [(r.kind, r.outcome) for r in mine] == [("erasure", "Cuenta cerrada")]
    assert rights.list_own_requests(db, actor=world.other_client)[0].kind == "objection"
    with pytest.raises(ValidationFailed):
        rights.file_request(db, actor=world.client, kind="everything")


def test_the_export_holds_report_photos_withdrawals_and_every_invoice_pdf(db, world):
    photo = storage.save_private("photos", b"\xff\xd8\xff foto de la visita", "jpg")
    db.add(
        VisitReport(
            task_id=world.tasks[0], author_id=world.manager.id, work_done="Paseo.", photo_keys=[photo]
        )
    )
    order = db.exec(select(Order).where(Order.client_id == world.client.id)).one()
    db.add(OrderWithdrawal(order_id=order.id, client_id=world.client.id, statement="Ya no lo necesito."))
    invoice = db.exec(select(Invoice).where(Invoice.client_id == world.client.id)).one()
    db.commit()
    if storage.exists_private(invoice.pdf_key):
        storage.delete_private(invoice.pdf_key)  # never rendered (or purged): rendered for the ZIP

    _, archive = _built_zip(db, world.client)
    names = archive.namelist()
    [photo_name] = [n for n in names if n.startswith("fotos/")]
    assert archive.read(photo_name) == b"\xff\xd8\xff foto de la visita"
    assert archive.read(f"facturas/factura-{invoice.number}.pdf").startswith(b"%PDF-")
    assert not [n for n in names if n.endswith(".falta.txt")]
    data = json.loads(archive.read("datos.json"))
    assert [w["statement"] for w in data["withdrawals"]] == ["Ya no lo necesito."]


def _summary_text(archive: zipfile.ZipFile) -> str:
    pages = PdfReader(io.BytesIO(archive.read("resumen.pdf"))).pages
    return " ".join("".join(page.extract_text() for page in pages).split())


def test_the_summary_pdf_is_in_its_owners_language(db, world):
    _, archive = _built_zip(db, world.client)
    spanish = _summary_text(archive)
    assert "Tus datos en Cuidado en Casa" in spanish
    assert "Prestación del servicio, Datos de salud y movilidad" in spanish

    db.get(User, world.client.id).language = "en"
    db.commit()
    _, archive = _built_zip(db, accounts.to_viewer(db.get(User, world.client.id)))
    english = _summary_text(archive)
    assert "Your data at Cuidado en Casa" in english
    assert "Consent history" in english
    assert "Service provision, Health and mobility data" in english
    assert "Tus datos" not in english


RAW_CODES = ("pending_appointment", "scheduled", "given", "signed", "manager", "care_notes")
"""Codes the summary once printed as they are stored (task state, consent, reader's role, subject)."""


def _codes_in(text: str, codes=RAW_CODES) -> list[str]:
    return [code for code in codes if re.search(rf"\b{code}\b", text)]


def test_the_summary_shows_states_consents_and_readers_in_words_not_codes(db, world):
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[0], day="2026-06-10", time_of_day="10:00", now=NOW
    )
    record_access(
        db, viewer=world.manager, beneficiary_id=world.beneficiary_id, subject=AccessSubject.CARE_NOTES
    )
    db.commit()
    _, archive = _built_zip(db, world.client)
    spanish = _summary_text(archive)
    assert "Consentimiento Consentimiento firmado · datos de salud" in spanish
    assert "Firmado Prestación del servicio" in spanish  # the consent record's action
    assert "Visita de compañía Cita acordada" in spanish
    assert "Visita de compañía Pendiente de cita" in spanish
    assert "Gonzalo Gestor Gestor Datos de salud y movilidad" in spanish  # who, role, what
    assert _codes_in(spanish) == []

    db.get(User, world.client.id).language = "en"
    db.commit()
    _, archive = _built_zip(db, accounts.to_viewer(db.get(User, world.client.id)))
    english = _summary_text(archive)
    assert "Consent Consent signed · health data" in english
    assert "Signed Service provision" in english
    assert "Companion visit Appointment agreed" in english
    assert "Companion visit Awaiting appointment" in english
    assert "Gonzalo Gestor Manager Health and mobility data" in english
    # «signed» and «manager» are English words too («Signed by», «care manager»): only the others here.
    assert _codes_in(english, ("pending_appointment", "scheduled", "given", "care_notes")) == []
    assert "Visita de compañía" not in english
