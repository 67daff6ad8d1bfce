"""Test set-up: a real database (SQLite file, or PostgreSQL from TEST_DATABASE_URL).

The schema is built with the real Alembic migrations once per run; every test
starts from empty tables.
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="care-portal-tests-"))
os.environ["ENVIRONMENT"] = "test"
os.environ["DATA_DIR"] = str(_TMP / "data")
os.environ["DATABASE_URL"] = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{_TMP / 'test.db'}"
os.environ["PUBLIC_URL"] = "http://testserver"
os.environ["I18N_STRICT"] = "1"  # an unknown message key fails the test instead of showing the key
for _name in ("SMTP_HOST", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "REDIS_URL"):
    os.environ.pop(_name, None)

import pytest  # noqa: E402
from alembic.config import Config  # noqa: E402
from sqlalchemy import event, exists, literal, select, text, union_all  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

import care_portal.models  # noqa: E402,F401
from alembic import command  # noqa: E402
from care_portal.db import get_engine  # noqa: E402
from care_portal.db_immutability import create_triggers, drop_triggers  # noqa: E402
from care_portal.integrations import passwords  # noqa: E402
from care_portal.models import append_only  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["tests.services.aeat_helpers"]  # the AEAT stand-in fixtures
_EXPECTED_TRIGGERS: list[frozenset[str]] = []  # the refusing triggers the migrations created
# PostgreSQL: the tables whose id sequence handed out a value since the last clean-up (rows kept or
# inserted and rolled back, which leaves dead rows behind): they are emptied like tables with rows.
_TABLES_WITH_USED_IDS = """
    SELECT DISTINCT tbl.relname
    FROM pg_sequences ps
    JOIN pg_class seq ON seq.relname = ps.sequencename AND seq.relnamespace = ps.schemaname::regnamespace
    JOIN pg_depend dep ON dep.objid = seq.oid AND dep.classid = 'pg_class'::regclass
        AND dep.deptype IN ('a', 'i')
    JOIN pg_class tbl ON tbl.oid = dep.refobjid
    WHERE ps.schemaname = current_schema() AND ps.last_value IS NOT NULL
"""


def _remember_password_work() -> None:
    """Hash each password once, and check each (password, hash) pair once, per test run.

    The hashes are real argon2id with the production parameters, and a check's answer is the real
    one (both are pure functions of their arguments); only the repeats are skipped. Without this,
    argon2 (~50 ms of CPU each time, by design) was about half of the service tests' CPU.
    """
    context = passwords._context
    hash_once, check_once = functools.cache(context.hash), functools.cache(context.verify_and_update)
    context.hash = lambda secret, **settings: hash_once(secret, **settings)
    context.verify_and_update = lambda secret, stored, **settings: check_once(secret, stored, **settings)


_remember_password_work()


def alembic_config() -> Config:
    """Return an Alembic config for the test database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    config.attributes["skip_logging"] = True
    return config


def _sqlite_without_fsync(dbapi_conn, _record) -> None:
    dbapi_conn.execute("PRAGMA synchronous=OFF")


@pytest.fixture(scope="session")
def engine():
    """The application engine, on a schema built by the migrations."""
    engine = get_engine()
    if engine.dialect.name == "sqlite":  # a throwaway file: no fsync per commit (as PostgreSQL's fsync=off)
        event.listen(engine, "connect", _sqlite_without_fsync)
        engine.dispose()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    command.upgrade(alembic_config(), "head")
    with engine.connect() as conn:
        _EXPECTED_TRIGGERS[:] = [_triggers(conn)]
    return engine


def _tables_with_rows(conn, tables) -> list:
    """The tables that hold at least one row, asked in one statement (most tests fill only a few)."""
    probes = union_all(
        *(select(literal(index)).where(exists().select_from(table)) for index, table in enumerate(tables))
    )
    return [tables[index] for index in sorted(index for (index,) in conn.execute(probes))]  # children first


def _triggers(conn) -> frozenset[str]:
    """The names of the refusing triggers (immutability, append-only) now on the schema."""
    if conn.dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return frozenset(name for (name,) in conn.execute(text(query)))


def _empty_tables(engine) -> None:
    """Empty every table, restart PostgreSQL's id sequences and put back any refusing trigger.

    Only tables with rows are emptied: emptying all 57 tables twice per test was most of a test's
    time on PostgreSQL (TRUNCATE touches every table's files) and a good part on SQLite.
    """
    tables = list(reversed(SQLModel.metadata.sorted_tables))
    with engine.begin() as conn:
        full = _tables_with_rows(conn, tables)
        if engine.dialect.name == "postgresql":
            # Also the tables with used ids: their ids start at 1 again and their files are new (no
            # dead rows), as when every table was truncated: rows come back in insertion order.
            used = {name for (name,) in conn.execute(text(_TABLES_WITH_USED_IDS))}
            names = [f'"{t.name}"' for t in tables if t in full or t.name in used]
            if names:
                conn.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
            if _triggers(conn) != _EXPECTED_TRIGGERS[0]:
                create_triggers(conn)
                append_only.install(conn)
        elif full or _triggers(conn) != _EXPECTED_TRIGGERS[0]:
            # Row deletes: the immutability and append-only triggers are lifted for the clean-up only.
            drop_triggers(conn)
            with append_only.lifted(conn):
                for table in full:
                    conn.execute(table.delete())
            create_triggers(conn)


@pytest.fixture
def db(engine):
    """An open session on empty tables; tables are emptied again afterwards."""
    _empty_tables(engine)
    with Session(engine, expire_on_commit=False) as session:
        yield session
    _empty_tables(engine)
