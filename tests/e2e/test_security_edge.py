"""The served app under its own security headers: pages still work, other origins read nothing."""

from __future__ import annotations

import re
import urllib.request

from playwright.sync_api import expect

from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out, open_page

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _headers(url: str, **request_headers: str) -> dict[str, str]:
    request = urllib.request.Request(url, headers=request_headers)  # noqa: S310 - the local test server
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return {name.lower(): value for name, value in response.headers.items()}


def test_pages_work_under_the_content_security_policy(page, app_url):
    page.add_init_script(COLLECT_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    response = page.goto(f"{app_url}/entrar")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    log_in(page, app_url, "cliente@cuidadoencasa.example")
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    expect(page.locator("#greeting")).to_be_visible()
    open_page(page, f"{app_url}/cuenta/facturas")
    expect(page.get_by_text("F2026-000001").first).to_be_visible()
    snapshot(page, "invoices-under-csp")
    log_out(page)
    # The toast is sent by the server and run by Reflex's state.js: it needs what the CSP allows.
    expect(page.get_by_text("Has salido de tu cuenta.")).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []
    assert not [line for line in console if "Content Security Policy" in line]


def test_a_page_on_another_origin_cannot_read_the_app(browser, app_url):
    context = browser.new_context()
    page = context.new_page()
    page.route(
        "http://evil.example/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<html><body>x</body></html>"),
    )
    page.goto("http://evil.example/")
    outcome = page.evaluate(
        """async (url) => {
            try { const r = await fetch(url, {credentials: 'include'}); return 'read ' + r.status; }
            catch (e) { return 'blocked'; }
        }""",
        f"{app_url}/api/health",
    )
    context.close()
    assert outcome == "blocked"
    foreign = _headers(f"{app_url}/api/health", Origin="http://localhost:1")
    assert "access-control-allow-origin" not in foreign
    own = _headers(f"{app_url}/api/health", Origin=app_url)
    assert own["access-control-allow-origin"] == app_url


def test_a_reused_tab_receives_nothing_of_the_previous_user(page, app_url):
    log_in(page, app_url, "cliente@cuidadoencasa.example")
    open_page(page, f"{app_url}/cuenta/facturas")
    expect(page.get_by_text("F2026-000001").first).to_be_visible()
    assert "cp_session" not in page.evaluate("document.cookie")  # HttpOnly: no script can read it
    frames: list[str] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda data: frames.append(str(data))))
    page.context.clear_cookies()  # the session is gone (expired, revoked, another person's browser)
    page.reload()
    expect(page).to_have_url(re.compile(r"/entrar"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    assert frames
    assert not [frame for frame in frames if "F2026-000001" in frame or "Rosario" in frame]
