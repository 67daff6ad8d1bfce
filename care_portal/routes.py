"""URL builders, so no page spells another page's path by hand."""

from __future__ import annotations

from urllib.parse import quote

HOME = "/"
HELP = "/ayuda"
PRIVACY = "/privacidad"
TERMS = "/condiciones"
LOGIN = "/entrar"
SIGNUP = "/registro"
FORGOT = "/recuperar"
RESET = "/restablecer"
FORBIDDEN = "/sin-permiso"
ACCOUNT = "/cuenta"
ACCOUNT_PROFILE = "/cuenta/perfil"
ACCOUNT_INVOICES = "/cuenta/facturas"
MANAGER = "/gestor"
RECRUITING = "/seleccion"
ADMIN = "/admin"
ADMIN_OUTBOX = "/admin/correo"
ACCOUNT_REGISTER_BENEFICIARY = "/cuenta/alta-familiar"
ACCOUNT_PROJECTS = "/cuenta/proyectos"
ACCOUNT_PROJECT = "/cuenta/proyectos/[beneficiary_id]"
ADMIN_BENEFICIARIES = "/admin/beneficiarios"
ADMIN_MANAGERS = "/admin/gestores"
ADMIN_INVOICES = "/admin/facturas"
ADMIN_INVOICES_CSV = "/api/admin/facturas.csv"

ROLE_HOME = {"client": ACCOUNT, "manager": MANAGER, "recruiter": RECRUITING, "admin": ADMIN}


def invoice_pdf_url(invoice_id: int) -> str:
    """Return the authorised download URL of an invoice's PDF."""
    return f"/api/facturas/{invoice_id}.pdf"


def login_url(next_path: str = "") -> str:
    """Return the log-in URL that comes back to ``next_path`` afterwards."""
    return f"{LOGIN}?next={quote(next_path)}" if next_path else LOGIN


def safe_next(next_path: str | None, fallback: str) -> str:
    """Return ``next_path`` when it is a local path, else ``fallback`` (no open redirects)."""
    if next_path and next_path.startswith("/") and not next_path.startswith("//") and "\\" not in next_path:
        return next_path
    return fallback


SHOP = "/tienda"
CART = "/tienda/carrito"
CHECKOUT = "/tienda/pedido"
PAY_OK = "/tienda/pago-ok"
PAY_CANCELLED = "/tienda/pago-cancelado"
PAY_SIMULATED = "/pago-simulado"
ORDERS = "/cuenta/pedidos"
ADMIN_CATALOG = "/admin/servicios"


def project_url(beneficiary_id: int | str) -> str:
    """Return the project page of a beneficiary."""
    return f"{ACCOUNT_PROJECTS}/{beneficiary_id}"


def document_url(document_id: int | str) -> str:
    """Return the authorised download URL of a beneficiary's document."""
    return f"/api/documentos/{document_id}"


def consent_pdf_url(beneficiary_id: int | str) -> str:
    """Return the download URL of a beneficiary's consent text."""
    return f"/api/consentimiento/{beneficiary_id}.pdf"
