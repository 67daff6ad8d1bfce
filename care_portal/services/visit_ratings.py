"""Ratings of visits by the family: given once per person and visit, read by the manager and admins.

A family member (the client or someone of the family circle) rates a visit that has a
report, 1 to 5 with a comment. A low rating (2 or less) is flagged to admins and may ask
the team to call; that request is a follow-up admins mark as done.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.formatting import format_datetime
from care_portal.domain.report_parts import LOW_RATING, check_rating, is_low
from care_portal.i18n import tr
from care_portal.models import Beneficiary, Role, User
from care_portal.models.types import utcnow
from care_portal.models.visit_feedback import VisitRating
from care_portal.models.visits import Task, VisitReport
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.notifications import queue_email
from care_portal.services.paging import Page, fetch_page
from care_portal.services.report_access import is_family


@dataclass(frozen=True)
class RatingRow:
    """One rating as the manager or an admin reads it."""

    id: int
    task_id: int
    service: str
    beneficiary: str
    manager: str
    rater: str
    stars: int
    comment: str
    low: bool
    call_requested: bool
    followed_up: bool
    when: str


@dataclass(frozen=True)
class RatingSummary:
    """How a manager is rated: how many ratings, their average, how many are low."""

    manager_id: int
    manager: str
    count: int
    average: str
    low: int


def rate_visit(
    session: Session,
    *,
    actor: Viewer | None,
    task_id: int,
    stars: int | str,
    comment: str,
    call_requested: bool = False,
) -> VisitRating:
    """Rate a visit once, as its beneficiary's family, after its report is written.

    Args:
        session: Open session.
        actor: The client or a member of the beneficiary's family circle.
        task_id: Which visit.
        stars: 1 to 5.
        comment: Optional words for the manager.
        call_requested: On a low rating, ask the team to call (a follow-up for admins).

    Raises:
        NotFound: Not the family of this visit's beneficiary (staff included), or no such visit.
        DomainError: ``ratings.no_report`` or ``ratings.already_rated``.
        ValidationFailed: Stars outside 1–5 or a comment too long.
    """
    actor = ensure_role(actor)
    task = session.get(Task, task_id)
    if task is None or not is_family(session, actor, task.beneficiary_id):
        raise NotFound()
    value, text = check_rating(stars, comment)
    if session.exec(select(VisitReport.id).where(VisitReport.task_id == task.id)).first() is None:
        raise DomainError("ratings.no_report")
    already = select(VisitRating.id).where(VisitRating.task_id == task.id, VisitRating.rater_id == actor.id)
    if session.exec(already).first() is not None:
        raise DomainError("ratings.already_rated")
    rating = VisitRating(
        task_id=task.id,
        beneficiary_id=task.beneficiary_id,
        manager_id=task.manager_id,
        rater_id=actor.id,
        rater_name=actor.full_name[:120],
        stars=value,
        comment=text,
        call_requested=bool(call_requested) and is_low(value),
    )
    try:
        with session.begin_nested():
            session.add(rating)
    except IntegrityError as error:  # the same person rating twice at the same moment
        raise DomainError("ratings.already_rated") from error
    record_event(
        session,
        actor_id=actor.id,
        action="ratings.given",
        target_type="task",
        target_id=task.id,
        details={"stars": value, "call_requested": rating.call_requested},
    )
    if rating.call_requested:
        _ask_team_to_call(session, task, actor)
    return rating


def _ask_team_to_call(session: Session, task: Task, actor: Viewer) -> None:
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    link = get_settings().public_url.rstrip("/") + routes.ADMIN_RATINGS
    queue_email(
        session,
        to=get_settings().team_email,
        subject=tr("ratings.mail.call.subject", "es", beneficiary=beneficiary.full_name),
        body=tr(
            "ratings.mail.call.body",
            "es",
            rater=actor.full_name,
            phone=actor.phone or "—",
            beneficiary=beneficiary.full_name,
            service=task.service_name,
            link=link,
        ),
        kind="rating_call",
    )


def my_ratings(session: Session, *, actor: Viewer, task_ids: list[int]) -> dict[int, int]:
    """Return the stars the actor gave to some visits (one statement)."""
    if not task_ids:
        return {}
    rows = session.exec(
        select(VisitRating.task_id, VisitRating.stars).where(
            col(VisitRating.task_id).in_(task_ids), VisitRating.rater_id == actor.id
        )
    ).all()
    return dict(rows)


def _summary_query():
    """Each rated manager's count, average and low ratings, lowest average first."""
    return (
        select(
            VisitRating.manager_id,
            User.full_name,
            func.count(),
            func.avg(VisitRating.stars),
            func.sum(case((col(VisitRating.stars) <= LOW_RATING, 1), else_=0)),
        )
        .join(User, col(User.id) == col(VisitRating.manager_id))
        .group_by(VisitRating.manager_id, User.full_name)
        .order_by(func.avg(VisitRating.stars), User.full_name, VisitRating.manager_id)
    )


