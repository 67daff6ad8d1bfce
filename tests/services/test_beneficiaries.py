from datetime import timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.integrations import storage
from care_portal.models import (
    AuditEvent,
    Beneficiary,
    BeneficiaryDocument,
    ConsentRecord,
    HouseholdMember,
    OutboxMessage,
)
from care_portal.services import beneficiaries, care_documents, manager_areas
from care_portal.services.care_documents import Attachment, ConsentSigner
from tests.services.care_helpers import (
    EXE_BYTES,
    PDF_BYTES,
    admin_viewer,
    form,
    household_of_two,
    make_user,
    manager_covering,
    png_image,
)

SIGNER = ConsentSigner("Rosa Martín Gil", "beneficiary")


@pytest.fixture
def people(db):
    admin = admin_viewer(db)
    return {
        "admin": admin,
        "a": make_user(db, "a@example.es", name="Carmen A"),
        "b": make_user(db, "b@example.es", name="Berta B"),
        "manager": manager_covering(db, "gestor1@example.es", "28", admin),
        "other_manager": manager_covering(db, "gestor2@example.es", "08", admin),
    }


def _register(db, actor, data=None, **kwargs):
    option = beneficiaries.register_beneficiary(db, actor=actor, data=data or form(), **kwargs)
    db.commit()
    return option


def test_a_client_lists_only_own_active_beneficiaries_by_name(db, people):
    zoe = _register(db, people["a"], form(full_name="Zoe Ruiz"))
    _register(db, people["a"], form(full_name="Ana Ruiz"))
    _register(db, people["b"], form(full_name="Berta Madre"))
    beneficiaries.archive_beneficiary(db, actor=people["a"], beneficiary_id=zoe.id)
    db.commit()
    listed = beneficiaries.list_active_beneficiaries(db, actor=people["a"])
    assert [b.full_name for b in listed] == ["Ana Ruiz"]
    assert listed[0].consent_state == "pending"
    assert listed[0].town == "Madrid"
    assert listed[0].manager_id == people["manager"].id


def test_get_own_active_beneficiary_refuses_other_archived_and_missing(db, people):
    own = _register(db, people["a"])
    other = _register(db, people["b"])
    assert beneficiaries.get_own_active_beneficiary(db, actor=people["a"], beneficiary_id=own.id) == own
    for beneficiary_id in (other.id, 9999):
        with pytest.raises(NotFound):
            beneficiaries.get_own_active_beneficiary(db, actor=people["a"], beneficiary_id=beneficiary_id)
    beneficiaries.archive_beneficiary(db, actor=people["a"], beneficiary_id=own.id)
    db.commit()
    with pytest.raises(NotFound):
        beneficiaries.get_own_active_beneficiary(db, actor=people["a"], beneficiary_id=own.id)


def test_managers_and_anonymous_cannot_list_client_beneficiaries(db, people):
    with pytest.raises(PermissionDenied):
        beneficiaries.list_active_beneficiaries(db, actor=people["manager"])
    with pytest.raises(DomainError):
        beneficiaries.list_active_beneficiaries(db, actor=None)


def test_registration_reports_every_bad_field_and_stores_nothing(db, people):
    bad = form(
        full_name=" ",
        nif="12345678A",
        postal_code="99999",
        phone="123",
        household_size=2,
        town="",
        birth_date="2990-01-01",
    )
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(db, actor=people["a"], data=bad)
    assert caught.value.errors == {
        "full_name": "care.name_required",
        "nif": "care.nif_invalid",
        "postal_code": "care.postal_code_invalid",
        "phone": "field.phone_invalid",
        "town": "care.town_required",
        "birth_date": "care.birth_date_invalid",
        "member_1_name": "care.member_name_required",
    }
    db.rollback()
    assert db.exec(select(Beneficiary)).all() == []


@pytest.mark.parametrize("size", [0, -1, 9, 500, "dos"])
def test_household_size_below_one_or_absurd_is_refused(db, people, size):
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(db, actor=people["a"], data=form(household_size=size))
    assert caught.value.errors == {"household_size": "care.household_invalid"}


