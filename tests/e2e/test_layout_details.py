"""Details of the layout a person notices: the header, sign-up invitations, zoom, clean hydration."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, open_page, text_was_seen, watch_for_text

# Elements of the header or the page's content running past the right edge of the window
# (html and body clip sideways overflow, so the page's scroll width cannot tell).
_OVERFLOWING_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('header *, main *')) {
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= width + 1) continue;
    if (el.closest('.rt-ScrollAreaViewport, .cp-table-wrap, [hidden]')) continue;  // they scroll inside
    out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} «${(el.innerText || '').slice(0, 30)}» `
             + `${Math.round(box.left)}–${Math.round(box.right)}`);
  }
  return out.slice(0, 6);
}
"""


def test_admin_invoices_header_in_one_line_and_hydration_without_errors(page, app_url, world):
    admin = world.person(Role.ADMIN, "Adela Admin Ruiz")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    log_in(page, app_url, admin.email, admin.password)
    open_page(page, f"{app_url}/admin/facturas")
    expect(page.locator("#unsent-count")).to_be_visible()
    page.wait_for_timeout(500)  # React reports a hydration mismatch just after the first render
    assert [e for e in errors if "Minified React error" in e or "Hydration" in e] == []
    assert page.evaluate(_OVERFLOWING_JS) == []
    if page.viewport_size["width"] >= 1024:
        header = page.locator(".cp-header").bounding_box()
        switch = page.locator("#lang-switch").bounding_box()
        assert header["height"] < 90, f"the admin header wraps: {header['height']} px tall"
        assert switch["x"] + switch["width"] <= page.viewport_size["width"]
    snapshot(page, "admin-invoices-header")


def test_a_logged_in_person_is_never_invited_to_sign_up(page, app_url, world):
    client = world.person(Role.CLIENT, "Rosa Mena Prieto")
    log_in(page, app_url, client.email, client.password)
    watch_for_text(page, "Crear mi cuenta")
    open_page(page, f"{app_url}/")
    expect(page.locator("#home-cta")).to_have_text("Mi área")
    expect(page.get_by_role("link", name="Regístrate")).to_have_count(0)
    assert not text_was_seen(page), "the home page invited a logged-in person to create an account"


@pytest.mark.parametrize("path", ["/", "/tienda", "/registro", "/ayuda", "/empleo"])
def test_pages_reflow_at_400_percent_zoom(page, app_url, path):
    """1280 px at 400 % zoom is a 320 px window (WCAG 1.4.10): nothing runs off sideways."""
    if page.viewport_size["width"] >= 1024:
        pytest.skip("the zoomed window is the same at both widths: measured once")
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, f"{app_url}{path}")
    assert page.evaluate(_OVERFLOWING_JS) == []
