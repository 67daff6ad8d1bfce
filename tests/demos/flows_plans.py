"""Recording script of a monthly care plan: contracted from «Servicios», paid, changed in «Proyectos».

See ``tests/demos/flows.py`` for how flows are run; the data comes from ``tests.demos.data``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from tests.demos import data
from tests.demos.recorder import Demo
from tests.e2e.helpers import fill_billing, log_in

TUESDAY, THURSDAY = 1, 3


def client_with_a_registered_relative(page: Page, base: str) -> None:
    client, _, _ = data.family(paid=False)
    log_in(page, base, client.email, client.password)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))


def care_plan(demo: Demo, base: str) -> None:
    """The client contracts companion visits on Tuesdays and Thursdays, pays the month, sees the
    visits in «Tareas» and finds how to pause, change or end the plan in «Proyectos»."""
    page = demo.page
    demo.step("start")
    demo.go(f"{base}/tienda")
    demo.tap(page.get_by_role("link", name="Plan mensual: Visita de compañía"))
    expect(page).to_have_url(re.compile(r"/cuenta/planes/nuevo\?servicio="))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    demo.step("days")
    demo.tap(page.get_by_label(data.RELATIVE), check=True)
    for day in (TUESDAY, THURSDAY):
        demo.tap(page.locator(f"#field-day_{day}"), check=True)
        demo.point(page.locator(f"#field-time_{day}"), 0.6)
        page.locator(f"#field-time_{day}").fill("10:00")
        demo.pause(0.8)
    start = datetime.now(ZoneInfo("Europe/Madrid")).date() + timedelta(days=1)
    demo.point(page.locator("#field-start_date"), 0.6)
    page.locator("#field-start_date").fill(start.isoformat())
    demo.pause(1.0)
    demo.step("price")
    expect(page.locator("#plan-monthly")).to_contain_text("€")
    demo.point(page.locator("#plan-monthly"), 2.5)
    fill_billing(page, data.CLIENT)  # as in the purchase video; not typed again here
    demo.tap(page.locator("#plan-submit"))
    expect(page).to_have_url(re.compile(r"/cuenta/planes/pago-simulado\?plan="))
    expect(page.locator("#sim-plan-schedule")).to_have_text("martes 10:00, jueves 10:00")
    demo.point(page.locator("#sim-plan-amount"), 2.0)
    demo.tap(page.locator("#sim-plan-pay"))
    expect(page).to_have_url(re.compile(r"/cuenta/tareas/?$"), timeout=30_000)
    first = page.locator(".task-ordinal", has_text=re.compile(r"^visita 1 de \d+$"))
    expect(first).to_be_visible()
    demo.point(first, 2.5)
    demo.step("change")
    demo.go(f"{base}/cuenta/proyectos")
    plan = page.locator("#care-plans .care-plan").first
    expect(plan.get_by_role("button", name="Cambiar días y horas")).to_be_visible()
    demo.point(plan.locator(".plan-schedule"), 1.6)
    demo.point(plan.get_by_role("button", name="Pausar"), 1.6)
    demo.point(plan.get_by_role("button", name="Cambiar días y horas"), 1.6)
    demo.point(plan.get_by_role("button", name="Terminar el plan"), 1.6)
