"""What recruiting pages read: view dataclasses and the loaders every recruiting module shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from care_portal.domain.errors import NotFound
from care_portal.domain.formatting import format_date, format_datetime
from care_portal.domain.recruiting import Stage
from care_portal.models import Application, JobOffer, Role, SurveyQuestion
from care_portal.services.authz import Viewer

RECRUITERS = (Role.RECRUITER,)


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
        "stay_in_pool": application.stay_in_pool,
        "availability": list(application.availability),
    }


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


def _current_question(session: Session, question_id: int) -> SurveyQuestion:
    question = session.get(SurveyQuestion, question_id)
    if question is None or question.archived:
        raise NotFound()
    return question


def _submitted(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None or application.stage == Stage.DRAFT.value:
        raise NotFound()
    return application
