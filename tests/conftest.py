"""Test set-up: a real database (SQLite file, or PostgreSQL from TEST_DATABASE_URL).

The schema is built with the real Alembic migrations once per run; every test
starts from empty tables.
"""

from __future__ import annotations

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
from sqlalchemy import text  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

import care_portal.models  # noqa: E402,F401
from alembic import command  # noqa: E402
from care_portal.db import get_engine  # noqa: E402
from care_portal.db_immutability import create_triggers, drop_triggers  # noqa: E402
from care_portal.models import append_only  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["tests.services.aeat_helpers"]  # the AEAT stand-in fixtures


def alembic_config() -> Config:
    """Return an Alembic config for the test database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    config.attributes["skip_logging"] = True
    return config


@pytest.fixture(scope="session")
def engine():
    """The application engine, on a schema built by the migrations."""
    engine = get_engine()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    command.upgrade(alembic_config(), "head")
    return engine


def _empty_tables(engine) -> None:
    tables = list(reversed(SQLModel.metadata.sorted_tables))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:  # row deletes: the immutability and append-only triggers are lifted for the clean-up only
            drop_triggers(conn)
            with append_only.lifted(conn):
                for table in tables:
                    conn.execute(table.delete())
            create_triggers(conn)


@pytest.fixture
def db(engine):
    """An open session on empty tables; tables are emptied again afterwards."""
    _empty_tables(engine)
    with Session(engine, expire_on_commit=False) as session:
        yield session
    _empty_tables(engine)
