"""Database triggers that refuse changes to issued invoices, their lines and billing records.

The ORM already refuses such changes (``models.billing``); these triggers make the
database itself refuse them, whatever client writes to it. They are created by a
migration. Only a deliberate maintenance step (tests tampering with a record to
prove the chain check notices) lifts them, with :func:`drop_triggers`, and puts
them back with :func:`create_triggers`.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

IMMUTABLE_TABLES = (
    "invoices",
    "invoice_lines",
    "billing_records",
    "aeat_submissions",
    "aeat_record_results",
)
PG_FUNCTION = "refuse_immutable_change"


def create_triggers(conn: Connection) -> None:
    """Create the refusing triggers on every immutable table (SQLite or PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP; END "
                "$$ LANGUAGE plpgsql"
            )
        )
        for table in IMMUTABLE_TABLES:
            conn.execute(
                text(
                    f"CREATE OR REPLACE TRIGGER immutable_{table} BEFORE UPDATE OR DELETE ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
                )
            )
        return
    for table in IMMUTABLE_TABLES:
        for operation in ("UPDATE", "DELETE"):
            conn.execute(
                text(
                    f"CREATE TRIGGER IF NOT EXISTS immutable_{table}_{operation.lower()} "
                    f"BEFORE {operation} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} rows are immutable ({operation} refused)'); END"
                )
            )


def drop_triggers(conn: Connection) -> None:
    """Remove the refusing triggers (maintenance and tests only)."""
    if conn.dialect.name == "postgresql":
        for table in IMMUTABLE_TABLES:
            conn.execute(text(f"DROP TRIGGER IF EXISTS immutable_{table} ON {table}"))
        return
    for table in IMMUTABLE_TABLES:
        for operation in ("update", "delete"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS immutable_{table}_{operation}"))
