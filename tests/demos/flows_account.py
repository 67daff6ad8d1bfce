"""Recording scripts of the client's own paperwork: withdrawing from an order and «Mis datos».

See ``tests/demos/flows.py`` for how flows are run; the data comes from ``tests.demos.data``.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.demos import data
from tests.demos.recorder import Demo
from tests.e2e.helpers import log_in


def client_with_a_paid_order(page: Page, base: str) -> None:
    client, _, _ = data.family()
    log_in(page, base, client.email, client.password)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))


def withdrawal(demo: Demo, base: str) -> None:
    """Within 14 days the client withdraws from a paid order and is refunded in full."""
    page = demo.page
    demo.step("period")
    demo.go(f"{base}/cuenta")
    demo.point(page.get_by_role("link", name="Desistir de un pedido (14 días)"), 2.5)
    demo.step("where")
    demo.tap(page.get_by_role("link", name="Desistir de un pedido (14 días)"))
    expect(page).to_have_url(re.compile(r"/cuenta/desistimiento/?$"))
    card = page.locator(".withdrawable-order").first
    expect(card).to_contain_text("Visita de compañía")
    demo.point(card.get_by_text("Puedes desistir hasta"), 2.5)
    demo.step("refund")
    refund = card.get_by_text("Te devolveríamos")
    expect(refund).to_contain_text("95,00")
    demo.point(refund, 3.0)
    demo.step("receipt")
    demo.tap(card.locator("input[name=confirm_withdrawal]"), check=True)
    demo.tap(card.locator(".withdrawal-submit"))
    expect(page.get_by_text("Desistimiento recibido").first).to_be_visible()
    expect(page.locator("#withdrawal-none")).to_be_visible()
    demo.pause(2.5)


def client_on_my_data(page: Page, base: str) -> None:
    client, _, _ = data.family(paid=False)
    log_in(page, base, client.email, client.password, next_path="/cuenta/perfil")
    expect(page).to_have_url(re.compile(r"/cuenta/perfil/?$"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")


def my_data(demo: Demo, base: str) -> None:
    """The client sees what she can change, downloads her data, and finds her rights and «close»."""
    page = demo.page
    demo.step("profile")
    demo.point(page.locator("#field-full_name"), 1.5)
    demo.point(page.locator("#field-language"), 1.5)
    demo.point(page.locator("#password-change"), 1.5)
    demo.point(page.locator("#billing-save"), 1.5)
    demo.step("export")
    demo.tap(page.locator("#export-start"))
    download = page.locator("#export-download")
    expect(download).to_be_visible(timeout=60_000)  # prepared in the background
    demo.point(download, 2.5)
    demo.step("rights")
    demo.point(page.get_by_role("heading", name="Ejercer mis derechos"), 1.5)
    demo.point(page.locator("#field-kind"), 1.5)
    demo.point(page.locator("#request-send"), 1.5)
    demo.step("close")
    demo.point(page.get_by_role("heading", name="Cerrar mi cuenta"), 1.5)
    demo.point(page.locator("#close-submit"), 2.5)
