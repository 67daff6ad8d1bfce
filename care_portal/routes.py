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
JOBS = "/empleo"
JOB_OFFER = "/empleo/[offer_id]"
JOB_APPLY = "/empleo/[offer_id]/solicitud"
ACCOUNT_APPLICATIONS = "/cuenta/candidaturas"
RECRUITING_OFFER = "/seleccion/ofertas/[offer_id]"
RECRUITING_APPLICATION = "/seleccion/candidaturas/[application_id]"

ROLE_HOME = {"client": ACCOUNT, "manager": MANAGER, "recruiter": RECRUITING, "admin": ADMIN}


def login_url(next_path: str = "") -> str:
    """Return the log-in URL that comes back to ``next_path`` afterwards."""
    return f"{LOGIN}?next={quote(next_path)}" if next_path else LOGIN


def safe_next(next_path: str | None, fallback: str) -> str:
    """Return ``next_path`` when it is a local path, else ``fallback`` (no open redirects)."""
    if next_path and next_path.startswith("/") and not next_path.startswith("//") and "\\" not in next_path:
        return next_path
    return fallback


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
