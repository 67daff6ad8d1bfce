"""Report photos: real images only, at most four, resized, no EXIF (no location), encrypted, circle only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound
from care_portal.integrations.storage import private_root
from care_portal.models import AccessLogEntry, Role
from care_portal.models.visit_feedback import ReportPhoto
from care_portal.services import accounts, report_photos
from tests.services.report_helpers import GPS_IFD, photo_with_gps, reported, visited
from tests.services.visit_helpers import build_world


@pytest.fixture
def world(db):
    return build_world(db)


def _stored_files() -> set[Path]:
    folder = private_root() / report_photos.PHOTO_AREA
    return set(folder.glob("*")) if folder.exists() else set()


def test_a_phone_photo_loses_its_location_and_is_resized(db, world):
    original = photo_with_gps(4000, 3000)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test photo does carry GPS
    task_id = reported(db, world)
    assert report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[original]) == 1
    db.commit()
    photo = db.exec(select(ReportPhoto)).one()
    assert (photo.width, photo.height) == (1600, 1200)

    served = report_photos.open_photo(db, actor=world.client, photo_id=photo.id)
    image = Image.open(io.BytesIO(served.data))
    assert image.format == "JPEG"
    assert image.size == (1600, 1200)
    assert dict(image.getexif()) == {}
    assert image.getexif().get_ifd(GPS_IFD) == {}
    assert b"Exif" not in served.data
    assert b"TelefonoDePrueba" not in served.data
    on_disk = (private_root() / photo.storage_key).read_bytes()
    assert not on_disk.startswith(b"\xff\xd8")
    assert served.data not in on_disk


def test_a_png_with_exif_is_kept_as_a_clean_jpeg_within_bounds(db, world):
    task_id = visited(db, world)
    report_photos.add_photos(
        db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(900, 2400, "PNG")]
    )
    db.commit()
    photo = db.exec(select(ReportPhoto)).one()
    assert (photo.width, photo.height) == (600, 1600)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%%EOF\n",
        b"\xff\xd8\xff\xe0 not really a jpeg",
        b"MZ\x90\x00 an executable",
        b"",
    ],
)
def test_anything_but_an_image_is_refused_and_nothing_is_stored(db, world, data):
    task_id = visited(db, world)
    before = _stored_files()
    good = photo_with_gps(800, 600)
    with pytest.raises(DomainError) as refused:
        report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[good, data])
    assert refused.value.key in ("reports.photo_not_image", "reports.photo_empty")
    assert refused.value.field == "photos"
    db.rollback()
    assert db.exec(select(ReportPhoto)).all() == []
    assert _stored_files() == before


def test_tiny_images_are_refused(db, world):
    task_id = visited(db, world)
    with pytest.raises(DomainError, match="reports.photo_dimensions"):
        report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(20, 20)])


def test_at_most_four_photos_per_report(db, world):
    task_id = visited(db, world)
    small = photo_with_gps(320, 240)
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[small] * 3)
    db.commit()
    with pytest.raises(DomainError, match="reports.too_many_photos"):
        report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[small, small])
    db.rollback()
    assert len(db.exec(select(ReportPhoto)).all()) == 3


def test_photos_wait_for_the_check_in_and_belong_to_the_visit_manager(db, world):
    small = photo_with_gps(320, 240)
    with pytest.raises(DomainError, match="visits.report_before_visit"):
        report_photos.add_photos(db, actor=world.manager, task_id=world.tasks[0], uploads=[small])
    task_id = visited(db, world)
    for stranger in (world.other_manager, world.client):
        with pytest.raises((NotFound, DomainError)):
            report_photos.add_photos(db, actor=stranger, task_id=task_id, uploads=[small])
    db.rollback()
    assert db.exec(select(ReportPhoto)).all() == []


def test_only_the_family_and_staff_see_a_photo_and_each_view_is_logged(db, world):
    task_id = reported(db, world)
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)])
    db.commit()
    photo_id = db.exec(select(ReportPhoto.id)).one()
    recruiter = accounts.sign_up(
        db, full_name="Sara", email="sara@example.es", password="una frase segura", role=Role.RECRUITER
    )
    for stranger in (world.other_client, world.other_manager, recruiter):
        with pytest.raises(NotFound):
            report_photos.open_photo(db, actor=stranger, photo_id=photo_id)
    for reader in (world.client, world.manager, world.admin):
        assert report_photos.open_photo(db, actor=reader, photo_id=photo_id).data.startswith(b"\xff\xd8")
    db.commit()
    logged = db.exec(select(AccessLogEntry).where(AccessLogEntry.subject == "photo")).all()
    assert sorted(e.viewer_role for e in logged) == ["admin", "client", "manager"]
    assert {e.target_id for e in logged} == {photo_id}


def test_the_manager_removes_a_photo_and_its_file(db, world):
    task_id = visited(db, world)
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)])
    db.commit()
    photo = db.exec(select(ReportPhoto)).one()
    with pytest.raises(NotFound):
        report_photos.remove_photo(db, actor=world.other_manager, task_id=task_id, photo_id=photo.id)
    with pytest.raises(NotFound):
        report_photos.remove_photo(db, actor=world.manager, task_id=world.tasks[1], photo_id=photo.id)
    assert (private_root() / photo.storage_key).exists()
    report_photos.remove_photo(db, actor=world.manager, task_id=task_id, photo_id=photo.id)
    db.commit()
    assert db.exec(select(ReportPhoto)).all() == []
    assert not (private_root() / photo.storage_key).exists()
