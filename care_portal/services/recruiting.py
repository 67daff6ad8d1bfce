"""Recruiting use cases: offers and their surveys, applying in steps, reviewing, hiring.

Candidates are any logged-in users and only ever reach their own applications;
offers, applications, CVs and notes are for recruiters (and admins).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.files import EXTENSION, MIME, safe_display_name
from care_portal.domain.formatting import format_date, format_datetime
from care_portal.domain.recruiting import (
    AREA_PROVINCE_CODE,
    OfferStatus,
    Stage,
    allowed_moves,
    answer_problem,
    check_cv,
    check_move,
    clean_application_form,
    clean_question,
)
from care_portal.i18n import tr
from care_portal.integrations.storage import read_private, save_private
from care_portal.models import (
    Application,
    ApplicationAnswer,
    ApplicationNote,
    ApplicationStageChange,
    JobOffer,
    ManagerArea,
    Role,
    SurveyQuestion,
    User,
)
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.notifications import queue_email

RECRUITERS = (Role.RECRUITER,)
OFFER_TEXT_LIMITS = {"title": 120, "area": 80, "schedule": 120, "contract_type": 80}


@dataclass(frozen=True)
class OfferView:
    """An offer as candidates and recruiters read it."""

    id: int
    title: str
    area: str
    schedule: str
    contract_type: str
    description: str
    requirements: str
    status: str
    published: str
    applications: int = 0


@dataclass(frozen=True)
class QuestionView:
    """A current survey question, with the candidate's saved answer when there is one."""

    id: int
    position: int
    kind: str
    prompt: str
    options: list[str]
    required: bool
    version: int
    answer: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Progress:
    """Where a candidate is in their application to one offer."""

    application_id: int
    offer_id: int
    offer_title: str
    stage: str
    form: dict
    form_done: bool
    cv_name: str
    survey_done: bool
    submitted: str
    questions: list[QuestionView]


@dataclass(frozen=True)
class ApplicationRow:
    """One application in a list (the candidate's own, or a recruiter's)."""

    id: int
    offer_id: int
    offer_title: str
    full_name: str
    stage: str
    areas: list[str]
    availability: list[str]
    rating: int
    submitted: str


@dataclass(frozen=True)
class AnswerView:
    """An answer with the question as the candidate saw it."""

    prompt: str
    kind: str
    version: int
    values: list[str]


@dataclass(frozen=True)
class NoteView:
    """An internal note."""

    author: str
    body: str
    created: str


@dataclass(frozen=True)
class ApplicationReview:
    """Everything a recruiter sees of one application."""

    row: ApplicationRow
    email: str
    form: dict
    cv_name: str
    cv_size_kb: int
    answers: list[AnswerView]
    notes: list[NoteView]
    history: list[dict]
    moves: list[str]


@dataclass(frozen=True)
class CvFile:
    """A CV ready to be sent to an authorised reader."""

    data: bytes
    mime: str
    filename: str


def _offer_view(offer: JobOffer, applications: int = 0) -> OfferView:
    return OfferView(
        id=offer.id,
        title=offer.title,
        area=offer.area,
        schedule=offer.schedule,
        contract_type=offer.contract_type,
        description=offer.description,
        requirements=offer.requirements,
        status=offer.status,
        published=format_date(offer.published_at),
        applications=applications,
    )


def list_open_offers(session: Session) -> list[OfferView]:
    """Return the open offers, newest first (public)."""
    offers = session.exec(
        select(JobOffer)
        .where(JobOffer.status == OfferStatus.OPEN.value)
        .order_by(col(JobOffer.published_at).desc(), col(JobOffer.id).desc())
    ).all()
    return [_offer_view(o) for o in offers]


def get_offer(session: Session, *, offer_id: int, actor: Viewer | None = None) -> OfferView:
    """Return an offer: open ones for everybody, any of them for recruiters.

    Raises:
        NotFound: No such offer, or it is not open and the actor is not a recruiter.
    """
    offer = session.get(JobOffer, offer_id)
    if offer is None or (offer.status != OfferStatus.OPEN.value and not _is_recruiter(actor)):
        raise NotFound()
    return _offer_view(offer)


def _is_recruiter(actor: Viewer | None) -> bool:
    return actor is not None and actor.role in (Role.RECRUITER.value, Role.ADMIN.value)


