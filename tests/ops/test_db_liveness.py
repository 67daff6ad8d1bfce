"""Pooled PostgreSQL connections the server ended are replaced before use, without a ping per checkout."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, exc, text
from sqlalchemy.pool import NullPool

from care_portal import db_liveness
from care_portal.db import make_engine, session_scope


@pytest.fixture
def postgres(engine):
    """The application's engine, on PostgreSQL only (the PostgreSQL pass)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    return engine


def _pids(engine, count: int) -> set[int]:
    """Check ``count`` connections out at once and return their server process ids."""
    connections = [engine.connect() for _ in range(count)]
    try:
        return {c.execute(text("SELECT pg_backend_pid()")).scalar_one() for c in connections}
    finally:
        for connection in connections:
            connection.close()


def _terminate(engine, pids: set[int]) -> None:
    """End those server processes from outside the pool, as a restart would, and wait until gone."""
    outside = create_engine(engine.url, poolclass=NullPool)
    try:
        with outside.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM unnest(CAST(:p AS int[])) pid"), {"p": list(pids)}
            )
            query = text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(CAST(:p AS int[]))")
            deadline = time.monotonic() + 10
            while conn.execute(query, {"p": list(pids)}).scalar_one() and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        outside.dispose()


@pytest.fixture
def pings(postgres, monkeypatch) -> list[int]:
    """Every real ping (``SELECT 1``) sent at checkout."""
    seen: list[int] = []
    ping = postgres.dialect.do_ping

    def counted(dbapi_connection):
        seen.append(1)
        return ping(dbapi_connection)

    monkeypatch.setattr(postgres.dialect, "do_ping", counted)
    return seen


def test_connections_the_server_ended_are_replaced_before_use(postgres, pings):
    old = _pids(postgres, 3)
    _terminate(postgres, old)
    assert not _pids(postgres, 3) & old
    with session_scope() as session:
        assert session.exec(text("SELECT 1")).scalar_one() == 1
    assert pings == []


def test_without_the_check_a_connection_the_server_ended_fails_its_next_statement(postgres):
    unwatched = create_engine(postgres.url, pool_size=1)
    try:
        old = _pids(unwatched, 1)
        _terminate(postgres, old)
        with pytest.raises(exc.OperationalError), unwatched.connect() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        unwatched.dispose()


def test_a_busy_connection_is_not_pinged_but_a_long_idle_one_is(postgres, pings, monkeypatch):
    watched = make_engine(postgres.url.render_as_string(hide_password=False).replace("+psycopg", ""))
    monkeypatch.setattr(watched.dialect, "do_ping", postgres.dialect.do_ping)
    try:
        for _ in range(5):
            _pids(watched, 1)
        assert pings == []
        monkeypatch.setattr(db_liveness, "IDLE_PING_SECONDS", 0.0)
        _pids(watched, 1)
        assert pings == [1]
    finally:
        watched.dispose()
