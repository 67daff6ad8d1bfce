"""Lifting the database's immutability triggers, for tests that tamper with records on purpose."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

from care_portal.db_immutability import create_triggers, drop_triggers


@contextmanager
def triggers_lifted(session: Session) -> Iterator[None]:
    """Drop the refusing triggers, run the block, commit and create them again."""
    drop_triggers(session.connection())
    try:
        yield
    finally:
        session.commit()
        create_triggers(session.connection())
        session.commit()
