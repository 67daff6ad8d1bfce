"""Authorised invoice downloads: one PDF for its client or an admin, the CSV for admins."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.identifiers import parse_record_id
from care_portal.services import accounts, invoice_queries
from care_portal.services.authz import Viewer

NOT_FOUND = "No encontrado / Not found"


def _viewer(request: Request) -> Viewer | None:
    token = request.cookies.get(accounts.SESSION_COOKIE, "")
    with session_scope() as session:
        return accounts.resolve_session(session, token=token)


async def invoice_pdf(request: Request) -> Response:
    """``GET /api/facturas/{invoice_id}.pdf``: 404 for anyone but the owner or an admin."""
    invoice_id = parse_record_id(request.path_params["invoice_id"])
    if invoice_id is None:
        return PlainTextResponse(NOT_FOUND, status_code=404)
    viewer = _viewer(request)
    try:
        with session_scope() as session:
            document = invoice_queries.invoice_pdf(
                session,
                actor=viewer,
                invoice_id=invoice_id,
                client_ip=request.client.host if request.client else "",
            )
    except DomainError:
        return PlainTextResponse(NOT_FOUND, status_code=404)
    return Response(
        document.content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{document.filename}"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def invoices_csv(request: Request) -> Response:
    """``GET /api/admin/facturas.csv?month=&kind=&q=``: admins only (404 for anyone else)."""
    viewer = _viewer(request)
    params = request.query_params
    try:
        with session_scope() as session:
            content = invoice_queries.export_invoices_csv(
                session,
                actor=viewer,
                month=params.get("month", ""),
                kind=params.get("kind", ""),
                search=params.get("q", ""),
            )
    except DomainError:
        return PlainTextResponse(NOT_FOUND, status_code=404)
    suffix = f"-{params['month']}" if params.get("month") else ""
    return Response(
        content.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="facturas{suffix}.csv"',
            "Cache-Control": "private, no-store",
        },
    )
