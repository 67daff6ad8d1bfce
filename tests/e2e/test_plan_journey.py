"""One care plan from end to end: the family contracts two visits a week, the manager schedules
the month as a series from the week page, the family sees «visita 1 de 8» with its date and
subscribes to its calendar (the .ics read back).

Both widths: on a phone the manager reads the day agenda, on a desktop the hour grid.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from playwright.sync_api import expect

from care_portal.models import Role
from tests.e2e.conftest import ARTIFACTS, snapshot
from tests.e2e.helpers import family_appointment, fill_billing, log_in, log_out, open_page

MADRID = ZoneInfo("Europe/Madrid")
BENEFICIARY = "Dolores Martín Sanz"
DAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


# Lines of an hour-grid box shown at rest but cut by its bottom edge (a sliver of a hidden line).
_CUT_LINES_JS = """
(box) => {
  const bottom = box.getBoundingClientRect().bottom - parseFloat(getComputedStyle(box).borderBottomWidth);
  return [...box.children].filter(line => line.getClientRects().length
                                          && line.getBoundingClientRect().bottom > bottom + 0.5)
                          .map(line => line.innerText);
}
"""


def _hour_box_shows_whole_lines_and_reveals_the_rest_on_focus(page, box) -> None:
    """A 60-minute visit's box: time, person and state whole; service and number on keyboard focus."""
    service = box.get_by_text("Visita de compañía")
    number = box.get_by_text("visita 1 de 8")
    expect(box.get_by_text("Cita acordada")).to_be_visible()
    expect(service).to_be_hidden()
    expect(number).to_be_hidden()
    assert box.evaluate(_CUT_LINES_JS) == [], "a line of the visit's box is cut by its bottom edge"
    box.focus()
    expect(service).to_be_visible()
    expect(number).to_be_visible()
    assert box.evaluate(_CUT_LINES_JS) == []
    ARTIFACTS.joinpath("screens").mkdir(parents=True, exist_ok=True)
    page.locator("#week-grid").screenshot(path=str(ARTIFACTS / "screens" / "plan-journey-week-focus.png"))
    page.evaluate("document.activeElement.blur()")  # the focus leaves: the box is small again


def _month_of_two_days(start: date) -> tuple[list[int], list[date]]:
    """Two weekdays that fall exactly four times in the month from ``start``, and their 8 dates.

    A month of 28–31 days holds its first three weekdays five times at most; the fourth and the
    sixth weekday from ``start`` fall four times in any month.
    """
    weekdays = sorted({(start.weekday() + 3) % 7, (start.weekday() + 5) % 7})
    dates = [
        start + timedelta(days=i) for i in range(31) if (start + timedelta(days=i)).weekday() in weekdays
    ]
    return weekdays, dates[:8]


