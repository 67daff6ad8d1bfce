"""A candidate applies with CV and survey; a recruiter reviews and hires; the new manager logs in."""

from __future__ import annotations

import re
import uuid
from urllib.parse import unquote

from playwright.sync_api import expect

from care_portal.domain.upload_limits import CV_MAX_BYTES
from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out, open_page, unique_email

PASSWORD = "quiero cuidar a personas mayores"
OFFER = "Gestor/a personal de cuidados en Madrid"


def _offer_title() -> str:
    """The Madrid offer's title, made unique so that this journey finds its own offer."""
    return f"{OFFER} {uuid.uuid4().hex[:6]}"


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _sign_up_from_the_offer(page, app_url, smtp_server, offer, name, email):
    open_page(page, f"{app_url}/")
    page.get_by_role("link", name="Ofertas de empleo").first.click()
    expect(page).to_have_url(re.compile(r"/empleo/?$"))
    expect(page.get_by_role("heading", name=offer)).to_be_visible()
    snapshot(page, "jobs-list")
    page.get_by_role("link", name=offer).click()
    expect(page.get_by_role("heading", name=offer, level=1)).to_be_visible()
    expect(page.get_by_text("Mañanas de lunes a viernes")).to_be_visible()
    snapshot(page, "job-offer")
    page.get_by_role("button", name="Regístrate").last.click()
    page.get_by_label("Nombre y apellidos").fill(name)
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    next_path = unquote(re.search(r"next=([^&]+)", page.url).group(1))
    page.locator("#signup-submit").click()
    expect(page.locator("#signup-sent")).to_contain_text(email)
    mail = smtp_server.wait_for(lambda m: m["To"] == email and "Confirma" in m["Subject"])
    open_page(page, re.search(r"http://\S+/verificar\?token=[\w-]+", mail.get_content()).group(0))
    expect(page.locator("#verify-done")).to_be_visible()
    log_in(page, app_url, email, PASSWORD, next_path=next_path)
    expect(page).to_have_url(re.compile(r"/empleo/\d+/solicitud/?$"))


def _fill_the_form(page):
    page.get_by_label("Teléfono de contacto").fill("612 345 678")
    page.get_by_label("Código postal").fill("28012")
    # Zaragoza: hiring makes this candidate the manager of that province, away from the
    # Madrid beneficiaries that the shop and visit tests give to the demo manager.
    page.get_by_label("Zaragoza", exact=True).check()
    page.get_by_label("Años de experiencia en cuidados").fill("4")
    page.get_by_label("Cuéntanos tu experiencia").fill("Cuatro años en una residencia de Chamberí.")
    page.get_by_label("Idiomas que hablas").fill("español, inglés")
    page.get_by_label("Lunes · Mañana").check()
    page.get_by_label("Miércoles · Tarde").check()
    page.locator("#form-save").click()
    expect(page.locator("#field-privacy-error")).to_contain_text("aceptar el aviso de privacidad")
    snapshot(page, "apply-form-errors")
    page.get_by_label("He leído el aviso de privacidad").check()
    page.locator("#form-save").click()
    expect(page.get_by_text("Sube tu currículum en PDF")).to_be_visible()


def _upload_the_cv(page, tmp_path):
    # Too large, or not a PDF/Word file: refused at the field before anything is sent.
    sent: list[int] = []  # an empty upload still goes (Reflex calls on_drop with no files)
    page.on(
        "requestfinished",
        lambda request: (
            sent.append(request.sizes()["requestBodySize"]) if "/_upload" in request.url else None
        ),
    )
    picker = page.locator("input[type=file]")
    picker.set_input_files(
        files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF + b"0" * CV_MAX_BYTES}]
    )
    expect(page.locator("#field-cv-error")).to_have_text("El archivo es demasiado grande: como máximo 5 MB.")
    picker.set_input_files(files=[{"name": "foto.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n"}])
    expect(page.locator("#field-cv-error")).to_contain_text("tiene que ser un PDF o un documento Word")
    page.locator("#field-cv-error").scroll_into_view_if_needed()
    snapshot(page, "apply-cv-refused")
    assert max(sent, default=0) < 64 * 1024  # none of the files went
    fake = tmp_path / "curriculum.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is a program, not a CV")
    page.locator("input[type=file]").set_input_files(str(fake))
    expect(page.locator("#field-cv-error")).to_contain_text("tiene que ser un PDF o un documento Word")
    real = tmp_path / "Marta CV.pdf"
    real.write_bytes(PDF)
    page.locator("input[type=file]").set_input_files(str(real))
    expect(page.locator("#cv-current")).to_contain_text("Marta CV.pdf")
    snapshot(page, "apply-cv")
    page.locator("#cv-next").click()


