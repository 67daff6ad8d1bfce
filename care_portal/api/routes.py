"""HTTP routes: health check (webhooks and authorised downloads join later)."""

from __future__ import annotations

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from care_portal.api import invoices
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
            Route("/api/facturas/{invoice_id:int}.pdf", invoices.invoice_pdf, methods=["GET"]),
            Route("/api/admin/facturas.csv", invoices.invoices_csv, methods=["GET"]),
        ]
    )