def _current_questions(session: Session, offer_id: int) -> list[SurveyQuestion]:
    return list(
        session.exec(
            select(SurveyQuestion)
            .where(SurveyQuestion.offer_id == offer_id, SurveyQuestion.archived == False)  # noqa: E712
            .order_by(SurveyQuestion.position, SurveyQuestion.id)
        ).all()
    )


def _question_view(question: SurveyQuestion, answer: list[str] | None = None) -> QuestionView:
    return QuestionView(
        id=question.id,
        position=question.position,
        kind=question.kind,
        prompt=question.prompt,
        options=list(question.options),
        required=question.required,
        version=question.version,
        answer=list(answer or []),
    )


def _form_values(application: Application) -> dict:
    return {
        "full_name": application.full_name,
        "phone": application.phone,
        "postal_code": application.postal_code,
        "areas": list(application.areas),
        "experience_years": str(application.experience_years),
        "experience": application.experience,
        "languages": application.languages,
        "driving_licence": application.driving_licence,
        "availability": list(application.availability),
    }


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

    Raises:
        ValidationFailed: One key per bad field; nothing is stored.
    """
    actor = ensure_role(actor)
    application = _editable_draft(session, actor, offer_id)
    cleaned = clean_application_form(form)
    for name, value in cleaned.items():
        setattr(application, name, value)
    now = utcnow()
    application.privacy_accepted_at = application.privacy_accepted_at or now
    application.form_completed_at = now
    application.updated_at = now
    session.add(application)
    session.flush()
    return _progress(session, application)


def attach_cv(
    session: Session, *, actor: Viewer | None, offer_id: int, data: bytes, filename: str
) -> Progress:
    """Check and store the CV privately (step 2); a new upload replaces the old one.

    Raises:
        DomainError: On field ``cv``: missing, too large, not a PDF/DOCX by content.
    """
    actor = ensure_role(actor)
    application = _editable_draft(session, actor, offer_id)
    kind = check_cv(data)
    application.cv_key = save_private("cvs", data, EXTENSION[kind])
    application.cv_name = safe_display_name(filename, f"cv.{EXTENSION[kind]}")
    application.cv_mime = MIME[kind]
    application.cv_size = len(data)
    application.updated_at = utcnow()
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
    _email_candidate(session, application, actor.email, "submitted", offer.title)
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


def _email_candidate(
    session: Session, application: Application, to: str, kind: str, offer_title: str
) -> None:
    """Queue a Spanish e-mail about the application in the caller's transaction."""
    params = {
        "name": application.full_name,
        "offer": offer_title,
        "link": get_settings().public_url + "/cuenta/candidaturas",
    }
    queue_email(
        session,
        to=to,
        subject=tr(f"rec.mail.{kind}.subject", "es", **params),
        body=tr(f"rec.mail.{kind}.body", "es", **params),
        kind=f"recruiting_{kind}",
    )


def _row(application: Application, offer_title: str) -> ApplicationRow:
    return ApplicationRow(
        id=application.id,
        offer_id=application.offer_id,
        offer_title=offer_title,
        full_name=application.full_name,
        stage=application.stage,
        areas=list(application.areas),
        availability=list(application.availability),
        rating=application.rating or 0,
        submitted=format_datetime(application.submitted_at),
    )


def list_my_applications(session: Session, *, actor: Viewer | None) -> list[ApplicationRow]:
    """Return the actor's own applications (drafts included), newest first."""
    actor = ensure_role(actor)
    rows = session.exec(
        select(Application, JobOffer.title)
        .join(JobOffer, JobOffer.id == Application.offer_id)
        .where(Application.candidate_id == actor.id)
        .order_by(col(Application.created_at).desc())
    ).all()
    return [_row(application, title) for application, title in rows]


def list_offers_for_recruiters(session: Session, *, actor: Viewer | None) -> list[OfferView]:
    """Return every offer with its number of submitted applications."""
    ensure_role(actor, *RECRUITERS)
    counts = dict(
        session.exec(
            select(Application.offer_id, func.count(Application.id))
            .where(Application.stage != Stage.DRAFT.value)
            .group_by(Application.offer_id)
        ).all()
    )
    offers = session.exec(select(JobOffer).order_by(col(JobOffer.id).desc())).all()
    return [_offer_view(o, counts.get(o.id, 0)) for o in offers]


