"""Who uses a tab, and forgetting everything private when that changes.

Reflex keeps a tab's state on the server between connections, keyed by the tab. Without care,
whoever uses the tab next — after a log-out elsewhere, an expiry, a revocation, another
person's log-in, or a reconnection without any cookie — would receive the previous person's
invoices and relatives in the very first snapshot. So every change of identity resets every
page state below ``SessionState`` *before* anything is sent:

- on each (re)connection, by ``IdentityMiddleware``, before Reflex builds its first snapshot;
- on each page load (``SessionState.refresh_viewer``) and in every ``guarded`` handler, which
  see expiries and revocations while the tab stays connected.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from reflex.middleware import Middleware
from reflex.state import _ROUTER_FIELD_NAMES

from care_portal.db import session_scope
from care_portal.domain.sessions import SESSION_REF_COOKIE, read_cookie
from care_portal.services import web_sessions
from care_portal.services.authz import Viewer

if TYPE_CHECKING:
    from reflex.state import BaseState

HYDRATE_EVENTS = ("hydrate", "hydrate_and_load")


def session_ref_of(state: BaseState) -> str:
    """Return the session reference the event websocket carried (see ``api.edge``)."""
    return read_cookie(state.router.headers.cookie, SESSION_REF_COOKIE)


def resolve_viewer(ref: str) -> Viewer | None:
    """Return the user of a session reference, or None (unknown, ended, idle, deactivated)."""
    if not ref:
        return None
    with session_scope() as session:
        return web_sessions.resolve_ref(session, ref=ref)


def identity_key(viewer: Viewer | None, ref: str) -> str:
    """Return what identifies the tab's user: nobody, or one user in one session."""
    return f"{viewer.id}:{ref}" if viewer is not None else ""


def private_state_classes(base: type) -> list[type]:
    """Return every state class below ``base`` (the page states), depth first."""
    found = []
    for sub in sorted(base.get_substates(), key=lambda cls: cls.get_full_name()):
        found.append(sub)
        found.extend(private_state_classes(sub))
    return found


def _forget(state: BaseState) -> None:
    """Reset a state's own server-side vars and those of its substates.

    Only vars that differ from their defaults are set: a fresh tab's ~60 page states (every
    connection with a session cookie) then cost no dirty var and no delta.
    Values the browser keeps itself (cookies, local storage: the cart) are left alone: they are
    not the server's to hand out, and the browser sends them again on each connection.
    """
    values = state.__dict__
    for name, field in type(state).get_fields().items():
        if (
            name not in values  # never set nor stored: it is the default already
            or field._owner is not type(state)
            or name in _ROUTER_FIELD_NAMES
            or state._is_client_storage(field)
        ):
            continue
        default = field.default_value()
        if values[name] != default:  # resetting an equal value only costs a dirty var and a delta
            setattr(state, name, default)
    for substate in state.substates.values():
        _forget(substate)


def forget_loaded(session_state: BaseState) -> None:
    """Reset every page state already loaded below the session state."""
    for substate in session_state.substates.values():
        _forget(substate)


async def forget_all(session_state: BaseState) -> None:
    """Load and reset every page state below the session state (for a state kept in Redis)."""
    for cls in private_state_classes(type(session_state)):
        await session_state.get_state(cls)
    forget_loaded(session_state)


class IdentityMiddleware(Middleware):
    """On every (re)connection, forget the page states when the tab's user changed."""

    def __init__(self, session_state_class: type) -> None:
        """Watch identity changes for this session state class."""
        self.session_state_class = session_state_class

    async def preprocess(self, app, state, event):
        """Reset private states before Reflex answers the hydrate event; never answer itself."""
        if event.name.rsplit(".", 1)[-1] not in HYDRATE_EVENTS:
            return None
        session_state = await state.get_state(self.session_state_class)
        ref = session_ref_of(session_state)
        viewer = await asyncio.to_thread(resolve_viewer, ref)
        identity = identity_key(viewer, ref)
        if identity != session_state._identity:
            await forget_all(session_state)
            session_state._identity = identity
            session_state._show_viewer(viewer)
        return None
