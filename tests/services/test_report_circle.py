"""The family circle reads reports, photos and the timeline, rates visits and hears of serious concerns."""

from __future__ import annotations

import pytest
from sqlmodel import select

from care_portal.domain.errors import NotFound
from care_portal.models import OutboxMessage
from care_portal.models.circle import CircleMember, CircleMessage
from care_portal.models.types import utcnow
from care_portal.models.visit_feedback import ReportPhoto
from care_portal.services import accounts, report_photos, report_views, visit_ratings
from care_portal.services.beneficiary_timeline import beneficiary_timeline
from tests.services.report_helpers import photo_with_gps, reported
from tests.services.visit_helpers import build_world


@pytest.fixture
def world(db):
    return build_world(db)


def _member(db, world, email: str, *, can_message: bool = False, removed: bool = False):
    sister = accounts.sign_up(db, full_name="Lucía López", email=email, password="una frase segura")
    db.add(
        CircleMember(
            beneficiary_id=world.beneficiary_id,
            user_id=sister.id,
            invited_by_id=world.client.id,
            can_message=can_message,
            removed_at=utcnow() if removed else None,
        )
    )
    db.commit()
    return sister


def test_a_circle_member_sees_the_photo_rates_and_reads_the_timeline(db, world):
    sister = _member(db, world, "lucia@example.es")
    task_id = reported(db, world, concern="Se cayó en el baño.", concern_severity="serious")
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)])
    db.add(
        CircleMessage(beneficiary_id=world.beneficiary_id, author_id=world.client.id, body="¿Qué tal ayer?")
    )
    db.commit()
    serious = db.exec(select(OutboxMessage.to_address).where(OutboxMessage.kind == "serious_concern")).all()
    assert "lucia@example.es" in serious

    photo_id = db.exec(select(ReportPhoto.id)).one()
    assert report_photos.open_photo(db, actor=sister, photo_id=photo_id).data.startswith(b"\xff\xd8")
    visit_ratings.rate_visit(db, actor=sister, task_id=task_id, stars=3, comment="Bien.")
    visit_ratings.rate_visit(
        db, actor=world.client, task_id=task_id, stars=5, comment=""
    )  # each family member once
    db.commit()

    member_kinds = {
        e.kind for e in beneficiary_timeline(db, actor=sister, beneficiary_id=world.beneficiary_id).entries
    }
    client_kinds = {
        e.kind
        for e in beneficiary_timeline(db, actor=world.client, beneficiary_id=world.beneficiary_id).entries
    }
    assert "message" not in member_kinds  # not allowed to take part in the conversation
    assert client_kinds - member_kinds == {"message"}
    message = next(
        e
        for e in beneficiary_timeline(db, actor=world.client, beneficiary_id=world.beneficiary_id).entries
        if e.kind == "message"
    )
    assert (message.title, message.detail) == ("María López", "¿Qué tal ayer?")
    messaging = _member(db, world, "pepe@example.es", can_message=True)
    assert "message" in {
        e.kind for e in beneficiary_timeline(db, actor=messaging, beneficiary_id=world.beneficiary_id).entries
    }


def test_a_removed_member_sees_nothing_and_cannot_rate(db, world):
    former = _member(db, world, "lucia@example.es", removed=True)
    task_id = reported(db, world)
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)])
    db.commit()
    photo_id = db.exec(select(ReportPhoto.id)).one()
    with pytest.raises(NotFound):
        report_photos.open_photo(db, actor=former, photo_id=photo_id)
    with pytest.raises(NotFound):
        visit_ratings.rate_visit(db, actor=former, task_id=task_id, stars=1, comment="")
    with pytest.raises(NotFound):
        beneficiary_timeline(db, actor=former, beneficiary_id=world.beneficiary_id)


def test_the_pages_get_parts_photos_and_own_stars_only_for_visits_the_reader_may_read(db, world):
    sister = _member(db, world, "lucia@example.es")
    task_id = reported(db, world, mood="fair")
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)] * 2)
    visit_ratings.rate_visit(db, actor=sister, task_id=task_id, stars=2, comment="")
    db.commit()
    mine = report_views.family_extras(db, actor=sister, task_ids=[task_id, world.other_tasks[0]])
    assert list(mine) == [task_id]
    flat = report_views.flat_extras(mine[task_id])
    assert (flat["parts_mood"], flat["my_stars"], flat["photo_count"], flat["photo_3"]) == (
        "fair",
        "2",
        "2",
        "",
    )
    assert report_views.family_extras(db, actor=world.other_client, task_ids=[task_id]) == {}
    assert (
        report_views.flat_extras(
            report_views.family_extras(db, actor=world.client, task_ids=[task_id])[task_id]
        )["my_stars"]
        == ""
    )
