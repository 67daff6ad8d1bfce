"""Authorised invoice downloads: one PDF for its client or an admin, the CSV for admins."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from care_portal.api.downloads import Download, authorised_download, client_ip, path_id
from care_portal.services import invoice_queries


def invoice_pdf(request: Request) -> Response:
    """``GET /api/facturas/{invoice_id}.pdf``: 404 for anyone but the owner or an admin."""

    def fetch(session, viewer) -> Download:
        document = invoice_queries.invoice_pdf(
            session, actor=viewer, invoice_id=path_id(request, "invoice_id"), client_ip=client_ip(request)
        )
        return Download(document.content, "application/pdf", document.filename)

    return authorised_download(request, fetch)


def invoices_csv(request: Request) -> Response:
    """``GET /api/admin/facturas.csv?month=&kind=&q=``: admins only (404 for anyone else)."""
    params = request.query_params

    def fetch(session, viewer) -> Download:
        content = invoice_queries.export_invoices_csv(
            session,
            actor=viewer,
            month=params.get("month", ""),
            kind=params.get("kind", ""),
            search=params.get("q", ""),
        )
        suffix = f"-{params['month']}" if params.get("month") else ""
        return Download(content.encode("utf-8"), "text/csv; charset=utf-8", f"facturas{suffix}.csv")

    return authorised_download(request, fetch)
