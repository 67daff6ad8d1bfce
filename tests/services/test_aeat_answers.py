"""Every AEAT answer lands where an admin sees it; a record paid at checkout reaches the AEAT by itself."""

from __future__ import annotations

import asyncio
import time

import pytest
from lxml import etree
from sqlmodel import col, select

from care_portal.domain.errors import PermissionDenied, ValidationFailed
from care_portal.integrations import aeat_xml
from care_portal.models import AeatRecordState, AeatStatus, AeatSubmission, BillingRecord, Role
from care_portal.services import aeat_status, aeat_submission, billing_records, invoice_documents
from care_portal.workers.aeat_sender import run_aeat_sender
from tests.services.invoice_helpers import issue, make_user


@pytest.fixture
def people(db):
    invoice_documents.defer_pdfs(db)
    return make_user(db, "carmen@example.es"), make_user(db, "admin@example.es", Role.ADMIN)


def test_rejected_and_flawed_records_show_to_admins_and_a_corrected_record_fixes_them(
    db, people, aeat, aeat_client
):
    client, admin = people
    ok, flawed, rejected = (issue(db, client.id).number for _ in range(3))
    aeat.verdicts = {flawed: "AceptadoConErrores", rejected: "Incorrecto"}
    assert aeat_submission.send_pending(aeat_client).sent == 3
    db.expire_all()
    counts = aeat_status.counts(db, actor=admin)
    assert (counts.sent, counts.with_errors, counts.rejected, counts.pending) == (1, 1, 1, 0)
    assert counts.incidents == 2
    assert db.exec(select(AeatSubmission)).one().estado_envio == "ParcialmenteCorrecto"
    incidents = {row.number: row for row in aeat_status.incidents(db, actor=admin)}
    assert set(incidents) == {flawed, rejected}
    assert incidents[rejected].status == AeatStatus.REJECTED
    assert incidents[rejected].error_code == "1100"
    assert "NombreRazon" in incidents[rejected].error_description
    assert incidents[flawed].status == AeatStatus.ACCEPTED_WITH_ERRORS
    assert all(row.correctable for row in incidents.values())

    with pytest.raises(PermissionDenied):
        billing_records.correct_record(db, record_id=incidents[rejected].record_id, actor=client)
    ok_record = db.exec(select(BillingRecord).where(BillingRecord.number == ok)).one()
    with pytest.raises(ValidationFailed):
        billing_records.correct_record(db, record_id=ok_record.id, actor=admin)
    db.rollback()
    for row in incidents.values():
        billing_records.correct_record(db, record_id=row.record_id, actor=admin)
    db.commit()
    assert billing_records.verify_chain(db).ok
    assert aeat_status.counts(db, actor=admin).incidents == 0

    aeat_submission.send_pending(aeat_client, now=_later(61))
    corrections = aeat.received[-1]
    assert corrections.numbers == [flawed, rejected]
    body = etree.fromstring(corrections.body)
    flags = [
        (r.findtext(f"{{{aeat_xml.SUM1}}}Subsanacion"), r.findtext(f"{{{aeat_xml.SUM1}}}RechazoPrevio"))
        for r in body.iter(f"{{{aeat_xml.SUM1}}}RegistroAlta")
    ]
    assert flags == [("S", "N"), ("S", "S")]
    db.expire_all()
    counts = aeat_status.counts(db, actor=admin)
    assert (counts.sent, counts.with_errors, counts.rejected, counts.pending, counts.incidents) == (
        3,
        0,
        0,
        0,
        0,
    )


def test_a_cancellation_record_is_sent_as_an_anulacion_after_its_alta(db, people, aeat, aeat_client):
    client, admin = people
    issued = issue(db, client.id)
    billing_records.cancel_invoice_record(db, invoice_id=issued.id, actor=admin)
    db.commit()
    aeat_submission.send_pending(aeat_client)
    assert aeat.received[0].operations == ["Alta", "Anulacion"]
    assert aeat.received[0].numbers == [issued.number, issued.number]
    db.expire_all()
    assert {s.status for s in db.exec(select(AeatRecordState)).all()} == {AeatStatus.SENT}


def test_a_record_pending_past_the_legal_time_is_an_incident(db, people, monkeypatch):
    client, admin = people
    issue(db, client.id)
    assert aeat_status.counts(db, actor=admin).incidents == 0
    assert aeat_status.counts(db, actor=admin, now=_later(5 * 3600)).incidents == 1
    assert aeat_status.incidents(db, actor=admin, now=_later(5 * 3600))[0].status == AeatStatus.PENDING


def test_a_paid_checkout_reaches_the_aeat_by_itself(db, people, aeat, aeat_settings):
    from care_portal.cli.seed import seed_demo_care, seed_demo_users
    from care_portal.cli.seed_catalog import seed_catalogue
    from care_portal.cli.seed_invoices import seed_demo_order

    _, admin = people
    seed_demo_users()
    seed_catalogue(db)
    db.commit()
    seed_demo_care()
    number = seed_demo_order()
    assert number

    async def run_until_sent() -> None:
        sender = asyncio.create_task(run_aeat_sender())
        deadline = time.monotonic() + 20
        try:
            while time.monotonic() < deadline:
                await asyncio.sleep(0.1)
                if aeat.received:
                    await asyncio.sleep(0.3)
                    return
        finally:
            sender.cancel()

    asyncio.run(run_until_sent())
    assert aeat.sent_numbers() == [number]
    db.expire_all()
    state = db.exec(select(AeatRecordState).order_by(col(AeatRecordState.record_id))).one()
    assert state.status == AeatStatus.SENT
    assert state.csv.startswith("A-")
    counts = aeat_status.counts(db, actor=admin)
    assert (counts.sent, counts.pending, counts.incidents) == (1, 0, 0)


def _later(seconds: int):
    from datetime import timedelta

    from care_portal.models.types import utcnow

    return utcnow() + timedelta(seconds=seconds)
