"""The HTTP side of logging in: the hand-off that sets the HttpOnly session cookie."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse

from care_portal import routes
from care_portal.config import get_settings
from care_portal.db import session_scope
from care_portal.domain.sessions import DEVICE_COOKIE, SESSION_COOKIE
from care_portal.services import login_throttle, web_sessions

ALLOWED_FETCH_SITES = ("same-origin", "none")  # our own page sent the browser here, or the user did


def _exchange(code: str) -> web_sessions.Activated | None:
    with session_scope() as session:
        return web_sessions.exchange_handoff(session, code=code)


async def activate_session(request: Request) -> RedirectResponse:
    """``GET /api/sesion/activar?code=&next=``: set the session cookie and go on to ``next``.

    The code comes from the log-in handler and works once, for two minutes. A link from another
    site (``Sec-Fetch-Site: cross-site``) is refused, so nobody can log a visitor into their own
    account. Anything wrong leads back to the log-in page without a cookie.
    """
    settings = get_settings()
    next_path = routes.safe_next(request.query_params.get("next"), routes.HOME)
    site = request.headers.get("sec-fetch-site")
    activated = None
    if site is None or site in ALLOWED_FETCH_SITES:
        activated = await run_in_threadpool(_exchange, request.query_params.get("code", ""))
    if activated is None:
        return RedirectResponse(
            routes.login_url(next_path), status_code=303, headers={"Cache-Control": "no-store"}
        )
    response = RedirectResponse(next_path, status_code=303, headers={"Cache-Control": "no-store"})
    response.set_cookie(
        SESSION_COOKIE,
        activated.token,
        max_age=settings.session_hours * 3600,
        path="/",
        secure=settings.uses_https,
        httponly=True,
        samesite="lax",
    )
    response.set_cookie(
        DEVICE_COOKIE,
        login_throttle.device_proof(activated.email),
        max_age=login_throttle.DEVICE_PROOF_DAYS * 86400,
        path="/",
        secure=settings.uses_https,
        httponly=True,
        samesite="strict",
    )
    return response
