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
MANAGER = "/gestor"
RECRUITING = "/seleccion"
ADMIN = "/admin"
ADMIN_OUTBOX = "/admin/correo"

ROLE_HOME = {"client": ACCOUNT, "manager": MANAGER, "recruiter": RECRUITING, "admin": ADMIN}


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
BENEFICIARY_NEW = "/cuenta/alta-familiar"
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
