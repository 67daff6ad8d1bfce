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
VERIFY_EMAIL = "/verificar"
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
JOBS = "/empleo"
JOB_OFFER = "/empleo/[offer_id]"
JOB_APPLY = "/empleo/[offer_id]/solicitud"
ACCOUNT_APPLICATIONS = "/cuenta/candidaturas"
RECRUITING_OFFER = "/seleccion/ofertas/[offer_id]"
RECRUITING_APPLICATION = "/seleccion/candidaturas/[application_id]"

SESSION_ACTIVATE = "/api/sesion/activar"  # HTTP route: the log-in hand-off sets the HttpOnly cookie

ROLE_HOME = {"client": ACCOUNT, "manager": MANAGER, "recruiter": RECRUITING, "admin": ADMIN}


def invoice_pdf_url(invoice_id: int) -> str:
    """Return the authorised download URL of an invoice's PDF."""
    return f"/api/facturas/{invoice_id}.pdf"


def session_activation_url(code: str, next_path: str) -> str:
    """Return the hand-off URL that sets the session cookie and then opens ``next_path``."""
    return f"{SESSION_ACTIVATE}?code={quote(code)}&next={quote(next_path)}"


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


def job_offer_url(offer_id: int | str) -> str:
    """Return the public page of a job offer."""
    return f"{JOBS}/{offer_id}"


def job_apply_url(offer_id: int | str) -> str:
    """Return the candidate's application steps for an offer."""
    return f"{JOBS}/{offer_id}/solicitud"


def recruiting_offer_url(offer_id: int | str) -> str:
    """Return the recruiter's editor of an offer and its survey."""
    return f"{RECRUITING}/ofertas/{offer_id}"


def recruiting_application_url(application_id: int | str) -> str:
    """Return the recruiter's review page of an application."""
    return f"{RECRUITING}/candidaturas/{application_id}"


def cv_url(application_id: int | str) -> str:
    """Return the authorised download of an application's CV."""
    return f"/api/cv/{application_id}"


def path_number(path: str, index: int) -> int | None:
    """Return the whole number at ``index`` among the path's segments, or None.

    Args:
        path: A URL path such as ``/empleo/3/solicitud``.
        index: Position among the non-empty segments (``1`` gives ``3`` above).
    """
    parts = [p for p in (path or "").split("?")[0].split("/") if p]
    if index < len(parts) and parts[index].isdigit() and len(parts[index]) < 10:
        return int(parts[index])
    return None


ACCOUNT_TASKS = "/cuenta/tareas"
SUGGESTIONS = "/cuenta/sugerencias"
MANAGER_TASK = "/gestor/tareas/[task_id]"
ADMIN_CANCELLATIONS = "/admin/cancelaciones"


def manager_task_url(task_id: int) -> str:
    """Return the manager's page of one task."""
    return f"/gestor/tareas/{task_id}"


def report_pdf_url(task_id: int) -> str:
    """Return the authorised download of a task's visit report."""
    return f"/api/tareas/{task_id}/informe.pdf"


def order_page_url(page: str, order_public_id: str) -> str:
    """Return a payment page (``PAY_OK``, ``PAY_CANCELLED``, ``PAY_SIMULATED``) about one order."""
    return f"{page}?pedido={quote(order_public_id)}"
