"""«Descargar mis datos»: the export ZIP, once, to its owner only (404 for anybody else)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.services import accounts
from care_portal.services.privacy import export

NOT_FOUND = "No encontrado / Not found"


async def data_export_zip(request: Request) -> Response:
    """``GET /api/mis-datos/{export_id}.zip``: the ZIP for its owner, the first time only."""
    try:
        with session_scope() as session:
            viewer = accounts.resolve_session(session, token=request.cookies.get(accounts.SESSION_COOKIE, ""))
            data = export.take_export(
                session,
                actor=viewer,
                export_id=request.path_params["export_id"],
                client_ip=request.client.host if request.client else "",
            )
    except (DomainError, OSError, ValueError):
        return PlainTextResponse(NOT_FOUND, status_code=404)
    return Response(
        data,
        media_type="application/zip",
        headers={
            "Content-Disposition": 'attachment; filename="mis-datos.zip"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
