"""Ratings: the family rates a reported visit once; the manager sees the average; admins see low ones."""

from __future__ import annotations

import pytest
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.models import OutboxMessage
from care_portal.models.visit_feedback import VisitRating
from care_portal.services import visit_ratings
from tests.services.report_helpers import reported, visited
from tests.services.visit_helpers import build_world


@pytest.fixture
def world(db):
    return build_world(db)


def _rate(db, actor, task_id, stars=5, comment="", call=False):
    rating = visit_ratings.rate_visit(
        db, actor=actor, task_id=task_id, stars=stars, comment=comment, call_requested=call
    )
    db.commit()
    return rating


def test_the_client_rates_a_reported_visit_once(db, world):
    task_id = reported(db, world)
    rating = _rate(db, world.client, task_id, 4, "  Muy amable.  ")
    assert (rating.stars, rating.comment, rating.manager_id) == (4, "Muy amable.", world.manager.id)
    with pytest.raises(DomainError, match="ratings.already_rated"):
        _rate(db, world.client, task_id, 1)
    db.rollback()
    assert [r.stars for r in db.exec(select(VisitRating)).all()] == [4]
    assert visit_ratings.my_ratings(db, actor=world.client, task_ids=[task_id, world.tasks[1]]) == {
        task_id: 4
    }


def test_no_rating_before_the_report(db, world):
    task_id = visited(db, world)
    with pytest.raises(DomainError, match="ratings.no_report"):
        _rate(db, world.client, task_id)


def test_only_the_family_of_that_beneficiary_rates(db, world):
    task_id = reported(db, world)
    for stranger in (world.other_client, world.manager, world.other_manager, world.admin):
        with pytest.raises(NotFound):
            _rate(db, stranger, task_id)
        db.rollback()
    with pytest.raises(NotFound):
        _rate(db, world.client, world.other_tasks[0])
    db.rollback()
    assert db.exec(select(VisitRating)).all() == []


@pytest.mark.parametrize("stars", [0, 6, "", "cinco", -1])
def test_stars_go_from_one_to_five(db, world, stars):
    task_id = reported(db, world)
    with pytest.raises(ValidationFailed) as refused:
        _rate(db, world.client, task_id, stars)
    assert refused.value.errors == {"stars": "ratings.stars_required"}


def test_a_low_rating_asking_for_a_call_tells_the_team_and_waits_for_an_admin(db, world):
    task_id = reported(db, world)
    rating = _rate(db, world.client, task_id, 2, "Llegó tarde.", call=True)
    assert rating.call_requested
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "rating_call")).one()
    assert mail.to_address == "equipo@cuidadoencasa.example"
    assert "María López" in mail.body_text
    assert "Carmen López" in mail.subject

    summaries, low = visit_ratings.ratings_overview(db, actor=world.admin)
    assert [(s.manager, s.count, s.average, s.low) for s in summaries] == [("Gonzalo Gestor", 1, "2.0", 1)]
    assert [(r.stars, r.low, r.call_requested, r.followed_up, r.beneficiary) for r in low] == [
        (2, True, True, False, "Carmen López")
    ]
    with pytest.raises(PermissionDenied):
        visit_ratings.mark_followed_up(db, actor=world.manager, rating_id=rating.id)
    visit_ratings.mark_followed_up(db, actor=world.admin, rating_id=rating.id)
    db.commit()
    assert visit_ratings.ratings_overview(db, actor=world.admin)[1][0].followed_up


def test_a_good_rating_never_asks_for_a_call(db, world):
    task_id = reported(db, world)
    assert not _rate(db, world.client, task_id, 5, call=True).call_requested
    assert db.exec(select(OutboxMessage).where(OutboxMessage.kind == "rating_call")).all() == []
    assert list(visit_ratings.ratings_overview(db, actor=world.admin)[1]) == []


def test_the_manager_sees_their_average_and_the_comments(db, world):
    first = reported(db, world)
    second = reported(db, world, world.tasks[1], hour="13:00")
    _rate(db, world.client, first, 5, "Encantadora.")
    _rate(db, world.client, second, 2, "Muy breve.")
    summary, rows = visit_ratings.manager_feedback(db, actor=world.manager)
    assert (summary.count, summary.average, summary.low) == (2, "3.5", 1)
    assert [(r.stars, r.comment, r.rater) for r in rows] == [
        (2, "Muy breve.", "María López"),
        (5, "Encantadora.", "María López"),
    ]
    other_summary, other_rows = visit_ratings.manager_feedback(db, actor=world.other_manager)
    assert other_summary is None
    assert list(other_rows) == []
    with pytest.raises(PermissionDenied):
        visit_ratings.manager_feedback(db, actor=world.client)
