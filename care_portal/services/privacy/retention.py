"""Retention without manual work: the daily clean-up, each run logged with its counts.

- staged uploads never saved: deleted after 24 hours;
- private files no row points at (a replaced CV, a deleted document or photo, an old
  export, a message attachment or invoice PDF whose row was never committed or was
  purged): deleted once older than 24 hours (a younger one may belong to a form
  being saved right now); an invoice's PDF is re-rendered from its row when asked;
- rejected candidates' CVs and answers: erased ``CANDIDATE_RETENTION_MONTHS``
  after the rejection unless they agreed to stay in the pool;
- expired or revoked sessions and used or expired reset tokens: purged;
- blocked data whose period has ended: purged (:func:`erasure.purge_expired` for erased
  beneficiaries, :func:`purge.purge_expired_accounts` for closed accounts' invoices and
  billing data).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.privacy import STAGED_UPLOAD_HOURS, add_months
from care_portal.integrations.storage import private_root
from care_portal.models import (
    Application,
    ApplicationAnswer,
    AuthSession,
    BeneficiaryDocument,
    CircleMessage,
    DataExport,
    Invoice,
    PasswordResetToken,
    VisitReport,
)
from care_portal.services.audit import record_event
from care_portal.services.privacy.erasure import purge_expired
from care_portal.services.privacy.purge import purge_expired_accounts

SWEPT_AREAS = ("documents", "cvs", "exports", "photos", "messages", "invoices")
"""Folders whose files must each be referenced by a row (``staging`` has its own rule)."""


def _older_files(folder: Path, cutoff: datetime) -> list[Path]:
    if not folder.is_dir():
        return []
    return [
        p for p in folder.iterdir() if p.is_file() and datetime.fromtimestamp(p.stat().st_mtime, UTC) < cutoff
    ]


def _referenced_keys(session: Session) -> set[str]:
    keys = set(session.exec(select(BeneficiaryDocument.storage_key)).all())
    keys |= set(session.exec(select(Application.cv_key).where(Application.cv_key != "")).all())
    keys |= set(session.exec(select(DataExport.storage_key).where(DataExport.storage_key != "")).all())
    keys |= set(
        session.exec(select(CircleMessage.attachment_key).where(CircleMessage.attachment_key != "")).all()
    )
    keys |= set(session.exec(select(Invoice.pdf_key)).all())
    keys |= {key for photos in session.exec(select(VisitReport.photo_keys)).all() for key in photos or []}
    return keys


def _erase_rejected_candidates(session: Session, now: datetime) -> int:
    months = get_settings().candidate_retention_months
    cutoff = add_months(now, -months)
    rows = session.exec(
        select(Application).where(
            Application.stage == "rejected",
            col(Application.stay_in_pool).is_(False),
            col(Application.updated_at) < cutoff,
            or_(Application.cv_key != "", Application.experience != ""),
        )
    ).all()
    if not rows:
        return 0
    ids = [r.id for r in rows]
    session.exec(delete(ApplicationAnswer).where(col(ApplicationAnswer.application_id).in_(ids)))
    for row in rows:
        row.cv_key, row.cv_name, row.cv_mime, row.cv_size = "", "", "", 0
        row.experience, row.languages, row.phone = "", "", ""
        session.add(row)
    return len(rows)


def run_retention(session: Session, *, now: datetime) -> dict[str, int]:
    """Run one clean-up pass and log it; files are deleted only after the rows are committed-safe.

    Returns:
        How many items of each kind were removed.
    """
    root = private_root()
    day_ago = now - timedelta(hours=STAGED_UPLOAD_HOURS)
    counts = {
        "rejected_candidates": _erase_rejected_candidates(session, now),
        "sessions": session.exec(
            delete(AuthSession).where(
                or_(col(AuthSession.expires_at) < now, col(AuthSession.revoked_at).is_not(None))
            )
        ).rowcount,
        "reset_tokens": session.exec(
            delete(PasswordResetToken).where(
                or_(col(PasswordResetToken.expires_at) < now, col(PasswordResetToken.used_at).is_not(None))
            )
        ).rowcount,
        "blocked_purged": purge_expired(session, now=now),
        "accounts_purged": purge_expired_accounts(session, now=now),
    }
    session.flush()
    stale = _older_files(root / "staging", day_ago)
    referenced = _referenced_keys(session)
    orphans = [
        path
        for area in SWEPT_AREAS
        for path in _older_files(root / area, day_ago)
        if f"{area}/{path.name}" not in referenced
    ]
    for path in stale + orphans:
        path.unlink(missing_ok=True)
    counts["staged_uploads"], counts["orphan_files"] = len(stale), len(orphans)
    record_event(session, actor_id=None, action="retention.run", details=counts)
    return counts
