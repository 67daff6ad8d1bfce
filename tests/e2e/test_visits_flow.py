"""A visit from purchase to report, and a timely cancellation with its refund, driven through the UI."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date
from playwright.sync_api import Page, expect

from care_portal.domain.formatting import format_appointment
from care_portal.domain.visits import cancellation_deadline
from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import family_appointment, fill_billing, log_in, log_out, open_page
from tests.e2e.world import Person

BENEFICIARY = "Rosario López Martín"


def _family(world) -> tuple[Person, Person]:
    """A client with a relative in Madrid (consent pending) and the relative's manager."""
    client = world.person(Role.CLIENT, "Carmen Cliente López")
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz")
    world.relative(client, name=BENEFICIARY, manager=manager)
    return client, manager


def _buy_two_services(page: Page, base: str) -> None:
    for service in ("Visita de compañía", "Recados y compras"):
        open_page(page, f"{base}/tienda")
        page.get_by_role("button", name=f"Añadir al carrito: {service}").click()
        expect(page.get_by_text("Añadido al carrito.").first).to_be_visible()
    open_page(page, f"{base}/tienda/carrito")
    expect(page.locator("#cart-total")).to_have_text("47,00\u00a0€")
    open_page(page, f"{base}/tienda/pedido")
    page.get_by_label(BENEFICIARY).check()
    page.get_by_label("Observaciones para la visita").fill("Llamad al timbre dos veces.")
    fill_billing(page, "Carmen Cliente López", phone="612 345 678")
    page.locator("#pay-button").click()
    expect(page).to_have_url(re.compile(r"/pago-simulado\?pedido="))
    page.locator("#sim-pay").click()
    expect(page.locator("#payment-confirmed")).to_be_visible()


def _text(message) -> str:
    """The plain-text body of an e-mail (appointment e-mails also carry an .ics)."""
    return message.get_body(preferencelist=("plain",)).get_content()


def _switch_user(page: Page, base: str, person: Person, next_path: str) -> None:
    log_out(page)
    expect(page).not_to_have_url(re.compile(r"/(cuenta|gestor)"))
    log_in(page, base, person.email, person.password, next_path=next_path)
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")


