"""Up to four photos per visit report: cleaned on arrival, encrypted, read only by the circle and staff."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.photos import clean_photo
from care_portal.domain.upload_limits import PHOTOS_PER_REPORT
from care_portal.integrations.storage import delete_private, read_private, save_private
from care_portal.models import AccessSubject, Role
from care_portal.models.visit_feedback import ReportPhoto
from care_portal.services.access_log import record_access
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.report_access import load_readable_task
from care_portal.services.visits import load_managed_task

MAX_PHOTOS = PHOTOS_PER_REPORT
PHOTO_AREA = "photos"


@dataclass(frozen=True)
class PhotoFile:
    """A photo's bytes, ready to send."""

    name: str
    data: bytes


def add_photos(session: Session, *, actor: Viewer | None, task_id: int, uploads: list[bytes]) -> int:
    """Add photos taken at a visit (its manager, once checked in); all or none are kept.

    Each photo must be a real image within the size bounds; it is stored resized to at
    most 1600 px, upright, without EXIF (no location), encrypted.

    Returns:
        How many photos the visit has now.

    Raises:
        NotFound: Not one of the actor's visits.
        DomainError: ``visits.report_before_visit``, ``reports.too_many_photos`` or a photo's problem.
    """
    actor = ensure_role(actor, Role.MANAGER)
    task = load_managed_task(session, actor, task_id, write=True, lock=True)
    if task.checked_in_at is None:
        raise DomainError("visits.report_before_visit", field="photos")
    have = session.exec(
        select(func.count()).select_from(ReportPhoto).where(ReportPhoto.task_id == task.id)
    ).one()
    if have + len(uploads) > MAX_PHOTOS:
        raise DomainError("reports.too_many_photos", field="photos", max=MAX_PHOTOS)
    cleaned = [clean_photo(data) for data in uploads]
    stored: list[str] = []
    try:
        for photo in cleaned:
            key = save_private(PHOTO_AREA, photo.data, "jpg")
            stored.append(key)
            session.add(
                ReportPhoto(
                    task_id=task.id,
                    beneficiary_id=task.beneficiary_id,
                    uploaded_by_id=actor.id,
                    storage_key=key,
                    width=photo.width,
                    height=photo.height,
                    size_bytes=len(photo.data),
                )
            )
        session.flush()
    except BaseException:
        for key in stored:
            delete_private(key)
        raise
    record_event(
        session,
        actor_id=actor.id,
        action="reports.photos_added",
        target_type="task",
        target_id=task.id,
        details={"count": len(cleaned)},
    )
    return have + len(cleaned)


def remove_photo(session: Session, *, actor: Viewer | None, task_id: int, photo_id: int) -> None:
    """Remove a photo from a visit report (its manager); the stored file is deleted.

    Raises:
        NotFound: Not one of the actor's visits, or not a photo of that visit.
    """
    actor = ensure_role(actor, Role.MANAGER)
    task = load_managed_task(session, actor, task_id, write=True)
    photo = session.get(ReportPhoto, photo_id)
    if photo is None or photo.task_id != task.id:
        raise NotFound()
    key = photo.storage_key
    session.delete(photo)
    session.flush()
    record_event(
        session, actor_id=actor.id, action="reports.photo_removed", target_type="task", target_id=task.id
    )
    delete_private(key)


def open_photo(session: Session, *, actor: Viewer | None, photo_id: int) -> PhotoFile:
    """Return a photo to whoever may read its visit (circle and staff); the read is logged.

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: Anyone else, or a missing photo.
    """
    actor = ensure_role(actor)
    photo = session.get(ReportPhoto, photo_id)
    if photo is None:
        raise NotFound()
    load_readable_task(session, actor, photo.task_id)
    record_access(
        session,
        viewer=actor,
        beneficiary_id=photo.beneficiary_id,
        subject=AccessSubject.PHOTO,
        target_id=photo.id,
    )
    return PhotoFile(name=f"foto-visita-{photo.task_id}-{photo.id}.jpg", data=read_private(photo.storage_key))


def photos_by_task(session: Session, task_ids: list[int]) -> dict[int, list[int]]:
    """Return the photo ids of several visits, oldest first, in one statement (the caller checked access)."""
    if not task_ids:
        return {}
    found: dict[int, list[int]] = {}
    rows = session.exec(
        select(ReportPhoto.task_id, ReportPhoto.id)
        .where(col(ReportPhoto.task_id).in_(task_ids))
        .order_by(col(ReportPhoto.id))
    ).all()
    for task_id, photo_id in rows:
        found.setdefault(task_id, []).append(photo_id)
    return found
