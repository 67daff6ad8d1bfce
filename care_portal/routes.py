"""Every path of the app in one block, and the builders of URLs with ids or queries.

Pages, states and integrations take their URLs from here, so no module spells
another page's path by hand. Builders accept plain values or Reflex vars (an
f-string with a var renders in the browser).
"""

from __future__ import annotations

from urllib.parse import quote

# Public pages.
HOME = "/"
HELP = "/ayuda"
PRIVACY = "/privacidad"
TERMS = "/condiciones"
FORBIDDEN = "/sin-permiso"
DECLARATION = "/declaracion-responsable"
# Accounts.
LOGIN = "/entrar"
SIGNUP = "/registro"
FORGOT = "/recuperar"
RESET = "/restablecer"
VERIFY_EMAIL = "/verificar"
# The client's area.
ACCOUNT = "/cuenta"
ACCOUNT_PROFILE = "/cuenta/perfil"
ACCOUNT_INVOICES = "/cuenta/facturas"
ACCOUNT_REGISTER_BENEFICIARY = "/cuenta/alta-familiar"
ACCOUNT_PROJECTS = "/cuenta/proyectos"
ACCOUNT_PROJECT = "/cuenta/proyectos/[beneficiary_id]"
ACCOUNT_APPLICATIONS = "/cuenta/candidaturas"
ACCOUNT_TASKS = "/cuenta/tareas"
SUGGESTIONS = "/cuenta/sugerencias"
ORDERS = "/cuenta/pedidos"
PLAN_NEW = "/cuenta/planes/nuevo"
PLAN_PAY_SIMULATED = "/cuenta/planes/pago-simulado"
ACCOUNT_WITHDRAWAL = "/cuenta/desistimiento"
# Shop and payment.
SHOP = "/tienda"
CART = "/tienda/carrito"
CHECKOUT = "/tienda/pedido"
PAY_OK = "/tienda/pago-ok"
PAY_CANCELLED = "/tienda/pago-cancelado"
PAY_SIMULATED = "/pago-simulado"
# Managers.
MANAGER = "/gestor"
MANAGER_TASK = "/gestor/tareas/[task_id]"
MANAGER_WEEK = "/gestor/semana"
# Recruiting: public offers and the recruiter's pages.
JOBS = "/empleo"
JOB_OFFER = "/empleo/[offer_id]"
JOB_APPLY = "/empleo/[offer_id]/solicitud"
RECRUITING = "/seleccion"
RECRUITING_OFFER = "/seleccion/ofertas/[offer_id]"
RECRUITING_APPLICATION = "/seleccion/candidaturas/[application_id]"
# Administration.
ADMIN = "/admin"
ADMIN_OUTBOX = "/admin/correo"
ADMIN_CATALOG = "/admin/servicios"
ADMIN_BENEFICIARIES = "/admin/beneficiarios"
ADMIN_MANAGERS = "/admin/gestores"
ADMIN_INVOICES = "/admin/facturas"
ADMIN_CANCELLATIONS = "/admin/cancelaciones"
ADMIN_PRIVACY = "/admin/privacidad"
ADMIN_AEAT = "/admin/verifactu"
ADMIN_PAYMENTS = "/admin/pagos"
# Authorised downloads (served by care_portal/api).
API = "/api"
ADMIN_INVOICES_CSV = "/api/admin/facturas.csv"
SESSION_ACTIVATE = "/api/sesion/activar"  # HTTP route: the log-in hand-off sets the HttpOnly cookie

ROLE_HOME = {"client": ACCOUNT, "manager": MANAGER, "recruiter": RECRUITING, "admin": ADMIN}


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


def register_beneficiary_url(next_path: str = "") -> str:
    """Return "Alta de familiar", coming back to ``next_path`` once the relative is saved."""
    return (
        f"{ACCOUNT_REGISTER_BENEFICIARY}?next={quote(next_path)}"
        if next_path
        else ACCOUNT_REGISTER_BENEFICIARY
    )


