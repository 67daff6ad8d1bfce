"""Recording scripts of the family's side after the purchase: the family circle and «Mensajes»,
and a visit's report and rating.

Their data (client, manager, relative, paid order, a visit done with its report) is written by
``tests.demos.data`` before filming; see ``tests/demos/flows.py`` for how flows are run.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.demos import data
from tests.demos.recorder import Demo
from tests.e2e import helpers
from tests.e2e.helpers import log_in, log_out, unique_email

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _ready(page: Page) -> None:
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")


def client_on_project_with_a_report(page: Page, base: str) -> None:
    client, manager, beneficiary_id = data.family()
    data.visit_with_report(manager, beneficiary_id, mood="good", meals="normal")
    log_in(page, base, client.email, client.password, next_path=f"/cuenta/proyectos/{beneficiary_id}")
    expect(page).to_have_url(re.compile(rf"/cuenta/proyectos/{beneficiary_id}$"))
    _ready(page)


def family_circle(demo: Demo, base: str) -> None:
    """The client invites her sister, who may write to the manager; the sister joins, reads, writes."""
    page = demo.page
    beneficiary_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    sister = unique_email("sonia")
    demo.step("invite")
    demo.point(page.get_by_role("heading", name="Invitar a un familiar"), 1.5)
    demo.type(page.locator("#field-email"), sister)
    demo.step("grants")
    demo.tap(page.locator("#invite-can_message"), check=True)
    demo.point(page.locator("#invite-can_buy").locator("xpath=.."), 1.5)
    demo.tap(page.locator("#circle-invite"))
    expect(page.get_by_text(f"Invitación enviada a {sister}.").first).to_be_visible()
    demo.point(page.locator(".circle-revoke").first, 2.0)
    demo.step("accept")
    mail = helpers.INBOX.wait_for(lambda m: m["To"] == sister and "invita" in m["Subject"])
    link = re.search(r"http://\S+/familia/invitacion\?token=[\w-]+", mail.get_content()).group(0)
    log_out(page)
    expect(page).not_to_have_url(re.compile(r"/cuenta"))
    demo.go(link)
    expect(page.locator("#invitation-text")).to_contain_text(data.RELATIVE.split()[0])
    demo.point(page.locator("#invitation-text"), 2.0)
    demo.type(page.locator("#field-full_name"), "Sonia Sanz Ortega")
    demo.type(page.locator("#field-password"), "las tardes en el parque")
    demo.tap(page.locator("#invite-signup"))
    expect(page.locator("#invite-accept")).to_be_visible(timeout=30_000)  # back here, logged in
    demo.tap(page.locator("#invite-accept"))
    expect(page).to_have_url(re.compile(rf"/familia/{beneficiary_id}$"))
    demo.step("see")
    report = page.locator(".visit-report").first
    expect(report).to_contain_text(data.WORK_DONE)
    demo.point(report, 3.0)
    demo.step("messages")
    demo.tap(page.locator("#shared-messages"))
    expect(page).to_have_url(re.compile(rf"/mensajes/{beneficiary_id}$"))
    _ready(page)
    demo.type(page.locator("#message-body"), "Hola Marcos, ¿el martes podéis ir a las diez?")
    demo.attach(
        page.locator("input[type=file]").first,
        {"name": "receta.pdf", "mimeType": "application/pdf", "buffer": PDF},
    )
    expect(page.locator("#staged-attachment")).to_have_text("receta.pdf")
    demo.tap(page.locator("#message-send"))
    expect(page.locator(".message").last).to_contain_text("a las diez")
    demo.point(page.locator(".message").last, 2.5)


def client_with_a_reported_visit(page: Page, base: str) -> None:
    client, manager, beneficiary_id = data.family()
    data.visit_with_report(
        manager,
        beneficiary_id,
        mood="good",
        meals="partial",
        medication="yes",
        concern="Se ha quejado de dolor en la rodilla al subir la escalera.",
        concern_severity="serious",
    )
    log_in(page, base, client.email, client.password, next_path=f"/cuenta/proyectos/{beneficiary_id}")
    expect(page).to_have_url(re.compile(rf"/cuenta/proyectos/{beneficiary_id}$"))
    _ready(page)


def visit_report(demo: Demo, base: str) -> None:
    """The client reads her mother's visit report, its history and concern, and rates the visit."""
    page = demo.page
    beneficiary_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    demo.step("report")
    demo.go(f"{base}/cuenta/tareas")
    card = page.locator(".client-task", has=page.locator(".cp-report")).first
    expect(card.locator(".report-work-done")).to_contain_text(data.WORK_DONE)
    demo.point(card.locator(".report-work-done"), 2.0)
    demo.point(card.locator(".part-mood"), 1.5)
    demo.point(card.locator(".part-medication"), 1.5)
    demo.step("read")
    demo.point(card.locator(".report-pdf"), 2.5)
    demo.step("history")
    demo.go(f"{base}/historia/{beneficiary_id}")
    entries = page.locator("#timeline .cp-timeline-entry")
    expect(entries.first).to_be_visible()
    demo.point(page.locator('.cp-timeline-entry[data-kind="visit"]').first, 2.0)
    demo.point(page.locator('.cp-timeline-entry[data-kind="report"]').first, 2.0)
    demo.step("concern")
    concern = page.locator('.cp-timeline-entry[data-kind="concern"]').first
    expect(concern).to_contain_text("rodilla")
    demo.point(concern, 3.0)
    demo.step("rate")
    demo.go(f"{base}/cuenta/tareas")
    card = page.locator(".client-task", has=page.locator(".cp-report")).first
    demo.tap(card.get_by_label("4 de 5"), check=True)
    demo.type(card.get_by_label("Comentario (opcional)"), "Muy atenta con mi madre.")
    demo.point(card.get_by_text("quiero que el equipo me llame"), 2.0)
    demo.tap(card.locator(".rating-send"))
    expect(card.locator(".rating-given")).to_contain_text("4")
    demo.point(card.locator(".rating-given"), 2.0)