def test_a_household_of_two_is_stored_with_normalised_data(db, people):
    option = _register(db, people["a"], household_of_two())
    row = db.get(Beneficiary, option.id)
    assert row.household_size == 2
    assert row.phone == "+34612345678"
    members = db.exec(select(HouseholdMember).where(HouseholdMember.beneficiary_id == row.id)).all()
    assert [(m.full_name, m.relationship) for m in members] == [("Luis Pérez Sanz", "padre")]
    nif_option = _register(db, people["a"], form(nif="x-2482300-w"))
    assert db.get(Beneficiary, nif_option.id).nif == "X2482300W"


def test_association_picks_the_covering_manager_with_fewest_beneficiaries(db, people):
    second = manager_covering(db, "gestor3@example.es", "28013, 45", people["admin"])
    first = _register(db, people["a"])
    assert first.manager_id == people["manager"].id  # tie: the lower id
    assert _register(db, people["a"]).manager_id == second.id
    assert _register(db, people["b"]).manager_id == people["manager"].id
    assert _register(db, people["b"], form(postal_code="45005", town="Toledo")).manager_id == second.id
    assert _register(db, people["b"], form(postal_code="08001", town="Barcelona")).manager_id == (
        people["other_manager"].id
    )
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.to_address == "gestor3@example.es")).all()
    assert len(mail) == 2
    assert "Rosa Martín Gil" in mail[0].subject


def test_without_a_covering_manager_the_beneficiary_waits_in_the_admin_queue(db, people):
    option = _register(db, people["a"], form(postal_code="41001", town="Sevilla", province="Sevilla"))
    assert option.manager_id is None
    queue = manager_areas.list_assignments(db, actor=people["admin"])
    assert [row.id for row in queue] == [option.id]
    with pytest.raises(PermissionDenied):
        manager_areas.list_assignments(db, actor=people["manager"])


def test_reassignment_emails_old_and_new_manager_and_client(db, people):
    option = _register(db, people["a"])
    db.exec(select(OutboxMessage)).all()
    for message in db.exec(select(OutboxMessage)).all():
        db.delete(message)
    db.commit()
    manager_areas.reassign_beneficiary(
        db, actor=people["admin"], beneficiary_id=option.id, manager_id=people["other_manager"].id
    )
    db.commit()
    recipients = sorted(m.to_address for m in db.exec(select(OutboxMessage)).all())
    assert recipients == ["a@example.es", "gestor1@example.es", "gestor2@example.es"]
    assert db.get(Beneficiary, option.id).manager_id == people["other_manager"].id
    with pytest.raises(PermissionDenied):
        manager_areas.reassign_beneficiary(
            db, actor=people["a"], beneficiary_id=option.id, manager_id=people["manager"].id
        )
    with pytest.raises(NotFound):
        manager_areas.reassign_beneficiary(
            db, actor=people["admin"], beneficiary_id=option.id, manager_id=people["b"].id
        )


def test_bad_area_codes_are_refused(db, people):
    with pytest.raises(ValidationFailed) as caught:
        manager_areas.set_manager_areas(
            db, actor=people["admin"], manager_id=people["manager"].id, areas="28, 9"
        )
    assert caught.value.errors == {"areas": "care.area_invalid"}
    codes = manager_areas.set_manager_areas(
        db, actor=people["admin"], manager_id=people["manager"].id, areas="28013 28 28"
    )
    assert codes == ["28", "28013"]


