"""Database triggers that make consent records append-only (updates and deletes refused).

The ORM never changes a consent record; these triggers make sure no other path
(a bulk statement, a console, a bug) can either. Tests that must empty the
table lift them explicitly with :func:`lifted`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Connection

APPEND_ONLY_TABLES = ("consent_records",)
MESSAGE = "append-only table: rows cannot be changed or deleted"


def _sqlite_create(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ]


def _postgres_create(table: str) -> list[str]:
    return [
        "CREATE OR REPLACE FUNCTION refuse_append_only_change() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE} (%)', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql",
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()",
    ]


def _drop(dialect: str, table: str) -> list[str]:
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"]
    return [f"DROP TRIGGER IF EXISTS {table}_no_update", f"DROP TRIGGER IF EXISTS {table}_no_delete"]


def install(conn: Connection) -> None:
    """Create the append-only triggers on every append-only table."""
    build = _postgres_create if conn.dialect.name == "postgresql" else _sqlite_create
    for table in APPEND_ONLY_TABLES:
        for statement in build(table):
            conn.execute(text(statement))


def remove(conn: Connection) -> None:
    """Drop the append-only triggers (migration downgrade, or :func:`lifted`)."""
    for table in APPEND_ONLY_TABLES:
        for statement in _drop(conn.dialect.name, table):
            conn.execute(text(statement))


@contextmanager
def lifted(conn: Connection) -> Iterator[None]:
    """Lift the triggers inside ``conn``'s transaction and put them back afterwards."""
    remove(conn)
    try:
        yield
    finally:
        install(conn)