def test_manager_agrees_visits_and_reports_client_reads_and_cancels_in_time(
    page, app_url, smtp_server, world
):
    client, manager = _family(world)
    log_in(page, app_url, client.email, client.password)
    _buy_two_services(page, app_url)

    open_page(page, f"{app_url}/cuenta/tareas")
    visit = page.locator(".client-task", has_text="Visita de compañía").first
    spare = page.locator(".client-task", has_text="Recados y compras").first
    expect(visit).to_contain_text("Pendiente de cita")
    visit_id, spare_id = visit.get_attribute("data-task"), spare.get_attribute("data-task")
    visit_card = page.locator(f'.client-task[data-task="{visit_id}"]')
    code = visit_card.locator(".task-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)

    # The manager sees the new task waiting, and agrees the appointment.
    _switch_user(page, app_url, manager, "/gestor")
    expect(page.locator("#waiting")).to_contain_text(BENEFICIARY)
    expect(page.locator("#waiting .group-count").first).to_have_text("1 visita por programar")  # singular
    snapshot(page, "visits-dashboard")
    page.locator(f'#waiting a.task-link[data-task="{visit_id}"]').click()
    expect(page).to_have_url(re.compile(rf"/gestor/tareas/{visit_id}$"))
    expect(page.locator("#visit-code")).to_have_text(code)
    page.get_by_label("Nota", exact=True).fill("Hablé con Rosario; prefiere por la mañana.")
    page.locator("#contact-save").click()
    expect(page.locator("#contact-log")).to_contain_text("prefiere por la mañana")

    day = (datetime.now(ZoneInfo("Europe/Madrid")) + timedelta(days=20)).date()
    page.locator("#field-appointment_day").fill("2020-01-01")
    page.locator("#field-appointment_time").fill("10:00")
    page.locator("#appointment-save").click()
    expect(page.locator("#field-appointment_day-error")).to_contain_text("en el futuro")
    page.locator("#field-appointment_day").fill(day.isoformat())
    # The picker follows the browser's language; under it the day is said in words, with its weekday.
    expect(page.locator("#field-appointment_day-words")).to_have_text(
        format_date(day, "EEEE, d 'de' MMMM 'de' y", locale="es_ES")
    )
    page.locator("#appointment-save").click()
    shown = f"{day:%d/%m/%Y} 10:00"
    expect(page.locator("#appointment")).to_have_text(shown)
    snapshot(page, "visits-task-scheduled")
    # The family reads the weekday and the month in words, in the e-mail and in «Tareas».
    for_family = family_appointment(day)
    assert for_family.startswith(("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"))
    mail = smtp_server.wait_for(lambda m: m["To"] == client.email and for_family in _text(m))
    assert code in _text(mail)
    invitation = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(invitation) == 1  # the appointment for the family's calendar
    assert "METHOD:REQUEST" in invitation[0].get_content()

    # The client sees the date, the code and the deadline in "Tareas".
    _switch_user(page, app_url, client, "/cuenta/tareas")
    visit_card = page.locator(f'.client-task[data-task="{visit_id}"]')
    expect(visit_card.locator(".task-appointment")).to_have_text(for_family)
    expect(visit_card.locator(".task-code")).to_have_text(code)
    appointment = datetime.combine(day, time(10), tzinfo=ZoneInfo("Europe/Madrid"))
    deadline = format_appointment(cancellation_deadline(appointment), "es")  # 48 h before
    expect(visit_card.locator(".task-deadline")).to_have_text(deadline)
    snapshot(page, "visits-client-tasks")

    # A timely cancellation of the spare visit: refunded at once, with a rectifying invoice.
    page.locator(f'.client-task[data-task="{spare_id}"] .task-change').click()
    expect(page).to_have_url(re.compile(rf"/cuenta/sugerencias\?tarea={spare_id}"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.get_by_label("Tu mensaje").fill("Al final esa semana estará con mi hermana.")
    # Nothing is chosen for the client; cancelling shows the refund and asks for a yes first.
    expect(page.get_by_role("radio", name="Cancelar la visita")).not_to_be_checked()
    page.locator("#suggest-send").click()
    expect(page.locator("#field-kind-error")).to_contain_text("Elige qué necesitas")
    page.get_by_role("radio", name="Cancelar la visita").click()
    expect(page.locator("#cancel-preview")).to_contain_text("22,00\u00a0€")
    expect(page.locator("#cancel-preview")).to_contain_text("Cancelación gratuita hasta")
    page.locator("#suggest-send").click()
    expect(page.locator("#field-confirm_cancel-error")).to_contain_text("confirmar la cancelación")
    expect(page.locator("#field-confirm_cancel")).to_be_focused()
    snapshot(page, "visits-suggestion")
    page.locator("#field-confirm_cancel").check()
    page.locator("#suggest-send").click()
    expect(page.locator("#suggest-outcome")).to_contain_text("22,00\u00a0€")
    open_page(page, f"{app_url}/cuenta/tareas")
    spare = page.locator(f'.client-task[data-task="{spare_id}"]')
    expect(spare).to_contain_text("Cancelada")
    expect(spare.locator(".task-refund")).to_have_text("22,00\u00a0€")
    expect(spare.locator(".task-rectifying")).to_have_text(re.compile(r"^R"))

    # At the door, on the day (check-in opens two hours before the start): a wrong code is refused,
    # the right one starts the visit.
    world.visit_day_comes(int(visit_id))
    _switch_user(page, app_url, manager, f"/gestor/tareas/{visit_id}")
    page.locator("#field-code").fill("WRONG1")
    page.locator("#check-in").click()
    expect(page.locator("#field-code-error")).to_contain_text("no coincide")
    page.locator("#field-code").fill(code.lower())
    page.locator("#check-in").click()
    expect(page.locator("#checked-in")).to_be_visible()
    page.get_by_label("Quién firma").fill(BENEFICIARY)  # consent was left for the first visit
    page.locator("#consent-save").click()  # not signed yet: the pad asks for a signature
    expect(page.locator("#field-signature-error")).to_contain_text("Falta la firma")
    pad = page.locator("#signature-pad")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 20 + step * 20, box["y"] + box["height"] / 2 + (-1) ** step * 15)
    page.mouse.up()
    page.locator("#consent-save").click()
    expect(page.locator("#consent-ok")).to_be_visible()
    page.locator("#check-out").click()
    expect(page.locator("#task-summary")).to_contain_text("Realizada")
    page.get_by_label("Qué se hizo").fill("Paseo por la Plaza Mayor y compra en la farmacia.")
    page.get_by_label("Próximos pasos").fill("Repetir el paseo la semana que viene.")
    page.locator("#report-save").click()
    expect(page.get_by_text("Informe guardado")).to_be_visible()
    snapshot(page, "visits-task-reported")

    # The client reads the report.
    _switch_user(page, app_url, client, "/cuenta/tareas")
    visit_card = page.locator(f'.client-task[data-task="{visit_id}"]')
    expect(visit_card).to_contain_text("Realizada")
    expect(visit_card.locator(".report-work-done")).to_have_text(
        "Paseo por la Plaza Mayor y compra en la farmacia."
    )
    href = visit_card.locator(".report-pdf").get_attribute("href")
    pdf = page.request.get(f"{app_url}{href}")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert f"informe-visita-{visit_id}.pdf" in pdf.headers["content-disposition"]
    snapshot(page, "visits-client-report")


def test_a_client_cannot_open_the_manager_task_page_or_another_clients_report(page, app_url, world):
    client, _ = _family(world)
    log_in(page, app_url, client.email, client.password)
    open_page(page, f"{app_url}/gestor/tareas/1")
    expect(page).to_have_url(re.compile(r"/sin-permiso"))
    response = page.request.get(f"{app_url}/api/tareas/999999/informe.pdf")
    assert response.status == 404
