"""A tab's private state never outlives its user: any change of identity resets the page states."""

from __future__ import annotations

import asyncio

from reflex.event import Event
from reflex.istate.data import RouterData
from reflex.state import State

from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.pages.account.profile import ProfileState
from care_portal.services import accounts
from care_portal.state.identity import IdentityMiddleware
from care_portal.state.session import SessionState

PASSWORD = "una clave larga de prueba"


def _account(db, email: str, name: str) -> str:
    accounts.sign_up(db, full_name=name, email=email, password=PASSWORD)
    db.commit()
    token = accounts.log_in(db, email=email, password=PASSWORD).token
    db.commit()
    return token


def _connect(root: State, token: str | None) -> None:
    """What a (re)connection of the tab looks like to the state: the websocket's cookie."""
    cookie = f"{SESSION_REF_COOKIE}={session_ref(token)}" if token else ""
    root.router = RouterData.from_router_data(
        {"pathname": "/cuenta/perfil", "asPath": "/cuenta/perfil", "headers": {"cookie": cookie}, "query": {}}
    )


def _hydrate(root: State) -> None:
    event = Event(name=f"{State.get_full_name()}.hydrate")
    assert asyncio.run(IdentityMiddleware(SessionState).preprocess(None, root, event)) is None


def _profile(root: State) -> ProfileState:
    return root.get_substate(ProfileState.get_full_name().split(".")[1:])


def _tab_of(db, token: str) -> State:
    root = State(_reflex_internal_init=True)
    _connect(root, token)
    _hydrate(root)
    profile = _profile(root)
    asyncio.run(type(profile).event_handlers["load"].fn(profile))
    assert profile.email == "ana@example.es"
    return root


def test_another_users_log_in_on_the_same_tab_starts_from_empty_page_states(db):
    ana = _account(db, "ana@example.es", "Ana Alonso")
    bruno = _account(db, "bruno@example.es", "Bruno Bravo")
    root = _tab_of(db, ana)
    accounts.log_out(db, token=ana)  # e.g. logged out from another tab
    db.commit()
    _connect(root, bruno)
    _hydrate(root)  # before Reflex builds the first snapshot for Bruno
    assert _profile(root).email == ""
    assert _profile(root).full_name == ""


def test_reconnecting_without_any_cookie_gets_nothing_of_the_previous_user(db):
    ana = _account(db, "ana@example.es", "Ana Alonso")
    root = _tab_of(db, ana)
    _connect(root, None)
    _hydrate(root)
    assert _profile(root).email == ""
    assert root.get_substate(SessionState.get_full_name().split(".")[1:]).viewer_name == ""


def test_a_reconnection_of_the_same_user_keeps_the_page(db):
    ana = _account(db, "ana@example.es", "Ana Alonso")
    root = _tab_of(db, ana)
    _connect(root, ana)
    _hydrate(root)
    assert _profile(root).email == "ana@example.es"


def test_a_revoked_session_seen_by_a_guarded_handler_resets_the_page_states(db):
    ana = _account(db, "ana@example.es", "Ana Alonso")
    root = _tab_of(db, ana)
    accounts.log_out(db, token=ana)  # revoked elsewhere while this tab stays connected
    db.commit()
    profile = _profile(root)
    form = {"full_name": "Intrusa", "phone": "", "language": "es"}
    asyncio.run(type(profile).event_handlers["save"].fn(profile, form))
    assert profile.email == ""
    assert profile.full_name == ""


def test_the_cart_kept_by_the_browser_is_not_wiped_by_a_change_of_user(db):
    from care_portal.pages.shop.cart import CartState

    ana = _account(db, "ana@example.es", "Ana Alonso")
    root = _tab_of(db, ana)
    cart = root.get_substate(CartState.get_full_name().split(".")[1:])
    cart.cart_json = '{"3": 1}'
    _connect(root, None)
    _hydrate(root)
    assert _profile(root).email == ""
    assert cart.cart_json == '{"3": 1}'
