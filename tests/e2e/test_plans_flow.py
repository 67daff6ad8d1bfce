"""A client contracts a weekly care plan, pays the first month and sees «visita 1 de N» in «Tareas»."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import fill_billing, log_in, open_page


def test_a_client_contracts_a_weekly_plan_pays_and_sees_numbered_visits(page, app_url, world):
    home = world.postal_code()
    manager = world.person(Role.MANAGER, "Lucía Gestora Prado", areas=(home,))
    client = world.person(Role.CLIENT, "Andrés Martín Sanz")
    world.relative(client, name="Dolores Martín Sanz", manager=manager, postal_code=home)
    log_in(page, app_url, client.email, client.password)

    open_page(page, f"{app_url}/tienda")
    page.get_by_role("link", name="Plan mensual: Visita de compañía").click()
    expect(page).to_have_url(re.compile(r"/cuenta/planes/nuevo\?servicio="))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.get_by_label("Dolores Martín Sanz").check()
    page.locator("#plan-submit").click()  # nothing ticked: refused at the fields, nothing stored
    expect(page.locator("#field-schedule-error")).to_contain_text("al menos un día")
    expect(page.locator("#field-accept_terms-error")).to_contain_text("aceptar las condiciones")

    page.locator("#field-day_1").check()  # los martes
    page.locator("#field-time_1").fill("10:00")
    expect(page.locator("#plan-monthly")).to_have_text("108,33\u00a0€")
    page.get_by_label("Observaciones para el gestor").fill("Le gusta pasear por el Retiro.")
    fill_billing(page, "Andrés Martín Sanz")
    snapshot(page, "plan-form")
    page.locator("#plan-submit").click()

    expect(page).to_have_url(re.compile(r"/cuenta/planes/pago-simulado\?plan="))
    expect(page.locator("#sim-plan-amount")).to_have_text("108,33\u00a0€")
    expect(page.locator("#sim-plan-schedule")).to_have_text("martes 10:00")
    page.locator("#sim-plan-pay").click()

    expect(page).to_have_url(re.compile(r"/cuenta/tareas/?$"))
    first = page.locator(".client-task").filter(
        has=page.locator(".task-ordinal", has_text=re.compile(r"^visita 1 de [45]$"))
    )
    expect(first).to_have_count(1)
    expect(first.locator(".task-preferred")).to_have_text(re.compile(r"^\d\d/\d\d/\d{4} 10:00$"))
    snapshot(page, "plan-tasks")

    open_page(page, f"{app_url}/cuenta/proyectos")
    plan = page.locator(".care-plan")
    expect(plan.locator(".plan-status")).to_have_text("Activo")
    expect(plan.locator(".plan-schedule")).to_contain_text("martes 10:00")
    snapshot(page, "plan-projects")
    plan.get_by_role("button", name="Pausar").click()  # from next month; this month's visits stay
    expect(plan.locator(".plan-status")).to_have_text("En pausa")
    expect(plan.get_by_role("button", name="Reanudar")).to_be_visible()
