"""Billing records reach the AEAT stand-in: once, in chain order, at the AEAT's pace, with nothing lost."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import httpx
import pytest
from sqlmodel import col, select

from care_portal.integrations.aeat_client import AeatClient, AeatUnavailable
from care_portal.models import (
    AeatRecordResult,
    AeatRecordState,
    AeatStatus,
    AeatSubmission,
    BillingRecord,
    Role,
)
from care_portal.models.types import utcnow
from care_portal.services import aeat_submission, invoice_documents
from tests.services.invoice_helpers import issue, make_user


@pytest.fixture
def client_user(db):
    invoice_documents.defer_pdfs(db)  # PDFs are not what these tests are about
    return make_user(db, "carmen@example.es")


def _states(db) -> dict[str, str]:
    db.expire_all()
    rows = db.exec(
        select(BillingRecord.number, AeatRecordState.status)
        .join(AeatRecordState, col(AeatRecordState.record_id) == col(BillingRecord.id))
        .order_by(col(BillingRecord.id))
    ).all()
    return dict(rows)


def _wait_until(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_records_are_sent_in_chain_order_with_their_csv_and_every_attempt_logged(
    db, client_user, aeat, aeat_client
):
    numbers = [issue(db, client_user.id).number for _ in range(3)]
    result = aeat_submission.send_pending(aeat_client)
    assert (result.outcome, result.sent, result.wait_seconds) == ("answered", 3, 60)
    assert aeat.sent_numbers() == numbers
    assert aeat.received[0].client.startswith("CUIDADO EN CASA SL")
    assert _states(db) == dict.fromkeys(numbers, AeatStatus.SENT)
    submission = db.exec(select(AeatSubmission)).one()
    assert submission.csv.startswith("A-")
    assert len(submission.request_sha256) == 64
    assert (submission.estado_envio, submission.record_count) == ("Correcto", 3)
    assert {s.csv for s in db.exec(select(AeatRecordState)).all()} == {submission.csv}
    assert [r.estado_registro for r in db.exec(select(AeatRecordResult)).all()] == ["Correcto"] * 3
    assert aeat_submission.count_pending(db) == 0


def test_two_workers_never_send_a_record_twice_and_keep_the_chain_order(
    db, client_user, aeat, aeat_client, monkeypatch
):
    monkeypatch.setattr(aeat_submission, "BATCH_SIZE", 2)
    aeat.wait_seconds = 0
    numbers = [issue(db, client_user.id).number for _ in range(7)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def worker(name: str) -> None:
        try:
            barrier.wait()
            for _ in range(40):
                aeat_submission.send_pending(aeat_client, worker=name)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert aeat.sent_numbers() == numbers
    assert all(len(request.numbers) <= 2 for request in aeat.received)
    assert _states(db) == dict.fromkeys(numbers, AeatStatus.SENT)


def test_flow_control_waits_what_the_aeat_asks_unless_a_full_batch_is_waiting(
    db, client_user, aeat, aeat_client, monkeypatch
):
    start = utcnow()
    first = issue(db, client_user.id).number
    assert aeat_submission.send_pending(aeat_client, now=start).sent == 1
    second = issue(db, client_user.id).number
    held = aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=30))
    assert (held.outcome, held.sent) == ("waiting", 0)
    assert 29 <= held.wait_seconds <= 30
    assert aeat.sent_numbers() == [first]
    assert aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=61)).sent == 1
    assert aeat.sent_numbers() == [first, second]

    monkeypatch.setattr(aeat_submission, "FLOW_CONTROL_BYPASS", 2)
    monkeypatch.setattr(aeat_submission, "BATCH_SIZE", 2)
    more = [issue(db, client_user.id).number for _ in range(2)]
    assert aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=62)).sent == 2
    assert aeat.sent_numbers()[2:] == more


def test_an_outage_loses_nothing_backs_off_and_a_late_duplicate_counts_as_sent(
    db, client_user, aeat, aeat_client
):
    start = utcnow()
    numbers = [issue(db, client_user.id).number for _ in range(2)]
    aeat.failures = ["server_error"]
    down = aeat_submission.send_pending(aeat_client, now=start)
    assert (down.outcome, down.sent, down.wait_seconds) == ("unavailable", 0, 30)
    assert aeat_submission.count_pending(db) == 2
    assert aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=10)).outcome == "waiting"

    aeat.failures = ["slow"]  # answered after the client gave up: the AEAT did register them
    aeat.slow_seconds = 1.5
    aeat_client.timeout = 0.5
    slow = aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=31))
    aeat_client.timeout = 5.0
    assert (slow.outcome, slow.wait_seconds) == ("unavailable", 60)  # second failure in a row: 60 s
    assert aeat_submission.count_pending(db) == 2
    _wait_until(lambda: len(aeat.received) == 1)  # the stand-in finished the request the client gave up on

    again = aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=92))
    assert again.outcome == "answered"
    assert _states(db) == dict.fromkeys(numbers, AeatStatus.SENT)
    duplicates = db.exec(select(AeatRecordResult).where(AeatRecordResult.duplicate_state != "")).all()
    assert [(d.estado_registro, d.error_code) for d in duplicates] == [("Incorrecto", "3000")] * 2
    outcomes = [s.outcome for s in db.exec(select(AeatSubmission).order_by(col(AeatSubmission.id))).all()]
    assert outcomes == ["unavailable", "unavailable", "answered"]


def test_a_submission_refused_as_a_whole_keeps_its_records_pending_and_says_why(
    db, client_user, aeat, aeat_client
):
    from care_portal.models import AeatSenderState

    start = utcnow()
    number = issue(db, client_user.id).number
    aeat.failures = ["header_error"]
    refused = aeat_submission.send_pending(aeat_client, now=start)
    assert (refused.sent, refused.wait_seconds) == (0, 60)
    assert aeat_submission.count_pending(db) == 1
    db.expire_all()
    assert "EstadoEnvio Incorrecto" in db.get(AeatSenderState, 1).last_error
    assert aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=61)).sent == 1
    assert _states(db) == {number: AeatStatus.SENT}
    db.expire_all()
    assert db.get(AeatSenderState, 1).last_error == ""


def test_the_stand_in_refuses_a_client_without_the_company_certificate(aeat, aeat_certs):
    import ssl

    context = ssl.create_default_context(cafile=str(aeat_certs.ca_file))
    with pytest.raises(AeatUnavailable):
        AeatClient(aeat.endpoint, context, timeout=1.0).post(b"<x/>")
    with pytest.raises(httpx.HTTPError):
        httpx.post(aeat.endpoint, content=b"<x/>", verify=context, timeout=1.0)
    assert aeat.received == []


def test_a_body_that_breaks_the_schema_is_never_sent_and_shows_why(
    db, client_user, aeat, aeat_client, monkeypatch
):
    from care_portal.config import get_settings

    start = utcnow()
    good = issue(db, client_user.id).number
    settings = get_settings()
    monkeypatch.setattr(settings, "software_id", "TOO-LONG")  # IdSistemaInformatico: 2 characters at most
    result = aeat_submission.send_pending(aeat_client, now=start)
    assert (result.outcome, result.sent) == ("invalid_body", 0)
    assert aeat.received == []
    state = db.exec(select(AeatRecordState)).one()
    assert state.status == AeatStatus.INVALID
    assert "IdSistemaInformatico" in state.error_description
    log = db.exec(select(AeatSubmission)).one()
    assert (log.outcome, log.request_sha256) == ("invalid_body", "")

    monkeypatch.setattr(settings, "software_id", "CC")  # the fix: the record goes out by itself
    assert aeat_submission.send_pending(aeat_client, now=start + timedelta(seconds=31)).sent == 1
    assert aeat.sent_numbers() == [good]
    assert _states(db) == {good: AeatStatus.SENT}


def test_admin_role_is_needed_for_the_aeat_pages(db, client_user):
    from care_portal.domain.errors import NotAuthenticated, PermissionDenied
    from care_portal.services import aeat_status

    with pytest.raises(PermissionDenied):
        aeat_status.counts(db, actor=client_user)
    with pytest.raises(NotAuthenticated):
        aeat_status.incidents(db, actor=None)
    admin = make_user(db, "admin@example.es", Role.ADMIN)
    assert aeat_status.counts(db, actor=admin).pending == 0
