"""The end of blocking for closed accounts: what was kept for the law is purged when its period ends.

A closed account (:func:`erasure.close_account`) keeps, blocked, its invoices and
billing data for six years after the last invoice (and at least the consent-proof
period). When ``purge_after`` passes, the daily job removes what still identifies
the person:

- invoices: the recipient's name, NIF and address and the beneficiary's name are
  replaced by «—» and the stored PDFs are deleted (a later copy would show «—»);
  numbers, dates, amounts, lines and the VeriFactu records (which hold no personal
  data) stay, so the hash chain and the accounts still add up;
- orders: the billing data copied at checkout;
- rights requests and withdrawals: the free text the client wrote.

Invoices are immutable (database triggers and the ORM guard): this purge is the one
deliberate step that lifts the invoices' triggers, inside its own transaction, and
puts them back before it ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import bindparam, text, update
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from care_portal.db_immutability import create_triggers
from care_portal.integrations import storage
from care_portal.models import Invoice, Order, OrderWithdrawal, RightsRequest, User
from care_portal.services.audit import record_event

PURGED = "—"


@contextmanager
def invoices_unlocked(conn: Connection) -> Iterator[None]:
    """Lift the invoices' refusing triggers inside ``conn``'s transaction; every trigger is back after."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP TRIGGER IF EXISTS immutable_invoices ON invoices"))
    else:
        for operation in ("update", "delete"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS immutable_invoices_{operation}"))
    try:
        yield
    finally:
        create_triggers(conn)


def anonymise_invoices(session: Session, invoice_ids: list[int], *, recipient: bool) -> int:
    """Replace the personal data of these invoices by «—» and delete their stored PDFs.

    Args:
        session: Open session (the caller commits).
        invoice_ids: Invoices whose retention period has ended.
        recipient: Also the recipient's name, NIF and address (a closed account), not only the
            beneficiary's name (an erased beneficiary).

    Returns:
        How many invoices were changed.
    """
    if not invoice_ids:
        return 0
    keys = list(session.exec(select(Invoice.pdf_key).where(col(Invoice.id).in_(invoice_ids))).all())
    values = "beneficiary_name = :purged"
    if recipient:
        values += ", recipient_name = :purged, recipient_nif = '', recipient_address = ''"
    statement = text(f"UPDATE invoices SET {values} WHERE id IN :ids").bindparams(  # noqa: S608 - fixed columns
        bindparam("ids", expanding=True)
    )
    session.flush()
    conn = session.connection()
    with invoices_unlocked(conn):
        changed = conn.execute(statement, {"purged": PURGED, "ids": invoice_ids}).rowcount
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Invoice):
            session.expire(obj)  # loaded copies must not show the purged values
    for key in keys:
        try:
            storage.delete_private(key)
        except (OSError, ValueError):
            continue
    return changed


def purge_expired_accounts(session: Session, *, now: datetime) -> int:
    """Purge closed accounts whose blocking period has ended (the daily job calls it).

    Returns:
        How many accounts were purged.
    """
    users = session.exec(
        select(User).where(col(User.purge_after).is_not(None), col(User.purge_after) <= now)
    ).all()
    if not users:
        return 0
    ids = [u.id for u in users]
    invoices = list(session.exec(select(Invoice.id).where(col(Invoice.client_id).in_(ids))).all())
    session.exec(update(Order).where(col(Order.client_id).in_(ids)).values(billing={}))
    session.exec(update(RightsRequest).where(col(RightsRequest.user_id).in_(ids)).values(details=""))
    session.exec(update(OrderWithdrawal).where(col(OrderWithdrawal.client_id).in_(ids)).values(statement=""))
    changed = anonymise_invoices(session, invoices, recipient=True)
    for user in session.exec(select(User).where(col(User.id).in_(ids))).all():
        user.purge_after = None
        session.add(user)
    session.flush()
    record_event(
        session,
        actor_id=None,
        action="privacy.accounts_purged",
        details={"accounts": len(ids), "invoices": changed},
    )
    return len(ids)


def invoices_of_orders(session: Session, beneficiary_ids: list[int]) -> list[int]:
    """Return the invoices (and rectifying ones) of these beneficiaries' orders."""
    if not beneficiary_ids:
        return []
    refs = select(Order.public_id).where(col(Order.beneficiary_id).in_(beneficiary_ids))
    return list(session.exec(select(Invoice.id).where(col(Invoice.order_ref).in_(refs))).all())
