"""«Tareas» shows a report's parts, photos and the reader's own stars, only where the family may read them."""

from __future__ import annotations

from sqlmodel import col, select

from care_portal.models.care import Beneficiary
from care_portal.models.circle import CircleMember
from care_portal.models.visit_feedback import ReportPhoto
from care_portal.services import accounts, client_tasks, report_photos, visit_ratings
from tests.services.report_helpers import photo_with_gps, reported
from tests.services.visit_helpers import build_world


def test_a_reported_visit_shows_its_parts_photos_and_the_clients_own_stars(db):
    world = build_world(db)
    task_id = reported(db, world, mood="fair")
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)] * 2)
    sister = accounts.sign_up(
        db, full_name="Lucía López", email="lucia@example.es", password="una frase segura"
    )
    db.add(
        CircleMember(beneficiary_id=world.beneficiary_id, user_id=sister.id, invited_by_id=world.client.id)
    )
    db.commit()
    visit_ratings.rate_visit(db, actor=sister, task_id=task_id, stars=2, comment="")
    db.commit()

    row = next(r for r in client_tasks.list_client_tasks(db, actor=world.client) if r.id == task_id)
    photos = db.exec(select(ReportPhoto.id).order_by(col(ReportPhoto.id))).all()
    assert (row.report["work_done"], row.extras.parts["mood"], row.extras.photo_ids) == (
        "Paseo por el Retiro y merienda.",
        "fair",
        list(photos),
    )
    assert row.extras.my_stars == 0  # the sister's stars are hers
    visit_ratings.rate_visit(db, actor=world.client, task_id=task_id, stars=5, comment="")
    db.commit()
    row = next(r for r in client_tasks.list_client_tasks(db, actor=world.client) if r.id == task_id)
    assert row.extras.my_stars == 5
    others = [r for r in client_tasks.list_client_tasks(db, actor=world.client) if r.id != task_id]
    assert others
    assert all(r.report is None and r.extras is None for r in others)


def test_a_visit_whose_relative_the_client_may_no_longer_read_keeps_its_row_without_the_extras(db):
    world = build_world(db)
    task_id = reported(db, world)
    relative = db.get(Beneficiary, world.beneficiary_id)
    relative.client_id = world.other_client.id  # now registered by someone else, not shared with the buyer
    db.add(relative)
    db.commit()
    row = next(r for r in client_tasks.list_client_tasks(db, actor=world.client) if r.id == task_id)
    assert row.report["work_done"] == "Paseo por el Retiro y merienda."
    assert row.extras is None
