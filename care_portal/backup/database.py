"""Consistent dumps and restores of the database: pg_dump/pg_restore, or SQLite's backup API."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from care_portal.db import make_engine

_PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


class RestoreRefused(RuntimeError):
    """The target database or folder is not empty."""


def _pg_tool(name: str) -> str:
    candidate = _PG_BIN / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} not found (install postgresql-client, or set PG_BIN)")
    return found


def _libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ValueError("an SQLite backup needs a database file")
    return Path(database)


def is_postgres(url: str) -> bool:
    """Whether ``url`` points at PostgreSQL."""
    return make_url(url).get_backend_name() == "postgresql"


def dump_file_name(url: str) -> str:
    """Name of the dump inside a backup for this kind of database."""
    return "database.pgdump" if is_postgres(url) else "database.sqlite3"


def dump(url: str, target: Path) -> None:
    """Write a consistent snapshot of the database to ``target``.

    PostgreSQL: ``pg_dump`` in custom format (one transaction, so one consistent snapshot).
    SQLite: the online backup API (a consistent copy while the app keeps writing).
    """
    if is_postgres(url):
        subprocess.run(
            [
                _pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target),
                "--dbname",
                _libpq_url(url),
            ],
            check=True,
            capture_output=True,
        )
        return
    source = sqlite3.connect(_sqlite_path(url))
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def is_empty(url: str) -> bool:
    """Whether the database has no tables at all."""
    if not is_postgres(url):
        path = _sqlite_path(url)
        if not path.exists() or path.stat().st_size == 0:
            return True
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return not inspect(conn).get_table_names()
    finally:
        engine.dispose()


def restore(url: str, source: Path) -> None:
    """Load a dump made by :func:`dump` into an empty database.

    Raises:
        RestoreRefused: The database already has tables.
    """
    if not is_empty(url):
        raise RestoreRefused("the target database is not empty; restore only into an empty one")
    if is_postgres(url):
        subprocess.run(
            [
                _pg_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                _libpq_url(url),
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        return
    path = _sqlite_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    source_db = sqlite3.connect(source)
    destination = sqlite3.connect(path)
    try:
        source_db.backup(destination)
    finally:
        destination.close()
        source_db.close()
