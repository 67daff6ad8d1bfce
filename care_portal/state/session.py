"""The browser session: language, the logged-in user, and guards.

The session token lives in an HttpOnly cookie that scripts cannot read; the event websocket
hands this state only its reference (``api.edge``). Every handler that reads or changes private
data resolves the user from it itself (``guarded``); an ``on_load`` redirect only decides what
renders. Any change of user resets every page state (``state.identity``).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import logging
from collections.abc import Callable

import reflex as rx

from care_portal import routes
from care_portal.db import one_connection, session_scope
from care_portal.domain.errors import DomainError, NotAuthenticated, PermissionDenied, ValidationFailed
from care_portal.domain.formatting import use_language
from care_portal.domain.sessions import DEVICE_COOKIE, read_cookie
from care_portal.i18n import tr
from care_portal.models import Role
from care_portal.observability import logs
from care_portal.observability.events import observe_event
from care_portal.services import accounts, web_sessions
from care_portal.services.authz import Viewer, ensure_role
from care_portal.state import identity

logger = logging.getLogger(__name__)
LANG_COOKIE = "cp_lang"
LANG_MAX_AGE = 365 * 24 * 3600


def error_message(error: DomainError, lang: str) -> str:
    """Return the message a person reads for a domain error, in their language.

    A validation error gives its first field's message; any other error its own
    message with its parameters (a size limit, a number of minutes).

    Args:
        error: The error raised by a service or the domain.
        lang: ``"es"`` or ``"en"``.
    """
    if isinstance(error, ValidationFailed) and error.errors:
        return tr(next(iter(error.errors.values())), lang)
    return tr(error.key, lang, **error.params)


def off_loop(fn: Callable) -> Callable:
    """Run a plain handler that anyone may call (log-in, catalogue) in a worker thread.

    For the handlers ``guarded`` does not wrap: their database work (a password hash,
    a catalogue query) must not block the worker's event loop either.

    Args:
        fn: A plain (not async) event handler.

    Returns:
        The handler as a coroutine that runs ``fn`` in ``asyncio.to_thread``.
    """
    name = fn.__qualname__

    @functools.wraps(fn)
    async def handler(self, *args, **kwargs):
        with observe_event(name):
            return await asyncio.to_thread(fn, self, *args, **kwargs)

    handler.runs_off_loop = True
    return handler


class SessionState(rx.State):
    """Who is using this tab, and in which language."""

    lang: str = rx.Cookie("es", name=LANG_COOKIE, same_site="lax", max_age=LANG_MAX_AGE)
    viewer_name: str = ""
    viewer_role: str = ""
    _identity: str = ""  # who the page states below were filled for ("" = nobody)

    @rx.var
    def is_logged_in(self) -> bool:
        """Whether a user is logged in (for the navigation only)."""
        return self.viewer_role != ""

    @rx.var
    def is_en(self) -> bool:
        """Whether the interface is in English."""
        return self.lang == "en"

    def _session_ref(self) -> str:
        return identity.session_ref_of(self)

    def _device_proof(self) -> str:
        """The browser's proof of an earlier log-in (HttpOnly ``cp_device``), for log-in throttling."""
        return read_cookie(self.router.headers.cookie, DEVICE_COOKIE)

    def _resolve_viewer(self) -> Viewer | None:
        """Look the session up in the database: the only source of truth about the user.

        When the user is not the one the page states were filled for, they are all reset first.
        """
        ref = self._session_ref()
        viewer = identity.resolve_viewer(ref)
        key = identity.identity_key(viewer, ref)
        holder = self._session_state()
        if key != holder._identity:
            identity.forget_loaded(holder)
            holder._identity = key
        logs.bind_user(viewer.id if viewer else None)
        return viewer

    def _session_state(self) -> SessionState:
        state = self
        while type(state) is not SessionState and state.parent_state is not None:
            state = state.parent_state
        return state

    def _open_session(self, token: str, next_path: str):
        """Send the browser through the hand-off route that sets the HttpOnly session cookie.

        Args:
            token: The token ``accounts.log_in`` returned (it stops working; only the hand-off counts).
            next_path: Where to go once logged in (a local path).

        Returns:
            The event that navigates the whole page (so the new cookie reaches the websocket).
        """
        with session_scope() as session:
            code = web_sessions.begin_handoff(session, token=token)
        url = routes.session_activation_url(code, next_path)
        return rx.call_script(f"window.location.assign({json.dumps(url)})")

    def _client_ip(self) -> str:
        return self.router.session.client_ip or ""

    def _t(self, key: str, **params: object) -> str:
        return tr(key, self.lang, **params)

    def _error_text(self, error: DomainError) -> str:
        """Return the message for a domain error (for a toast or a single field)."""
        return error_message(error, self.lang)

    def _set_changed(self, **values) -> None:
        """Set only the vars whose value changed.

        Reflex sends every var that was assigned, even with an equal value: a page reloaded
        unchanged then sends a few bytes instead of its lists again.
        """
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)

    def _show_viewer(self, viewer: Viewer | None) -> None:
        """Show the viewer's name and role in the navigation (unchanged values are not resent)."""
        self._set_changed(
            viewer_name=viewer.full_name if viewer else "", viewer_role=viewer.role if viewer else ""
        )

    @rx.event
    @off_loop
    def refresh_viewer(self):
        """Refresh the navigation from the session (runs on every page load)."""
        self._show_viewer(self._resolve_viewer())

    @rx.event
    @off_loop
    def set_lang(self, lang: str):
        """Switch the interface language; remembered in a cookie and in the profile.

        The page is then loaded again, so what its loaders wrote in the old language (service
        names, amounts, dates) comes back in the new one; long forms keep their drafts.
        """
        if lang not in ("es", "en"):
            return None
        self.lang = lang
        viewer = self._resolve_viewer()
        if viewer is not None:
            with session_scope() as session:
                accounts.set_language(session, actor=viewer, language=lang)
        cookie = f"{LANG_COOKIE}={lang}; path=/; max-age={LANG_MAX_AGE}; samesite=lax"
        return rx.call_script(f"document.cookie = {json.dumps(cookie)}; window.location.reload()")

    @rx.event
    @off_loop
    def log_out(self):
        """End this session on the server; the cookie left in the browser no longer opens anything."""
        ref = self._session_ref()
        if ref:
            with session_scope() as session:
                web_sessions.revoke_ref(session, ref=ref)
        self._end_session()
        return [rx.redirect(routes.HOME), rx.toast.info(self._t("auth.logged_out"))]

    def _end_session(self) -> None:
        """Forget the user and every page state (after log-out or revocation of this session)."""
        self._show_viewer(None)
        identity.forget_loaded(self._session_state())
        self._session_state()._identity = ""


