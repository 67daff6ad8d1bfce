"""HTTP routes: health check and authorised downloads (webhooks join later)."""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.services import accounts, recruiting

SESSION_COOKIE = "cp_session"


async def health(_request: Request) -> JSONResponse:
    """Report whether the database answers."""
    try:
        with session_scope() as session:
            session.exec(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return JSONResponse({"status": "error"}, status_code=503)
    return JSONResponse({"status": "ok"})


async def download_cv(request: Request) -> Response:
    """Send an application's CV to a recruiter or admin (logged); 404 for anybody else."""
    raw_id = request.path_params.get("application_id", "")
    if not raw_id.isdigit() or len(raw_id) > 9:
        return Response("Not found", status_code=404)
    client_ip = request.client.host if request.client else ""
    try:
        with session_scope() as session:
            viewer = accounts.resolve_session(session, token=request.cookies.get(SESSION_COOKIE, ""))
            cv = recruiting.read_cv(session, actor=viewer, application_id=int(raw_id), client_ip=client_ip)
    except DomainError:
        return Response("Not found", status_code=404)
    return Response(
        cv.data,
        media_type=cv.mime,
        headers={
            "Content-Disposition": f"inline; filename*=UTF-8''{quote(cv.filename)}",
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


def build_api() -> Starlette:
    """Return the Starlette app whose routes are served beside Reflex."""
    return Starlette(
        routes=[
            Route("/api/health", health, methods=["GET"]),
            Route("/api/cv/{application_id}", download_cv, methods=["GET"]),
        ]
    )
