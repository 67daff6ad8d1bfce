"""The daily retention run, driven by a clock: what it deletes, what it keeps, and its log."""

import os
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from care_portal.integrations import storage
from care_portal.models import (
    Application,
    ApplicationAnswer,
    AuditEvent,
    AuthSession,
    JobOffer,
    PasswordResetToken,
    Role,
    SurveyQuestion,
)
from care_portal.services.privacy.retention import run_retention
from tests.services.care_helpers import make_user

NOW = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)


def _aged(key: str, hours: float) -> str:
    path = storage.private_root() / key
    stamp = (NOW - timedelta(hours=hours)).timestamp()
    os.utime(path, (stamp, stamp))
    return key


def _application(db, offer, question, email, *, rejected_at, pool=False):
    candidate = make_user(db, email)
    row = Application(
        offer_id=offer.id,
        candidate_id=candidate.id,
        stage="rejected",
        full_name="Candidata",
        experience="Diez años cuidando mayores.",
        stay_in_pool=pool,
        cv_key=_aged(storage.save_private("cvs", b"%PDF cv", "pdf"), 24 * 400),
        cv_name="cv.pdf",
        updated_at=rejected_at,
    )
    db.add(row)
    db.flush()
    db.add(
        ApplicationAnswer(
            application_id=row.id,
            question_id=question.id,
            question_kind="text",
            question_prompt="¿Por qué?",
            answer_values=["Me gusta"],
        )
    )
    db.commit()
    return row


def test_one_run_deletes_what_is_past_its_period_and_keeps_the_rest(db):
    client = make_user(db, "a@example.es", Role.CLIENT)
    db.add(AuthSession(user_id=client.id, token_hash="a" * 64, expires_at=NOW - timedelta(minutes=1)))
    db.add(AuthSession(user_id=client.id, token_hash="b" * 64, expires_at=NOW + timedelta(hours=1)))
    db.add(PasswordResetToken(user_id=client.id, token_hash="c" * 64, expires_at=NOW - timedelta(minutes=1)))
    offer = JobOffer(
        title="Auxiliar",
        area="Madrid",
        schedule="Mañanas",
        contract_type="Indefinido",
        description="x",
        requirements="y",
        status="published",
    )
    db.add(offer)
    db.flush()
    question = SurveyQuestion(offer_id=offer.id, kind="text", prompt="¿Por qué?")
    db.add(question)
    db.commit()
    old = _application(db, offer, question, "old@example.es", rejected_at=NOW - timedelta(days=400))
    pooled = _application(
        db, offer, question, "pool@example.es", rejected_at=NOW - timedelta(days=400), pool=True
    )
    recent = _application(db, offer, question, "new@example.es", rejected_at=NOW - timedelta(days=30))
    old_cv = old.cv_key

    stale_upload = _aged(storage.save_private("staging", b"never saved", "pdf"), 25)
    fresh_upload = _aged(storage.save_private("staging", b"being filled in", "pdf"), 2)
    orphan = _aged(storage.save_private("documents", b"replaced", "pdf"), 48)
    young_orphan = _aged(storage.save_private("documents", b"saving now", "pdf"), 1)
    # PDFs and photos no row points at (a rolled-back invoice, a photo or attachment never saved).
    orphan_pdf = _aged(storage.save_private("invoices", b"%PDF invoice", "pdf"), 24 * 365)
    orphan_photo = _aged(storage.save_private("photos", b"\xff\xd8 photo", "jpg"), 30)
    orphan_attachment = _aged(storage.save_private("messages", b"%PDF adjunto", "pdf"), 30)

    counts = run_retention(db, now=NOW)
    db.commit()
    db.expire_all()

    assert counts["rejected_candidates"] == 1
    assert counts["sessions"] == 1
    assert counts["reset_tokens"] == 1
    assert counts["staged_uploads"] == 1
    # The erased candidate's CV, the replaced document, the PDF, the photo and the attachment.
    assert counts["orphan_files"] == 5
    assert (db.get(Application, old.id).cv_key, db.get(Application, old.id).experience) == ("", "")
    assert [a.application_id for a in db.exec(select(ApplicationAnswer)).all()] == [pooled.id, recent.id]
    assert db.get(Application, pooled.id).cv_key
    assert db.get(Application, recent.id).cv_key
    root = storage.private_root()
    gone = [old_cv, stale_upload, orphan, orphan_pdf, orphan_photo, orphan_attachment]
    kept = [fresh_upload, young_orphan, pooled.cv_key, recent.cv_key]
    assert [(root / k).exists() for k in gone] == [False] * len(gone)
    assert [(root / k).exists() for k in kept] == [True] * len(kept)
    assert [s.token_hash[0] for s in db.exec(select(AuthSession)).all()] == ["b"]
    log = db.exec(select(AuditEvent).where(AuditEvent.action == "retention.run")).one()
    assert log.details == counts


def test_a_second_run_the_same_day_finds_nothing_to_do(db):
    run_retention(db, now=NOW)
    counts = run_retention(db, now=NOW)
    db.commit()
    assert set(counts.values()) == {0}
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "retention.run")).all()) == 2
