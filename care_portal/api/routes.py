"""HTTP routes beside the Reflex app: health, readiness, metrics, payment webhook and downloads."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Route

from care_portal import routes
from care_portal.api import exports, health, invoices
from care_portal.api.calendar_feed import calendar_feed
from care_portal.api.care_files import beneficiary_document, consent_document, download_cv
from care_portal.api.message_files import message_attachment
from care_portal.api.payments import payment_webhook
from care_portal.api.session_routes import activate_session
from care_portal.api.visit_reports import report_pdf, report_photo
from care_portal.observability.http import error_response


def build_api() -> Starlette:
    """Return the Starlette app whose routes are served beside Reflex."""
    return Starlette(
        exception_handlers={Exception: error_response},
        routes=[
            Route("/api/health", health.health, methods=["GET"]),
            Route("/api/ready", health.ready, methods=["GET"]),
            Route("/api/metrics", health.metrics_endpoint, methods=["GET"]),
            Route(routes.SESSION_ACTIVATE, activate_session, methods=["GET"]),
            Route("/api/pagos/webhook", payment_webhook, methods=["POST"]),
            Route("/api/documentos/{document_id}", beneficiary_document, methods=["GET"]),
            Route("/api/consentimiento/{beneficiary_id}.pdf", consent_document, methods=["GET"]),
            Route("/api/facturas/{invoice_id}.pdf", invoices.invoice_pdf, methods=["GET"]),
            Route("/api/admin/facturas.csv", invoices.invoices_csv, methods=["GET"]),
            Route("/api/cv/{application_id}", download_cv, methods=["GET"]),
            Route("/api/tareas/{task_id}/informe.pdf", report_pdf, methods=["GET"]),
            Route("/api/fotos/{photo_id}.jpg", report_photo, methods=["GET"]),
            Route("/api/mis-datos/{export_id}.zip", exports.data_export_zip, methods=["GET"]),
            Route("/api/calendario/{token}.ics", calendar_feed, methods=["GET"]),
            Route("/api/mensajes/adjuntos/{message_id}", message_attachment, methods=["GET"]),
        ],
    )
