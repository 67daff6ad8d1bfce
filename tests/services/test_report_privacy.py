"""Report parts, photos and ratings in the data export, and gone (files too) when a beneficiary is erased."""

from __future__ import annotations

from sqlmodel import select

from care_portal.integrations.storage import private_root
from care_portal.models.visit_feedback import ReportParts, ReportPhoto, VisitRating
from care_portal.models.visits import Task
from care_portal.services import report_photos, visit_ratings
from care_portal.services.privacy import erasure, export
from tests.services.report_helpers import photo_with_gps, reported
from tests.services.visit_helpers import build_world


def _world_with_a_rated_report(db):
    world = build_world(db)
    task_id = reported(db, world, concern="Tos.", concern_severity="minor")
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)])
    visit_ratings.rate_visit(db, actor=world.client, task_id=task_id, stars=4, comment="Bien.")
    db.commit()
    return world, task_id


def test_the_export_carries_parts_photos_and_ratings_but_no_storage_keys(db):
    world, task_id = _world_with_a_rated_report(db)
    data = export.collect(db, world.client.id)
    assert [p["concern"] for p in data["visit_report_parts"]] == ["Tos."]
    assert [r["stars"] for r in data["visit_ratings"]] == [4]
    assert [p["task_id"] for p in data["visit_report_photos"]] == [task_id]
    assert "storage_key" not in data["visit_report_photos"][0]
    names = [name for name, _ in export._files(db, world.client.id)]
    assert any(name.startswith(f"fotos/visita-{task_id}-") for name in names)


def test_erasing_the_beneficiary_deletes_parts_photos_ratings_and_the_photo_files(db):
    world, _ = _world_with_a_rated_report(db)
    key = db.exec(select(ReportPhoto.storage_key)).one()
    assert (private_root() / key).exists()
    for task in db.exec(select(Task).where(Task.beneficiary_id == world.beneficiary_id)).all():
        task.state = "done" if task.checked_in_at else "cancelled"
        db.add(task)
    db.commit()
    outcome = erasure.erase_beneficiary(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    db.commit()
    assert (
        outcome.erased["report_photos"],
        outcome.erased["report_parts"],
        outcome.erased["visit_ratings"],
    ) == (
        1,
        1,
        1,
    )
    for model in (ReportPhoto, ReportParts, VisitRating):
        assert db.exec(select(model)).all() == []
    assert not (private_root() / key).exists()
