"""«Quién ha consultado los datos»: every read of health data and documents, shown to the family.

Reads are recorded by the services that show the data (project page, manager
dashboard and task page, document and consent downloads, visit reports), in
the reader's own transaction. The family sees the log of each beneficiary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from care_portal.domain.formatting import format_datetime
from care_portal.models import AccessLogEntry, AccessSubject, Role
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import load_owned

PAGE_SIZE = 25


@dataclass(frozen=True)
class AccessRow:
    """One read as the family sees it."""

    who: str
    role: str
    when: str
    subject: str


@dataclass(frozen=True)
class AccessPage:
    """A page of a beneficiary's access log, newest first."""

    rows: list[AccessRow]
    page: int
    pages: int
    total: int


def record_access(
    session: Session,
    *,
    viewer: Viewer,
    beneficiary_id: int,
    subject: AccessSubject,
    target_id: int | None = None,
) -> None:
    """Add one read to the log, in the caller's transaction (the caller commits)."""
    session.add(
        AccessLogEntry(
            beneficiary_id=beneficiary_id,
            viewer_id=viewer.id,
            viewer_name=viewer.full_name,
            viewer_role=viewer.role,
            subject=subject.value,
            target_id=target_id,
        )
    )


def record_many(
    session: Session, *, viewer: Viewer, beneficiary_ids: Iterable[int], subject: AccessSubject
) -> None:
    """Log the same kind of read for several beneficiaries (a dashboard listing their notes)."""
    session.add_all(
        AccessLogEntry(
            beneficiary_id=beneficiary_id,
            viewer_id=viewer.id,
            viewer_name=viewer.full_name,
            viewer_role=viewer.role,
            subject=subject.value,
        )
        for beneficiary_id in beneficiary_ids
    )


def list_access(session: Session, *, actor: Viewer | None, beneficiary_id: int, page: int = 1) -> AccessPage:
    """Return one page of who read a beneficiary's health data and documents.

    Only the beneficiary's client (and admins) see it; two statements per page.

    Raises:
        NotFound: Anyone else, or a missing beneficiary.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id)
    total = session.exec(
        select(func.count()).select_from(AccessLogEntry).where(AccessLogEntry.beneficiary_id == row.id)
    ).one()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    entries = session.exec(
        select(AccessLogEntry)
        .where(AccessLogEntry.beneficiary_id == row.id)
        .order_by(col(AccessLogEntry.created_at).desc(), col(AccessLogEntry.id).desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    return AccessPage(
        rows=[
            AccessRow(
                who=entry.viewer_name,
                role=entry.viewer_role,
                when=format_datetime(entry.created_at),
                subject=entry.subject,
            )
            for entry in entries
        ],
        page=page,
        pages=pages,
        total=total,
    )
