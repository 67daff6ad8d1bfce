"""What a page shows of visit reports besides the free text: parts, photos, the reader's own rating.

Three statements for a whole page of visits, whatever its length (parts, photos, ratings,
each in one ``IN (…)``). The family's reads go through ``load_readable`` for each
beneficiary on the page; the manager's through the task page's own check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from care_portal.models import Role
from care_portal.models.visits import Task
from care_portal.services import report_parts, report_photos, visit_ratings
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import readable_beneficiary_ids
from care_portal.services.report_photos import MAX_PHOTOS
from care_portal.services.visits import load_managed_task


@dataclass(frozen=True)
class ReportExtras:
    """A visit report's structured parts and photo ids, and the stars the reader gave (0: none)."""

    parts: dict[str, str]
    photo_ids: list[int] = field(default_factory=list)
    my_stars: int = 0


def family_extras(session: Session, *, actor: Viewer | None, task_ids: list[int]) -> dict[int, ReportExtras]:
    """Return the extras of the visits the actor's family may read among ``task_ids`` (four statements).

    Visits of beneficiaries the actor may not read are left out silently.
    """
    actor = ensure_role(actor)
    if not task_ids:
        return {}
    readable = list(
        session.exec(
            select(Task.id).where(
                col(Task.id).in_(task_ids), col(Task.beneficiary_id).in_(readable_beneficiary_ids(actor))
            )
        ).all()
    )
    parts = report_parts.parts_by_task(session, readable)
    photos = report_photos.photos_by_task(session, readable)
    stars = visit_ratings.my_ratings(session, actor=actor, task_ids=readable)
    return {
        task_id: ReportExtras(
            parts=parts.get(task_id) or report_parts.parts_dict(None),
            photo_ids=photos.get(task_id, []),
            my_stars=stars.get(task_id, 0),
        )
        for task_id in readable
    }


def manager_extras(session: Session, *, actor: Viewer | None, task_id: int) -> ReportExtras:
    """Return a visit's report parts and photos for the manager's task page.

    Raises:
        NotFound: Not a visit the actor may read as its manager.
    """
    actor = ensure_role(actor, Role.MANAGER)
    task = load_managed_task(session, actor, task_id, write=False)
    parts = report_parts.parts_by_task(session, [task.id]).get(task.id) or report_parts.parts_dict(None)
    return ReportExtras(
        parts=parts, photo_ids=report_photos.photos_by_task(session, [task.id]).get(task.id, [])
    )


def flat_extras(extras: ReportExtras | None) -> dict[str, str]:
    """The extras as page strings: ``parts_mood``…, ``photo_1``…``photo_4`` ("" when absent), ``my_stars``."""
    extras = extras or ReportExtras(parts=report_parts.parts_dict(None))
    flat = {f"parts_{name}": value for name, value in extras.parts.items()}
    for number in range(1, MAX_PHOTOS + 1):
        ids = extras.photo_ids
        flat[f"photo_{number}"] = str(ids[number - 1]) if len(ids) >= number else ""
    flat["photo_count"] = str(len(extras.photo_ids))
    flat["my_stars"] = str(extras.my_stars) if extras.my_stars else ""
    return flat
