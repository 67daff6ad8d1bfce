"""Database engine and unit-of-work helper (SQLite by default, PostgreSQL by DATABASE_URL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, create_engine

from care_portal.config import get_settings
from care_portal.db_liveness import watch_connections


def make_engine(url: str) -> Engine:
    """Create an engine with the connection settings this app relies on.

    Args:
        url: SQLAlchemy database URL.

    Returns:
        A configured engine; SQLite gets foreign keys, WAL and a busy timeout; PostgreSQL's
        pooled connections are checked at checkout without a round trip (``db_liveness``).
    """
    if url.startswith("postgresql://"):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    settings = get_settings()
    engine = create_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
    )
    watch_connections(engine)  # instead of pool_pre_ping's round trip at every checkout
    return engine


@lru_cache
def get_engine() -> Engine:
    """Return the process-wide engine built from the settings."""
    return make_engine(get_settings().database_url)


class _HeldConnection:
    """One pooled connection, checked out on first use, for the sessions of one thread."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self.connection: Connection | None = None

    def lend(self) -> Connection | None:
        """Return the connection for a new session, or None when it cannot serve one now.

        Only in the thread that holds it, never while another session's transaction is open
        on it (a session opened inside another keeps its own connection and transaction, as
        without this), and never once it was invalidated (a lost connection).
        """
        if threading.get_ident() != self.thread:
            return None
        if self.connection is None:
            self.connection = get_engine().connect()
        if self.connection.invalidated or self.connection.in_transaction():
            return None
        return self.connection


_HELD: ContextVar[_HeldConnection | None] = ContextVar("care_portal_held_connection", default=None)


@contextmanager
def one_connection() -> Iterator[None]:
    """Let the application's sessions opened in this block share one pooled connection.

    A guarded event resolves its user and then runs its handler: without this, each opens
    its own session and checks a connection out of the pool twice (twice the pool's checkout,
    liveness check and reset). Each session still has its own transaction, committed or rolled
    back when it ends, so nothing changes for the code inside; the connection is checked out
    only if a session is opened, and goes back to the pool when the block ends.
    """
    held = _HeldConnection()
    token = _HELD.set(held)
    try:
        yield
    finally:
        _HELD.reset(token)
        if held.connection is not None:
            held.connection.close()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """Open a session that commits on success and rolls back on any error.

    Inside :func:`one_connection`, the application's sessions share its connection.

    Args:
        engine: Engine to use; the application engine by default.

    Yields:
        An open SQLModel session.
    """
    held = _HELD.get() if engine is None else None
    bind = (held.lend() if held is not None else None) or engine or get_engine()
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
