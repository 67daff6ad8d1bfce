"""Recruiting reads: open offers, the recruiter's offer and application lists, one application's review."""

from __future__ import annotations

from sqlalchemy import String, cast, false, func, or_
from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.domain.formatting import format_datetime
from care_portal.domain.recruiting import AREAS, AVAILABILITY, OfferStatus, Stage, allowed_moves
from care_portal.models import (
    Application,
    ApplicationAnswer,
    ApplicationNote,
    ApplicationStageChange,
    JobOffer,
    User,
)
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.paging import Page, fetch_page
from care_portal.services.recruiting.views import (
    RECRUITERS,
    AnswerView,
    ApplicationReview,
    ApplicationRow,
    NoteView,
    OfferView,
    QuestionView,
    _current_questions,
    _form_values,
    _is_recruiter,
    _offer_view,
    _question_view,
    _row,
    _submitted,
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


def list_questions(session: Session, *, actor: Viewer | None, offer_id: int) -> list[QuestionView]:
    """Return the current survey of an offer, for its editor."""
    ensure_role(actor, *RECRUITERS)
    return [_question_view(q) for q in _current_questions(session, offer_id)]


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
    page: int = 1,
) -> Page[ApplicationRow]:
    """Return one page (25) of the submitted applications, with filters, a name search and a sort.

    Args:
        session: Open session.
        actor: A recruiter or admin.
        offer_id: Only this offer's applications.
        stage: Only this stage.
        area: Only candidates who declared this area.
        availability: Only candidates available at this ``day-slot``.
        search: Part of the candidate's name, e-mail or postal code.
        sort: ``newest``, ``oldest``, ``rating`` or ``name``.
        page: The page wanted, from 1 (25 a page; past the end means the last page).
    """
    ensure_role(actor, *RECRUITERS)
    query = (
        select(Application, JobOffer.title)
        .join(JobOffer, JobOffer.id == Application.offer_id)
        .join(User, User.id == Application.candidate_id)
        .where(*_application_conditions(offer_id, stage, area, availability, search))
        .order_by(*_APPLICATION_ORDERS.get(sort, _APPLICATION_ORDERS["newest"]))
    )
    rows, total, number = fetch_page(session, query, page)
    return Page([_row(application, title) for application, title in rows], number=number, total=total)


# Each sort ends in the id, so pages never overlap.
_APPLICATION_ORDERS = {
    "newest": (col(Application.submitted_at).desc(), col(Application.id).desc()),
    "oldest": (col(Application.submitted_at).asc(), col(Application.id).asc()),
    "rating": (func.coalesce(Application.rating, 0).desc(), col(Application.id).desc()),
    "name": (func.lower(Application.full_name), col(Application.id).asc()),
}


def _listed_in(column, value: str, allowed: tuple[str, ...]):
    """A JSON list column holds ``value`` (one of ``allowed``; anything else matches nothing).

    The list is stored as JSON text (``["madrid", "bilbao"]``) on SQLite and PostgreSQL alike,
    so the quoted value is looked for in its text.
    """
    if value not in allowed:
        return false()
    return cast(column, String).like(f'%"{value}"%')


def _application_conditions(offer_id: int | None, stage: str, area: str, availability: str, search: str):
    """The recruiter's filters and search as SQL conditions (drafts are never listed)."""
    conditions = [Application.stage != Stage.DRAFT.value]
    if offer_id:
        conditions.append(Application.offer_id == offer_id)
    if stage:
        conditions.append(Application.stage == stage)
    if area:
        conditions.append(_listed_in(Application.areas, area, AREAS))
    if availability:
        conditions.append(_listed_in(Application.availability, availability, AVAILABILITY))
    needle = search.strip().lower()
    if needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                *(
                    col(column).ilike(pattern, escape="\\")
                    for column in (Application.full_name, User.email, Application.postal_code)
                )
            )
        )
    return conditions


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