def guarded(*roles: Role, off_loop: bool = True) -> Callable:
    """Decorate an event handler so that it runs only for a logged-in user with a role.

    The handler (plain or async) receives the resolved ``Viewer`` as its first
    argument after ``self``: the viewer is resolved once per event, here. Anonymous
    callers are sent to the log-in page; callers without the role get the "no access"
    page; nothing else happens. Amounts and dates the handler formats follow the tab's language.

    By default the check and a plain handler run in a worker thread
    (``asyncio.to_thread``): their database work, PDF rendering or refunds never block
    the worker's event loop (every other tab of the worker waits while it is blocked,
    and a long handler holds the tab's Redis lock). The wrapped handler is then a
    coroutine; the look-up and the handler's sessions share one pooled connection
    (``db.one_connection``), each session keeping its own transaction. An async handler
    gets the check in a thread and must send its own blocking work to one.

    Args:
        *roles: Accepted roles (admins are always accepted); none means any user.
        off_loop: ``False`` runs the check and a plain handler on the event loop; only
            for handlers that touch no database (none do today).

    Returns:
        The decorator.
    """

    def decorate(fn: Callable) -> Callable:
        def authorise(self: SessionState):
            viewer = self._resolve_viewer()
            try:
                ensure_role(viewer, *roles)
            except NotAuthenticated:
                self._show_viewer(None)
                return None, rx.redirect(routes.login_url(self.router.url.path))
            except PermissionDenied:
                return None, rx.redirect(routes.FORBIDDEN)
            self._show_viewer(viewer)
            return viewer, None

        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def handler(self: SessionState, *args, **kwargs):
                with use_language(self.lang), observe_event(f"{type(self).__name__}.{fn.__name__}"):
                    if off_loop:
                        viewer, refusal = await asyncio.to_thread(authorise, self)
                    else:
                        viewer, refusal = authorise(self)
                    return refusal if viewer is None else await fn(self, viewer, *args, **kwargs)

        elif off_loop:

            def checked(self: SessionState, *args, **kwargs):
                with one_connection():  # the look-up and the handler's sessions: one checkout
                    viewer, refusal = authorise(self)
                    return refusal if viewer is None else fn(self, viewer, *args, **kwargs)

            @functools.wraps(fn)
            async def handler(self: SessionState, *args, **kwargs):
                with use_language(self.lang), observe_event(f"{type(self).__name__}.{fn.__name__}"):
                    return await asyncio.to_thread(checked, self, *args, **kwargs)

        else:

            @functools.wraps(fn)
            def handler(self: SessionState, *args, **kwargs):
                with use_language(self.lang), observe_event(f"{type(self).__name__}.{fn.__name__}"):
                    viewer, refusal = authorise(self)
                    return refusal if viewer is None else fn(self, viewer, *args, **kwargs)

        handler.resolves_viewer = True
        handler.runs_off_loop = off_loop
        signature = inspect.signature(fn)
        params = list(signature.parameters.values())
        del params[1]
        handler.__signature__ = signature.replace(parameters=params)
        handler.__annotations__ = {k: v for k, v in fn.__annotations__.items() if k != "viewer"}
        handler.guarded_roles = roles  # read by the refusal tests to pick a wrong role
        return handler

    return decorate


class FormMixin(rx.State, mixin=True):
    """Field errors and a form-level error, filled from typed domain errors."""

    field_errors: dict[str, str] = {}
    form_error: str = ""

    def _clear_errors(self) -> None:
        self.field_errors = {}
        self.form_error = ""

    @rx.event
    def clear_form_errors(self):
        """Forget an earlier attempt's errors (page loader), so a new visit starts clean."""
        self._clear_errors()

    def _show_error(self, error: DomainError) -> None:
        lang = getattr(self, "lang", "es")
        if isinstance(error, ValidationFailed):
            self.field_errors = {field: tr(key, lang) for field, key in error.errors.items()}
            self.form_error = tr("errors.validation", lang)
        elif error.field:
            self.field_errors = {error.field: tr(error.key, lang, **error.params)}
            self.form_error = ""
        else:
            self.field_errors = {}
            self.form_error = error_message(error, lang)
