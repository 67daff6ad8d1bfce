"""Steps that several browser tests share."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from care_portal.domain.formatting import format_appointment
from tests.e2e.accessibility import check_accessibility

DEMO_PASSWORD = "cuidado-demo-2026"
INBOX = None  # the session's SMTP server, set by the smtp_server fixture


def unique_email(prefix: str) -> str:
    """Return an address no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}@example.es"


def open_page(page: Page, url: str) -> None:
    """Navigate and wait until the app is connected and the page's loaders have run."""
    page.goto(url)
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    check_accessibility(page)


def switch_language(page: Page) -> None:
    """Press the language switch and wait for the page the app loads again in the other language.

    The switch reloads the page itself (so loaders run again in the new language); a test that goes
    on at once would race that reload (``net::ERR_ABORTED``, or a check run on a vanishing page).
    """
    with page.expect_navigation(wait_until="load"):
        page.locator("#lang-switch").first.click()
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")


def fill_billing(page: Page, name: str, *, nif: str = "12345678Z", phone: str = "612345678") -> None:
    """Fill the billing data of checkout or the plan form (Madrid address) and accept the terms."""
    page.get_by_label("NIF / NIE / CIF").fill(nif)
    page.get_by_label("Nombre o razón social").fill(name)
    page.get_by_label("Dirección de facturación").fill("Calle de Alcalá 10, 3º B")
    page.get_by_label("Código postal").fill("28014")
    page.get_by_label("Población").fill("Madrid")
    page.get_by_label("Teléfono").fill(phone)
    page.locator("#field-accept_terms").check()


def log_in(page: Page, base: str, email: str, password: str = DEMO_PASSWORD, next_path: str = "") -> None:
    """Log in through the form."""
    open_page(page, f"{base}/entrar" + (f"?next={next_path}" if next_path else ""))
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(password)
    page.locator("#login-submit").click()
    expect(page).not_to_have_url(re.compile(r"/entrar"), timeout=20_000)  # through the cookie hand-off


def sign_up(page: Page, base: str, name: str, email: str, password: str) -> None:
    """Create an account through the form."""
    open_page(page, f"{base}/registro")
    page.get_by_label("Nombre y apellidos").fill(name)
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(password)
    page.locator("#signup-submit").click()


def sign_up_and_confirm(
    page: Page, base: str, smtp_server, name: str, email: str, password: str, next_path: str = ""
) -> None:
    """Sign up, open the confirmation link from the e-mail, and log in (back to ``next_path``)."""
    sign_up(page, base, name, email, password)
    confirm_and_log_in(page, base, smtp_server or INBOX, email, password, next_path)


def confirm_and_log_in(
    page: Page, base: str, smtp_server, email: str, password: str, next_path: str = ""
) -> None:
    """After the sign-up form: open the confirmation link from the e-mail and log in."""
    expect(page.locator("#signup-sent")).to_contain_text(email)
    mail = smtp_server.wait_for(lambda m: m["To"] == email and "Confirma" in m["Subject"])
    link = re.search(r"https?://\S+/verificar\?token=[\w-]+", mail.get_content()).group(0)
    open_page(page, link)
    expect(page.locator("#verify-done")).to_be_visible()
    log_in(page, base, email, password, next_path=next_path)


def log_out(page: Page) -> None:
    """Log out from the header (inline on desktop, in the menu on a phone)."""
    if page.viewport_size["width"] < 768:
        page.locator("#menu-button").click()
        page.locator("#menu-logout").click()
    else:
        page.locator("#logout").click()


def register_beneficiary(page: Page, *, name: str, postal_code: str) -> None:
    """Fill "Alta de familiar" with the minimum (consent left for the first visit) and send it."""
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.locator("#field-full_name").fill(name)
    page.locator("#field-relationship").fill("madre")
    page.locator("#field-street").fill("Calle de la Fe 3, 1º")
    page.locator("#field-postal_code").fill(postal_code)
    page.locator("#field-town").fill("Madrid")
    page.locator("#field-province").fill("Madrid")
    page.locator("#field-phone").fill("612 345 678")
    page.locator("#register-submit").click()


def watch_for_text(page: Page, text: str) -> None:
    """From the next navigation on, remember whether ``text`` ever appears, even for a moment.

    Read the answer with :func:`text_was_seen`. Used to prove that a list never flashes its empty
    state («Todavía no…») while its data is on the way.
    """
    page.add_init_script(
        f"""(() => {{
          const text = {text!r};
          const look = () => {{
            if (document.body && document.body.innerText.includes(text)) window.__cpTextSeen = true;
          }};
          const watched = {{subtree: true, childList: true, characterData: true}};
          new MutationObserver(look).observe(document, watched);
        }})();"""
    )


def text_was_seen(page: Page) -> bool:
    """Whether the text given to :func:`watch_for_text` appeared since the page loaded."""
    return page.evaluate("() => window.__cpTextSeen === true")


def family_appointment(day: date, at: time = time(10)) -> str:
    """What a family reads for a visit on ``day`` at ``at`` (Madrid).

    For example «martes, 13 de octubre de 2026, 10:00».
    """
    return format_appointment(datetime.combine(day, at, tzinfo=ZoneInfo("Europe/Madrid")), "es")
