"""The recording scripts: one flow per help entry with a video, following its steps in order.

Each :class:`Flow` has a ``prepare`` (done before filming, e.g. creating the client) and a
``run`` that calls ``demo.step(key)`` for every step of the entry in
``care_portal.domain.help_catalog``. The browser test ``tests/e2e/test_demo_flows.py`` runs them
without filming, so a flow that breaks fails a test before anyone re-records the videos.
Editing a flow changes the hash stored beside its video: record it again (``make demos``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from playwright.sync_api import Page, expect

from tests.demos.flows_account import client_on_my_data, client_with_a_paid_order, my_data, withdrawal
from tests.demos.flows_family import (
    client_on_project_with_a_report,
    client_with_a_reported_visit,
    family_circle,
    visit_report,
)
from tests.demos.flows_plans import care_plan, client_with_a_registered_relative
from tests.demos.recorder import Demo
from tests.e2e import helpers
from tests.e2e.helpers import (
    confirm_and_log_in,
    log_in,
    open_page,
    register_beneficiary,
    sign_up_and_confirm,
    unique_email,
)

PASSWORD = "mi casa tiene un patio"
OFFER = "Gestor/a personal de cuidados en Madrid"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@dataclass(frozen=True)
class Flow:
    """A recording script.

    Attributes:
        prepare: Runs before filming (page, base URL).
        run: The filmed flow (demo, base URL).
    """

    prepare: Callable[[Page, str], None]
    run: Callable[[Demo, str], None]


def _new_client(page: Page, base: str) -> None:
    sign_up_and_confirm(page, base, None, "Elena Sanz Ortega", unique_email("demo"), PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))


def _client_with_relative(page: Page, base: str) -> None:
    _new_client(page, base)
    open_page(page, f"{base}/cuenta/alta-familiar")
    register_beneficiary(page, name="Pilar Sanz Ortega", postal_code="28013")
    expect(page).to_have_url(re.compile(r"/cuenta/proyectos/\d+$"))


def _nobody(page: Page, base: str) -> None:
    open_page(page, f"{base}/")


def _demo_client(page: Page, base: str) -> None:
    log_in(page, base, "cliente@cuidadoencasa.example")


def _add(demo: Demo, service: str, count_after: int) -> None:
    demo.tap(demo.page.get_by_role("button", name=f"Añadir al carrito: {service}"))
    expect(demo.page.locator("#cart-link")).to_contain_text(str(count_after))


def purchase(demo: Demo, base: str) -> None:
    """A client buys two services for a registered relative, pays, and finds order and invoice."""
    page = demo.page
    demo.step("shop")
    demo.go(f"{base}/tienda")
    _add(demo, "Visita de compañía", 1)
    _add(demo, "Recados y compras", 2)
    demo.step("cart")
    demo.go(f"{base}/tienda/carrito")
    demo.point(page.locator("#cart-total"), 3.0)
    demo.point(page.locator("#to-checkout"), 2.5)
    demo.tap(page.locator("#to-checkout"))
    expect(page).to_have_url(re.compile(r"/tienda/pedido/?$"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    demo.step("beneficiary")
    demo.tap(page.get_by_label("Pilar Sanz Ortega"), check=True)
    demo.step("notes")
    demo.type(page.get_by_label("Observaciones para la visita"), "Le gusta hablar de jardinería.")
    demo.type(page.get_by_label("Fechas y horas preferidas"), "Martes por la mañana")
    demo.step("billing")
    demo.type(page.get_by_label("NIF / NIE / CIF"), "12345678Z")
    demo.type(page.get_by_label("Nombre o razón social"), "Elena Sanz Ortega")
    demo.type(page.get_by_label("Dirección de facturación"), "Calle de Alcalá 10, 3º B")
    demo.type(page.get_by_label("Código postal"), "28014")
    demo.type(page.get_by_label("Población"), "Madrid")
    demo.type(page.get_by_label("Teléfono"), "612 345 678")
    demo.tap(page.locator("#field-accept_terms"), check=True)
    demo.step("pay")
    demo.tap(page.locator("#pay-button"))
    expect(page).to_have_url(re.compile(r"/pago-simulado\?pedido="))
    expect(page.locator("#sim-amount")).to_have_text("47,00\u00a0€")
    demo.pause(2.0)
    demo.tap(page.locator("#sim-pay"))
    # Paying writes the order, tasks, invoice and e-mails: slow on a busy machine.
    expect(page.locator("#payment-confirmed")).to_be_visible(timeout=30_000)
    demo.pause(2.0)
    demo.step("orders")
    demo.go(f"{base}/cuenta/pedidos")
    card = page.locator(".order-card").first
    expect(card).to_contain_text("Pilar Sanz Ortega")
    expect(card).to_contain_text("Pendiente de cita")
    demo.point(card.locator(".order-task").first, 2.5)
    demo.step("invoice")
    demo.go(f"{base}/cuenta/facturas")
    invoice = page.locator(".invoice-card").first
    expect(invoice).to_contain_text("Pilar Sanz Ortega")
    demo.point(invoice.get_by_role("link", name="Descargar PDF"), 2.5)


def client_sign_up(demo: Demo, base: str) -> None:
    """A visitor signs up, lands in the private area, sees «Mis datos» and the first-purchase form."""
    page = demo.page
    demo.step("signup")
    demo.go(f"{base}/registro")
    demo.type(page.get_by_label("Nombre y apellidos"), "Elena Sanz Ortega")
    email = unique_email("elena")
    demo.type(page.get_by_label("Correo electrónico"), email)
    demo.type(page.get_by_label("Contraseña"), PASSWORD)
    demo.tap(page.locator("#signup-submit"))
    confirm_and_log_in(page, base, helpers.INBOX, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    demo.step("area")
    demo.pause(1.5)
    demo.point(page.get_by_role("link", name="Alta de familiar"))
    demo.point(page.get_by_role("link", name="Mis pedidos"))
    demo.step("profile")
    demo.tap(page.get_by_role("link", name="Mis datos"))
    expect(page).to_have_url(re.compile(r"/cuenta/perfil/?$"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    demo.point(page.get_by_label("Teléfono", exact=True))
    demo.step("billing")
    demo.go(f"{base}/tienda")
    _add(demo, "Visita de compañía", 1)
    demo.go(f"{base}/tienda/pedido")
    demo.point(page.get_by_label("NIF / NIE / CIF"), 2.5)
    demo.point(page.get_by_label("Dirección de facturación"), 2.0)


def relative(demo: Demo, base: str) -> None:
    """A client registers a household of two with a report and a signed consent."""
    page = demo.page
    demo.step("open")
    demo.go(f"{base}/cuenta")
    demo.tap(page.get_by_role("link", name="Alta de familiar"))
    expect(page).to_have_url(re.compile(r"/cuenta/alta-familiar"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    demo.step("person")
    demo.type(page.locator("#field-full_name"), "Pilar Sanz Ortega")
    demo.type(page.locator("#field-relationship"), "madre")
    demo.type(page.locator("#field-street"), "Calle de la Fe 3, 1º")
    demo.type(page.locator("#field-postal_code"), "28012")
    demo.type(page.locator("#field-town"), "Madrid")
    demo.type(page.locator("#field-province"), "Madrid")
    demo.type(page.locator("#field-phone"), "612 345 678")
    demo.step("household")
    demo.choose(page.locator("#field-household_size"), "2")
    demo.type(page.locator("#field-member_1_name"), "Julián Sanz Ruiz")
    demo.type(page.locator("#field-member_1_relationship"), "padre")
    demo.step("documents")
    demo.attach(
        page.locator("#documents input[type=file]"),
        {"name": "informe médico.pdf", "mimeType": "application/pdf", "buffer": PDF},
    )
    expect(page.locator(".cp-staged-file")).to_have_text("informe médico.pdf")
    demo.pause(1.5)
    demo.step("consent")
    demo.tap(page.locator("#consent_mode-upload"))
    expect(page.locator("#consent_mode-upload")).to_be_checked()
    demo.attach(
        page.locator("#consent_file input[type=file]"),
        {"name": "consentimiento firmado.pdf", "mimeType": "application/pdf", "buffer": PDF},
    )
    expect(page.locator("#consent-ready")).to_contain_text("consentimiento firmado.pdf")
    demo.type(page.locator("#field-signer_name"), "Pilar Sanz Ortega")
    demo.step("project")
    demo.tap(page.locator("#register-submit"))
    expect(page).to_have_url(re.compile(r"/cuenta/proyectos/\d+$"))
    expect(page.locator("#project-name")).to_have_text("Pilar Sanz Ortega")
    demo.point(page.locator("#project-manager"), 2.0)
    demo.point(page.locator("#project-members"), 2.0)


def private_area(demo: Demo, base: str) -> None:
    """The demo client walks through the area: shop, projects, tasks and invoices."""
    page = demo.page
    demo.step("area")
    demo.go(f"{base}/cuenta")
    demo.point(page.get_by_role("link", name="Alta de familiar"), 1.4)
    demo.point(page.get_by_role("link", name="Servicios", exact=True).last, 1.4)
    demo.point(page.get_by_role("link", name="Mis datos"), 1.4)
    demo.step("projects")
    demo.tap(page.get_by_role("link", name="Proyectos", exact=True))
    expect(page).to_have_url(re.compile(r"/cuenta/proyectos/?$"))
    card = page.locator(".project-card").first
    expect(card).to_contain_text("Rosario López Martín")
    demo.point(card, 2.5)
    demo.step("tasks")
    demo.go(f"{base}/cuenta")
    demo.tap(page.get_by_role("link", name="Tareas", exact=True))
    expect(page).to_have_url(re.compile(r"/cuenta/tareas/?$"))
    task = page.locator(".client-task").first
    expect(task).to_contain_text("Rosario López Martín")
    demo.pause(1.5)
    demo.point(task.locator(".task-code"), 2.0)
    demo.point(task.locator(".task-change"), 2.0)
    demo.step("invoices")
    demo.go(f"{base}/cuenta")
    demo.tap(page.get_by_role("link", name="Facturas", exact=True))
    expect(page).to_have_url(re.compile(r"/cuenta/facturas/?$"))
    invoice = page.locator(".invoice-card").first
    expect(invoice).to_contain_text("Rosario López Martín")
    demo.point(invoice.get_by_role("link", name="Descargar PDF"), 2.5)


def job_application(demo: Demo, base: str) -> None:
    """A future manager finds an offer, signs up from it, fills form, CV and survey, and sends it."""
    page = demo.page
    demo.step("offers")
    demo.go(f"{base}/empleo")
    demo.tap(page.get_by_role("link", name=OFFER))
    expect(page.get_by_role("heading", name=OFFER, level=1)).to_be_visible()
    demo.pause(1.5)
    demo.step("signup")
    demo.tap(page.get_by_role("button", name="Regístrate").last)
    demo.type(page.get_by_label("Nombre y apellidos"), "Marta Gil Romero")
    marta = unique_email("marta")
    next_path = unquote(re.search(r"next=([^&]+)", page.url).group(1))
    demo.type(page.get_by_label("Correo electrónico"), marta)
    demo.type(page.get_by_label("Contraseña"), "quiero cuidar a personas mayores")
    demo.tap(page.locator("#signup-submit"))
    confirm_and_log_in(page, base, helpers.INBOX, marta, "quiero cuidar a personas mayores", next_path)
    expect(page).to_have_url(re.compile(r"/empleo/\d+/solicitud/?$"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    demo.step("form")
    demo.type(page.get_by_label("Teléfono de contacto"), "612 345 678")
    demo.type(page.get_by_label("Código postal"), "28012")
    demo.tap(page.get_by_label("Zaragoza", exact=True), check=True)
    demo.type(page.get_by_label("Años de experiencia en cuidados"), "4")
    demo.type(page.get_by_label("Cuéntanos tu experiencia"), "Cuatro años en una residencia.")
    demo.type(page.get_by_label("Idiomas que hablas"), "español, inglés")
    demo.tap(page.get_by_label("Lunes · Mañana"), check=True)
    demo.tap(page.get_by_label("He leído el aviso de privacidad"), check=True)
    demo.tap(page.locator("#form-save"))
    expect(page.get_by_text("Sube tu currículum en PDF")).to_be_visible()
    demo.step("cv")
    demo.attach(
        page.locator("input[type=file]"),
        {"name": "Marta CV.pdf", "mimeType": "application/pdf", "buffer": PDF},
    )
    expect(page.locator("#cv-current")).to_contain_text("Marta CV.pdf")
    demo.tap(page.locator("#cv-next"))
    demo.step("survey")
    demo.tap(page.get_by_label("Sí, como trabajo"), check=True)
    demo.tap(page.get_by_label("Compañía"), check=True)
    demo.tap(page.get_by_label("Acompañar al médico"), check=True)
    group = page.get_by_role("group", name=re.compile("familias preocupadas"))
    demo.tap(group.get_by_label("4", exact=True), check=True)
    demo.tap(page.locator("#survey-save"))
    demo.tap(page.locator("#application-submit"))
    expect(page.locator("#application-sent")).to_contain_text("En breve recibirás respuesta")
    demo.step("sent")
    demo.point(page.locator("#application-sent"), 2.5)
    demo.go(f"{base}/cuenta/candidaturas")
    expect(page.locator("#my-applications")).to_contain_text(OFFER)
    demo.pause(2.0)


FLOWS: dict[str, Flow] = {
    "compra": Flow(_client_with_relative, purchase),
    "registro": Flow(_nobody, client_sign_up),
    "familiar": Flow(_new_client, relative),
    "area-privada": Flow(_demo_client, private_area),
    "empleo": Flow(_nobody, job_application),
    "planes": Flow(client_with_a_registered_relative, care_plan),
    "familia": Flow(client_on_project_with_a_report, family_circle),
    "informes": Flow(client_with_a_reported_visit, visit_report),
    "desistimiento": Flow(client_with_a_paid_order, withdrawal),
    "mis-datos": Flow(client_on_my_data, my_data),
}
