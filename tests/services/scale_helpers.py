"""Grow an account to many rows fast, by copying one real row (for the statement-count tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session, SQLModel

from tests.tools.statements import count_statements


def clone(db, row: SQLModel, count: int, change: Callable[[int], dict[str, Any]]) -> list[SQLModel]:
    """Insert ``count`` copies of ``row`` (new ids), each with ``change(i)`` applied; return them."""
    values = {c.name: getattr(row, c.key, None) for c in row.__table__.columns if c.name != "id"}
    copies = [type(row)(**{**values, **change(i)}) for i in range(count)]
    db.add_all(copies)
    db.flush()
    return copies


def statements_for(db, call: Callable[[Session], Any]) -> tuple[int, Any]:
    """Commit, run ``call`` in a new session as a page would, and return (statements sent, its result)."""
    db.commit()
    engine = db.get_bind()
    with Session(engine, expire_on_commit=False) as fresh, count_statements(engine) as log:
        result = call(fresh)
    return log.count, result
