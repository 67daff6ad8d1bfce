"""A candidate applying in steps: start the draft, fill the form, answer the survey, submit."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.domain.recruiting import OfferStatus, Stage, answer_problem, clean_application_form
from care_portal.models import Application, ApplicationAnswer, ApplicationStageChange, JobOffer
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.recruiting.mail import _email_candidate
from care_portal.services.recruiting.views import Progress, _current_questions, _form_values, _question_view


def _own_application(session: Session, actor: Viewer, offer_id: int) -> Application | None:
    return session.exec(
        select(Application).where(Application.offer_id == offer_id, Application.candidate_id == actor.id)
    ).first()


def _editable_draft(session: Session, actor: Viewer, offer_id: int) -> Application:
    """The actor's draft for an open offer, or a typed error."""
    application = _own_application(session, actor, offer_id)
    if application is None:
        raise NotFound()
    if application.stage != Stage.DRAFT.value:
        raise DomainError("rec.error.already_applied")
    offer = session.get(JobOffer, offer_id)
    if offer is None or offer.status != OfferStatus.OPEN.value:
        raise DomainError("rec.error.offer_closed")
    return application


def _progress(session: Session, application: Application) -> Progress:
    offer = session.get(JobOffer, application.offer_id)
    saved = {
        a.question_id: list(a.answer_values)
        for a in session.exec(
            select(ApplicationAnswer).where(ApplicationAnswer.application_id == application.id)
        ).all()
    }
    return Progress(
        application_id=application.id,
        offer_id=application.offer_id,
        offer_title=offer.title if offer else "",
        stage=application.stage,
        form=_form_values(application),
        form_done=application.form_completed_at is not None,
        cv_name=application.cv_name,
        survey_done=application.survey_completed_at is not None,
        submitted=format_datetime(application.submitted_at),
        questions=[
            _question_view(q, saved.get(q.id)) for q in _current_questions(session, application.offer_id)
        ],
    )


def start_application(session: Session, *, actor: Viewer | None, offer_id: int) -> Progress:
    """Open the actor's application to an offer, creating the draft on the first visit.

    Returns:
        The progress so far (kept between visits).

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: No such offer.
        DomainError: ``rec.error.offer_closed`` when a new draft is asked for a closed offer.
    """
    actor = ensure_role(actor)
    application = _own_application(session, actor, offer_id)
    if application is None:
        offer = session.get(JobOffer, offer_id)
        if offer is None or offer.status == OfferStatus.DRAFT.value:
            raise NotFound()
        if offer.status != OfferStatus.OPEN.value:
            raise DomainError("rec.error.offer_closed")
        application = Application(
            offer_id=offer_id, candidate_id=actor.id, full_name=actor.full_name, phone=actor.phone
        )
        session.add(application)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()  # the same candidate opened the offer twice at once: reuse that draft
            application = _own_application(session, actor, offer_id)
            if application is None:
                raise
    return _progress(session, application)


def save_form(session: Session, *, actor: Viewer | None, offer_id: int, form: dict) -> Progress:
    """Save the candidate's form (step 1) with the privacy notice accepted.

    The optional consent to stay in the candidate pool is recorded in the audit log
    each time it is given or withdrawn; without it, a rejected candidate's CV and
    answers are erased after ``CANDIDATE_RETENTION_MONTHS`` (the retention job).

    Raises:
        ValidationFailed: One key per bad field; nothing is stored.
    """
    actor = ensure_role(actor)
    application = _editable_draft(session, actor, offer_id)
    cleaned = clean_application_form(form)
    if cleaned["stay_in_pool"] != application.stay_in_pool:
        record_event(
            session,
            actor_id=actor.id,
            action="recruiting.pool_consent",
            target_type="application",
            target_id=application.id,
            details={"given": cleaned["stay_in_pool"]},
        )
    for name, value in cleaned.items():
        setattr(application, name, value)
    now = utcnow()
    application.privacy_accepted_at = application.privacy_accepted_at or now
    application.form_completed_at = now
    application.updated_at = now
    session.add(application)
    session.flush()
    return _progress(session, application)


def save_answers(
    session: Session, *, actor: Viewer | None, offer_id: int, answers: dict[int, list[str]]
) -> Progress:
    """Check and store the survey answers (step 3), each with a copy of its question.

    Args:
        session: Open session.
        actor: The candidate.
        offer_id: The offer applied to.
        answers: Values by question id, as strings.

    Raises:
        ValidationFailed: Keyed ``q<id>`` for each missing or bad answer; nothing is stored.
    """
    actor = ensure_role(actor)
    application = _editable_draft(session, actor, offer_id)
    questions = _current_questions(session, offer_id)
    errors: dict[str, str] = {}
    cleaned: dict[int, list[str]] = {}
    for question in questions:
        values = [str(v).strip() for v in answers.get(question.id, []) if str(v).strip()]
        problem = answer_problem(question.kind, list(question.options), question.required, values)
        if problem:
            errors[f"q{question.id}"] = problem
        cleaned[question.id] = values
    if errors:
        raise ValidationFailed(errors)
    existing = session.exec(
        select(ApplicationAnswer).where(ApplicationAnswer.application_id == application.id)
    ).all()
    for answer in existing:
        session.delete(answer)
    session.flush()
    for question in questions:
        if cleaned[question.id]:
            session.add(
                ApplicationAnswer(
                    application_id=application.id,
                    question_id=question.id,
                    question_version=question.version,
                    question_kind=question.kind,
                    question_prompt=question.prompt,
                    question_options=list(question.options),
                    position=question.position,
                    answer_values=cleaned[question.id],
                )
            )
    application.survey_completed_at = utcnow()
    session.add(application)
    session.flush()
    return _progress(session, application)


def submit_application(
    session: Session, *, actor: Viewer | None, offer_id: int, client_ip: str = ""
) -> Progress:
    """Send the application: every step done, the offer still open; e-mails the candidate.

    Raises:
        DomainError: ``rec.error.already_applied``, ``rec.error.offer_closed`` or
            ``rec.error.incomplete`` (a step or a required answer is missing).
    """
    actor = ensure_role(actor)
    application = _editable_draft(session, actor, offer_id)
    answered = set(
        session.exec(
            select(ApplicationAnswer.question_id).where(ApplicationAnswer.application_id == application.id)
        ).all()
    )
    missing_answer = any(q.required and q.id not in answered for q in _current_questions(session, offer_id))
    if (
        application.form_completed_at is None
        or not application.cv_key
        or application.survey_completed_at is None
        or missing_answer
    ):
        raise DomainError("rec.error.incomplete")
    application.stage = Stage.NEW.value
    application.submitted_at = utcnow()
    application.updated_at = application.submitted_at
    session.add(application)
    session.add(
        ApplicationStageChange(
            application_id=application.id, from_stage="draft", to_stage="new", actor_id=actor.id
        )
    )
    offer = session.get(JobOffer, offer_id)
    _email_candidate(session, application, actor.email, "submitted", offer.title, actor.language)
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.submit",
        target_type="application",
        target_id=application.id,
        client_ip=client_ip,
    )
    session.flush()
    return _progress(session, application)
