"""Consent governs processing: purposes, health notes gated, append-only records, withdrawal effects."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.models import AccessLogEntry, ConsentRecord, OutboxMessage
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task
from care_portal.services import access_log, beneficiaries, care_documents, checkout, visits
from care_portal.services.care_documents import Attachment, ConsentSigner
from tests.services.care_helpers import PDF_BYTES, admin_viewer, form, make_user, manager_covering
from tests.services.visit_helpers import PROVIDER, build_world

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
SIGNER = ConsentSigner("Rosa Martín Gil", "beneficiary")


@pytest.fixture
def people(db):
    admin = admin_viewer(db)
    return {
        "admin": admin,
        "a": make_user(db, "a@example.es", name="Carmen A"),
        "b": make_user(db, "b@example.es", name="Berta B"),
        "manager": manager_covering(db, "gestor1@example.es", "28", admin),
    }


def _register_with_consent(db, actor, purposes, notes=""):
    option = beneficiaries.register_beneficiary(
        db,
        actor=actor,
        data=form(care_notes=notes),
        signed_consent=Attachment("consentimiento.pdf", PDF_BYTES),
        signer=SIGNER,
        consent_purposes=purposes,
    )
    db.commit()
    return option


def test_health_notes_are_refused_without_explicit_health_consent_and_nothing_is_stored(db, people):
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(db, actor=people["a"], data=form(care_notes="Usa andador."))
    assert caught.value.errors == {"care_notes": "care.health_consent_required"}
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(
            db,
            actor=people["a"],
            data=form(care_notes="Usa andador."),
            signed_consent=Attachment("consentimiento.pdf", PDF_BYTES),
            signer=SIGNER,
            consent_purposes=("service",),
        )
    assert caught.value.errors == {"care_notes": "care.health_consent_required"}
    db.rollback()
    assert db.exec(select(Beneficiary)).all() == []


def test_consent_with_health_purpose_stores_the_notes_and_names_its_purposes(db, people):
    option = _register_with_consent(db, people["a"], ("health", "communications"), notes="Usa andador.")
    row = db.get(Beneficiary, option.id)
    assert (row.care_notes, row.consent_state, row.health_consent, row.communications_consent) == (
        "Usa andador.",
        "signed",
        True,
        True,
    )
    record = db.exec(select(ConsentRecord)).one()
    assert record.purposes == "service,health,communications"
    detail = beneficiaries.get_project(db, actor=people["a"], beneficiary_id=option.id)
    assert detail.consents[0].purposes == ["service", "health", "communications"]


def test_without_health_consent_new_notes_are_refused_on_edit_until_consent_is_given_online(db, people):
    option = _register_with_consent(db, people["a"], ("service",))
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.update_beneficiary(
            db, actor=people["a"], beneficiary_id=option.id, data=form(care_notes="Diabetes.")
        )
    assert caught.value.errors == {"care_notes": "care.health_consent_required"}
    db.rollback()
    assert db.get(Beneficiary, option.id).care_notes == ""
    detail = beneficiaries.get_project(db, actor=people["a"], beneficiary_id=option.id)
    assert detail.notes_state == "locked"

    care_documents.give_consent_online(
        db, actor=people["a"], beneficiary_id=option.id, signer=SIGNER, purposes=("health",)
    )
    beneficiaries.update_beneficiary(
        db, actor=people["a"], beneficiary_id=option.id, data=form(care_notes="Diabetes.")
    )
    db.commit()
    assert db.get(Beneficiary, option.id).care_notes == "Diabetes."
    given = db.exec(select(ConsentRecord).order_by(ConsentRecord.id)).all()
    assert [(r.action, r.purposes, r.channel) for r in given] == [
        ("given", "service", "upload"),
        ("given", "health", "private_area"),
    ]


def test_another_client_cannot_give_or_withdraw_consent_for_someone_elses_relative(db, people):
    option = _register_with_consent(db, people["a"], ("service",))
    with pytest.raises(NotFound):
        care_documents.give_consent_online(
            db, actor=people["b"], beneficiary_id=option.id, signer=SIGNER, purposes=("health",)
        )
    with pytest.raises(NotFound):
        care_documents.withdraw_consent(db, actor=people["b"], beneficiary_id=option.id)
    db.rollback()
    row = db.get(Beneficiary, option.id)
    assert (row.consent_state, row.health_consent) == ("signed", False)
    assert len(db.exec(select(ConsentRecord)).all()) == 1


def test_a_representative_names_the_authority_they_act_under(db, people):
    with pytest.raises(ValidationFailed) as caught:
        beneficiaries.register_beneficiary(
            db,
            actor=people["a"],
            data=form(),
            signed_consent=Attachment("c.pdf", PDF_BYTES),
            signer=ConsentSigner("Carmen A", "representative", "hija", "lo que sea"),
        )
    assert caught.value.errors == {"authority": "care.authority_required"}
    db.rollback()
    option = beneficiaries.register_beneficiary(
        db,
        actor=people["a"],
        data=form(),
        signed_consent=Attachment("c.pdf", PDF_BYTES),
        signer=ConsentSigner("Carmen A", "representative", "hija", "power_of_attorney"),
    )
    db.commit()
    record = db.exec(select(ConsentRecord)).one()
    assert (record.beneficiary_id, record.relationship, record.authority) == (
        option.id,
        "hija",
        "power_of_attorney",
    )


def test_consent_records_refuse_updates_and_deletes_in_the_database(db, people):
    _register_with_consent(db, people["a"], ("service",))
    for statement in (
        "UPDATE consent_records SET purposes = 'service,health'",
        "DELETE FROM consent_records",
    ):
        with pytest.raises(DBAPIError):
            db.exec(text(statement))
        db.rollback()
    record = db.exec(select(ConsentRecord)).one()
    assert record.purposes == "service"


@pytest.fixture
def world(db):
    world = build_world(db)
    row = db.get(Beneficiary, world.beneficiary_id)
    care_documents.add_consent_given(
        db,
        actor=world.client,
        beneficiary=row,
        signer=SIGNER,
        channel="upload",
        purposes=("service", "health"),
    )
    row.care_notes = "Usa andador; diabetes."
    db.add(row)
    db.commit()
    return world


def test_withdrawing_consent_hides_notes_stops_new_appointments_and_tells_manager_and_team(db, world):
    dashboard = visits.manager_dashboard(db, actor=world.manager, now=NOW)
    assert [c.notes for c in dashboard.beneficiaries] == ["Usa andador; diabetes."]
    withdrawn = care_documents.withdraw_consent(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    db.commit()
    assert withdrawn == ("service", "health")

    dashboard = visits.manager_dashboard(db, actor=world.manager, now=NOW)
    assert [(c.notes, c.notes_hidden) for c in dashboard.beneficiaries] == [("", True)]
    task = visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0], now=NOW)
    assert task.beneficiary.notes == ""
    project = beneficiaries.get_project(db, actor=world.manager, beneficiary_id=world.beneficiary_id)
    assert (project.care_notes, project.notes_state) == ("", "hidden")

    with pytest.raises(DomainError) as caught:
        visits.schedule_appointment(
            db, actor=world.manager, task_id=world.tasks[0], day="2026-06-10", time_of_day="10:00", now=NOW
        )
    assert caught.value.key == "visits.consent_withdrawn"
    db.rollback()
    assert db.get(Task, world.tasks[0]).appointment_start is None

    mails = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "consent_withdrawn")).all()
    assert sorted(m.to_address for m in mails) == ["equipo@cuidadoencasa.example", "gestor@example.es"]
    assert all("Carmen López" in m.subject for m in mails)
    record = db.exec(select(ConsentRecord).order_by(ConsentRecord.id.desc())).first()
    assert (record.action, record.purposes) == ("withdrawn", "service,health")


def test_a_withdrawn_relative_cannot_be_booked_again(db, world):
    care_documents.withdraw_consent(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    db.commit()
    with pytest.raises(ValidationFailed) as caught:
        checkout.start_checkout(
            db,
            actor=world.client,
            request=checkout.CheckoutRequest(
                cart={"1": 1},
                beneficiary_id=world.beneficiary_id,
                observations="",
                preferred_dates="",
                accept_terms=True,
                billing=None,
                attempt_key="after-withdrawal",
            ),
            provider=PROVIDER,
        )
    assert caught.value.errors["beneficiary_id"] == "shop.consent_withdrawn"


def test_withdrawing_only_health_keeps_scheduling_but_hides_notes_from_the_manager(db, world):
    care_documents.withdraw_consent(
        db, actor=world.client, beneficiary_id=world.beneficiary_id, purposes=("health",)
    )
    db.commit()
    task = visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0], now=NOW)
    assert (task.beneficiary.notes, task.beneficiary.notes_hidden) == ("", True)
    mine = beneficiaries.get_project(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    assert mine.care_notes == "Usa andador; diabetes."
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[0], day="2026-06-10", time_of_day="10:00", now=NOW
    )
    db.commit()
    assert db.get(Task, world.tasks[0]).state == "scheduled"
    with pytest.raises(DomainError):
        care_documents.withdraw_consent(
            db, actor=world.client, beneficiary_id=world.beneficiary_id, purposes=("health",)
        )


def test_the_family_sees_who_read_health_data_and_others_cannot(db, world):
    visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0], now=NOW)
    db.commit()
    log = access_log.list_access(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    assert [(r.who, r.role, r.subject) for r in log.rows] == [("Gonzalo Gestor", "manager", "care_notes")]
    assert log.rows[0].when
    with pytest.raises(NotFound):
        access_log.list_access(db, actor=world.other_client, beneficiary_id=world.beneficiary_id)
    with pytest.raises(PermissionDenied):
        access_log.list_access(db, actor=world.manager, beneficiary_id=world.beneficiary_id)


def test_hidden_notes_are_not_logged_as_read(db, world):
    care_documents.withdraw_consent(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    db.commit()
    before = len(db.exec(select(AccessLogEntry)).all())
    visits.get_manager_task(db, actor=world.manager, task_id=world.tasks[0], now=NOW)
    visits.manager_dashboard(db, actor=world.manager, now=NOW)
    db.commit()
    assert len(db.exec(select(AccessLogEntry)).all()) == before