def save_offer(session: Session, *, actor: Viewer | None, offer_id: int | None, values: dict) -> OfferView:
    """Create an offer (as a draft) or edit one.

    Raises:
        ValidationFailed: Title missing, or a text too long.
        NotFound: No such offer.
    """
    actor = ensure_role(actor, *RECRUITERS)
    errors: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    for name, limit in OFFER_TEXT_LIMITS.items():
        cleaned[name] = " ".join(str(values.get(name, "")).split())
        if len(cleaned[name]) > limit:
            errors[name] = "rec.error.too_long"
    if len(cleaned["title"]) < 3:
        errors["title"] = "rec.error.title"
    for name in ("description", "requirements"):
        cleaned[name] = str(values.get(name, "")).strip()
        if len(cleaned[name]) > 5000:
            errors[name] = "rec.error.too_long"
    if errors:
        raise ValidationFailed(errors)
    if offer_id is None:
        offer = JobOffer()
    else:
        offer = session.get(JobOffer, offer_id)
        if offer is None:
            raise NotFound()
    for name, value in cleaned.items():
        setattr(offer, name, value)
    session.add(offer)
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.offer_save",
        target_type="job_offer",
        target_id=offer.id,
    )
    return _offer_view(offer)


def set_offer_status(session: Session, *, actor: Viewer | None, offer_id: int, status: str) -> OfferView:
    """Publish (open), close or return an offer to draft."""
    actor = ensure_role(actor, *RECRUITERS)
    offer = session.get(JobOffer, offer_id)
    if offer is None:
        raise NotFound()
    try:
        offer.status = OfferStatus(status).value
    except ValueError as error:
        raise DomainError("rec.error.bad_status") from error
    if offer.status == OfferStatus.OPEN.value and offer.published_at is None:
        offer.published_at = utcnow()
    session.add(offer)
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.offer_status",
        target_type="job_offer",
        target_id=offer.id,
        details={"status": offer.status},
    )
    session.flush()
    return _offer_view(offer)


def list_questions(session: Session, *, actor: Viewer | None, offer_id: int) -> list[QuestionView]:
    """Return the current survey of an offer, for its editor."""
    ensure_role(actor, *RECRUITERS)
    return [_question_view(q) for q in _current_questions(session, offer_id)]


def add_question(
    session: Session,
    *,
    actor: Viewer | None,
    offer_id: int,
    kind: str,
    prompt: str,
    options_text: str,
    required: bool,
) -> QuestionView:
    """Append a question to an offer's survey."""
    ensure_role(actor, *RECRUITERS)
    if session.get(JobOffer, offer_id) is None:
        raise NotFound()
    parsed_kind, prompt, options = clean_question(kind, prompt, options_text)
    last = max((q.position for q in _current_questions(session, offer_id)), default=0)
    question = SurveyQuestion(
        offer_id=offer_id,
        position=last + 1,
        kind=parsed_kind.value,
        prompt=prompt,
        options=options,
        required=required,
    )
    session.add(question)
    session.flush()
    return _question_view(question)


def _current_question(session: Session, question_id: int) -> SurveyQuestion:
    question = session.get(SurveyQuestion, question_id)
    if question is None or question.archived:
        raise NotFound()
    return question


def edit_question(
    session: Session,
    *,
    actor: Viewer | None,
    question_id: int,
    kind: str,
    prompt: str,
    options_text: str,
    required: bool,
) -> QuestionView:
    """Change a question by archiving it and adding its next version in the same place.

    Answers already given keep pointing at (and carry a copy of) the version they answered.
    """
    ensure_role(actor, *RECRUITERS)
    old = _current_question(session, question_id)
    parsed_kind, prompt, options = clean_question(kind, prompt, options_text)
    old.archived = True
    session.add(old)
    new = SurveyQuestion(
        offer_id=old.offer_id,
        position=old.position,
        kind=parsed_kind.value,
        prompt=prompt,
        options=options,
        required=required,
        version=old.version + 1,
        replaces_id=old.id,
    )
    session.add(new)
    session.flush()
    return _question_view(new)


