"""The phone's menu (a ``<details>`` disclosure) and what every page loads first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.first_load import first_load_js, page_html
from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, open_page

BUILD = Path(__file__).resolve().parents[2] / ".web" / "build" / "client"
FIRST_LOAD_LIMIT_KB = 200  # issue 19: the shop's first load at most 200 KB of gzip JavaScript


def _phone_only(page) -> None:
    if page.viewport_size["width"] >= 1024:
        pytest.skip("the desktop shows its links inline, without the menu")


def test_phone_menu_opens_closes_and_leads_to_the_page_chosen(page, app_url):
    _phone_only(page)
    open_page(page, f"{app_url}/")
    button = page.locator("#menu-button")
    panel = page.locator(".cp-menu-panel")
    expect(panel).to_be_hidden()

    button.click()
    expect(panel).to_be_visible()
    for name in ("Servicios", "Ofertas de empleo", "Ayuda", "Entrar", "Regístrate"):
        expect(panel.get_by_role("link", name=name)).to_be_visible()
    snapshot(page, "phone-menu-open")  # also checked with axe, and every entry is 44 px tall

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(button).to_be_focused()

    button.click()
    page.locator("main").click(position={"x": 5, "y": 5})  # a tap outside the menu (left of it) closes it
    expect(panel).to_be_hidden()

    button.click()
    panel.get_by_role("link", name="Servicios").click()
    expect(page).to_have_url(re.compile(r"/tienda/?$"))
    expect(page.locator(".add-to-cart").first).to_be_visible()
    expect(panel).to_be_hidden()


def test_phone_menu_of_a_manager_lists_the_area_and_logs_out(page, app_url, world):
    _phone_only(page)
    manager = world.person(Role.MANAGER, "Marta Menú Gil")
    log_in(page, app_url, manager.email, manager.password)
    open_page(page, f"{app_url}/tienda")
    page.locator("#menu-button").click()
    panel = page.locator(".cp-menu-panel")
    expect(panel.get_by_role("link", name="Panel del gestor")).to_be_visible()
    expect(panel.get_by_role("link", name="Entrar")).to_have_count(0)
    page.locator("#menu-logout").click()
    expect(page.locator("#menu-logout")).to_have_count(0)
    # Logging out takes the user home: open the menu once that page is there, as a person would.
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cuidado a domicilio para quien más quieres")
    page.locator("#menu-button").click()
    expect(panel.get_by_role("link", name="Entrar")).to_be_visible()


@pytest.mark.parametrize("route", ["/", "/tienda"])
def test_first_load_javascript_stays_within_the_budget(page, app_url, route):
    """The build the browser tests serve: what a first visit downloads before the page works."""
    if page.viewport_size["width"] < 1024:
        pytest.skip("the build is the same at both widths: measured once")
    sizes = first_load_js(BUILD, route)
    total_kb = sum(sizes.values()) / 1024
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:3]
    assert sizes, f"no JavaScript found for {route} in {BUILD}"
    assert total_kb <= FIRST_LOAD_LIMIT_KB, f"{route}: {total_kb:.1f} KB gzip; largest {largest}"
    # Its modules wait for the stylesheet the first paint needs (care_portal/preload_plugin.py).
    html = page_html(BUILD, route).read_text(encoding="utf-8")
    preloads = re.findall(r'<link rel="modulepreload"[^>]*>', html)
    assert preloads, f"{route}: no module preloads in the pre-rendered page"
    assert all('fetchpriority="low"' in link for link in preloads), preloads
