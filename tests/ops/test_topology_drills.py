"""Fault drills on the production topology: a worker killed during a payment confirmation,
PostgreSQL and Redis restarted during traffic. Each drill is bounded in time.

A killed worker is started again at once, as its supervisor (systemd's ``Restart=always``) would:
it boots while the drill goes on, and the next drill that needs both workers waits only for the
rest of that boot.
"""

from __future__ import annotations

import json
import re
import threading
import time

import pytest
from playwright.sync_api import expect

from care_portal.config import Settings
from care_portal.integrations.payments import SimulatedProvider
from tests.e2e.helpers import log_in, open_page
from tests.ops.topology_helpers import http, purchase_counts, scalar

pytestmark = [pytest.mark.topology, pytest.mark.e2e]
DEMO_CLIENT = "cliente@cuidadoencasa.example"


def _wait_status(url: str, status: int, timeout: float) -> float:
    """Wait until ``url`` answers ``status``; return the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if http(url, timeout=3)[0] == status:
            return time.monotonic() - started
        time.sleep(0.3)
    raise AssertionError(f"{url} never answered {status} within {timeout} s")


@pytest.fixture(scope="module")
def client_page(topology, https_chromium):
    """The demo client, logged in once through the proxy for every drill of this module."""
    browser = https_chromium.get()
    context = browser.new_context(ignore_https_errors=True, locale="es-ES", timezone_id="Europe/Madrid")
    context.set_default_timeout(30_000)
    page = context.new_page()
    log_in(page, topology.url, DEMO_CLIENT)
    yield page
    context.close()


def _pending_order(page, topology) -> tuple[str, str]:
    """The demo client orders one service and stops at the simulated payment page."""
    url = topology.url
    open_page(page, f"{url}/tienda")
    page.get_by_role("button", name="Añadir al carrito: Recados y compras").click()
    expect(page.locator("#cart-link")).to_contain_text("1")
    open_page(page, f"{url}/tienda/pedido")
    page.get_by_label("Rosario López Martín").check()
    page.locator("#field-accept_terms").check()
    page.locator("#pay-button").click()
    expect(page).to_have_url(re.compile(r"/pago-simulado\?pedido="))
    public_id = page.url.split("pedido=")[1].split("&")[0]
    session_id = scalar_text(
        topology, "SELECT provider_session_id FROM orders WHERE public_id = :p", p=public_id
    )
    return public_id, session_id


def scalar_text(topology, sql: str, **params) -> str:
    return str(scalar(topology, sql, **params))


def test_a_worker_killed_while_confirming_a_payment_then_the_retry_completes_it_once(topology, client_page):
    topology.ensure_workers()
    public_id, session_id = _pending_order(client_page, topology)
    before = purchase_counts(topology, DEMO_CLIENT)
    secret = Settings(
        _env_file=None, environment="staging", secret_key=topology.env["SECRET_KEY"]
    ).simulated_webhook_secret  # what the workers derive from their SECRET_KEY
    provider = SimulatedProvider(secret=secret, public_url=topology.url)
    total = scalar(topology, "SELECT total_cents FROM orders WHERE public_id = :p", p=public_id)
    body, signature = provider.signed_event(
        order_public_id=public_id, session_id=session_id, paid=True, amount_cents=total
    )
    headers = {"Stripe-Signature": signature, "Content-Type": "application/json"}

    # The provider's first delivery goes to worker 0, which dies while handling it.
    first = threading.Thread(
        target=http,
        args=(f"{topology.worker_url(0)}/api/pagos/webhook",),
        kwargs={"data": body, "headers": headers},
    )
    first.start()
    time.sleep(0.05)
    topology.kill_worker(0)
    topology.start_worker(0)  # its supervisor starts it again; it boots while the provider retries
    first.join(10)

    # The provider retries (through the proxy) until it gets a 2xx, then once more by mistake.
    outcomes = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status, answer = http(f"{topology.url}/api/pagos/webhook", data=body, headers=headers)
        if status == 200:
            outcomes.append(json.loads(answer)["status"])
            break
        time.sleep(0.5)
    status, answer = http(f"{topology.url}/api/pagos/webhook", data=body, headers=headers)
    outcomes.append(json.loads(answer)["status"])
    assert outcomes[-1] == "duplicate"
    assert outcomes[0] in ("paid", "duplicate")

    after = purchase_counts(topology, DEMO_CLIENT)
    assert after["orders"] == before["orders"]
    assert after["paid"] == before["paid"] + 1
    assert after["invoices"] == before["invoices"] + 1
    assert after["tasks"] == before["tasks"] + 1
    assert after["payment_events"] == before["payment_events"] + 1


def test_postgres_restart_fails_politely_and_recovers_by_itself(topology, client_page):
    topology.ensure_workers()
    page, url = client_page, topology.url
    open_page(page, f"{url}/cuenta/pedidos")
    orders_before = scalar(topology, "SELECT count(*) FROM orders")
    invoices_before = scalar(topology, "SELECT count(*) FROM invoices")

    topology.postgres.stop()
    try:
        assert http(f"{url}/api/health")[0] == 200  # the process is alive…
        status, body = http(f"{url}/api/ready")
        assert status == 503  # …but not ready
        assert b'"database":"error' in body
        page.goto(f"{url}/cuenta/facturas")
        toast = page.get_by_text(re.compile(r"Algo ha fallado por nuestra parte \(código [A-Z0-9]{6}\)"))
        expect(toast.first).to_be_visible(timeout=20_000)
        expect(page.get_by_text("Traceback")).to_have_count(0)
    finally:
        topology.postgres.start()
    assert _wait_status(f"{url}/api/ready", 200, 30) < 30  # dead connections replaced: no restart
    assert all(worker.poll() is None for worker in topology.workers)  # nobody crashed or restarted
    open_page(page, f"{url}/cuenta/pedidos")
    expect(page.locator(".order-card").first).to_be_visible()
    assert scalar(topology, "SELECT count(*) FROM orders") == orders_before
    assert scalar(topology, "SELECT count(*) FROM invoices") == invoices_before


def test_redis_restart_needs_at_most_a_reload_and_shows_nobody_else_s_data(
    topology, https_browser, client_page
):
    context = https_browser.new_context(ignore_https_errors=True, locale="es-ES")
    try:
        client, manager = client_page, context.new_page()
        log_in(manager, topology.url, "gestor@cuidadoencasa.example")
        open_page(client, f"{topology.url}/cuenta/pedidos")
        expect(client.locator(".order-card").first).to_be_visible()
        orders_before = scalar(topology, "SELECT count(*) FROM orders")

        topology.redis.stop()
        assert http(f"{topology.url}/api/ready")[0] == 503
        topology.redis.start()  # empty: every tab's server-side state is gone
        _wait_status(f"{topology.url}/api/ready", 200, 30)
        assert all(worker.poll() is None for worker in topology.workers)  # nobody crashed or restarted

        manager.reload()
        manager.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
        expect(manager).to_have_url(re.compile(r"/gestor"))
        expect(manager.locator(".order-card")).to_have_count(0)
        client.reload()
        client.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
        expect(client).to_have_url(re.compile(r"/cuenta/pedidos"))
        expect(client.locator(".order-card").first).to_be_visible()
        expect(client.get_by_text("Panel del gestor")).to_have_count(0)
        assert scalar(topology, "SELECT count(*) FROM orders") == orders_before
    finally:
        context.close()