def test_signed_consent_at_registration_is_recorded_with_version_and_hash(db, people):
    option = _register(
        db,
        people["a"],
        household_of_two(),
        attachments=[Attachment("informe médico.pdf", PDF_BYTES)],
        signed_consent=Attachment("consentimiento.pdf", PDF_BYTES),
        signer=ConsentSigner("Carmen A", "representative", "hija", "de_facto_guardian"),
    )
    assert option.consent_state == "signed"
    record = db.exec(select(ConsentRecord)).one()
    assert (record.action, record.signer_role, record.relationship, record.channel) == (
        "given",
        "representative",
        "hija",
        "upload",
    )
    assert record.text_version == care_documents.CONSENT_VERSION
    assert record.text_sha256 == care_documents.consent_text_sha256()
    assert len(record.text_sha256) == 64
    kinds = sorted(d.kind for d in db.exec(select(BeneficiaryDocument)).all())
    assert kinds == ["document", "signed_consent"]


def test_a_representative_must_say_their_relationship(db, people):
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(
            db,
            actor=people["a"],
            data=form(),
            signed_consent=Attachment("c.pdf", PDF_BYTES),
            signer=ConsentSigner("Carmen A", "representative"),
        )
    assert caught.value.errors == {
        "signer_relationship": "care.signer_relationship_required",
        "authority": "care.authority_required",
    }


@pytest.mark.parametrize(
    ("attachment", "key"),
    [
        (Attachment("consentimiento.pdf", EXE_BYTES), "care.file_type"),
        (Attachment("foto.png", b"GIF89a" + b"\x00" * 20), "care.file_type"),
        (Attachment("../../etc/passwd.pdf", PDF_BYTES), "care.file_name_invalid"),
        (Attachment("C:\\docs\\a.pdf", PDF_BYTES), "care.file_name_invalid"),
        (Attachment("vacío.pdf", b""), "care.file_empty"),
        (
            Attachment("grande.pdf", b"%PDF-" + b"0" * (care_documents.MAX_DOCUMENT_BYTES)),
            "care.file_too_large",
        ),
    ],
)
def test_bad_files_are_refused_at_the_field_and_nothing_is_stored(db, people, attachment, key):
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(db, actor=people["a"], data=form(), attachments=[attachment])
    assert caught.value.errors == {"documents": key}
    db.rollback()
    assert db.exec(select(Beneficiary)).all() == []
    assert db.exec(select(BeneficiaryDocument)).all() == []


def test_withdrawal_is_one_step_and_appends_a_record(db, people):
    option = _register(db, people["a"], signed_consent=Attachment("c.pdf", PDF_BYTES), signer=SIGNER)
    with pytest.raises(NotFound):
        care_documents.withdraw_consent(db, actor=people["b"], beneficiary_id=option.id)
    care_documents.withdraw_consent(db, actor=people["a"], beneficiary_id=option.id)
    db.commit()
    assert db.get(Beneficiary, option.id).consent_state == "withdrawn"
    assert [r.action for r in db.exec(select(ConsentRecord).order_by(ConsentRecord.id)).all()] == [
        "given",
        "withdrawn",
    ]
    with pytest.raises(DomainError) as caught:
        care_documents.withdraw_consent(db, actor=people["a"], beneficiary_id=option.id)
    assert caught.value.key == "care.consent_not_signed"


def test_consent_at_home_only_by_the_beneficiary_manager_or_admin(db, people):
    option = _register(db, people["a"])
    for intruder in (people["other_manager"], people["b"]):
        with pytest.raises((NotFound, PermissionDenied)):
            care_documents.record_consent_at_home(
                db,
                actor=intruder,
                beneficiary_id=option.id,
                signer_name="Rosa",
                signer_role="beneficiary",
                relationship="",
                signature_png=None,
            )
    care_documents.record_consent_at_home(
        db,
        actor=people["manager"],
        beneficiary_id=option.id,
        signer_name="Rosa Martín Gil",
        signer_role="beneficiary",
        relationship="",
        signature_png=png_image(),
    )
    db.commit()
    record = db.exec(select(ConsentRecord)).one()
    assert (record.channel, record.recorded_by_id) == ("home_visit", people["manager"].id)
    assert db.get(BeneficiaryDocument, record.document_id).kind == "signature"
    assert db.get(Beneficiary, option.id).consent_state == "signed"


