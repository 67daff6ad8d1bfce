"""Survey commands for recruiters: add, version, remove and reorder an offer's questions."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import NotFound
from care_portal.domain.recruiting import clean_question
from care_portal.models import JobOffer, SurveyQuestion
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.recruiting.views import (
    RECRUITERS,
    QuestionView,
    _current_question,
    _current_questions,
    _question_view,
)


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