def remove_question(session: Session, *, actor: Viewer | None, question_id: int) -> None:
    """Take a question out of the survey (it stays, archived, for the answers it has)."""
    ensure_role(actor, *RECRUITERS)
    question = _current_question(session, question_id)
    question.archived = True
    session.add(question)
    session.flush()


def move_question(session: Session, *, actor: Viewer | None, question_id: int, step: int) -> None:
    """Move a question one place up (``step=-1``) or down (``step=1``)."""
    ensure_role(actor, *RECRUITERS)
    question = _current_question(session, question_id)
    questions = _current_questions(session, question.offer_id)
    index = next(i for i, q in enumerate(questions) if q.id == question.id)
    other = index + (1 if step > 0 else -1)
    if not 0 <= other < len(questions):
        return
    questions[index], questions[other] = questions[other], questions[index]
    for position, item in enumerate(questions, start=1):
        item.position = position
        session.add(item)
    session.flush()


def list_applications(
    session: Session,
    *,
    actor: Viewer | None,
    offer_id: int | None = None,
    stage: str = "",
    area: str = "",
    availability: str = "",
    search: str = "",
    sort: str = "newest",
) -> list[ApplicationRow]:
    """Return submitted applications with filters, a name search and a sort.

    Args:
        session: Open session.
        actor: A recruiter or admin.
        offer_id: Only this offer's applications.
        stage: Only this stage.
        area: Only candidates who declared this area.
        availability: Only candidates available at this ``day-slot``.
        search: Part of the candidate's name, e-mail or postal code.
        sort: ``newest``, ``oldest``, ``rating`` or ``name``.
    """
    ensure_role(actor, *RECRUITERS)
    query = (
        select(Application, JobOffer.title, User.email)
        .join(JobOffer, JobOffer.id == Application.offer_id)
        .join(User, User.id == Application.candidate_id)
        .where(Application.stage != Stage.DRAFT.value)
    )
    if offer_id:
        query = query.where(Application.offer_id == offer_id)
    if stage:
        query = query.where(Application.stage == stage)
    rows = session.exec(query).all()
    needle = search.strip().lower()
    result = []
    for application, title, email in rows:
        if area and area not in application.areas:
            continue
        if availability and availability not in application.availability:
            continue
        if needle and not any(
            needle in text.lower() for text in (application.full_name, email, application.postal_code)
        ):
            continue
        result.append((application, _row(application, title)))
    orders = {
        "oldest": lambda pair: (pair[0].submitted_at, pair[0].id),
        "rating": lambda pair: (-(pair[0].rating or 0), -pair[0].id),
        "name": lambda pair: (pair[0].full_name.lower(), pair[0].id),
    }
    if sort in orders:
        result.sort(key=orders[sort])
    else:
        result.sort(key=lambda pair: (pair[0].submitted_at, pair[0].id), reverse=True)
    return [row for _, row in result]


