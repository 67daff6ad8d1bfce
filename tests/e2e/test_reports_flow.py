"""At phone width: the manager writes a structured report with a photo; the client reads it and rates it."""

from __future__ import annotations

import io
import re
import time

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from sqlmodel import Session, col, select

from care_portal.domain.upload_limits import PHOTO_MAX_BYTES
from care_portal.models import Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task
from care_portal.services import accounts, visits
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out, open_page

BENEFICIARY = "Pilar Sanz Ortega"


def _visit_in_progress(world, client, manager) -> tuple[int, int]:
    """A paid visit of a relative, agreed and checked in, consent signed: (visit id, relative id)."""
    beneficiary_id = world.relative(
        client, name=BENEFICIARY, manager=manager, postal_code=world.postal_code()
    )
    world.paid_invoice(client, beneficiary_id, billing_name=client.name)
    with Session(world.engine, expire_on_commit=False) as session:
        actor = accounts.to_viewer(session.get(User, manager.id))
        task = session.exec(
            select(Task).where(Task.beneficiary_id == beneficiary_id).order_by(col(Task.id))
        ).first()
        visits.schedule_appointment(
            session, actor=actor, task_id=task.id, day="2031-03-04", time_of_day="10:00"
        )
        session.commit()
        visits.check_in(
            session, actor=actor, task_id=task.id, code=task.visit_code, now=task.appointment_start
        )
        session.get(Beneficiary, beneficiary_id).consent_state = "signed"
        session.commit()
        return task.id, beneficiary_id


def _phone_photo() -> bytes:
    image = Image.new("RGB", (2400, 1800), (70, 130, 180))
    for x in range(0, 2400, 200):
        image.paste((240, 200, 90), (x, 0, x + 100, 1800))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (40.0, 25.0, 1.0), 3: "W", 4: (3.0, 41.0, 2.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _switch_user(page: Page, base: str, email: str, password: str, next_path: str) -> None:
    log_out(page)
    expect(page).not_to_have_url(re.compile(r"/(cuenta|gestor)"))
    log_in(page, base, email, password, next_path=next_path)
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")


@pytest.mark.parametrize("viewport", ["phone"])
def test_structured_report_with_a_photo_read_and_rated_by_the_client(page, app_url, world, viewport):
    client = world.person(Role.CLIENT, "Elena Sanz Ortega")
    manager = world.person(Role.MANAGER, "Marcos Gestor Gil")
    task_id, beneficiary_id = _visit_in_progress(world, client, manager)
    started = time.monotonic()  # the journey in the browser, without the data set-up

    log_in(page, app_url, manager.email, manager.password, next_path=f"/gestor/tareas/{task_id}")
    expect(page).to_have_url(re.compile(rf"/gestor/tareas/{task_id}$"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    # A photo over the limit is refused in the phone, with the reason under the picker.
    page.locator("#report-photos input[type=file]").set_input_files(
        files=[{"name": "IMG_9999.jpg", "mimeType": "image/jpeg", "buffer": b"\xff" * (PHOTO_MAX_BYTES + 1)}]
    )
    expect(page.locator("#field-photos-error")).to_contain_text("La foto es demasiado grande (máximo 15 MB)")
    page.locator("#report-photos input[type=file]").set_input_files(
        files=[{"name": "IMG_2031.jpg", "mimeType": "image/jpeg", "buffer": _phone_photo()}]
    )
    expect(page.get_by_text("Fotos guardadas.").first).to_be_visible()
    expect(page.locator("#field-photos-error")).to_have_text("")
    expect(page.locator("img.manager-photo")).to_have_count(1)
    page.get_by_label("Qué se hizo").fill("Paseo hasta el mercado y merienda en casa.")
    page.locator("#field-mood").select_option("low")
    page.locator("#field-meals").select_option("partial")
    page.locator("#field-medication").select_option("yes")
    page.locator("#field-concern").fill("Se ha quejado de dolor en la rodilla al subir la escalera.")
    page.locator("#field-concern_severity").select_option("moderate")
    page.locator("#report-save").click()
    expect(page.get_by_text("Informe guardado").first).to_be_visible()
    snapshot(page, "report-manager-structured")

    _switch_user(page, app_url, client.email, client.password, "/cuenta/tareas")
    card = page.locator(f'.client-task[data-task="{task_id}"]')
    expect(card.locator(".part-mood")).to_have_text("Bajo")
    expect(card.locator(".part-meals")).to_have_text("Comió a medias")
    expect(card.locator(".report-concern")).to_contain_text("dolor en la rodilla")
    photo = card.locator("img.cp-report-photo")
    expect(photo).to_have_count(1)
    photo.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.complete && el.naturalWidth === 1600 && el.naturalHeight === 1200",
        arg=photo.element_handle(),
    )
    card.get_by_label("4 de 5").check()
    card.get_by_label("Comentario (opcional)").fill("Muy atenta con mi madre.")
    card.locator(".rating-send").click()
    expect(card.locator(".rating-given")).to_contain_text("4")
    expect(card.locator(".rating-form")).to_have_count(0)
    snapshot(page, "report-client-rated")

    open_page(page, f"{app_url}/cuenta/tareas")  # the rating stays after a reload
    expect(page.locator(f'.client-task[data-task="{task_id}"] .my-stars')).to_have_text("4")

    open_page(page, f"{app_url}/historia/{beneficiary_id}")  # the timeline, newest first
    entries = page.locator("#timeline .cp-timeline-entry")
    expect(entries.first).to_be_visible()
    kinds = [entries.nth(i).get_attribute("data-kind") for i in range(entries.count())]
    assert {"visit", "report", "concern", "rating"} <= set(kinds)
    expect(page.locator('.cp-timeline-entry[data-kind="concern"]')).to_contain_text("rodilla")
    snapshot(page, "report-timeline")
    assert time.monotonic() - started < 90
