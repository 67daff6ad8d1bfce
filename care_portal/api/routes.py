"""HTTP routes: health check and authorised downloads (webhooks join later)."""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from care_portal import routes
from care_portal.api import invoices
from care_portal.api.payments import payment_webhook
from care_portal.api.session_routes import activate_session
from care_portal.api.visit_reports import report_pdf
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.identifiers import parse_record_id
from care_portal.services import accounts, care_documents, recruiting

NOT_FOUND = "No encontrado / Not found"


async def health(_request: Request) -> JSONResponse:
    """Report whether the database answers."""
    try:
        with session_scope() as session:
            session.exec(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return JSONResponse({"status": "error"}, status_code=503)
    return JSONResponse({"status": "ok"})


def _content_disposition(kind: str, name: str) -> str:
    ascii_name = name.encode("ascii", "ignore").decode().replace('"', "") or "documento"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def _private_response(data: bytes, content_type: str, disposition: str) -> Response:
    return Response(
        data,
        media_type=content_type,
        headers={
            "Content-Disposition": disposition,
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def beneficiary_document(request: Request) -> Response:
    """Serve a beneficiary's document to its client, its manager or an admin; each view is audited.

    Anyone else (or nobody logged in) gets the same 404 as a missing document.
    """
    client_ip = request.client.host if request.client else ""
    try:
        document_id = parse_record_id(request.path_params["document_id"])
        if document_id is None:
            raise NotFound()
        with session_scope() as session:
            viewer = accounts.resolve_session(session, token=request.cookies.get(accounts.SESSION_COOKIE, ""))
            document = care_documents.open_document(
                session, actor=viewer, document_id=document_id, client_ip=client_ip
            )
    except (DomainError, ValueError, OSError):
        return Response(NOT_FOUND, status_code=404, media_type="text/plain")
    return _private_response(
        document.data, document.content_type, _content_disposition("inline", document.name)
    )


async def consent_document(request: Request) -> Response:
    """Serve the consent text filled with a beneficiary's data, for those who may see it."""
    try:
        beneficiary_id = parse_record_id(request.path_params["beneficiary_id"])
        if beneficiary_id is None:
            raise NotFound()
        with session_scope() as session:
            viewer = accounts.resolve_session(session, token=request.cookies.get(accounts.SESSION_COOKIE, ""))
            name, pdf = care_documents.consent_pdf(session, actor=viewer, beneficiary_id=beneficiary_id)
    except (DomainError, ValueError):
        return Response(NOT_FOUND, status_code=404, media_type="text/plain")
    return _private_response(pdf, "application/pdf", _content_disposition("attachment", name))


async def download_cv(request: Request) -> Response:
    """Send an application's CV to a recruiter or admin (logged); 404 for anybody else."""
    application_id = parse_record_id(request.path_params.get("application_id"))
    if application_id is None:
        return Response("Not found", status_code=404)
    client_ip = request.client.host if request.client else ""
    try:
        with session_scope() as session:
            viewer = accounts.resolve_session(session, token=request.cookies.get(accounts.SESSION_COOKIE, ""))
            cv = recruiting.read_cv(session, actor=viewer, application_id=application_id, client_ip=client_ip)
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
