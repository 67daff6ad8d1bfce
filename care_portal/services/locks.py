"""Row locks that serialize invoice numbering and VeriFactu chaining.

On PostgreSQL the rows are locked with ``SELECT … FOR UPDATE`` until the caller
commits. On SQLite the first statement is a write (an insert that does nothing
when the row exists), which takes the database write lock until the commit.
Locks are always taken in the same order: the series counter, then the chain head.
"""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from care_portal.models import BillingChainHead, InvoiceCounter


def insert_if_missing(session: Session, model, values: dict, keys: list[str]) -> None:
    """Create a lock row when missing (ON CONFLICT DO NOTHING)."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(model.__table__).values(**values).on_conflict_do_nothing(index_elements=keys))


def lock_counter(session: Session, *, series: str, year: int) -> InvoiceCounter:
    """Return the counter of a series and year, locked until commit (created when missing).

    One statement when the counter exists (every invoice but a year's first one).
    """
    query = (
        select(InvoiceCounter)
        .where(InvoiceCounter.series == series, InvoiceCounter.year == year)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    counter = session.exec(query).first()
    if counter is None:
        insert_if_missing(
            session, InvoiceCounter, {"series": series, "year": year, "last_number": 0}, ["series", "year"]
        )
        counter = session.exec(query).one()
    return counter


def take_number(session: Session, counter: InvoiceCounter) -> int:
    """Take the next number of a locked counter (written with the rest of the transaction)."""
    counter.last_number += 1
    session.add(counter)
    return counter.last_number


def lock_chain_head(session: Session, issuer_nif: str) -> BillingChainHead:
    """Return the issuer's chain head, locked until commit (created when missing).

    One statement when the head exists (always, but for the very first record).
    """
    query = (
        select(BillingChainHead)
        .where(BillingChainHead.issuer_nif == issuer_nif)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    head = session.exec(query).first()
    if head is None:
        insert_if_missing(
            session, BillingChainHead, {"issuer_nif": issuer_nif, "last_fingerprint": ""}, ["issuer_nif"]
        )
        head = session.exec(query).one()
    return head
