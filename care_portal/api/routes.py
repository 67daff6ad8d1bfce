"""HTTP routes beside the Reflex app: health check, payment webhook and authorised downloads."""

from __future__ import annotations

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from care_portal import routes
from care_portal.api import invoices
from care_portal.api.care_files import beneficiary_document, consent_document, download_cv
from care_portal.api.payments import payment_webhook
from care_portal.api.session_routes import activate_session
from care_portal.api.visit_reports import report_pdf
from care_portal.db import session_scope


def health(_request: Request) -> JSONResponse:
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
            Route(routes.SESSION_ACTIVATE, activate_session, methods=["GET"]),
            Route("/api/pagos/webhook", payment_webhook, methods=["POST"]),
            Route("/api/documentos/{document_id}", beneficiary_document, methods=["GET"]),
            Route("/api/consentimiento/{beneficiary_id}.pdf", consent_document, methods=["GET"]),
            Route("/api/facturas/{invoice_id}.pdf", invoices.invoice_pdf, methods=["GET"]),
            Route("/api/admin/facturas.csv", invoices.invoices_csv, methods=["GET"]),
            Route("/api/cv/{application_id}", download_cv, methods=["GET"]),
            Route("/api/tareas/{task_id}/informe.pdf", report_pdf, methods=["GET"]),
        ]
    )
