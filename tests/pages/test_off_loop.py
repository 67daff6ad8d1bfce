"""No event handler runs SQL on the worker's event loop.

A statement executed on the event loop blocks every other tab of the worker (and keeps the
tab's Redis lock) until it returns; with PostgreSQL the worker idles while it waits. So every
handler of every page state (found by walking ``care_portal.pages``, as the refusal tests do)
is called inside a running event loop by a user it serves (public ones by a client), with real
ids, and every SQL statement executed meanwhile is checked: it must run in a worker thread
(``asyncio.to_thread``), never in the loop's own thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import select

from care_portal.db import session_scope
from care_portal.models import Role, User
from care_portal.services import accounts
from tests.pages.test_handler_refusals import (
    HANDLERS,
    NOT_CALLED,
    PASSWORD,
    _account,
    _arguments,
    _label,
    _state,
)
from tests.pages.test_handler_refusals import world as world  # the same fixture

# Handlers that end the caller's session run last, so the others still see a logged-in user.
ENDS_SESSION = ("SessionState.log_out", "PasswordState.log_out_everywhere")


@pytest.fixture
def loop_statements():
    """Record each SQL statement executed in a thread that runs an event loop."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if asyncio._get_running_loop() is not None:
            seen.append(statement.split("\n")[0][:80])

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


def _in_loop(state, name: str, args: list) -> None:
    async def run():
        result = type(state).event_handlers[name].fn(state, *args)
        if inspect.iscoroutine(result):
            await result

    with contextlib.suppress(Exception):  # a handler failing on made-up ids still ran its statements
        asyncio.run(run())


def _tokens(db, world) -> dict:
    tokens = dict(world["tokens"])
    tokens[Role.CLIENT] = accounts.log_in(db, email="marta@example.es", password=PASSWORD).token
    db.commit()
    tokens[Role.ADMIN] = _account(db, "admin@example.es", Role.ADMIN)
    return tokens


def test_no_handler_runs_sql_on_the_event_loop(db, world, loop_statements):
    tokens = _tokens(db, world)
    order = sorted(HANDLERS, key=lambda pair: _label(*pair) in ENDS_SESSION)
    offenders: dict[str, set[str]] = {}
    called = 0
    for state_class, name in order:
        label = _label(state_class, name)
        if label in NOT_CALLED or name in NOT_CALLED:
            continue
        handler = state_class.event_handlers[name].fn
        args = _arguments(handler, world["ids"])
        roles = getattr(handler, "guarded_roles", ()) or (Role.CLIENT,)
        loop_statements.clear()
        _in_loop(_state(state_class, tokens[roles[0]]), name, args)
        if loop_statements:
            offenders[label] = set(loop_statements)
        called += 1
    assert called >= 100
    assert offenders == {}, "SQL on the event loop:\n" + "\n".join(
        f"{label}: {sorted(statements)[:2]}" for label, statements in sorted(offenders.items())
    )


def test_the_recorder_sees_sql_on_the_event_loop(db, loop_statements):
    """The check above can fail: a handler that queries on the loop is caught."""

    async def blocking_handler():
        with session_scope() as session:
            session.exec(select(User)).all()

    async def threaded_handler():
        def query():
            with session_scope() as session:
                session.exec(select(User)).all()

        await asyncio.to_thread(query)

    asyncio.run(threaded_handler())
    assert loop_statements == []
    asyncio.run(blocking_handler())
    assert loop_statements
    assert loop_statements[0].upper().startswith("SELECT")
