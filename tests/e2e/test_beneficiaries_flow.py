"""A client registers relatives, attaches a signed consent, sees them in Proyectos; bad files are refused."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from care_portal.domain.upload_limits import DOCUMENT_MAX_BYTES
from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out, sign_up_and_confirm, switch_language, unique_email

PASSWORD = "mi madre vive en Lavapiés"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def _new_client(page: Page, base: str, smtp_server, name: str) -> str:
    """Sign up through the form: a new client lands on «Mi cuenta», where «Alta de familiar» starts."""
    email = unique_email("familia")
    sign_up_and_confirm(page, base, smtp_server, name, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    return email


def _client(page: Page, base: str, world, name: str) -> str:
    """A client made by the world and logged in (the sign-up journey has its own tests)."""
    client = world.person(Role.CLIENT, name)
    log_in(page, base, client.email, client.password)
    return client.email


def _fill_person_and_home(
    page: Page, full_name: str, postal_code: str = "28012", town: str = "Madrid"
) -> None:
    page.locator("#field-full_name").fill(full_name)
    page.locator("#field-relationship").fill("madre")
    page.locator("#field-street").fill("Calle de la Fe 3, 1º")
    page.locator("#field-postal_code").fill(postal_code)
    page.locator("#field-town").fill(town)
    page.locator("#field-province").fill(town)
    page.locator("#field-phone").fill("612 345 678")


def _choose_file(page: Page, zone: str, name: str, data: bytes, mime: str) -> None:
    page.locator(f"#{zone} input[type=file]").set_input_files(
        {"name": name, "mimeType": mime, "buffer": data}
    )


def test_a_household_of_two_with_a_signed_consent_appears_in_proyectos(page, app_url, smtp_server, world):
    home = world.postal_code()
    world.person(Role.MANAGER, "Gonzalo Gestor Ruiz", areas=(home,))
    _new_client(page, app_url, smtp_server, "Elena Sanz")
    page.get_by_role("link", name="Alta de familiar").click()
    expect(page).to_have_url(re.compile(r"/cuenta/alta-familiar"))
    _fill_person_and_home(page, "Pilar Sanz Ortega", postal_code=home)
    page.locator("#field-household_size").select_option("2")
    page.locator("#field-member_1_name").fill("Julián Sanz Ruiz")
    page.locator("#field-member_1_relationship").fill("padre")
    _choose_file(page, "documents", "informe.pdf", PDF, "application/pdf")
    expect(page.locator(".cp-staged-file")).to_have_text("informe.pdf")
    # Health notes stay locked until the consent with its health purpose is there.
    expect(page.locator("#care-notes-locked")).to_be_visible()
    page.locator("#consent_mode-upload").click()
    expect(page.locator("#consent_mode-upload")).to_be_checked()
    page.locator("#field-purpose_health").check()
    page.locator("#field-care_notes").fill("Usa andador.")
    _choose_file(page, "consent_file", "consentimiento firmado.pdf", PDF, "application/pdf")
    expect(page.locator("#consent-ready")).to_contain_text("consentimiento firmado.pdf")
    page.locator("#field-signer_name").fill("Pilar Sanz Ortega")
    snapshot(page, "care-register-household")
    page.locator("#register-submit").click()

    expect(page).to_have_url(re.compile(r"/cuenta/proyectos/\d+$"))
    expect(page.locator("#project-name")).to_have_text("Pilar Sanz Ortega")
    expect(page.locator("#consent-state")).to_contain_text("Consentimiento firmado")
    expect(page.locator("#project-members")).to_contain_text("Julián Sanz Ruiz (padre)")
    expect(page.locator("#project-documents")).to_contain_text("consentimiento firmado.pdf")
    expect(page.locator("#consent-history")).to_contain_text("Pilar Sanz Ortega")
    expect(page.locator("#project-manager")).to_contain_text("Gonzalo Gestor Ruiz")
    # What comes next after the alta: booking services for this relative.
    # A read-only view: the form's hints («(opcional)») are not repeated there.
    expect(page.get_by_text("Salud y movilidad", exact=True)).to_be_visible()
    expect(page.get_by_text("Salud y movilidad (opcional)")).to_have_count(0)
    book = page.get_by_role("link", name="Contratar servicios")
    expect(book).to_have_attribute("href", re.compile(r"/tienda/?$"))
    snapshot(page, "care-project")

    document = page.locator(".document-link").first.get_attribute("href")
    assert page.request.get(f"{app_url}{document}").body() == PDF

    page.locator("#consent-withdraw").click()
    expect(page.locator("#consent-state")).to_contain_text("Consentimiento retirado")
    expect(page.locator("#consent-history")).to_contain_text("Retirado")

    page.goto(f"{app_url}/cuenta/proyectos")
    card = page.locator(".project-card").filter(has_text="Pilar Sanz Ortega")
    expect(card.locator(".project-consent")).to_have_text("Consentimiento retirado")
    expect(card.locator(".project-household")).to_contain_text("2")
    expect(card).to_contain_text("Gonzalo Gestor Ruiz")
    snapshot(page, "care-projects")


def test_without_consent_the_project_shows_pending_and_others_cannot_open_it(page, app_url, world):
    other = world.person(Role.CLIENT, "Carmen Cliente López")
    _client(page, app_url, world, "Tomás Vidal")
    page.goto(f"{app_url}/cuenta/alta-familiar")
    _fill_person_and_home(page, "Amparo Vidal Soler")
    # What was typed survives a reload of the long form (kept in this tab until it is sent).
    page.reload()
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    expect(page.locator("#field-full_name")).to_have_value("Amparo Vidal Soler")
    expect(page.locator("#field-street")).to_have_value("Calle de la Fe 3, 1º")
    page.locator("#register-submit").click()
    expect(page).to_have_url(re.compile(r"/cuenta/proyectos/\d+$"))
    project_url = page.url
    expect(page.locator("#consent-state")).to_contain_text("Consentimiento pendiente")
    # Once sent, the form starts empty again.
    page.goto(f"{app_url}/cuenta/alta-familiar")
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    expect(page.locator("#field-full_name")).to_have_value("")
    page.goto(project_url)
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.locator("#edit-start").click()
    expect(page.locator("#field-full_name")).to_have_value("Amparo Vidal Soler")
    page.locator("#field-phone").fill("699 000 111")
    page.locator("#field-preferred_times").fill("Tardes")
    snapshot(page, "care-project-edit")
    page.locator("#edit-save").click()
    expect(page.get_by_text("+34699000111")).to_be_visible()
    expect(page.get_by_text("Tardes")).to_be_visible()
    page.goto(f"{app_url}/cuenta/proyectos")
    card = page.locator(".project-card").filter(has_text="Amparo Vidal Soler")
    expect(card.locator(".project-consent")).to_have_text("Consentimiento pendiente")
    beneficiary_id = project_url.rstrip("/").rsplit("/", 1)[-1]
    assert page.request.get(f"{app_url}/api/consentimiento/{beneficiary_id}.pdf").body().startswith(b"%PDF-")

    log_out(page)
    log_in(page, app_url, other.email, other.password)
    page.goto(project_url)
    expect(page.locator("#project-not-found")).to_be_visible()
    expect(page.get_by_text("Amparo Vidal Soler")).to_have_count(0)
    assert page.request.get(f"{app_url}/api/consentimiento/{beneficiary_id}.pdf").status == 404
    page.goto(f"{app_url}/cuenta/proyectos")
    expect(page.locator(".project-card").filter(has_text="Amparo Vidal Soler")).to_have_count(0)


def _uploaded_bytes(page: Page) -> list[int]:
    """Record the body size of every upload the page sends from now on.

    A pick the zone refused still sends an empty upload (Reflex calls ``on_drop`` with no files).
    """
    sizes: list[int] = []
    page.on(
        "requestfinished",
        lambda request: (
            sizes.append(request.sizes()["requestBodySize"]) if "/_upload" in request.url else None
        ),
    )
    return sizes


def test_a_renamed_executable_and_missing_fields_are_refused(page, app_url, world):
    _client(page, app_url, world, "Marta Gil")
    page.goto(f"{app_url}/cuenta/alta-familiar")
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    # Too large or of another type: refused at the field, before anything is sent.
    sent = _uploaded_bytes(page)
    big = b"%PDF-1.4\n" + b"0" * DOCUMENT_MAX_BYTES
    _choose_file(page, "documents", "escáner.pdf", big, "application/pdf")
    expect(page.locator("#field-documents-error")).to_have_text(
        "El archivo es demasiado grande: máximo 8 MB."
    )
    _choose_file(page, "documents", "programa.exe", EXECUTABLE, "application/x-msdownload")
    expect(page.locator("#field-documents-error")).to_contain_text("Solo aceptamos PDF, JPG o PNG")
    page.locator("#consent_mode-upload").click()
    _choose_file(page, "consent_file", "consentimiento.pdf", big, "application/pdf")
    expect(page.locator("#field-consent_file-error")).to_contain_text("demasiado grande: máximo 8 MB")
    switch_language(page)
    _choose_file(page, "documents", "scan.pdf", big, "application/pdf")
    expect(page.locator("#field-documents-error")).to_have_text("The file is too large: 8 MB at most.")
    page.locator("#field-documents-error").scroll_into_view_if_needed()
    snapshot(page, "care-register-file-too-large-en")
    assert max(sent, default=0) < 64 * 1024  # none of the files went
    expect(page.locator(".cp-staged-file")).to_have_count(0)
    switch_language(page)
    # A program renamed «.pdf» passes the browser; the server reads its bytes and refuses it.
    _choose_file(page, "documents", "informe.pdf", EXECUTABLE, "application/pdf")
    expect(page.locator("#field-documents-error")).to_contain_text("Solo aceptamos PDF, JPG o PNG")
    expect(page.locator(".cp-staged-file")).to_have_count(0)
    _fill_person_and_home(page, "A")
    page.locator("#field-postal_code").fill("99999")
    page.locator("#field-phone").fill("123")
    page.locator("#register-submit").click()
    expect(page.locator("#field-postal_code-error")).to_contain_text("El código postal no es válido")
    expect(page.locator("#field-phone-error")).to_contain_text("Teléfono no válido")
    expect(page.locator("#field-full_name-error")).to_contain_text("Escribe su nombre y apellidos")
    expect(page).to_have_url(re.compile(r"/cuenta/alta-familiar"))
    snapshot(page, "care-register-errors")
    page.goto(f"{app_url}/cuenta/proyectos")
    expect(page.locator("#projects-empty")).to_be_visible()


def test_an_admin_assigns_a_manager_to_a_beneficiary_outside_every_area(page, app_url, smtp_server, world):
    area = world.postal_code()
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz", areas=(area,))
    admin = world.person(Role.ADMIN, "Ana Admin")
    email = _client(page, app_url, world, "Jorge Ramos")
    page.goto(f"{app_url}/cuenta/alta-familiar")
    name = f"Dolores Ramos {page.viewport_name}"
    _fill_person_and_home(page, name, postal_code="41001", town="Sevilla")
    page.locator("#register-submit").click()
    expect(page.locator("#project-manager")).to_contain_text("Estamos buscándole un gestor")
    log_out(page)

    log_in(page, app_url, admin.email, admin.password)
    page.goto(f"{app_url}/admin/beneficiarios")
    waiting = page.locator("#assignment-queue .admin-beneficiary").filter(has_text=name)
    expect(waiting).to_contain_text("41001 Sevilla")
    snapshot(page, "care-admin-queue")
    waiting.locator("select").select_option(label=f"Gonzalo Gestor Ruiz ({area})")
    expect(page.locator("#assignment-queue").filter(has_text=name)).to_have_count(0)
    smtp_server.wait_for(lambda m: m["To"] == email and m["Subject"] == f"Nuevo gestor para {name}")

    page.goto(f"{app_url}/admin/gestores")
    card = page.locator(".manager-areas").filter(has_text=manager.email)
    expect(card).to_contain_text("Gonzalo Gestor Ruiz")
    card.get_by_label("Zonas").fill("28, 9")
    card.get_by_role("button", name="Guardar").click()
    expect(page.get_by_text("Escribe códigos postales de 5 cifras")).to_be_visible()
    snapshot(page, "care-admin-managers")
