"""The purchase journey over HTTPS through nginx, while each of the two workers is killed in turn."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import snapshot
from tests.e2e.helpers import open_page, register_beneficiary, sign_up_and_confirm, unique_email
from tests.ops.topology_helpers import events_served, http, purchase_counts, redirect_of

pytestmark = [pytest.mark.topology, pytest.mark.e2e]
PASSWORD = "mi casa tiene un patio"


def _add_to_cart(page, service_name: str, count_after: int) -> None:
    """Add a service like a user would: again if the cart did not change (a click sent to a
    dying worker's socket is lost; the tab reconnects to the other one)."""
    for _ in range(3):
        page.get_by_role("button", name=f"Añadir al carrito: {service_name}").click()
        try:
            expect(page.locator("#cart-link")).to_contain_text(str(count_after), timeout=10_000)
            return
        except AssertionError:
            continue
    expect(page.locator("#cart-link")).to_contain_text(str(count_after))


def _pay_until_confirmed(page) -> None:
    """Click "pay" like a user would: again if nothing happened (a click sent to the dying
    worker's socket is lost; the tab reconnects to the other one). Paying twice must not
    pay twice, which the row counts below check."""
    for _ in range(6):
        page.locator("#sim-pay").click()
        try:
            expect(page.locator("#payment-confirmed")).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            if "/pago-simulado" not in page.url:
                break
    expect(page.locator("#payment-confirmed")).to_be_visible(timeout=10_000)


def test_the_proxy_serves_tls_health_and_refuses_metrics(topology):
    # https://localhost:<port> leads to the one public address, path and query kept.
    assert topology.alias_url.startswith("https://localhost:")
    status, location = redirect_of(f"{topology.alias_url}/cuenta/pedidos?pagina=2")
    assert (status, location) == (308, f"{topology.url}/cuenta/pedidos?pagina=2")
    status, body = http(f"{topology.url}/api/ready")
    assert status == 200
    assert b'"redis":"ok"' in body
    assert http(f"{topology.url}/api/metrics")[0] == 404
    assert http(f"{topology.url}/cuenta/proyectos/7")[0] == 200  # the app shell for a dynamic route
    too_big = b"x" * (13 * 1024 * 1024)
    assert http(f"{topology.url}/api/pagos/webhook", data=too_big)[0] == 413


def test_a_purchase_over_https_continues_while_each_worker_is_killed(topology, https_page, topology_smtp):
    topology.ensure_workers()
    page, url = https_page, topology.url
    email = unique_email("https")
    sign_up_and_confirm(page, topology.alias_url, topology_smtp, "Elena Sanz", email, PASSWORD)
    expect(page).to_have_url(re.compile(rf"^{re.escape(url)}/cuenta/?$"))  # typed as localhost, moved
    expect(page.get_by_text("Hola, Elena Sanz")).to_be_visible()  # the log-in stuck
    open_page(page, f"{url}/tienda")
    _add_to_cart(page, "Visita de compañía", 1)

    topology.kill_worker(0)  # the tab's socket, if it was there, reconnects to worker 1
    topology.start_worker(0)  # its supervisor starts it again; it boots while the journey goes on
    _add_to_cart(page, "Recados y compras", 2)
    open_page(page, f"{url}/tienda/carrito")
    expect(page.locator("#cart-total")).to_have_text("47,00\u00a0€")
    page.locator("#to-checkout").click()
    expect(page).to_have_url(re.compile(r"/tienda/pedido/?$"))
    page.locator("#register-beneficiary").click()
    register_beneficiary(page, name="Pilar Sanz Ortega", postal_code="28013")
    expect(page).to_have_url(re.compile(r"/tienda/pedido/?$"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.get_by_label("Pilar Sanz Ortega").check()
    page.get_by_label("NIF / NIE / CIF").fill("12345678Z")
    page.get_by_label("Nombre o razón social").fill("Elena Sanz")
    page.get_by_label("Dirección de facturación").fill("Calle de Alcalá 10, 3º B")
    page.get_by_label("Código postal").fill("28014")
    page.get_by_label("Población").fill("Madrid")
    page.get_by_label("Teléfono").fill("612 345 678")
    page.locator("#field-accept_terms").check()
    page.locator("#pay-button").click()
    expect(page).to_have_url(re.compile(r"/pago-simulado\?pedido="))
    expect(page.locator("#sim-amount")).to_have_text("47,00\u00a0€")

    topology.wait_worker(0)
    assert events_served(topology, 1) > 0  # worker 1 served this tab so far
    topology.kill_worker(1)  # confirm the payment with worker 1 gone: the tab moves to worker 0
    _pay_until_confirmed(page)
    open_page(page, f"{url}/cuenta/pedidos")
    card = page.locator(".order-card").first
    expect(card).to_contain_text("Pagado")
    expect(card.locator(".order-task")).to_have_count(2)
    snapshot(page, "https-topology-orders")
    assert events_served(topology, 0) > 0  # and the restarted worker 0 served it afterwards

    counts = purchase_counts(topology, email)
    # Each click that reached a worker is its own provider event; only the first pays.
    assert counts.pop("payment_events") >= 1
    assert counts == {"orders": 1, "paid": 1, "invoices": 1, "tasks": 2}
    topology_smtp.wait_for(lambda m: m["To"] == email and m["Subject"].startswith("Pedido confirmado"))
    open_page(page, f"{url}/cuenta/facturas")
    with page.expect_download() as download:
        page.locator(".invoice-card").first.get_by_role("link", name="Descargar PDF").click()
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"  # noqa: SIM115
    topology.start_worker(1)  # its supervisor starts it again (waited for by the next drill)