def _answer_the_survey(page):
    page.locator("#survey-save").click()
    expect(page.get_by_text("Esta pregunta es obligatoria.").first).to_be_visible()
    page.get_by_label("Sí, como trabajo").check()
    page.get_by_label("Compañía").check()
    page.get_by_label("Acompañar al médico").check()
    page.get_by_role("group", name=re.compile("familias preocupadas")).get_by_label("4", exact=True).check()
    page.get_by_label("¿Hay algo más que quieras contarnos?").fill("Tengo coche propio.")
    snapshot(page, "apply-survey")
    page.locator("#survey-save").click()
    expect(page.locator("#application-submit")).to_be_visible()


def test_candidate_applies_recruiter_hires_and_the_new_manager_logs_in(
    page, app_url, smtp_server, tmp_path, world
):
    recruiter = world.person(Role.RECRUITER, "Sara Selección Díaz")
    offer = _offer_title()
    world.open_offer(recruiter, title=offer)
    name = "Marta Ruiz" if page.viewport_name == "desktop" else "Marta Gil"
    email = unique_email("candidata")
    _sign_up_from_the_offer(page, app_url, smtp_server, offer, name, email)
    _fill_the_form(page)
    page.reload()
    expect(page.locator("#cv-current")).to_have_count(0)
    expect(page.get_by_text("Sube tu currículum en PDF")).to_be_visible()
    _upload_the_cv(page, tmp_path)
    _answer_the_survey(page)
    page.locator("#application-submit").click()
    expect(page.locator("#application-sent")).to_contain_text("En breve recibirás respuesta")
    snapshot(page, "apply-sent")
    confirmation = smtp_server.wait_for(lambda m: m["To"] == email and "Confirma" not in m["Subject"])
    assert "En breve recibirás respuesta" in confirmation.get_content()
    open_page(page, f"{app_url}/cuenta/candidaturas")
    expect(page.locator("#my-applications")).to_contain_text(offer)
    expect(page.locator("#my-applications")).to_contain_text("Nueva")
    snapshot(page, "my-applications")
    log_out(page)

    log_in(page, app_url, recruiter.email, recruiter.password)
    expect(page).to_have_url(re.compile(r"/seleccion/?$"))
    page.locator("#field-search").fill(email)
    page.locator("#field-search").press("Enter")
    expect(page.get_by_role("link", name=name)).to_have_count(1)
    snapshot(page, "recruiting-dashboard")
    page.get_by_role("link", name=name).click()
    expect(page).to_have_url(re.compile(r"/seleccion/candidaturas/\d+/?$"))
    expect(page.locator("#answers")).to_contain_text("Compañía, Acompañar al médico")
    expect(page.get_by_text("+34612345678")).to_be_visible()
    cv = page.request.get(app_url + (page.locator("#open-cv").get_attribute("href") or ""))
    assert cv.status == 200
    assert cv.body() == PDF
    page.locator("#field-rating").select_option("4")
    page.locator("#field-note").fill("Muy buena llamada de presentación.")
    page.locator("#note-add").click()
    expect(page.locator("#notes")).to_contain_text("Muy buena llamada de presentación.")
    page.locator("#move-review").click()
    expect(page.locator("#move-interview")).to_be_visible()
    page.locator("#move-interview").click()
    expect(page.locator("#move-hired")).to_be_visible()
    invitation = smtp_server.wait_for(lambda m: m["To"] == email and "entrevista" in m["Subject"])
    assert offer in invitation["Subject"]
    snapshot(page, "recruiting-review")
    page.locator("#move-hired").click()
    expect(page.get_by_text("Esta candidatura ya está cerrada.")).to_be_visible()
    smtp_server.wait_for(lambda m: m["To"] == email and "Bienvenido" in m["Subject"])
    log_out(page)

    log_in(page, app_url, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/gestor/?$"))
    expect(page.get_by_role("heading", name="Panel del gestor", level=1)).to_be_visible()
    # A brand-new manager: the dashboard opens for them, with nothing assigned yet.
    expect(page.locator("#count-pending_appointment")).to_have_text("0")


def test_clients_cannot_reach_applications_or_cvs(page, app_url, world):
    client = world.person(Role.CLIENT, "Carmen Cliente López")
    log_in(page, app_url, client.email, client.password)
    open_page(page, f"{app_url}/seleccion/candidaturas/1")
    expect(page).to_have_url(re.compile(r"/sin-permiso/?$"))
    response = page.request.get(f"{app_url}/api/cv/1")
    assert response.status == 404
    open_page(page, f"{app_url}/empleo/999")
    expect(page.locator("#offer-missing")).to_be_visible()


def test_recruiter_composes_and_publishes_an_offer_with_its_survey(page, app_url, world):
    recruiter = world.person(Role.RECRUITER, "Sara Selección Díaz")
    title = f"Gestor/a en Sevilla {uuid.uuid4().hex[:6]}"
    log_in(page, app_url, recruiter.email, recruiter.password)
    page.locator("#new-offer").click()
    expect(page).to_have_url(re.compile(r"/seleccion/ofertas/\d+/?$"))
    expect(page.get_by_label("Título")).to_have_value("Nueva oferta")
    page.get_by_label("Título").fill(title)
    page.get_by_label("Zona").fill("Sevilla")
    page.get_by_label("Descripción").fill("Visitas de compañía por las tardes.")
    page.locator("#offer-save").click()
    expect(page.get_by_text("Oferta guardada.")).to_be_visible()

    page.get_by_label("Pregunta", exact=True).fill("¿Tienes coche?")
    page.get_by_label("Opciones (una por línea)").fill("Sí")
    page.locator("#question-save").click()
    expect(page.get_by_text("Escribe entre 2 y 10 opciones")).to_be_visible()
    page.get_by_label("Opciones (una por línea)").fill("Sí\nNo")
    page.locator("#question-save").click()
    expect(page.get_by_text("1. ¿Tienes coche? *")).to_be_visible()
    page.get_by_label("Tipo").select_option("text")
    expect(page.get_by_label("Opciones (una por línea)")).to_have_count(0)
    page.get_by_label("Pregunta", exact=True).fill("¿Por qué quieres trabajar con nosotros?")
    page.locator("#question-save").click()
    expect(page.get_by_text("2. ¿Por qué quieres trabajar con nosotros? *")).to_be_visible()

    page.get_by_role("button", name="Editar").first.click()
    expect(page.get_by_label("Pregunta", exact=True)).to_have_value("¿Tienes coche?")
    page.get_by_label("Pregunta", exact=True).fill("¿Tienes coche propio?")
    page.locator("#question-save").click()
    expect(page.get_by_text("1. ¿Tienes coche propio? *")).to_be_visible()
    expect(page.get_by_text("versión 2")).to_be_visible()
    page.get_by_role("button", name="Subir").nth(1).click()
    expect(page.get_by_text("1. ¿Por qué quieres trabajar con nosotros? *")).to_be_visible()
    page.locator("#offer-publish").click()
    expect(page.get_by_text("Publicada")).to_be_visible()
    snapshot(page, "recruiting-offer-editor")

    open_page(page, f"{app_url}/empleo")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
