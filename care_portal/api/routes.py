"""HTTP routes: health check (webhooks and authorised downloads join later)."""

from __future__ import annotations

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from care_portal.api.payments import payment_webhook
from care_portal.api.visit_reports import report_pdf
from care_portal.db import session_scope


async def health(_request: Request) -> JSONResponse:
    """Report whether the database answers."""
    try:
        with session_scope() as session:
            session.exec(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return JSONResponse({"status": "error"}, status_code=503)
    return JSONResponse({"status": "ok"})


def build_api() -> Starlette:
    """Return the Starlette app whose routes are served beside Reflex."""
    return Starlette(
        routes=[
            Route("/api/health", health, methods=["GET"]),
            Route("/api/pagos/webhook", payment_webhook, methods=["POST"]),
            Route("/api/tareas/{task_id}/informe.pdf", report_pdf, methods=["GET"]),
        ]
    )
