"""The session cookie: set by an HTTP route (HttpOnly, Secure over https), idle timeout, references."""

from __future__ import annotations

from datetime import timedelta

import pytest
from starlette.testclient import TestClient

from care_portal.api import session_routes
from care_portal.api.edge import event_socket_cookies
from care_portal.api.routes import build_api
from care_portal.config import get_settings
from care_portal.domain.sessions import session_ref
from care_portal.models import AuthSession
from care_portal.models.types import utcnow
from care_portal.services import accounts, web_sessions

PASSWORD = "una clave larga de prueba"


@pytest.fixture
def code(db) -> str:
    accounts.sign_up(db, full_name="Ana Alonso", email="ana@example.es", password=PASSWORD)
    db.commit()
    token = accounts.log_in(db, email="ana@example.es", password=PASSWORD).token
    code = web_sessions.begin_handoff(db, token=token)
    db.commit()
    assert accounts.resolve_session(db, token=token) is None  # only the hand-off opens the session
    return code


def _activate(client: TestClient, code: str, **headers: str):
    return client.get(
        f"/api/sesion/activar?code={code}&next=/cuenta", headers=headers, follow_redirects=False
    )


def test_the_hand_off_sets_an_httponly_cookie_that_opens_the_session(db, code):
    client = TestClient(build_api())
    response = _activate(client, code, **{"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 303
    assert response.headers["location"] == "/cuenta"
    cookie = next(v for v in response.headers.get_list("set-cookie") if v.startswith("cp_session="))
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    assert "Secure" not in cookie  # plain http in tests
    token = cookie.split(";")[0].split("=", 1)[1]
    assert accounts.resolve_session(db, token=token).email == "ana@example.es"
    assert code not in token


def test_the_cookie_is_secure_over_https(db, code, monkeypatch):
    https = get_settings().model_copy(update={"public_url": "https://cuidadoencasa.example"})
    monkeypatch.setattr(session_routes, "get_settings", lambda: https)
    response = _activate(TestClient(build_api()), code)
    cookies = response.headers.get_list("set-cookie")
    assert cookies
    assert all("Secure" in cookie and "HttpOnly" in cookie for cookie in cookies)


def test_a_code_works_once_and_not_from_another_site(db, code):
    client = TestClient(build_api())
    refused = _activate(client, code, **{"Sec-Fetch-Site": "cross-site"})
    assert refused.headers["location"].startswith("/entrar")
    assert "set-cookie" not in refused.headers
    assert _activate(client, code).headers["location"] == "/cuenta"
    again = _activate(TestClient(build_api()), code)
    assert again.headers["location"].startswith("/entrar")
    assert "set-cookie" not in again.headers


def test_a_stale_code_opens_nothing(db, code):
    later = utcnow() + timedelta(seconds=web_sessions.HANDOFF_SECONDS + 1)
    assert web_sessions.exchange_handoff(db, code=code, now=later) is None


def test_an_idle_session_ends_before_its_absolute_expiry(db, code):
    token = web_sessions.exchange_handoff(db, code=code).token
    db.commit()
    ref = session_ref(token)
    idle = timedelta(minutes=get_settings().session_idle_minutes)
    start = utcnow()
    # Activity keeps it alive…
    assert web_sessions.resolve_ref(db, ref=ref, now=start + idle - timedelta(minutes=1)) is not None
    db.commit()
    assert web_sessions.resolve_ref(db, ref=ref, now=start + 2 * idle - timedelta(minutes=2)) is not None
    db.commit()
    # …and a pause longer than the idle limit ends it, though the absolute limit is far.
    assert web_sessions.resolve_ref(db, ref=ref, now=start + 3 * idle) is None
    assert db.get(AuthSession, 1).expires_at > start + 3 * idle


def test_the_event_websocket_carries_the_reference_never_the_token():
    header = "cp_lang=es; cp_session=secret-token; cp_sid=forged"
    passed_on = event_socket_cookies(header)
    assert "secret-token" not in passed_on
    assert "forged" not in passed_on
    assert f"cp_sid={session_ref('secret-token')}" in passed_on
    assert "cp_lang=es" in passed_on
    assert event_socket_cookies("cp_sid=forged") == ""