def _summary(row) -> RatingSummary:
    manager_id, name, count, average, low = row
    return RatingSummary(
        manager_id=manager_id, manager=name, count=count, average=f"{float(average):.1f}", low=int(low or 0)
    )


def _rows(session: Session, where: list, order_by: list, page: int) -> Page[RatingRow]:
    """One page of the ratings ``where`` says, in that order, named in the same statement.

    Two statements: the count and the page.
    """
    query = (
        select(VisitRating, Task.service_name, Beneficiary.full_name, User.full_name)
        .outerjoin(Task, col(Task.id) == col(VisitRating.task_id))
        .outerjoin(Beneficiary, col(Beneficiary.id) == col(VisitRating.beneficiary_id))
        .outerjoin(User, col(User.id) == col(VisitRating.manager_id))
        .where(*where)
        .order_by(*order_by)
    )
    ratings, total, number = fetch_page(session, query, page)
    rows = [
        RatingRow(
            id=r.id,
            task_id=r.task_id,
            service=service or "",
            beneficiary=beneficiary or "",
            manager=manager or "",
            rater=r.rater_name,
            stars=r.stars,
            comment=r.comment,
            low=is_low(r.stars),
            call_requested=r.call_requested,
            followed_up=r.followed_up_at is not None,
            when=format_datetime(r.created_at),
        )
        for r, service, beneficiary, manager in ratings
    ]
    return Page(rows, number=number, total=total)


def manager_feedback(
    session: Session, *, actor: Viewer | None, page: int = 1
) -> tuple[RatingSummary | None, Page[RatingRow]]:
    """Return the actor's (a manager's) average and a page of their ratings with comments, newest first.

    Raises:
        PermissionDenied: Not a manager (or admin).
    """
    actor = ensure_role(actor, Role.MANAGER)
    mine = session.exec(_summary_query().where(VisitRating.manager_id == actor.id)).first()
    summary = _summary(mine) if mine else None
    newest_first = [col(VisitRating.created_at).desc(), col(VisitRating.id).desc()]
    return summary, _rows(session, [VisitRating.manager_id == actor.id], newest_first, page)


def ratings_overview(
    session: Session,
    *,
    actor: Viewer | None,
    page: int = 1,
    summary_page: int = 1,
    only_low: bool = True,
) -> tuple[Page[RatingSummary], Page[RatingRow]]:
    """Return a page of the managers' rating summaries and a page of ratings (by default the low ones).

    For admins. Managers with the lowest average come first; ratings asking for a call that
    nobody followed up come first. Both lists are counted and cut in SQL (four statements,
    each with its count).

    Args:
        session: Open session.
        actor: An admin.
        page: The page of ratings.
        summary_page: The page of managers' summaries.
        only_low: Only the low ratings (2 stars or less).

    Raises:
        PermissionDenied: Not an admin.
    """
    actor = ensure_role(actor, Role.ADMIN)
    pending = case((col(VisitRating.call_requested) & col(VisitRating.followed_up_at).is_(None), 0), else_=1)
    order = [pending, col(VisitRating.created_at).desc(), col(VisitRating.id).desc()]
    where = [col(VisitRating.stars) <= LOW_RATING] if only_low else []
    summaries, total, number = fetch_page(session, _summary_query(), summary_page)
    return Page(map(_summary, summaries), number=number, total=total), _rows(session, where, order, page)


def mark_followed_up(session: Session, *, actor: Viewer | None, rating_id: int) -> None:
    """Mark a low rating's call as done (admins).

    Raises:
        PermissionDenied: Not an admin.
        NotFound: No such rating.
    """
    actor = ensure_role(actor, Role.ADMIN)
    rating = session.get(VisitRating, rating_id)
    if rating is None:
        raise NotFound()
    if rating.followed_up_at is None:
        rating.followed_up_at = utcnow()
        rating.followed_up_by_id = actor.id
        session.add(rating)
        record_event(
            session,
            actor_id=actor.id,
            action="ratings.followed_up",
            target_type="rating",
            target_id=rating.id,
        )
