"""A new tab that connects with a session cookie resets nothing it does not have.

On that first connection the identity check (``IdentityMiddleware``) loads every page state of
the tab to forget the previous user's data. A fresh tab has none: setting its ~60 states' vars to
the defaults they already hold cost ~25 ms of CPU per page load under load, and a dirty var each.
"""

from __future__ import annotations

from reflex.state import State

from care_portal.state.identity import private_state_classes
from care_portal.state.session import SessionState
from tests.security.test_identity import _account, _connect, _hydrate, _profile, _tab_of


def _dirty(root: State) -> dict[str, set[str]]:
    session = root.get_substate(SessionState.get_full_name().split(".")[1:])
    found = {}
    for cls in private_state_classes(SessionState):
        state = session.get_substate(cls.get_full_name().split(".")[2:])
        if state.dirty_vars:
            found[cls.__name__] = set(state.dirty_vars)
    return found


def test_a_fresh_tab_of_a_logged_in_user_leaves_every_page_state_untouched(db):
    ana = _account(db, "ana@example.es", "Ana Alonso")
    root = State(_reflex_internal_init=True)
    _connect(root, ana)
    _hydrate(root)
    assert _dirty(root) == {}


def test_a_tab_taken_over_by_another_user_still_resets_what_the_first_one_saw(db):
    ana = _account(db, "ana@example.es", "Ana Alonso")
    bruno = _account(db, "bruno@example.es", "Bruno Bravo")
    root = _tab_of(db, ana)
    profile = _profile(root)
    profile._clean()
    _connect(root, bruno)
    _hydrate(root)
    assert _profile(root).email == ""
    assert {"email", "full_name"} <= _dirty(root)["ProfileState"]  # sent to the browser as cleared
