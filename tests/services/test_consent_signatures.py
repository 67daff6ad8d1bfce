"""Consent signed at the door: drawn on the phone or typed, kept with the append-only record, on the PDF."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from sqlmodel import col, select

from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.models import BeneficiaryDocument, ConsentRecord
from care_portal.services import care_documents, consent_signatures
from tests.services.visit_helpers import build_world


@pytest.fixture
def world(db):
    return build_world(db)


def _drawn() -> str:
    image = Image.new("RGBA", (600, 220), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(30, 150), (200, 60), (380, 170), (560, 70)], fill=(0, 0, 0, 255), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def _sign(db, world, *, drawn="", typed="", name="Carmen López", actor=None):
    consent_signatures.sign_consent_at_home(
        db,
        actor=actor or world.manager,
        beneficiary_id=world.beneficiary_id,
        signer_name=name,
        signer_role="beneficiary",
        relationship="",
        authority="",
        drawn=drawn,
        typed=typed,
    )
    db.commit()


def _pdf(db, world) -> PdfReader:
    _, pdf = care_documents.consent_pdf(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    return PdfReader(io.BytesIO(pdf))


def test_a_drawn_signature_is_kept_privately_with_the_record_and_printed(db, world):
    _sign(db, world, drawn=_drawn())
    record = db.exec(select(ConsentRecord)).one()
    document = db.get(BeneficiaryDocument, record.document_id)
    assert (record.channel, record.signer_name, document.kind) == ("home_visit", "Carmen López", "signature")
    reader = _pdf(db, world)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Carmen López" in text
    assert "trazada en la pantalla" in text
    assert sum(len(page.images) for page in reader.pages) == 1


def test_the_typed_name_signs_for_those_who_cannot_draw(db, world):
    _sign(db, world, typed="  carmen   LOPEZ ")
    record = db.exec(select(ConsentRecord)).one()
    assert record.document_id is None
    reader = _pdf(db, world)
    text = " ".join("".join(page.extract_text() for page in reader.pages).split())
    assert "escribiendo su nombre completo" in text
    assert "«Carmen López»" in text
    assert sum(len(page.images) for page in reader.pages) == 0


def test_an_unsigned_consent_is_refused_with_every_problem_and_nothing_is_stored(db, world):
    with pytest.raises(ValidationFailed) as refused:
        _sign(db, world, name="")
    assert refused.value.errors == {
        "signature": "reports.signature_required",
        "signer_name": "care.signer_name_required",
    }
    with pytest.raises(ValidationFailed) as refused:
        _sign(db, world, typed="Otra Persona")
    assert refused.value.errors == {"signature_typed": "reports.signature_typed_mismatch"}
    jpeg = io.BytesIO()
    Image.new("RGB", (300, 100)).save(jpeg, format="JPEG")
    with pytest.raises(ValidationFailed) as refused:
        _sign(db, world, drawn="data:image/png;base64," + base64.b64encode(jpeg.getvalue()).decode())
    assert refused.value.errors == {"signature": "reports.signature_bad"}
    with pytest.raises(ValidationFailed):
        _sign(db, world, drawn="data:image/png;base64,@@@not-base64")
    db.rollback()
    assert db.exec(select(ConsentRecord)).all() == []
    assert db.exec(select(BeneficiaryDocument)).all() == []


def test_only_the_beneficiary_manager_records_it_and_signing_again_appends(db, world):
    with pytest.raises(NotFound):
        _sign(db, world, drawn=_drawn(), actor=world.other_manager)
    db.rollback()
    _sign(db, world, typed="Carmen López")
    _sign(db, world, drawn=_drawn())
    rows = db.exec(select(ConsentRecord).order_by(col(ConsentRecord.id))).all()
    assert [r.document_id is None for r in rows] == [True, False]
    assert "trazada en la pantalla" in "".join(p.extract_text() for p in _pdf(db, world).pages)
