"""English mode: the shop's services, amounts and dates in English, for visitors and clients."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, open_page, switch_language

ENGLISH_DATE = re.compile(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d")


def test_switching_to_english_shows_english_services_amounts_and_dates(page, app_url, world):
    code = world.postal_code()
    manager = world.person(Role.MANAGER, "Marta Gestora Gil", areas=(code,))
    client = world.person(Role.CLIENT, "Helen Parker")
    relative = world.relative(client, name="Margaret Parker", manager=manager, postal_code=code)
    world.paid_invoice(client, relative, billing_name="Helen Parker")  # 2 companion visits + 1 accompaniment
    log_in(page, app_url, client.email, client.password)

    open_page(page, f"{app_url}/tienda")
    expect(page.locator(".service-card").first).to_contain_text("25,00\u00a0€")
    switch_language(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    name = page.get_by_role("heading", name="Companion visit", exact=True)  # not «Pack of 4 companion…»
    card = page.locator(".service-card").filter(has=name)
    expect(card).to_contain_text("€25.00")
    expect(page.get_by_text("Visita de compañía")).to_have_count(0)
    snapshot(page, "shop-english")
    page.get_by_role("button", name="Add to cart: Companion visit").click()
    expect(page.locator("#cart-link")).to_contain_text("1")

    open_page(page, f"{app_url}/tienda/carrito")
    expect(page.locator("#cart-total")).to_have_text("€25.00")
    expect(page.locator("main")).to_contain_text("Companion visit")
    expect(page).to_have_title("Cart · Cuidado en Casa")

    # The terms: the English translation to read, the Spanish that governs marked as Spanish.
    open_page(page, f"{app_url}/tienda/pedido")
    expect(page.locator("#terms-text-en")).to_contain_text("14 calendar days")
    expect(page.locator("#terms-text-note")).to_contain_text("the Spanish text below is the one that governs")
    expect(page.locator("#terms-text")).to_have_attribute("lang", "es")
    expect(page.locator("#withdrawal-form-en")).to_contain_text("I withdraw from the contract")
    expect(page.locator("#withdrawal-form")).to_have_attribute("lang", "es")

    # An order bought in Spanish reads in English: names, amounts and the date.
    open_page(page, f"{app_url}/cuenta/pedidos")
    order = page.locator(".order-card").first
    expect(order).to_contain_text("€95.00")
    expect(order).to_contain_text("Accompaniment to the doctor")
    expect(order.locator(".order-task").first).to_contain_text("Companion visit")
    expect(order).to_contain_text(ENGLISH_DATE)
    expect(order).not_to_contain_text("Visita de compañía")
    snapshot(page, "orders-english")
