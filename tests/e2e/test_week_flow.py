"""The manager's week on a phone: a crowded dashboard stays one card per series; a pack is scheduled
as a series from the phone agenda, and the family sees the dates."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import family_appointment, log_in, log_out, open_page

BENEFICIARY = "Dolores Martín Sanz"


def test_manager_schedules_a_pack_every_tuesday_from_the_phone_and_the_family_sees_the_dates(
    page, app_url, world
):
    if page.viewport_name != "phone":
        pytest.skip("the day agenda is the phone's view; the week grid is the desktop's")
    client = world.person(Role.CLIENT, "Lucía Martín Sanz")
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz")
    beneficiary_id = world.relative(client, name=BENEFICIARY, manager=manager)
    pack = world.paid_pack(client, beneficiary_id)
    assert len(pack) == 4
    others = world.person(Role.CLIENT, "Otra Familia Pérez")
    world.waiting_crowd(others, manager, pack[0], people=24, each=20)  # 480 more waiting visits

    # 484 waiting visits are 25 cards, ten to a page: one card per person and series.
    log_in(page, app_url, manager.email, manager.password, next_path="/gestor")
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    first = page.locator(".cp-waiting-group").first
    expect(first).to_contain_text(BENEFICIARY)
    expect(first.locator(".group-count")).to_have_text("4 visitas por programar")
    expect(first).to_contain_text("Esperando desde hoy")
    expect(page.locator(".cp-waiting-group")).to_have_count(10)
    expect(page.locator(".group-position")).to_have_text("Página 1 / 3")
    tallest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.cp-waiting-group')].map(e => e.offsetHeight))"
    )
    assert tallest < 844 / 2, f"a waiting group takes {tallest}px on a phone"
    # Their 25 people are paged too: «Tus beneficiarios» shows ten cards at a time.
    people = page.locator("#beneficiaries .cp-beneficiary")
    expect(people).to_have_count(10)
    expect(page.locator(".people-position")).to_have_text("Página 1 / 3")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"crowded dashboard: {height}px on a phone")
    assert height < 9_000, f"the dashboard is {height}px long"
    snapshot(page, "week-dashboard-crowded")
    page.locator(".people-next").click()
    expect(page.locator(".people-position")).to_have_text("Página 2 / 3")
    expect(people.first).to_contain_text("Persona 009 Prueba")  # by name: Dolores, Persona 000…008 first

    # From the group, the series form on the week page: every Tuesday at 10:00 from next Monday.
    first.locator(".group-series").click()
    expect(page).to_have_url(re.compile(rf"/gestor/semana\?serie={pack[0]}$"))
    expect(page.locator("#series-summary")).to_contain_text(BENEFICIARY)
    today = datetime.now(ZoneInfo("Europe/Madrid")).date()
    monday = today + timedelta(days=7 - today.weekday())
    tuesdays = [monday + timedelta(days=1 + 7 * week) for week in range(4)]
    page.locator("#field-series_time").fill("10:00")
    page.locator("#field-series_first_day").fill(monday.isoformat())
    page.locator("#series-save").click()  # no weekday ticked: told at the field, nothing stored
    expect(page.locator("#field-series_weekdays-error")).to_contain_text("al menos un día")
    page.locator("#wd-1").check()
    page.locator("#series-save").click()
    expect(page.get_by_text("4 visitas programadas")).to_be_visible()
    visits = page.locator(".series-visit")
    for number, tuesday in enumerate(tuesdays):
        expect(visits.nth(number)).to_contain_text(f"{tuesday:%d/%m/%Y} 10:00")
        expect(visits.nth(number)).to_contain_text(f"{number + 1} / 4")
    agenda = page.locator("#day-agenda")
    expect(agenda.locator(".appt-link")).to_have_count(1)
    expect(agenda).to_contain_text(BENEFICIARY)
    expect(agenda).to_contain_text("10:00–11:00")
    expect(agenda).to_contain_text("Cita acordada")  # the state in words, not only its colour
    expect(agenda).to_contain_text("visita 1 de 4")
    snapshot(page, "week-day-agenda")
    page.locator("#day-next").click()
    expect(agenda).to_contain_text("Sin citas este día")

    # The family sees each date in «Tareas».
    log_out(page)
    log_in(page, app_url, client.email, client.password, next_path="/cuenta/tareas")
    open_page(page, f"{app_url}/cuenta/tareas")
    for task_id, tuesday in zip(pack, tuesdays, strict=True):
        card = page.locator(f'.client-task[data-task="{task_id}"]')
        expect(card.locator(".task-appointment")).to_have_text(family_appointment(tuesday))
    snapshot(page, "week-client-dates")