def _submitted(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None or application.stage == Stage.DRAFT.value:
        raise NotFound()
    return application


def get_application_review(
    session: Session, *, actor: Viewer | None, application_id: int
) -> ApplicationReview:
    """Return an application with its form, CV facts, answers, notes and history (recruiters only)."""
    ensure_role(actor, *RECRUITERS)
    application = _submitted(session, application_id)
    offer = session.get(JobOffer, application.offer_id)
    candidate = session.get(User, application.candidate_id)
    answers = session.exec(
        select(ApplicationAnswer)
        .where(ApplicationAnswer.application_id == application.id)
        .order_by(ApplicationAnswer.position, ApplicationAnswer.id)
    ).all()
    notes = session.exec(
        select(ApplicationNote, User.full_name)
        .join(User, User.id == ApplicationNote.author_id)
        .where(ApplicationNote.application_id == application.id)
        .order_by(col(ApplicationNote.id).desc())
    ).all()
    history = session.exec(
        select(ApplicationStageChange)
        .where(ApplicationStageChange.application_id == application.id)
        .order_by(ApplicationStageChange.id)
    ).all()
    return ApplicationReview(
        row=_row(application, offer.title),
        email=candidate.email,
        form={**_form_values(application), "driving_licence": application.driving_licence},
        cv_name=application.cv_name,
        cv_size_kb=max(1, application.cv_size // 1024) if application.cv_size else 0,
        answers=[
            AnswerView(
                prompt=a.question_prompt,
                kind=a.question_kind,
                version=a.question_version,
                values=list(a.answer_values),
            )
            for a in answers
        ],
        notes=[
            NoteView(author=name, body=n.body, created=format_datetime(n.created_at)) for n, name in notes
        ],
        history=[
            {"from": h.from_stage, "to": h.to_stage, "when": format_datetime(h.created_at)} for h in history
        ],
        moves=[s.value for s in allowed_moves(application.stage)],
    )


def add_note(session: Session, *, actor: Viewer | None, application_id: int, body: str) -> None:
    """Add an internal note to an application."""
    actor = ensure_role(actor, *RECRUITERS)
    application = _submitted(session, application_id)
    body = (body or "").strip()
    if not body:
        raise ValidationFailed({"note": "rec.error.note"})
    if len(body) > 3000:
        raise ValidationFailed({"note": "rec.error.too_long"})
    session.add(ApplicationNote(application_id=application.id, author_id=actor.id, body=body))
    session.flush()


def set_rating(session: Session, *, actor: Viewer | None, application_id: int, rating: int) -> None:
    """Rate an application from 1 to 5."""
    ensure_role(actor, *RECRUITERS)
    if rating not in range(1, 6):
        raise DomainError("rec.error.rating")
    application = _submitted(session, application_id)
    application.rating = rating
    session.add(application)
    session.flush()


def move_stage(
    session: Session, *, actor: Viewer | None, application_id: int, target: str, client_ip: str = ""
) -> str:
    """Move an application to another stage, audit it and e-mail the candidate when it concerns them.

    Hiring makes the candidate's account a manager with the areas they declared.

    Returns:
        The new stage.

    Raises:
        InvalidStageMove: The process does not allow this move.
    """
    actor = ensure_role(actor, *RECRUITERS)
    application = _submitted(session, application_id)
    new_stage = check_move(application.stage, target)
    old_stage = application.stage
    application.stage = new_stage.value
    application.updated_at = utcnow()
    session.add(application)
    session.add(
        ApplicationStageChange(
            application_id=application.id, from_stage=old_stage, to_stage=new_stage.value, actor_id=actor.id
        )
    )
    candidate = session.get(User, application.candidate_id)
    offer = session.get(JobOffer, application.offer_id)
    if new_stage == Stage.HIRED:
        if candidate.role == Role.CLIENT.value:
            candidate.role = Role.MANAGER.value
            session.add(candidate)
        _manager_areas_on_hire(session, user_id=candidate.id, areas=list(application.areas))
    mail_kind = {Stage.INTERVIEW: "interview", Stage.REJECTED: "rejected", Stage.HIRED: "hired"}.get(
        new_stage
    )
    if mail_kind:
        _email_candidate(session, application, candidate.email, mail_kind, offer.title)
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.stage",
        target_type="application",
        target_id=application.id,
        details={"from": old_stage, "to": new_stage.value},
        client_ip=client_ip,
    )
    session.flush()
    return new_stage.value


def _manager_areas_on_hire(session: Session, *, user_id: int, areas: list[str]) -> None:
    """Give a newly hired manager the provinces of the areas they declared (admins edit them later).

    Args:
        session: The hiring transaction.
        user_id: The new manager.
        areas: The areas they declared (``"madrid"``…), mapped to province codes.
    """
    existing = set(session.exec(select(ManagerArea.area_code).where(ManagerArea.manager_id == user_id)).all())
    for code in sorted({AREA_PROVINCE_CODE[a] for a in areas if a in AREA_PROVINCE_CODE} - existing):
        session.add(ManagerArea(manager_id=user_id, area_code=code))


def read_cv(session: Session, *, actor: Viewer | None, application_id: int, client_ip: str = "") -> CvFile:
    """Return a CV for recruiters and admins, and log the view.

    Raises:
        NotAuthenticated / PermissionDenied: Not a recruiter or admin.
        NotFound: No such submitted application, or it has no CV.
    """
    actor = ensure_role(actor, *RECRUITERS)
    application = _submitted(session, application_id)
    if not application.cv_key:
        raise NotFound()
    data = read_private(application.cv_key)
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.cv_view",
        target_type="application",
        target_id=application.id,
        client_ip=client_ip,
    )
    return CvFile(data=data, mime=application.cv_mime, filename=application.cv_name)
