"""The dashboard sends the browser what changed, and only what its cards show."""

from __future__ import annotations

import json

from care_portal.models.visits import Task
from care_portal.pages.visits.manager_dashboard import ManagerDashboardState
from tests.pages.test_paged_handlers import _call, _state, _token
from tests.services.scale_helpers import clone
from tests.services.visit_helpers import build_world


def _sent(state) -> dict:
    """The delta the next websocket message would carry, then forget it (as Reflex does after sending)."""
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    delta = root.get_delta()
    root._clean()
    return next(iter(v for k, v in delta.items() if k.endswith("manager_dashboard_state")), {})


def test_an_unchanged_reload_sends_almost_nothing_and_a_new_visit_is_sent(db):
    world = build_world(db)
    task = db.get(Task, world.tasks[0])
    clone(db, task, 300, lambda i: {"visit_code": f"R{i:07d}", "state": "done"})
    db.commit()
    state = _state(ManagerDashboardState, _token(db, "gestor@example.es"), "/gestor")
    _call(state, "load")
    first = _sent(state)
    assert len(first["tasks_rx_state_"]) == 25
    assert set(first["tasks_rx_state_"][0]) == {
        "id",
        "beneficiary",
        "state",
        "service",
        "ordinal",
        "appointment",
        "waiting_es",
        "waiting_en",
        "contact_overdue",
    }  # what task_line shows; the phone and the sequence numbers stay on the server
    assert "phone" not in first["waiting_rx_state_"][0]
    _call(state, "load")
    again = _sent(state)
    assert len(json.dumps(again, default=str)) < 500, again
    clone(db, task, 1, lambda i: {"visit_code": "N0000001"})  # one more visit waiting
    db.commit()
    _call(state, "load")
    changed = _sent(state)
    assert (
        changed["counts_rx_state_"]["pending_appointment"]
        == first["counts_rx_state_"]["pending_appointment"] + 1
    )
    assert "waiting_rx_state_" in changed
    assert "tasks_rx_state_" not in changed  # the finished history did not change


def test_a_reload_does_not_resend_the_navigation(db):
    build_world(db)
    state = _state(ManagerDashboardState, _token(db, "gestor@example.es"), "/gestor")
    _call(state, "load")
    _sent(state)
    _call(state, "load")
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    delta = json.dumps(root.get_delta(), default=str)
    assert "viewer_name" not in delta, delta
    assert "viewer_role" not in delta, delta