def test_a_weekly_plan_is_scheduled_as_a_series_and_lands_in_the_familys_calendar(page, app_url, world):
    home = world.postal_code()
    manager = world.person(Role.MANAGER, "Lucía Gestora Prado", areas=(home,))
    client = world.person(Role.CLIENT, "Andrés Martín Sanz")
    world.relative(client, name=BENEFICIARY, manager=manager, postal_code=home)
    start = datetime.now(MADRID).date() + timedelta(days=1)
    weekdays, dates = _month_of_two_days(start)

    # The family contracts the plan: two days a week at 10:00 from tomorrow, and pays the month.
    log_in(page, app_url, client.email, client.password)
    open_page(page, f"{app_url}/tienda")
    page.get_by_role("link", name="Plan mensual: Visita de compañía").click()
    expect(page).to_have_url(re.compile(r"/cuenta/planes/nuevo\?servicio="))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.get_by_label(BENEFICIARY).check()
    for day in weekdays:
        page.locator(f"#field-day_{day}").check()
        page.locator(f"#field-time_{day}").fill("10:00")
    page.locator("#field-start_date").fill(start.isoformat())
    fill_billing(page, "Andrés Martín Sanz")
    page.locator("#plan-submit").click()
    expect(page).to_have_url(re.compile(r"/cuenta/planes/pago-simulado\?plan="))
    expect(page.locator("#sim-plan-schedule")).to_have_text(
        ", ".join(f"{DAYS_ES[d]} 10:00" for d in weekdays)
    )
    page.locator("#sim-plan-pay").click()
    expect(page).to_have_url(re.compile(r"/cuenta/tareas/?$"))
    expect(page.locator(".task-ordinal", has_text=re.compile(r"^visita \d de 8$"))).to_have_count(8)
    log_out(page)

    # The manager finds the month as one group and schedules it as a series from the week page.
    log_in(page, app_url, manager.email, manager.password, next_path="/gestor")
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    group = page.locator(".cp-waiting-group").filter(has_text=BENEFICIARY)
    expect(group.locator(".group-count")).to_have_text("8 visitas por programar")
    group.locator(".group-series").click()
    expect(page).to_have_url(re.compile(r"/gestor/semana\?serie=\d+$"))
    expect(page.locator("#series-summary")).to_contain_text(BENEFICIARY)
    for day in weekdays:
        page.locator(f"#wd-{day}").check()
    page.locator("#field-series_time").fill("10:00")
    page.locator("#field-series_first_day").fill(start.isoformat())
    page.locator("#series-save").click()
    expect(page.get_by_text("8 visitas programadas")).to_be_visible()
    visits = page.locator(".series-visit")
    expect(visits).to_have_count(8)
    expect(visits.first).to_contain_text(f"{dates[0]:%d/%m/%Y} 10:00")
    expect(visits.last).to_contain_text(f"{dates[7]:%d/%m/%Y} 10:00")

    if page.viewport_name == "phone":  # the day agenda opens on the first visit's day
        agenda = page.locator("#day-agenda")
        expect(page.locator("#week-grid")).to_be_hidden()
        expect(agenda.locator(".appt-link")).to_have_count(1)
        expect(agenda).to_contain_text("10:00–11:00")
        expect(agenda).to_contain_text("Cita acordada")
        expect(agenda).to_contain_text("visita 1 de 8")
    else:  # the hour grid: the week's visits in the 10:00 row, under their days, state in words
        grid = page.locator("#week-grid")
        expect(page.locator("#day-agenda")).to_be_hidden()
        week = [
            d
            for d in dates
            if d - timedelta(days=d.weekday()) == dates[0] - timedelta(days=dates[0].weekday())
        ]
        ten = grid.locator("tbody tr").filter(has=page.locator("th", has_text=re.compile("^10:00$")))
        expect(ten.locator(".cp-slot")).to_have_count(len(week))
        expect(ten.locator(".cp-slot").first).to_contain_text("Cita acordada")
        expect(ten.locator(".cp-slot").first).to_contain_text(BENEFICIARY)
        column = ten.locator("td").nth(dates[0].weekday())
        expect(column).to_contain_text("visita 1 de 8")
        header = grid.locator("thead th").nth(dates[0].weekday() + 1)
        expect(header).to_contain_text(f"{dates[0]:%d/%m}")
        _hour_box_shows_whole_lines_and_reveals_the_rest_on_focus(page, column.locator(".cp-slot"))
    snapshot(page, "plan-journey-week")
    log_out(page)

    # The family sees the first visit's date, and subscribes to the calendar of all eight.
    log_in(page, app_url, client.email, client.password, next_path="/cuenta/tareas")
    open_page(page, f"{app_url}/cuenta/tareas")
    first = page.locator(".client-task").filter(
        has=page.locator(".task-ordinal", has_text=re.compile("^visita 1 de 8$"))
    )
    expect(first.locator(".task-appointment")).to_have_text(family_appointment(dates[0]))
    page.locator("#feed-make").click()
    feed = page.locator("#feed-url")
    expect(feed).to_have_value(re.compile(r"/api/calendario/[\w-]+\.ics$"))
    snapshot(page, "plan-journey-tasks")
    answer = page.request.get(feed.input_value(), timeout=20_000)
    assert answer.ok
    assert answer.headers["content-type"].startswith("text/calendar")
    events = sorted(Calendar.from_ical(answer.body()).walk("VEVENT"), key=lambda e: e["dtstart"].dt)
    assert [e["dtstart"].dt.astimezone(MADRID).date() for e in events] == dates
    assert {(e["dtstart"].dt.astimezone(MADRID).hour, e["dtstart"].params["TZID"]) for e in events} == {
        (10, "Europe/Madrid")
    }
    assert str(events[0]["summary"]).endswith(f"(visita 1 de 8) — {BENEFICIARY}")