def test_a_signature_that_is_not_a_png_is_refused(db, people):
    option = _register(db, people["a"])
    with pytest.raises(ValidationFailed) as caught:
        care_documents.record_consent_at_home(
            db,
            actor=people["admin"],
            beneficiary_id=option.id,
            signer_name="Rosa Martín Gil",
            signer_role="beneficiary",
            relationship="",
            signature_png=PDF_BYTES,
        )
    assert caught.value.errors == {"signature": "care.file_type"}


def test_documents_open_for_owner_manager_admin_only_and_every_view_is_audited(db, people):
    option = _register(db, people["a"], attachments=[Attachment("informe.pdf", PDF_BYTES)])
    document = db.exec(select(BeneficiaryDocument)).one()
    for viewer in (people["a"], people["manager"], people["admin"]):
        opened = care_documents.open_document(db, actor=viewer, document_id=document.id)
        assert (opened.name, opened.content_type, opened.data) == (
            "informe.pdf",
            "application/pdf",
            PDF_BYTES,
        )
    db.commit()
    for intruder in (people["b"], people["other_manager"]):
        with pytest.raises(NotFound):
            care_documents.open_document(db, actor=intruder, document_id=document.id)
    views = db.exec(select(AuditEvent).where(AuditEvent.action == "document.viewed")).all()
    assert sorted(v.actor_id for v in views) == sorted(
        [people["a"].id, people["manager"].id, people["admin"].id]
    )
    assert document.storage_key.startswith("documents/")
    assert "informe" not in document.storage_key
    assert option.id == document.beneficiary_id


def test_another_client_cannot_see_edit_attach_archive_or_download_consent(db, people):
    option = _register(db, people["a"])
    b = people["b"]
    with pytest.raises(NotFound):
        beneficiaries.get_project(db, actor=b, beneficiary_id=option.id)
    with pytest.raises(NotFound):
        beneficiaries.update_beneficiary(
            db, actor=b, beneficiary_id=option.id, data=form(full_name="Hackeado")
        )
    with pytest.raises(NotFound):
        care_documents.attach_document(
            db, actor=b, beneficiary_id=option.id, attachment=Attachment("x.pdf", PDF_BYTES)
        )
    with pytest.raises(NotFound):
        beneficiaries.archive_beneficiary(db, actor=b, beneficiary_id=option.id)
    with pytest.raises(NotFound):
        care_documents.consent_pdf(db, actor=b, beneficiary_id=option.id)
    with pytest.raises(NotFound):
        beneficiaries.get_project(db, actor=people["other_manager"], beneficiary_id=option.id)
    assert beneficiaries.list_projects(db, actor=b) == []
    assert db.get(Beneficiary, option.id).full_name == "Rosa Martín Gil"


def test_projects_show_household_consent_and_manager_contact(db, people):
    option = _register(db, people["a"], household_of_two())
    [project] = beneficiaries.list_projects(db, actor=people["a"])
    assert project.household_size == 2
    assert project.consent_state == "pending"
    assert project.manager_email == "gestor1@example.es"
    assert "28013 Madrid" in project.address
    detail = beneficiaries.get_project(db, actor=people["manager"], beneficiary_id=option.id)
    assert detail.members[0].full_name == "Luis Pérez Sanz"
    assert detail.can_edit is False
    assert beneficiaries.get_project(db, actor=people["a"], beneficiary_id=option.id).can_edit is True


def test_editing_changes_data_and_archived_projects_cannot_be_edited(db, people):
    option = _register(db, people["a"])
    beneficiaries.update_beneficiary(
        db, actor=people["a"], beneficiary_id=option.id, data=form(phone="+34 699 000 111", town="Alcalá")
    )
    db.commit()
    assert db.get(Beneficiary, option.id).town == "Alcalá"
    beneficiaries.archive_beneficiary(db, actor=people["a"], beneficiary_id=option.id)
    db.commit()
    with pytest.raises(NotFound):
        beneficiaries.update_beneficiary(db, actor=people["a"], beneficiary_id=option.id, data=form())
    [project] = beneficiaries.list_projects(db, actor=people["a"])
    assert project.archived is True


