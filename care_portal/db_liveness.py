"""Pooled PostgreSQL connections checked without a round trip: replaced when the server closed them.

SQLAlchemy's ``pool_pre_ping`` sends ``SELECT 1`` at every checkout: a round trip and ~10 % of
a cheap event's CPU. A connection the server ended (a restart, a fail-over,
``pg_terminate_backend``, an idle timeout on the server) is told apart locally: the server
sends its last message and closes the socket, so an idle connection's socket becomes readable
(nothing else is ever waiting there: results are read whole, and LISTEN is not used). Such a
connection, and every one pooled before it, is replaced before use. A connection that sat
idle for ``IDLE_PING_SECONDS`` still gets a real ping, for a middlebox that dropped it without
a word (its socket never becomes readable).
"""

from __future__ import annotations

import select
import time

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine

IDLE_PING_SECONDS = 60.0
_RETURNED_AT = "care_portal_returned_at"


def closed_by_server(dbapi_connection) -> bool:
    """Whether an idle connection's server has ended it (its socket is readable, hung up or closed)."""
    if getattr(dbapi_connection, "closed", False):
        return True
    poller = select.poll()
    poller.register(dbapi_connection.fileno(), select.POLLIN | select.POLLPRI)  # HUP/ERR always reported
    return bool(poller.poll(0))


def watch_connections(engine: Engine) -> None:
    """Check every pooled connection of a PostgreSQL engine when it is checked out.

    Args:
        engine: An engine created without ``pool_pre_ping``.
    """
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection, record) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _check(dbapi_connection, record, _proxy) -> None:
        returned = record.info.pop(_RETURNED_AT, None)
        if returned is None:  # just opened
            return
        if closed_by_server(dbapi_connection):
            raise exc.InvalidatePoolError("the server closed this connection")  # and those before it
        if time.monotonic() - returned >= IDLE_PING_SECONDS and not _answers(dialect, dbapi_connection):
            raise exc.InvalidatePoolError("this idle connection does not answer")


def _answers(dialect, dbapi_connection) -> bool:
    """Whether a connection answers ``SELECT 1`` (what ``pool_pre_ping`` sends at every checkout)."""
    try:
        return bool(dialect.do_ping(dbapi_connection))
    except dialect.loaded_dbapi.Error:
        return False