def project_url(beneficiary_id: object) -> str:
    """Return the project page of a beneficiary."""
    return f"{ACCOUNT_PROJECTS}/{beneficiary_id}"


def suggestions_url(task_id: object) -> str:
    """Return the suggestions form about one task."""
    return f"{SUGGESTIONS}?tarea={task_id}"


def order_page_url(page: str, order_public_id: str) -> str:
    """Return a payment page (``PAY_OK``, ``PAY_CANCELLED``, ``PAY_SIMULATED``) about one order."""
    return f"{page}?pedido={quote(order_public_id)}"


def manager_task_url(task_id: object) -> str:
    """Return the manager's page of one task."""
    return f"{MANAGER}/tareas/{task_id}"


def job_offer_url(offer_id: object) -> str:
    """Return the public page of a job offer."""
    return f"{JOBS}/{offer_id}"


def job_apply_url(offer_id: object) -> str:
    """Return the candidate's application steps for an offer."""
    return f"{JOBS}/{offer_id}/solicitud"


def recruiting_offer_url(offer_id: object) -> str:
    """Return the recruiter's editor of an offer and its survey."""
    return f"{RECRUITING}/ofertas/{offer_id}"


def recruiting_application_url(application_id: object) -> str:
    """Return the recruiter's review page of an application."""
    return f"{RECRUITING}/candidaturas/{application_id}"


def invoice_pdf_url(invoice_id: object) -> str:
    """Return the authorised download URL of an invoice's PDF."""
    return f"{API}/facturas/{invoice_id}.pdf"


def document_url(document_id: object) -> str:
    """Return the authorised download URL of a beneficiary's document."""
    return f"{API}/documentos/{document_id}"


def data_export_url(export_id: object) -> str:
    """Return the one-time download of a «Descargar mis datos» ZIP."""
    return f"{API}/mis-datos/{export_id}.zip"


def consent_pdf_url(beneficiary_id: object) -> str:
    """Return the download URL of a beneficiary's consent text."""
    return f"{API}/consentimiento/{beneficiary_id}.pdf"


def cv_url(application_id: object) -> str:
    """Return the authorised download of an application's CV."""
    return f"{API}/cv/{application_id}"


def report_pdf_url(task_id: object) -> str:
    """Return the authorised download of a task's visit report."""
    return f"{API}/tareas/{task_id}/informe.pdf"


# The family circle and the conversations with the team (circle-17).
CIRCLE_INVITATION = "/familia/invitacion"  # ?token=… (hidden in the admin's outbox view)
CIRCLE_PROJECT = "/familia/[beneficiary_id]"
MESSAGES = "/mensajes"
CONVERSATION = "/mensajes/[beneficiary_id]"


def circle_invitation_url(token: object) -> str:
    """Return the invitation page for a link's secret."""
    return f"{CIRCLE_INVITATION}?token={token}"


def circle_project_url(beneficiary_id: object) -> str:
    """Return the page a circle member reads about a beneficiary (project, visits, reports)."""
    return f"/familia/{beneficiary_id}"


def conversation_url(beneficiary_id: object) -> str:
    """Return a beneficiary's conversation between the family and the team."""
    return f"{MESSAGES}/{beneficiary_id}"


def message_attachment_url(message_id: object) -> str:
    """Return the authorised download of a message's attachment."""
    return f"{API}/mensajes/adjuntos/{message_id}"


TIMELINE = "/historia/[beneficiary_id]"
MANAGER_RATINGS = "/gestor/valoraciones"
ADMIN_RATINGS = "/admin/valoraciones"


def timeline_url(beneficiary_id: object) -> str:
    """Return a beneficiary's timeline (family, manager and admins)."""
    return f"/historia/{beneficiary_id}"


def report_photo_url(photo_id: object) -> str:
    """Return the authorised view of a visit report's photo."""
    return f"{API}/fotos/{photo_id}.jpg"
