"""What erasure means for the family circle (called by ``services.privacy.erasure``).

Erasing a beneficiary deletes its conversation (texts, attachments, read marks: nothing there
is kept by law), ends every membership and cancels open invitations. Closing an account ends
that person's memberships; what they wrote stays in the other families' files under the
account's erased name.
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from care_portal.integrations import storage
from care_portal.models.circle import CircleInvitation, CircleMember, CircleMessage, CircleReadMark


def erase_beneficiary_circle(session: Session, *, beneficiary_id: int, now: datetime) -> dict[str, int]:
    """Delete a beneficiary's conversation and close its circle; returns counts for the audit log."""
    keys = session.exec(
        select(CircleMessage.attachment_key).where(
            CircleMessage.beneficiary_id == beneficiary_id, CircleMessage.attachment_key != ""
        )
    ).all()
    for key in keys:
        with contextlib.suppress(OSError):  # a missing file is already gone
            storage.delete_private(key)
    counts = {
        "messages": session.exec(
            delete(CircleMessage).where(CircleMessage.beneficiary_id == beneficiary_id)
        ).rowcount,
        "circle_members": session.exec(
            update(CircleMember)
            .where(CircleMember.beneficiary_id == beneficiary_id, col(CircleMember.removed_at).is_(None))
            .values(removed_at=now)
        ).rowcount,
    }
    session.exec(delete(CircleReadMark).where(CircleReadMark.beneficiary_id == beneficiary_id))
    session.exec(
        update(CircleInvitation)
        .where(CircleInvitation.beneficiary_id == beneficiary_id, col(CircleInvitation.used_at).is_(None))
        .values(revoked_at=now)
    )
    return counts


def leave_every_circle(session: Session, *, user_id: int, now: datetime) -> int:
    """End a closing account's memberships; returns how many ended."""
    return session.exec(
        update(CircleMember)
        .where(CircleMember.user_id == user_id, col(CircleMember.removed_at).is_(None))
        .values(removed_at=now)
    ).rowcount
