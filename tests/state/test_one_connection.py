"""A guarded event checks one connection out of the pool: the guard's look-up and the handler share it.

Each checkout costs the pool's liveness check on PostgreSQL (a round trip) and a reset on return;
the guard resolving the viewer and the handler then opening its own session paid it twice per
event. The sessions still have their own transactions, and who asks is still read from the
database at each event.
"""

from __future__ import annotations

import pytest
from sqlalchemy import event, text
from sqlmodel import select

from care_portal.db import one_connection, session_scope
from care_portal.models import OutboxMessage, Role
from care_portal.models.types import utcnow
from care_portal.pages.shop.checkout import CheckoutState
from care_portal.pages.visits.client_tasks import ClientTasksState
from care_portal.pages.visits.manager_dashboard import ManagerDashboardState
from tests.pages.test_handler_refusals import _run, _state
from tests.pages.test_handler_refusals import world as world  # the same fixture
from tests.tools.statements import count_statements


@pytest.fixture
def checkouts(engine):
    """Every connection checked out of the application's pool."""
    seen: list[int] = []

    def record(_dbapi_connection, _record, _proxy) -> None:
        seen.append(1)

    event.listen(engine, "checkout", record)
    yield seen
    event.remove(engine, "checkout", record)


@pytest.mark.parametrize(
    ("state_class", "role"),
    [(ClientTasksState, Role.CLIENT), (ManagerDashboardState, Role.MANAGER), (CheckoutState, Role.CLIENT)],
)
def test_a_guarded_event_checks_out_one_connection(db, engine, world, checkouts, state_class, role):
    state = _state(state_class, world["tokens"][role], path="/cuenta")
    _run(state, "load", [])  # the first load may fill caches
    checkouts.clear()
    with count_statements(engine) as log:
        _run(state, "load", [])
    assert len(checkouts) == 1, "\n".join(log)
    assert state.viewer_role == role.value


def test_the_user_is_still_read_from_the_database_at_each_event(db, world, checkouts):
    state = _state(ClientTasksState, world["tokens"][Role.CLIENT], path="/cuenta/tareas")
    _run(state, "load", [])
    db.exec(text("UPDATE auth_sessions SET revoked_at = :now"), params={"now": utcnow()})
    db.commit()
    checkouts.clear()
    result = _run(state, "load", [])
    assert "login" in str(result) or "entrar" in str(result)
    assert state.viewer_role == ""
    assert len(checkouts) == 1


def _failing_unit_of_work() -> None:
    with session_scope() as session:
        session.add(OutboxMessage(to_address="a@example.es", subject="Hola", body_text="…"))
        session.flush()
        raise RuntimeError("the unit of work fails after writing")


def test_sessions_sharing_the_connection_keep_their_own_transactions(db, checkouts):
    with one_connection():
        with pytest.raises(RuntimeError):
            _failing_unit_of_work()
        with session_scope() as second:
            assert second.exec(select(OutboxMessage)).all() == []  # rolled back, nothing left open
            second.add(OutboxMessage(to_address="b@example.es", subject="Hola", body_text="…"))
            with session_scope() as inner:  # opened inside another: its own connection, as before
                assert inner.connection().connection is not second.connection().connection
                assert inner.exec(select(OutboxMessage)).all() == []  # not committed yet
    assert len(checkouts) == 2  # the shared one, and the inner session's
    assert [m.to_address for m in db.exec(select(OutboxMessage))] == ["b@example.es"]


def test_nothing_is_checked_out_when_no_session_is_opened(checkouts):
    with one_connection():
        pass
    assert checkouts == []
