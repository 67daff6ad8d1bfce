"""Erasure and blocking on the real database: which rows remain, who can still see them, the purge."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from care_portal.domain.errors import (
    DomainError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from care_portal.integrations import storage
from care_portal.models import (
    AuditEvent,
    AuthSession,
    BeneficiaryDocument,
    BillingProfile,
    ConsentRecord,
    ContactLogEntry,
    HouseholdMember,
    Invoice,
    Order,
    Task,
    User,
    VisitReport,
)
from care_portal.models.care import Beneficiary
from care_portal.services import accounts, beneficiaries, care_documents, client_tasks, visits
from care_portal.services.care_documents import Attachment, ConsentSigner
from care_portal.services.privacy import erasure
from tests.services.care_helpers import PDF_BYTES
from tests.services.visit_helpers import build_world

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def _count(db, model, **where):
    query = select(func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return db.exec(query).one()


@pytest.fixture
def world(db):
    """A beneficiary with consent, health notes, a household member, documents, a finished visit."""
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
    db.add(HouseholdMember(beneficiary_id=row.id, full_name="Luis López", relationship="esposo"))
    db.commit()
    care_documents.attach_document(
        db, actor=world.client, beneficiary_id=row.id, attachment=Attachment("informe.pdf", PDF_BYTES)
    )
    care_documents.submit_signed_consent(
        db,
        actor=world.client,
        beneficiary_id=row.id,
        attachment=Attachment("firmado.pdf", PDF_BYTES),
        signer=ConsentSigner("Carmen López", "beneficiary"),
    )
    db.commit()
    visits.log_contact(db, actor=world.manager, task_id=world.tasks[0], note="Llamé a Carmen.", now=NOW)
    for task in db.exec(select(Task).where(Task.beneficiary_id == row.id)).all():
        task.state, task.checked_in_at = "done", NOW  # the visits were done: nothing open remains
        db.add(task)
        db.add(VisitReport(task_id=task.id, author_id=world.manager.id, work_done="Paseo; tensión 14/9."))
    db.commit()
    return world


def test_erasing_a_beneficiary_erases_what_is_not_kept_and_blocks_the_rest(db, world):
    invoices_before = _count(db, Invoice)
    plain = db.exec(select(BeneficiaryDocument).where(BeneficiaryDocument.kind == "document")).one()
    outcome = erasure.erase_beneficiary(db, actor=world.client, beneficiary_id=world.beneficiary_id, now=NOW)
    db.commit()
    db.expire_all()

    row = db.get(Beneficiary, world.beneficiary_id)
    assert (row.care_notes, row.phone, row.birth_date, row.health_consent) == ("", "", None, False)
    assert row.full_name == "Carmen López"  # on the invoices: blocked, not erased
    assert row.blocked_at == NOW
    assert row.purge_after == outcome.blocked_until
    assert _count(db, HouseholdMember) == 0
    assert _count(db, ContactLogEntry) == 0
    assert _count(db, VisitReport) == 0
    assert [d.kind for d in db.exec(select(BeneficiaryDocument)).all()] == ["signed_consent"]
    with pytest.raises(FileNotFoundError):
        storage.read_private(plain.storage_key)
    assert _count(db, Invoice) == invoices_before
    assert _count(db, Task, beneficiary_id=row.id) == len(world.tasks)
    assert {t.notes for t in db.exec(select(Task).where(Task.beneficiary_id == row.id)).all()} == {""}
    assert {o.observations for o in db.exec(select(Order).where(Order.beneficiary_id == row.id)).all()} == {
        ""
    }
    actions = [c.action for c in db.exec(select(ConsentRecord).order_by(ConsentRecord.id)).all()]
    assert actions == ["given", "given", "withdrawn"]


def test_blocked_data_is_hidden_from_everyone_but_an_admin_acting_for_an_authority(db, world):
    erasure.erase_beneficiary(db, actor=world.client, beneficiary_id=world.beneficiary_id, now=NOW)
    db.commit()
    assert [p.full_name for p in beneficiaries.list_projects(db, actor=world.client)] == []
    for viewer in (world.client, world.manager, world.admin):
        with pytest.raises(NotFound):
            beneficiaries.get_project(db, actor=viewer, beneficiary_id=world.beneficiary_id)
    with pytest.raises(NotFound):
        visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0], now=NOW)
    assert visits.manager_dashboard(db, actor=world.manager, now=NOW).tasks == []
    assert client_tasks.list_client_tasks(db, actor=world.client, now=NOW) == []
    with pytest.raises(PermissionDenied):
        erasure.authority_view(
            db, actor=world.manager, beneficiary_id=world.beneficiary_id, reason="AEPD E/123"
        )
    with pytest.raises(ValidationFailed):
        erasure.authority_view(db, actor=world.admin, beneficiary_id=world.beneficiary_id, reason="")
    kept = erasure.authority_view(
        db, actor=world.admin, beneficiary_id=world.beneficiary_id, reason="AEPD expediente E/123"
    )
    db.commit()
    assert kept["full_name"] == "Carmen López"
    assert [c[0] for c in kept["consents"]] == ["given", "given", "withdrawn"]
    audit = db.exec(select(AuditEvent).where(AuditEvent.action == "privacy.blocked_data_viewed")).one()
    assert audit.details == {"reason": "AEPD expediente E/123"}


def test_open_visits_must_be_cancelled_first_and_nothing_changes(db, world):
    task = db.get(Task, world.tasks[0])
    task.state = "scheduled"
    db.add(task)
    db.commit()
    with pytest.raises(DomainError) as caught:
        erasure.erase_beneficiary(db, actor=world.client, beneficiary_id=world.beneficiary_id, now=NOW)
    assert caught.value.key == "privacy.open_tasks"
    db.rollback()
    assert db.get(Beneficiary, world.beneficiary_id).care_notes == "Usa andador."
    with pytest.raises(NotFound):
        erasure.erase_beneficiary(db, actor=world.other_client, beneficiary_id=world.beneficiary_id, now=NOW)


def test_closing_the_account_keeps_invoices_and_nothing_that_identifies_the_client(db, world):
    invoices_before = _count(db, Invoice, client_id=world.client.id)
    outcome = erasure.close_account(db, actor=world.client, now=NOW)
    db.commit()
    db.expire_all()
    user = db.get(User, world.client.id)
    assert (user.is_active, user.full_name, user.phone) == (False, "—", "")
    assert user.email.endswith("@invalid.example")
    assert outcome.erased["beneficiaries"] == 1
    assert _count(db, BillingProfile, user_id=user.id) == 0
    assert _count(db, AuthSession, user_id=user.id) == 0
    assert _count(db, Invoice, client_id=user.id) == invoices_before
    assert (
        db.exec(select(Invoice).where(Invoice.client_id == user.id)).first().recipient_name == "María López"
    )
    with pytest.raises(DomainError):
        accounts.log_in(db, email="maria@example.es", password="una frase segura")
    with pytest.raises((NotAuthenticated, DomainError)):
        accounts.log_in(db, email=user.email, password="una frase segura")


def test_the_purge_removes_blocked_data_once_its_period_ends(db, world):
    erasure.erase_beneficiary(db, actor=world.client, beneficiary_id=world.beneficiary_id, now=NOW)
    db.commit()
    purge_after = db.get(Beneficiary, world.beneficiary_id).purge_after
    assert erasure.purge_expired(db, now=purge_after - (purge_after - NOW) / 2) == 0
    assert erasure.purge_expired(db, now=purge_after) == 1
    db.commit()
    db.expire_all()
    row = db.get(Beneficiary, world.beneficiary_id)
    assert (row.full_name, row.street) == ("—", "")
    assert _count(db, ConsentRecord) == 0
    assert _count(db, BeneficiaryDocument) == 0
    care_documents.add_consent_given(
        db,
        actor=world.other_client,
        beneficiary=db.get(Beneficiary, _others_beneficiary(db, world)),
        signer=ConsentSigner("Ajeno Pérez", "beneficiary"),
        channel="upload",
    )
    db.commit()
    with pytest.raises(DBAPIError):  # the append-only guard is back after the purge
        db.exec(text("DELETE FROM consent_records"))
    db.rollback()


def _others_beneficiary(db, world) -> int:
    return db.exec(select(Beneficiary.id).where(Beneficiary.client_id == world.other_client.id)).one()
