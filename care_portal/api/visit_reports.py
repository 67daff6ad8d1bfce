"""Authorised download of a visit report PDF."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from care_portal.api.downloads import Download, authorised_download, client_ip, path_id
from care_portal.services import report_photos, visit_reports


def report_pdf(request: Request) -> Response:
    """``GET /api/tareas/{task_id}/informe.pdf``: its client, its manager or an admin; 404 to anyone else."""

    def fetch(session, viewer) -> Download:
        name, pdf = visit_reports.report_pdf(
            session, actor=viewer, task_id=path_id(request, "task_id"), client_ip=client_ip(request)
        )
        return Download(pdf, "application/pdf", name)

    return authorised_download(request, fetch)


def report_photo(request: Request) -> Response:
    """``GET /api/fotos/{photo_id}.jpg``: the beneficiary's family circle and staff; 404 to anyone else."""

    def fetch(session, viewer) -> Download:
        photo = report_photos.open_photo(session, actor=viewer, photo_id=path_id(request, "photo_id"))
        return Download(photo.data, "image/jpeg", photo.name, inline=True)

    return authorised_download(request, fetch)
