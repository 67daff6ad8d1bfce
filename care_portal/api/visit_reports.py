"""Authorised download of a visit report PDF."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.identifiers import parse_record_id
from care_portal.services import accounts, visit_reports


async def report_pdf(request: Request) -> Response:
    """Serve a report to its client, its manager or an admin; 404 to anyone else."""
    task_id = parse_record_id(request.path_params.get("task_id"))
    if task_id is None:
        return Response("Not found", status_code=404)
    client_ip = request.client.host if request.client else ""
    try:
        with session_scope() as session:
            viewer = accounts.resolve_session(session, token=request.cookies.get(accounts.SESSION_COOKIE, ""))
            name, pdf = visit_reports.report_pdf(
                session, actor=viewer, task_id=task_id, client_ip=client_ip
            )
    except DomainError:
        return Response("Not found", status_code=404)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