def test_consent_pdf_is_filled_with_the_beneficiary_data(db, people):
    import io

    from pypdf import PdfReader

    option = _register(db, people["a"], form(nif="12345678Z"))
    name, pdf = care_documents.consent_pdf(db, actor=people["a"], beneficiary_id=option.id)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert name.endswith(".pdf")
    assert "Rosa Martín Gil" in text
    assert "12345678Z" in text
    assert care_documents.CONSENT_VERSION in text


def test_registration_time_is_aware(db, people):
    option = _register(db, people["a"])
    row = db.get(Beneficiary, option.id)
    assert row.created_at.utcoffset() == timedelta(0)
    assert row.client_id == people["a"].id


def test_a_representatives_supporting_document_is_kept_privately_with_the_consent(db, people):
    option = _register(
        db,
        people["a"],
        signed_consent=Attachment("consentimiento.pdf", PDF_BYTES),
        signer=ConsentSigner("Carmen A", "representative", "hija", "power_of_attorney"),
        authority_document=Attachment("poder notarial.pdf", PDF_BYTES),
    )
    proof = db.exec(select(BeneficiaryDocument).where(BeneficiaryDocument.kind == "representation")).one()
    assert (proof.beneficiary_id, proof.display_name) == (option.id, "poder notarial.pdf")
    assert storage.read_private(proof.storage_key) == PDF_BYTES
    assert (storage.private_root() / proof.storage_key).read_bytes() != PDF_BYTES  # encrypted at rest
    detail = beneficiaries.get_project(db, actor=people["a"], beneficiary_id=option.id)
    assert "representation" in [d.kind for d in detail.documents]
    with pytest.raises(NotFound):
        beneficiaries.get_project(db, actor=people["b"], beneficiary_id=option.id)


@pytest.mark.parametrize(
    ("signer", "attachment", "errors"),
    [
        (
            SIGNER,
            Attachment("poder.pdf", PDF_BYTES),
            {"authority_document": "care.authority_document_needs_representative"},
        ),
        (
            ConsentSigner("Carmen A", "representative", "hija", "guardianship"),
            Attachment("poder.exe", EXE_BYTES),
            {"authority_document": "care.file_type"},
        ),
    ],
)
def test_a_supporting_document_needs_a_representative_and_a_good_file(db, people, signer, attachment, errors):
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(
            db,
            actor=people["a"],
            data=form(),
            signed_consent=Attachment("c.pdf", PDF_BYTES),
            signer=signer,
            authority_document=attachment,
        )
    assert caught.value.errors == errors
    db.rollback()
    assert db.exec(select(Beneficiary)).all() == []
    assert db.exec(select(BeneficiaryDocument)).all() == []


def test_a_consent_uploaded_later_by_a_representative_can_bring_its_supporting_document(db, people):
    option = _register(db, people["a"])
    care_documents.submit_signed_consent(
        db,
        actor=people["a"],
        beneficiary_id=option.id,
        attachment=Attachment("consentimiento.pdf", PDF_BYTES),
        signer=ConsentSigner("Carmen A", "representative", "hija", "guardianship"),
        authority_document=Attachment("resolución judicial.pdf", PDF_BYTES),
    )
    db.commit()
    kinds = sorted(d.kind for d in db.exec(select(BeneficiaryDocument)).all())
    assert kinds == ["representation", "signed_consent"]
    with pytest.raises(NotFound):  # someone else's beneficiary: nothing stored
        care_documents.submit_signed_consent(
            db,
            actor=people["b"],
            beneficiary_id=option.id,
            attachment=Attachment("c.pdf", PDF_BYTES),
            signer=ConsentSigner("Berta B", "representative", "hija", "guardianship"),
            authority_document=Attachment("poder.pdf", PDF_BYTES),
        )
    db.rollback()
    assert len(db.exec(select(BeneficiaryDocument)).all()) == 2
