"""Erasure and blocking (RGPD art. 17, LOPDGDD art. 32): erase a beneficiary, close an account.

What the law requires to keep is *blocked*: kept, hidden from everyone (only an
admin acting for an authority can read it, and that read is audited) and purged
when its period ends. Everything else is erased at once:

- erased: health notes, phone, NIF, birth date, preferences, household members,
  attached documents (rows and files), task notes, contact log, visit reports,
  messages' text, order observations; for an account, the billing profile,
  sessions, reset tokens, exports, log-in attempts and its e-mails;
- blocked: the beneficiary's name and address (they appear on invoices), the
  consent records and the signed consent (proof of lawful processing), orders,
  tasks' dates and states, invoices and billing records (six years);
- purged by :func:`purge_expired` once ``purge_after`` passes: consent records,
  the remaining documents, the access log, the name and address, and the
  beneficiary's name on the invoices (their period has ended by then too); a closed
  account's invoices and billing data: :mod:`care_portal.services.privacy.purge`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.domain.privacy import blocked_until
from care_portal.integrations import storage
from care_portal.models import (
    AccessLogEntry,
    AuthSession,
    Beneficiary,
    BeneficiaryDocument,
    BillingProfile,
    ChangeRequest,
    ConsentRecord,
    ContactLogEntry,
    DataExport,
    DocumentKind,
    HouseholdMember,
    Invoice,
    LoginAttempt,
    Order,
    OutboxMessage,
    PasswordResetToken,
    Role,
    Task,
    User,
    VisitReport,
    append_only,
)
from care_portal.models.types import utcnow
from care_portal.services import report_privacy
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import load_owned
from care_portal.services.care_documents.consent import withdraw_consent
from care_portal.services.circle import erasure as circle_erasure
from care_portal.services.privacy.purge import anonymise_invoices, invoices_of_orders
from care_portal.services.privacy.rights import file_request

OPEN_STATES = ("pending_appointment", "scheduled", "in_progress")
PROOF_KINDS = (
    DocumentKind.SIGNED_CONSENT.value,
    DocumentKind.SIGNATURE.value,
    DocumentKind.REPRESENTATION.value,
)


@dataclass(frozen=True)
class ErasureOutcome:
    """What an erasure did: counts of erased rows, and until when the rest stays blocked."""

    erased: dict[str, int]
    blocked_until: datetime


def _delete_files(keys: list[str]) -> None:
    for key in keys:
        try:
            storage.delete_private(key)
        except (OSError, ValueError):
            continue


def _ensure_no_open_tasks(session: Session, beneficiary_ids: list[int]) -> None:
    if not beneficiary_ids:
        return
    open_tasks = session.exec(
        select(func.count())
        .select_from(Task)
        .where(col(Task.beneficiary_id).in_(beneficiary_ids), col(Task.state).in_(OPEN_STATES))
    ).one()
    if open_tasks:
        raise DomainError("privacy.open_tasks", count=open_tasks)


def _erase_one(session: Session, actor: Viewer, row: Beneficiary, now: datetime) -> dict[str, int]:
    """Erase what is not kept by law and block the rest of one beneficiary."""
    if row.consent_state == "signed" or row.health_consent or row.communications_consent:
        withdraw_consent(session, actor=actor, beneficiary_id=row.id)
    task_ids = list(session.exec(select(Task.id).where(Task.beneficiary_id == row.id)).all())
    documents = session.exec(
        select(BeneficiaryDocument).where(
            BeneficiaryDocument.beneficiary_id == row.id, col(BeneficiaryDocument.kind).not_in(PROOF_KINDS)
        )
    ).all()
    reports = (
        session.exec(select(VisitReport).where(col(VisitReport.task_id).in_(task_ids))).all()
        if task_ids
        else []
    )
    _delete_files([d.storage_key for d in documents] + [k for r in reports for k in r.photo_keys])
    counts = {
        "household_members": session.exec(
            delete(HouseholdMember).where(HouseholdMember.beneficiary_id == row.id)
        ).rowcount,
        "documents": session.exec(
            delete(BeneficiaryDocument).where(col(BeneficiaryDocument.id).in_([d.id for d in documents]))
        ).rowcount,
    }
    if task_ids:
        counts["contact_log"] = session.exec(
            delete(ContactLogEntry).where(col(ContactLogEntry.task_id).in_(task_ids))
        ).rowcount
        counts["visit_reports"] = session.exec(
            delete(VisitReport).where(col(VisitReport.task_id).in_(task_ids))
        ).rowcount
        session.exec(update(Task).where(col(Task.id).in_(task_ids)).values(notes=""))
        session.exec(update(ChangeRequest).where(col(ChangeRequest.task_id).in_(task_ids)).values(message=""))
    session.exec(
        update(Order).where(Order.beneficiary_id == row.id).values(observations="", preferred_dates="")
    )
    counts.update(circle_erasure.erase_beneficiary_circle(session, beneficiary_id=row.id, now=now))
    counts.update(report_privacy.erase_beneficiary_reports(session, beneficiary_id=row.id))
    row.care_notes, row.phone, row.nif, row.birth_date = "", "", "", None
    row.relationship, row.preferred_times, row.household_size = "", "", 1
    row.archived_at = row.archived_at or now
    row.blocked_at = now
    last_invoice = session.exec(
        select(func.max(Invoice.issued_at)).where(Invoice.client_id == row.client_id)
    ).one()
    row.purge_after = blocked_until(now, last_invoice)
    session.add(row)
    record_event(
        session,
        actor_id=actor.id,
        action="privacy.beneficiary_erased",
        target_type="beneficiary",
        target_id=row.id,
        details=counts,
    )
    return counts


def erase_beneficiary(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, now: datetime | None = None
) -> ErasureOutcome:
    """Erase one of the client's beneficiaries, blocking what the law requires to keep.

    Raises:
        NotFound: Not the actor's beneficiary, or already erased.
        DomainError: ``privacy.open_tasks`` while visits are still to be done or cancelled.
    """
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    row = load_owned(session, actor, beneficiary_id)
    _ensure_no_open_tasks(session, [row.id])
    counts = _erase_one(session, actor, row, now)
    file_request(
        session,
        actor=actor,
        kind="erasure",
        beneficiary_id=row.id,
        details="beneficiary",
        now=now,
        closed_outcome="privacy.erased_blocked",
    )
    return ErasureOutcome(counts, row.purge_after)


def close_account(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> ErasureOutcome:
    """Close the client's account: erase every beneficiary and the account's own data.

    The user row stays, blocked and without personal data, because invoices and
    consent records point at it; invoices keep their own copy of the billing data.

    Raises:
        DomainError: ``privacy.open_tasks`` while visits are still to be done or cancelled.
    """
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    rows = session.exec(
        select(Beneficiary).where(Beneficiary.client_id == actor.id, col(Beneficiary.blocked_at).is_(None))
    ).all()
    _ensure_no_open_tasks(session, [r.id for r in rows])
    counts: dict[str, int] = {"beneficiaries": len(rows)}
    for row in rows:
        for key, value in _erase_one(session, actor, row, now).items():
            counts[key] = counts.get(key, 0) + value
    file_request(
        session,
        actor=actor,
        kind="erasure",
        details="account",
        now=now,
        closed_outcome="privacy.erased_blocked",
    )
    user = session.get(User, actor.id)
    exports = session.exec(select(DataExport).where(DataExport.user_id == user.id)).all()
    _delete_files([e.storage_key for e in exports if e.storage_key])
    counts["billing_profiles"] = session.exec(
        delete(BillingProfile).where(BillingProfile.user_id == user.id)
    ).rowcount
    counts["sessions"] = session.exec(delete(AuthSession).where(AuthSession.user_id == user.id)).rowcount
    counts["circle_memberships"] = circle_erasure.leave_every_circle(session, user_id=user.id, now=now)
    session.exec(delete(PasswordResetToken).where(PasswordResetToken.user_id == user.id))
    session.exec(delete(DataExport).where(DataExport.user_id == user.id))
    session.exec(delete(LoginAttempt).where(LoginAttempt.email == user.email))
    counts["emails"] = session.exec(
        delete(OutboxMessage).where(OutboxMessage.to_address == user.email)
    ).rowcount
    last_invoice = session.exec(select(func.max(Invoice.issued_at)).where(Invoice.client_id == user.id)).one()
    user.email = f"suprimido-{user.id}@invalid.example"
    user.full_name, user.phone, user.is_active = "—", "", False
    user.password_hash = "!" + secrets.token_hex(16)
    user.blocked_at, user.purge_after = now, blocked_until(now, last_invoice)
    session.add(user)
    record_event(
        session,
        actor_id=user.id,
        action="privacy.account_closed",
        target_type="user",
        target_id=user.id,
        details=counts,
    )
    return ErasureOutcome(counts, user.purge_after)


def authority_view(session: Session, *, actor: Viewer | None, beneficiary_id: int, reason: str) -> dict:
    """Show a blocked beneficiary's kept data to an admin acting for an authority; audited with the reason.

    Raises:
        NotFound: Not blocked (ordinary access applies) or missing.
        ValidationFailed: No reason (which authority, which file) given.
    """
    actor = ensure_role(actor, Role.ADMIN)
    row = session.get(Beneficiary, beneficiary_id)
    if row is None or row.blocked_at is None:
        raise NotFound()
    reason = reason.strip()
    if len(reason) < 5:
        raise ValidationFailed({"reason": "privacy.authority_reason_required"})
    consents = session.exec(select(ConsentRecord).where(ConsentRecord.beneficiary_id == row.id)).all()
    record_event(
        session,
        actor_id=actor.id,
        action="privacy.blocked_data_viewed",
        target_type="beneficiary",
        target_id=row.id,
        details={"reason": reason},
    )
    return {
        "full_name": row.full_name,
        "address": f"{row.street}, {row.postal_code} {row.town}",
        "blocked_at": format_datetime(row.blocked_at),
        "purge_after": format_datetime(row.purge_after),
        "consents": [(c.action, c.purposes, c.signer_name, format_datetime(c.created_at)) for c in consents],
    }


def purge_expired(session: Session, *, now: datetime | None = None) -> int:
    """Purge blocked beneficiaries whose period has ended (the daily job calls it).

    Consent records are append-only; the purge is the one place that lifts that
    guard, inside its own transaction.

    Returns:
        How many beneficiaries were purged.
    """
    now = now or utcnow()
    rows = session.exec(
        select(Beneficiary).where(
            col(Beneficiary.purge_after).is_not(None), col(Beneficiary.purge_after) <= now
        )
    ).all()
    if not rows:
        return 0
    ids = [r.id for r in rows]
    documents = session.exec(
        select(BeneficiaryDocument).where(col(BeneficiaryDocument.beneficiary_id).in_(ids))
    ).all()
    with append_only.lifted(session.connection()):
        session.exec(delete(ConsentRecord).where(col(ConsentRecord.beneficiary_id).in_(ids)))
    session.exec(delete(BeneficiaryDocument).where(col(BeneficiaryDocument.beneficiary_id).in_(ids)))
    session.exec(delete(AccessLogEntry).where(col(AccessLogEntry.beneficiary_id).in_(ids)))
    anonymise_invoices(session, invoices_of_orders(session, ids), recipient=False)
    for row in rows:
        row.full_name, row.street, row.postal_code, row.town, row.province = "—", "", "", "", ""
        row.purge_after = None
        session.add(row)
    session.flush()
    _delete_files([d.storage_key for d in documents])
    record_event(session, actor_id=None, action="privacy.purged", details={"beneficiaries": len(rows)})
    return len(rows)
