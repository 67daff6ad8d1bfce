"""The viewer is looked up once per event: in the guard, which hands it to the handler.

Each look-up is a pool checkout, a statement and a commit in a worker thread. The list pages the
bench loads (Tareas, the manager's dashboard, checkout) and every page whose first loader is
guarded must not pay it twice per event nor per page load.
"""

from __future__ import annotations

import pytest

from care_portal.care_portal import app
from care_portal.models import Role
from care_portal.pages.shop.checkout import CheckoutState
from care_portal.pages.visits.client_tasks import ClientTasksState
from care_portal.pages.visits.manager_dashboard import ManagerDashboardState
from care_portal.state import identity
from care_portal.state.session import SessionState
from tests.pages.test_handler_refusals import _run, _state
from tests.pages.test_handler_refusals import world as world  # the same fixture


@pytest.fixture
def resolutions(monkeypatch) -> list[str]:
    """Every viewer look-up (``identity.resolve_viewer``), by session reference."""
    seen: list[str] = []
    resolve = identity.resolve_viewer

    def counted(ref: str):
        seen.append(ref)
        return resolve(ref)

    monkeypatch.setattr(identity, "resolve_viewer", counted)
    return seen


@pytest.mark.parametrize(
    ("state_class", "role"),
    [(ClientTasksState, Role.CLIENT), (ManagerDashboardState, Role.MANAGER), (CheckoutState, Role.CLIENT)],
)
def test_a_guarded_page_load_looks_the_viewer_up_once(db, world, resolutions, state_class, role):
    state = _state(state_class, world["tokens"][role], path="/cuenta")
    _run(state, "load", [])
    assert len(resolutions) == 1
    assert state.viewer_role == role.value  # the guard showed the viewer it found (no refresh needed)


def test_pages_with_a_guarded_first_loader_do_not_refresh_the_viewer_as_well():
    refresh = SessionState.refresh_viewer.fn
    checked = 0
    for route, page in app._unevaluated_pages.items():
        loaders = page.on_load if isinstance(page.on_load, list) else [page.on_load] if page.on_load else []
        handlers = [getattr(event, "fn", None) for event in loaders]
        if handlers and getattr(handlers[0], "resolves_viewer", False):
            checked += 1
            assert refresh not in handlers, route
    assert checked >= 10
