"""A person signs up, logs out and in, resets a forgotten password; roles are enforced."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlmodel import Session

from care_portal.models import Role
from care_portal.services import notifications
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import (
    log_in,
    log_out,
    open_page,
    sign_up,
    sign_up_and_confirm,
    switch_language,
    text_was_seen,
    unique_email,
    watch_for_text,
)

PASSWORD = "mi casa tiene un patio"


def test_sign_up_log_out_and_log_in_again(page, app_url, smtp_server):
    email = unique_email("alta")
    sign_up_and_confirm(page, app_url, smtp_server, "Lucía Martín", email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    expect(page.locator("#greeting")).to_contain_text("Lucía Martín")
    steps = page.locator("#first-steps li")
    expect(steps).to_have_count(3)
    expect(steps.first.get_by_role("link")).to_have_attribute("href", re.compile(r"/cuenta/alta-familiar"))
    snapshot(page, "client-area")
    log_out(page)
    expect(page).to_have_url(re.compile(r"^http://[^/]+/$"))
    open_page(page, f"{app_url}/cuenta")
    expect(page).to_have_url(re.compile(r"/entrar\?next=/cuenta"))
    log_in(page, app_url, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    expect(page.locator("#greeting")).to_contain_text("Lucía Martín")


def test_sign_up_mistakes_are_shown_at_each_field(page, app_url, world):
    taken = world.person(Role.CLIENT, "Carmen Cliente López")
    sign_up(page, app_url, "Pepe", taken.email, "corta")
    expect(page.locator("#field-password-error")).to_contain_text("al menos 10 caracteres")
    expect(page.locator("#field-email-error")).to_be_empty()  # never says the address has an account
    expect(page).to_have_url(re.compile(r"/registro/?$"))
    # The first field in error gets the focus; the summary is announced.
    expect(page.get_by_label("Contraseña")).to_be_focused()
    snapshot(page, "signup-errors")
    # Coming back later, the old attempt's errors are gone, not even shown for a moment.
    open_page(page, f"{app_url}/entrar")
    watch_for_text(page, "La contraseña debe tener al menos 10 caracteres")
    open_page(page, f"{app_url}/registro")
    assert not text_was_seen(page), "the sign-up page showed the earlier attempt's error while loading"
    expect(page.locator("#field-password-error")).to_be_empty()
    expect(page.get_by_label("Correo electrónico")).to_have_attribute("aria-invalid", "false")


def test_lost_visitors_and_languages_are_looked_after(page, app_url, smtp_server):
    open_page(page, f"{app_url}/esta-pagina-no-existe")
    expect(page.get_by_role("heading", level=1)).to_have_text("No encontramos esta página")
    expect(page.locator("#not-found")).to_be_visible()
    expect(page.get_by_role("link", name="Volver al inicio")).to_have_attribute("href", "/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    icon = page.locator('link[rel="icon"]').first.get_attribute("href")
    assert page.request.get(f"{app_url}{icon}").ok
    snapshot(page, "not-found")
    switch_language(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("We cannot find this page")
    switch_language(page)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    # Someone logged in is not invited to create an account.
    sign_up_and_confirm(page, app_url, smtp_server, "Marta Ruiz", unique_email("inicio"), PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    open_page(page, app_url)
    expect(page.get_by_text("Crear mi cuenta")).to_have_count(0)
    expect(page.locator("#home-cta")).to_have_attribute("href", "/cuenta")


def test_wrong_password_gets_a_clear_message(page, app_url, world):
    client = world.person(Role.CLIENT, "Carmen Cliente López")
    open_page(page, f"{app_url}/entrar")
    page.get_by_label("Correo electrónico").fill(client.email)
    page.get_by_label("Contraseña").fill("esta no es la clave")
    page.locator("#login-submit").click()
    expect(page.get_by_role("alert").filter(has_text="Correo o contraseña incorrectos")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/entrar"))


def test_password_reset_through_the_emailed_link(page, app_url, smtp_server):
    email = unique_email("olvido")
    sign_up_and_confirm(page, app_url, smtp_server, "Rosa Gil", email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    log_out(page)
    open_page(page, f"{app_url}/recuperar")
    page.get_by_label("Correo electrónico").fill(email)
    page.locator("#forgot-submit").click()
    expect(page.locator("#forgot-sent")).to_be_visible()
    mail = smtp_server.wait_for(lambda m: m["To"] == email and "contraseña" in m["Subject"])
    assert mail["Subject"] == "Cambia tu contraseña de Cuidado en Casa"
    link = re.search(r"http://\S+/restablecer\?token=[\w-]+", mail.get_content()).group(0)

    open_page(page, link)
    page.get_by_label("Contraseña nueva").fill("corta")
    page.locator("#reset-submit").click()
    expect(page.locator("#field-password-error")).to_contain_text("al menos 10 caracteres")
    page.get_by_label("Contraseña nueva").fill("una frase nueva y larga")
    page.locator("#reset-submit").click()
    expect(page.locator("#reset-done")).to_be_visible()

    open_page(page, link)
    page.get_by_label("Contraseña nueva").fill("otra frase nueva y larga")
    page.locator("#reset-submit").click()
    expect(page.get_by_role("alert").filter(has_text="ya se usó o ha caducado")).to_be_visible()

    log_in(page, app_url, email, "una frase nueva y larga")
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))


def test_a_client_is_refused_from_other_areas(page, app_url, world):
    client = world.person(Role.CLIENT, "Carmen Cliente López")
    log_in(page, app_url, client.email, client.password)
    for path in ("/gestor", "/admin", "/admin/correo", "/seleccion"):
        open_page(page, f"{app_url}{path}")
        expect(page).to_have_url(re.compile(r"/sin-permiso/?$"))
        expect(page.get_by_role("heading", name="No tienes acceso a esta página")).to_be_visible()
    snapshot(page, "forbidden")


def test_anonymous_visitor_is_sent_to_log_in(page, app_url):
    for path in ("/gestor", "/admin", "/cuenta/perfil"):
        open_page(page, f"{app_url}{path}")
        expect(page).to_have_url(re.compile(r"/entrar\?next="))


def test_admin_sees_users_and_outgoing_mail(page, app_url, world):
    client = world.person(Role.CLIENT, "Carmen Cliente López")
    admin = world.person(Role.ADMIN, "Ana Admin")
    log_in(page, app_url, admin.email, admin.password)
    expect(page).to_have_url(re.compile(r"/admin/?$"))
    expect(page.get_by_role("cell", name=client.email)).to_be_visible()
    snapshot(page, "admin-users")
    subject = f"Aviso de prueba {unique_email('aviso')}"
    with Session(world.engine) as session:
        notifications.queue_email(session, to=client.email, subject=subject, body="Hola", kind="test")
        session.commit()
    open_page(page, f"{app_url}/admin/correo")
    expect(page.get_by_role("heading", name="Correo saliente")).to_be_visible()
    card = page.locator(".outbox-message").filter(has_text=subject)
    # The delivery state in words (the worker may have sent it already), not its stored code.
    expect(card.locator(".rt-Badge")).to_have_text(re.compile(r"^(Pendiente|Enviado)$"))
    snapshot(page, "admin-outbox")
    switch_language(page)
    expect(card.locator(".rt-Badge")).to_have_text(re.compile(r"^(Pending|Sent)$"))


def test_language_switch_is_remembered(page, app_url):
    open_page(page, f"{app_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cuidado a domicilio para quien más quieres")
    switch_language(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Home care for the people you love most")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Home care for the people you love most")
    open_page(page, f"{app_url}/entrar")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    snapshot(page, "login-english")
    switch_language(page)
    expect(page.get_by_role("heading", name="Entrar")).to_be_visible()


def test_profile_edit_and_help_pages(page, app_url, smtp_server):
    email = unique_email("perfil")
    sign_up_and_confirm(page, app_url, smtp_server, "Tomás Vidal", email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    open_page(page, f"{app_url}/cuenta/perfil")
    # The billing data below has a phone of its own, with its own id and label.
    expect(page.locator("#field-phone")).to_have_count(1)
    expect(page.get_by_label("Teléfono de facturación")).to_have_attribute("id", "billing-phone")
    expect(page.get_by_label("Teléfono", exact=True)).to_have_attribute("id", "field-phone")
    phone = page.locator("#field-phone")
    phone.fill("12")
    page.locator("#profile-save").click()
    expect(page.locator("#field-phone-error")).to_contain_text("Teléfono no válido")
    expect(page.locator("#billing-phone-error")).to_be_hidden()
    phone.fill("612 345 678")
    page.locator("#profile-save").click()
    expect(page.locator("#field-phone-error")).to_be_hidden()
    page.reload()
    expect(phone).to_have_value("+34612345678")
    snapshot(page, "profile")
    open_page(page, f"{app_url}/ayuda")
    expect(page.get_by_role("heading", name="¿Cómo contrato un servicio y qué pasa después?")).to_be_visible()
    snapshot(page, "help")
