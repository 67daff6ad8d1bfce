"""The family circle on a phone: a client invites her sister, who signs up from the e-mail, reads the
latest report and writes to the manager; the manager answers from the phone; the sister sees the
answer without reloading (the open conversation polls)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from care_portal.models import Role, Task, VisitReport
from care_portal.models.types import utcnow
from tests.e2e.conftest import VIEWPORTS, snapshot
from tests.e2e.helpers import log_in, log_out, open_page, unique_email
from tests.e2e.world import PASSWORD

BENEFICIARY = "Remedios Vidal Soler"
REPORT = "Hemos paseado por el parque y ha merendado con ganas."


@pytest.fixture
def viewport():
    """This journey is the phone one (390 px wide)."""
    return "phone"


def _visit_with_report(world, client, manager, beneficiary_id) -> None:
    """A paid visit, done yesterday, with the manager's report."""
    world.paid_invoice(client, beneficiary_id, billing_name=client.name)
    with Session(world.engine) as session:
        task = session.exec(select(Task).where(Task.beneficiary_id == beneficiary_id)).first()
        task.state = "done"
        task.appointment_start = utcnow() - timedelta(days=1)
        task.appointment_end = task.appointment_start + timedelta(hours=1)
        session.add(task)
        session.add(VisitReport(task_id=task.id, author_id=manager.id, work_done=REPORT))
        session.commit()


def _open_menu_link(page, element_id: str) -> None:
    page.locator("#menu-button").click()
    page.locator(f"#{element_id}").click()


def test_sister_joins_reads_the_report_and_talks_with_the_manager(page, browser, app_url, smtp_server, world):
    client = world.person(Role.CLIENT, "Carmen Cliente Vidal")
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz")
    beneficiary_id = world.relative(client, name=BENEFICIARY, manager=manager)
    _visit_with_report(world, client, manager, beneficiary_id)
    sister_email = unique_email("hermana")

    log_in(page, app_url, client.email, client.password, next_path=f"/cuenta/proyectos/{beneficiary_id}")
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.locator("#field-email").fill(sister_email)
    page.locator("#invite-can_message").check()
    page.locator("#circle-invite").click()
    expect(page.get_by_text(f"Invitación enviada a {sister_email}.").first).to_be_visible()
    expect(page.locator(".circle-card")).to_contain_text(sister_email)
    snapshot(page, "circle-invited")
    mail = smtp_server.wait_for(lambda m: m["To"] == sister_email and "invita" in m["Subject"])
    link = re.search(r"http://\S+/familia/invitacion\?token=[\w-]+", mail.get_content()).group(0)
    log_out(page)
    expect(page).not_to_have_url(re.compile(r"/cuenta"))

    open_page(page, link)
    expect(page.locator("#invitation-text")).to_contain_text("Remedios")
    page.locator("#field-full_name").fill("Sonia Vidal Soler")
    page.locator("#field-password").fill(PASSWORD)
    page.locator("#invite-signup").click()
    expect(page.locator("#invite-accept")).to_be_visible(timeout=30_000)  # back here, logged in
    snapshot(page, "circle-invitation")
    page.locator("#invite-accept").click()
    expect(page).to_have_url(re.compile(rf"/familia/{beneficiary_id}$"))
    expect(page.locator("#shared-name")).to_have_text(BENEFICIARY)
    expect(page.locator(".visit-report").first).to_contain_text(REPORT)
    snapshot(page, "circle-shared-project")

    page.locator("#shared-messages").click()
    expect(page).to_have_url(re.compile(rf"/mensajes/{beneficiary_id}$"))
    page.locator("#message-body").fill("Hola Gonzalo, ¿mañana podéis ir a las diez?")
    page.locator("#message-send").click()
    expect(page.locator(".message").last).to_contain_text("mañana podéis ir a las diez")

    manager_context = browser.new_context(
        viewport=VIEWPORTS["phone"], locale="es-ES", timezone_id="Europe/Madrid"
    )
    phone = manager_context.new_page()
    phone.viewport_name = "phone"
    try:
        log_in(phone, app_url, manager.email, manager.password)
        expect(phone).to_have_url(re.compile(r"/gestor"))
        phone.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
        expect(phone.locator("#mobile-unread")).to_contain_text("1")
        waiting = phone.locator("#dashboard-messages .conversation-row")
        expect(waiting).to_contain_text(BENEFICIARY)
        snapshot(phone, "circle-manager-dashboard")
        waiting.first.click()
        expect(phone).to_have_url(re.compile(rf"/mensajes/{beneficiary_id}$"))
        expect(phone.locator(".message").last).to_contain_text("a las diez")
        phone.locator("#message-body").fill("Sí, Sonia: mañana a las 10:00 estaré allí.")
        phone.locator("#message-send").click()
        expect(phone.locator(".message").last).to_contain_text("mañana a las 10:00")
        snapshot(phone, "circle-manager-answers")
    finally:
        manager_context.close()

    # The sister's page was never reloaded: the poll brings the answer and the read receipt.
    expect(page.locator(".message").last).to_contain_text("mañana a las 10:00", timeout=20_000)
    expect(page.locator(".message-read").first).to_contain_text("Gonzalo Gestor Ruiz")
    snapshot(page, "circle-sister-sees-answer")
