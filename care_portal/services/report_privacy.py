"""What the data-protection features do with report parts, photos and ratings.

Called by ``services.privacy``: the data export carries them (photo files included) and a
beneficiary's erasure deletes them (nothing there is kept by law), photo files first.
"""

from __future__ import annotations

import contextlib

from sqlalchemy import delete
from sqlmodel import Session, col, select

from care_portal.integrations import storage
from care_portal.models.visit_feedback import ReportParts, ReportPhoto, VisitRating


def export_rows(session: Session, *, task_ids: list[int]) -> dict[str, list]:
    """The report parts, photo records and ratings of some visits, as rows (three statements)."""
    if not task_ids:
        return {"visit_report_parts": [], "visit_report_photos": [], "visit_ratings": []}
    found = {}
    for name, model in (
        ("visit_report_parts", ReportParts),
        ("visit_report_photos", ReportPhoto),
        ("visit_ratings", VisitRating),
    ):
        rows = session.exec(
            select(model).where(col(model.task_id).in_(task_ids)).order_by(col(model.id))
        ).all()
        found[name] = list(rows)
    return found


def export_files(session: Session, *, beneficiary_ids: list[int]) -> list[tuple[str, str]]:
    """(name in the ZIP, storage key) of the beneficiaries' report photos."""
    if not beneficiary_ids:
        return []
    photos = session.exec(
        select(ReportPhoto)
        .where(col(ReportPhoto.beneficiary_id).in_(beneficiary_ids))
        .order_by(col(ReportPhoto.id))
    ).all()
    return [(f"fotos/visita-{p.task_id}-{p.id}.jpg", p.storage_key) for p in photos]


def erase_beneficiary_reports(session: Session, *, beneficiary_id: int) -> dict[str, int]:
    """Delete a beneficiary's report photos (files too), report parts and ratings; counts for the audit."""
    keys = session.exec(
        select(ReportPhoto.storage_key).where(ReportPhoto.beneficiary_id == beneficiary_id)
    ).all()
    for key in keys:
        with contextlib.suppress(OSError, ValueError):  # a missing file is already gone
            storage.delete_private(key)
    return {
        "report_photos": session.exec(
            delete(ReportPhoto).where(ReportPhoto.beneficiary_id == beneficiary_id)
        ).rowcount,
        "report_parts": session.exec(
            delete(ReportParts).where(ReportParts.beneficiary_id == beneficiary_id)
        ).rowcount,
        "visit_ratings": session.exec(
            delete(VisitRating).where(VisitRating.beneficiary_id == beneficiary_id)
        ).rowcount,
    }
