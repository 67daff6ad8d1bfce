"""Recruiting on the real database: offers and surveys, applying in steps, reviewing, hiring."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import (
    DomainError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from care_portal.domain.privacy import add_months
from care_portal.domain.recruiting import InvalidStageMove
from care_portal.integrations import storage
from care_portal.models import (
    Application,
    ApplicationAnswer,
    AuditEvent,
    ManagerArea,
    OutboxMessage,
    Role,
    User,
)
from care_portal.models.types import utcnow
from care_portal.services import accounts
from care_portal.services import recruiting as rec
from care_portal.services.privacy.retention import run_retention

PASSWORD = "una clave larga de prueba"
PDF = b"%PDF-1.4\n% a small CV\n"
FORM = {
    "full_name": "Marta Ruiz",
    "phone": "612345678",
    "postal_code": "28012",
    "areas": ["madrid", "valencia"],
    "experience_years": "3",
    "experience": "Cuidé a personas mayores en una residencia.",
    "languages": "español",
    "driving_licence": True,
    "availability": ["lun-manana", "mar-tarde"],
    "privacy": True,
}


def _user(db, email: str, role: Role = Role.CLIENT):
    viewer = accounts.sign_up(
        db, full_name=email.split("@")[0].title(), email=email, password=PASSWORD, role=role
    )
    db.commit()
    return viewer


@pytest.fixture
def people(db):
    return {
        "recruiter": _user(db, "sara@example.es", Role.RECRUITER),
        "admin": _user(db, "ana@example.es", Role.ADMIN),
        "candidate": _user(db, "marta@example.es"),
        "other": _user(db, "pablo@example.es"),
        "manager": _user(db, "gonzalo@example.es", Role.MANAGER),
    }


def _open_offer(db, recruiter, title="Gestor/a personal en Madrid"):
    offer = rec.save_offer(
        db,
        actor=recruiter,
        offer_id=None,
        values={"title": title, "area": "Madrid", "schedule": "Mañanas", "contract_type": "Indefinido"},
    )
    single = rec.add_question(
        db,
        actor=recruiter,
        offer_id=offer.id,
        kind="single",
        prompt="¿Tienes coche?",
        options_text="Sí\nNo",
        required=True,
    )
    text = rec.add_question(
        db,
        actor=recruiter,
        offer_id=offer.id,
        kind="text",
        prompt="¿Algo más?",
        options_text="",
        required=False,
    )
    rec.set_offer_status(db, actor=recruiter, offer_id=offer.id, status="open")
    db.commit()
    return offer, single, text


def _apply(db, candidate, offer_id, single_id):
    rec.start_application(db, actor=candidate, offer_id=offer_id)
    rec.save_form(db, actor=candidate, offer_id=offer_id, form=FORM)
    rec.attach_cv(db, actor=candidate, offer_id=offer_id, data=PDF, filename="../../Mi CV.pdf")
    rec.save_answers(db, actor=candidate, offer_id=offer_id, answers={single_id: ["Sí"]})
    progress = rec.submit_application(db, actor=candidate, offer_id=offer_id)
    db.commit()
    return progress


def test_only_open_offers_are_public(db, people):
    offer, _, _ = _open_offer(db, people["recruiter"])
    draft = rec.save_offer(db, actor=people["recruiter"], offer_id=None, values={"title": "Borrador interno"})
    db.commit()
    assert [o.title for o in rec.list_open_offers(db)] == ["Gestor/a personal en Madrid"]
    with pytest.raises(NotFound):
        rec.get_offer(db, offer_id=draft.id, actor=people["candidate"])
    assert rec.get_offer(db, offer_id=draft.id, actor=people["recruiter"]).status == "draft"
    rec.set_offer_status(db, actor=people["recruiter"], offer_id=offer.id, status="closed")
    assert rec.list_open_offers(db) == []


def test_a_candidate_applies_in_steps_and_progress_is_kept(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    candidate = people["candidate"]
    first = rec.start_application(db, actor=candidate, offer_id=offer.id)
    assert (first.form_done, first.cv_name, first.survey_done) == (False, "", False)
    rec.save_form(db, actor=candidate, offer_id=offer.id, form=FORM)
    db.commit()
    again = rec.start_application(db, actor=candidate, offer_id=offer.id)
    assert again.application_id == first.application_id
    assert again.form_done
    assert again.form["areas"] == ["madrid", "valencia"]
    assert again.form["phone"] == "+34612345678"

    with pytest.raises(DomainError) as caught:
        rec.submit_application(db, actor=candidate, offer_id=offer.id)
    assert caught.value.key == "rec.error.incomplete"

    progress = rec.attach_cv(db, actor=candidate, offer_id=offer.id, data=PDF, filename="../../Mi CV.pdf")
    assert progress.cv_name == "Mi CV.pdf"
    rec.save_answers(db, actor=candidate, offer_id=offer.id, answers={single.id: ["Sí"]})
    done = rec.submit_application(db, actor=candidate, offer_id=offer.id)
    db.commit()
    assert done.stage == "new"
    assert done.submitted
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.to_address == "marta@example.es")).one()
    assert "En breve recibirás respuesta" in mail.body_text
    assert mail.subject == "Hemos recibido tu candidatura: Gestor/a personal en Madrid"
    mine = rec.list_my_applications(db, actor=candidate)
    assert [(m.offer_title, m.stage) for m in mine] == [("Gestor/a personal en Madrid", "new")]
    assert rec.list_my_applications(db, actor=people["other"]) == []


def test_one_application_per_offer_and_nothing_changes_after_sending(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    _apply(db, people["candidate"], offer.id, single.id)
    again = rec.start_application(db, actor=people["candidate"], offer_id=offer.id)
    assert again.stage == "new"
    for call in (
        lambda: rec.save_form(db, actor=people["candidate"], offer_id=offer.id, form=FORM),
        lambda: rec.submit_application(db, actor=people["candidate"], offer_id=offer.id),
    ):
        with pytest.raises(DomainError) as caught:
            call()
        assert caught.value.key == "rec.error.already_applied"
    assert len(db.exec(select(Application)).all()) == 1
    assert len(db.exec(select(OutboxMessage)).all()) == 1


def test_a_closed_offer_accepts_no_new_application_nor_submission(db, people):
    offer, _single, _ = _open_offer(db, people["recruiter"])
    rec.start_application(db, actor=people["other"], offer_id=offer.id)
    rec.save_form(db, actor=people["other"], offer_id=offer.id, form=FORM)
    rec.set_offer_status(db, actor=people["recruiter"], offer_id=offer.id, status="closed")
    db.commit()
    with pytest.raises(DomainError) as caught:
        rec.start_application(db, actor=people["candidate"], offer_id=offer.id)
    assert caught.value.key == "rec.error.offer_closed"
    with pytest.raises(DomainError) as caught:
        rec.submit_application(db, actor=people["other"], offer_id=offer.id)
    assert caught.value.key == "rec.error.offer_closed"


def test_bad_form_and_bad_cv_store_nothing(db, people):
    offer, _, _ = _open_offer(db, people["recruiter"])
    candidate = people["candidate"]
    rec.start_application(db, actor=candidate, offer_id=offer.id)
    db.commit()
    with pytest.raises(ValidationFailed) as caught:
        rec.save_form(db, actor=candidate, offer_id=offer.id, form={**FORM, "privacy": False, "phone": "1"})
    assert set(caught.value.errors) == {"privacy", "phone"}
    db.rollback()
    for data, key in [
        (b"MZ fake.exe", "rec.error.cv_type"),
        (b"%PDF-" + b"0" * (5 * 1024 * 1024), "rec.error.cv_too_large"),
    ]:
        with pytest.raises(DomainError) as caught:
            rec.attach_cv(db, actor=candidate, offer_id=offer.id, data=data, filename="cv.pdf")
        assert caught.value.key == key
        db.rollback()
    row = db.exec(select(Application)).one()
    assert (row.form_completed_at, row.privacy_accepted_at, row.cv_key) == (None, None, "")


def test_required_answers_are_enforced_and_bad_ones_named(db, people):
    offer, single, text = _open_offer(db, people["recruiter"])
    scale = rec.add_question(
        db,
        actor=people["recruiter"],
        offer_id=offer.id,
        kind="scale",
        prompt="Paciencia",
        options_text="",
        required=True,
    )
    rec.start_application(db, actor=people["candidate"], offer_id=offer.id)
    db.commit()
    with pytest.raises(ValidationFailed) as caught:
        rec.save_answers(
            db, actor=people["candidate"], offer_id=offer.id, answers={single.id: ["Quizá"], text.id: []}
        )
    assert caught.value.errors == {
        f"q{single.id}": "rec.error.answer_choice",
        f"q{scale.id}": "rec.error.answer_required",
    }
    db.rollback()
    assert db.exec(select(ApplicationAnswer)).all() == []


def test_editing_the_survey_never_changes_answers_already_given(db, people):
    recruiter = people["recruiter"]
    offer, single, _ = _open_offer(db, recruiter)
    _apply(db, people["candidate"], offer.id, single.id)
    new = rec.edit_question(
        db,
        actor=recruiter,
        question_id=single.id,
        kind="multiple",
        prompt="¿Qué vehículos tienes?",
        options_text="Coche\nMoto",
        required=True,
    )
    rec.move_question(db, actor=recruiter, question_id=new.id, step=1)
    db.commit()
    assert new.version == 2
    current = rec.list_questions(db, actor=recruiter, offer_id=offer.id)
    assert [q.prompt for q in current] == ["¿Algo más?", "¿Qué vehículos tienes?"]
    application = db.exec(select(Application)).one()
    review = rec.get_application_review(db, actor=recruiter, application_id=application.id)
    assert [(a.prompt, a.version, a.values) for a in review.answers] == [("¿Tienes coche?", 1, ["Sí"])]
    with pytest.raises(NotFound):
        rec.edit_question(
            db,
            actor=recruiter,
            question_id=single.id,
            kind="text",
            prompt="Otra",
            options_text="",
            required=False,
        )


def test_a_draft_answered_before_a_question_changed_must_answer_the_new_version(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    candidate = people["candidate"]
    rec.start_application(db, actor=candidate, offer_id=offer.id)
    rec.save_form(db, actor=candidate, offer_id=offer.id, form=FORM)
    rec.attach_cv(db, actor=candidate, offer_id=offer.id, data=PDF, filename="cv.pdf")
    rec.save_answers(db, actor=candidate, offer_id=offer.id, answers={single.id: ["No"]})
    new = rec.edit_question(
        db,
        actor=people["recruiter"],
        question_id=single.id,
        kind="single",
        prompt="¿Tienes carné B?",
        options_text="Sí\nNo",
        required=True,
    )
    db.commit()
    with pytest.raises(DomainError) as caught:
        rec.submit_application(db, actor=candidate, offer_id=offer.id)
    assert caught.value.key == "rec.error.incomplete"
    rec.save_answers(db, actor=candidate, offer_id=offer.id, answers={new.id: ["Sí"]})
    assert rec.submit_application(db, actor=candidate, offer_id=offer.id).stage == "new"


def test_recruiter_lists_filters_searches_and_sorts(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    _apply(db, people["candidate"], offer.id, single.id)
    rec.start_application(db, actor=people["other"], offer_id=offer.id)
    rec.save_form(
        db,
        actor=people["other"],
        offer_id=offer.id,
        form={**FORM, "full_name": "Pablo Gil", "areas": ["bilbao"], "availability": ["sab-tarde"]},
    )
    rec.attach_cv(db, actor=people["other"], offer_id=offer.id, data=PDF, filename="cv.pdf")
    rec.save_answers(db, actor=people["other"], offer_id=offer.id, answers={single.id: ["No"]})
    rec.submit_application(db, actor=people["other"], offer_id=offer.id)
    rec.start_application(db, actor=people["manager"], offer_id=offer.id)  # a draft: never listed
    db.commit()
    recruiter = people["recruiter"]
    names = lambda **kw: [r.full_name for r in rec.list_applications(db, actor=recruiter, **kw)]  # noqa: E731
    assert names(sort="oldest") == ["Marta Ruiz", "Pablo Gil"]
    assert names() == ["Pablo Gil", "Marta Ruiz"]
    assert names(area="bilbao") == ["Pablo Gil"]
    assert names(availability="lun-manana") == ["Marta Ruiz"]
    assert names(search="MARTA@") == ["Marta Ruiz"]
    assert names(stage="review") == []
    marta = db.exec(select(Application).where(Application.full_name == "Marta Ruiz")).one()
    rec.set_rating(db, actor=recruiter, application_id=marta.id, rating=5)
    assert names(sort="rating") == ["Marta Ruiz", "Pablo Gil"]
    with pytest.raises(DomainError):
        rec.set_rating(db, actor=recruiter, application_id=marta.id, rating=6)


def test_stages_audit_and_email_and_hiring_makes_a_manager(db, people):
    recruiter = people["recruiter"]
    offer, single, _ = _open_offer(db, recruiter)
    _apply(db, people["candidate"], offer.id, single.id)
    application = db.exec(select(Application)).one()
    with pytest.raises(InvalidStageMove):
        rec.move_stage(db, actor=recruiter, application_id=application.id, target="hired")
    rec.move_stage(db, actor=recruiter, application_id=application.id, target="review")
    rec.move_stage(db, actor=recruiter, application_id=application.id, target="interview")
    rec.move_stage(db, actor=recruiter, application_id=application.id, target="hired")
    db.commit()
    subjects = [m.subject for m in db.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()]
    assert subjects == [
        "Hemos recibido tu candidatura: Gestor/a personal en Madrid",
        "Te invitamos a una entrevista: Gestor/a personal en Madrid",
        "¡Bienvenido/a al equipo de Cuidado en Casa!",
    ]
    moves = db.exec(select(AuditEvent).where(AuditEvent.action == "recruiting.stage")).all()
    assert [(e.details["from"], e.details["to"]) for e in moves] == [
        ("new", "review"),
        ("review", "interview"),
        ("interview", "hired"),
    ]
    assert db.get(User, people["candidate"].id).role == "manager"
    review = rec.get_application_review(db, actor=recruiter, application_id=application.id)
    assert review.moves == []
    assert [h["to"] for h in review.history] == ["new", "review", "interview", "hired"]
    assert review.form["areas"] == ["madrid", "valencia"]
    # The areas declared become the areas the new manager covers (Madrid 28, Valencia 46).
    covered = db.exec(
        select(ManagerArea.area_code).where(ManagerArea.manager_id == people["candidate"].id)
    ).all()
    assert sorted(covered) == ["28", "46"]


def test_hiring_changes_the_role_and_areas_through_their_audited_services(db, people):
    recruiter = people["recruiter"]
    offer, single, _ = _open_offer(db, recruiter)
    _apply(db, people["candidate"], offer.id, single.id)
    application = db.exec(select(Application)).one()
    for target in ("review", "interview", "hired"):
        rec.move_stage(
            db, actor=recruiter, application_id=application.id, target=target, client_ip="10.0.0.9"
        )
    db.commit()
    role_change = db.exec(select(AuditEvent).where(AuditEvent.action == "admin.role_changed")).one()
    assert role_change.actor_id == recruiter.id
    assert role_change.target_id == str(people["candidate"].id)
    assert role_change.details == {"from": "client", "to": "manager"}
    areas = db.exec(select(AuditEvent).where(AuditEvent.action == "manager.areas_added")).one()
    assert areas.details == {"areas": ["28", "46"]}


def test_rejection_emails_the_candidate_and_keeps_the_role(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    _apply(db, people["candidate"], offer.id, single.id)
    application = db.exec(select(Application)).one()
    rec.move_stage(db, actor=people["admin"], application_id=application.id, target="rejected")
    db.commit()
    last = db.exec(select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
    assert last.subject.startswith("Sobre tu candidatura")
    assert "otras personas" in last.body_text
    assert db.get(User, people["candidate"].id).role == "client"


def test_notes_cvs_and_reviews_are_for_recruiters_and_admins_only(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    _apply(db, people["candidate"], offer.id, single.id)
    application = db.exec(select(Application)).one()
    rec.add_note(db, actor=people["recruiter"], application_id=application.id, body="Muy buena impresión")
    db.commit()
    cv = rec.read_cv(db, actor=people["admin"], application_id=application.id, client_ip="10.0.0.1")
    db.commit()
    assert cv.data == PDF
    assert cv.mime == "application/pdf"
    view = db.exec(select(AuditEvent).where(AuditEvent.action == "recruiting.cv_view")).one()
    assert (view.actor_id, view.target_id) == (people["admin"].id, str(application.id))
    refused = [
        lambda actor: rec.read_cv(db, actor=actor, application_id=application.id),
        lambda actor: rec.get_application_review(db, actor=actor, application_id=application.id),
        lambda actor: rec.add_note(db, actor=actor, application_id=application.id, body="x"),
        lambda actor: rec.move_stage(db, actor=actor, application_id=application.id, target="review"),
        lambda actor: rec.list_applications(db, actor=actor),
        lambda actor: rec.save_offer(db, actor=actor, offer_id=offer.id, values={"title": "Hackeada"}),
        lambda actor: rec.set_offer_status(db, actor=actor, offer_id=offer.id, status="closed"),
        lambda actor: rec.add_question(
            db, actor=actor, offer_id=offer.id, kind="text", prompt="¿Hola?", options_text="", required=False
        ),
    ]
    for call in refused:
        for actor in (people["candidate"], people["other"], people["manager"]):
            with pytest.raises(PermissionDenied):
                call(actor)
        with pytest.raises(NotAuthenticated):
            call(None)
    review = rec.get_application_review(db, actor=people["recruiter"], application_id=application.id)
    assert [n.body for n in review.notes] == ["Muy buena impresión"]


def test_candidates_reach_only_their_own_application(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    _apply(db, people["candidate"], offer.id, single.id)
    other = rec.start_application(db, actor=people["other"], offer_id=offer.id)
    db.commit()
    assert other.form["full_name"] == "Pablo"
    assert other.stage == "draft"
    assert other.cv_name == ""
    assert all(q.answer == [] for q in other.questions)
    with pytest.raises(NotAuthenticated):
        rec.start_application(db, actor=None, offer_id=offer.id)
    with pytest.raises(NotFound):
        rec.start_application(db, actor=people["other"], offer_id=9999)


def test_staying_in_the_pool_is_asked_at_application_recorded_and_spares_the_cv_from_retention(db, people):
    offer, single, _ = _open_offer(db, people["recruiter"])
    rec.start_application(db, actor=people["candidate"], offer_id=offer.id)
    progress = rec.save_form(
        db, actor=people["candidate"], offer_id=offer.id, form={**FORM, "stay_in_pool": True}
    )
    assert progress.form["stay_in_pool"] is True
    rec.attach_cv(db, actor=people["candidate"], offer_id=offer.id, data=PDF, filename="cv.pdf")
    rec.save_answers(db, actor=people["candidate"], offer_id=offer.id, answers={single.id: ["Sí"]})
    rec.submit_application(db, actor=people["candidate"], offer_id=offer.id)
    _apply(db, people["other"], offer.id, single.id)  # did not tick it
    consent = db.exec(select(AuditEvent).where(AuditEvent.action == "recruiting.pool_consent")).one()
    assert (consent.actor_id, consent.details) == (people["candidate"].id, {"given": True})
    for application in db.exec(select(Application)).all():
        rec.move_stage(db, actor=people["admin"], application_id=application.id, target="rejected")
    db.commit()
    pooled = db.exec(select(Application).where(Application.candidate_id == people["candidate"].id)).one()
    other = db.exec(select(Application).where(Application.candidate_id == people["other"].id)).one()
    assert (pooled.stay_in_pool, other.stay_in_pool) == (True, False)

    counts = run_retention(db, now=add_months(utcnow(), 13) + timedelta(days=1))
    db.commit()
    db.expire_all()
    assert counts["rejected_candidates"] == 1
    assert db.get(Application, other.id).cv_key == ""
    assert db.exec(select(ApplicationAnswer).where(ApplicationAnswer.application_id == other.id)).all() == []
    kept = db.get(Application, pooled.id)
    assert kept.cv_key
    assert storage.read_private(kept.cv_key) == PDF


def test_a_candidate_who_reads_english_gets_the_emails_in_english(db, people):
    db.get(User, people["candidate"].id).language = "en"
    db.commit()
    candidate = accounts.to_viewer(db.get(User, people["candidate"].id))
    offer, single, _ = _open_offer(db, people["recruiter"])
    _apply(db, candidate, offer.id, single.id)
    application = db.exec(select(Application)).one()
    rec.move_stage(db, actor=people["admin"], application_id=application.id, target="rejected")
    db.commit()
    subjects = [m.subject for m in db.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()]
    assert subjects == [
        f"We have received your application: {offer.title}",
        f"About your application: {offer.title}",
    ]
