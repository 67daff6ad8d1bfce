"""«Descargar mis datos»: the export ZIP, once, to its owner only (404 for anybody else)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from care_portal.api.downloads import Download, authorised_download, client_ip, path_id
from care_portal.services.privacy import export


def data_export_zip(request: Request) -> Response:
    """``GET /api/mis-datos/{export_id}.zip``: the ZIP for its owner, the first time only."""

    def fetch(session, viewer) -> Download:
        data = export.take_export(
            session, actor=viewer, export_id=path_id(request, "export_id"), client_ip=client_ip(request)
        )
        return Download(data, "application/zip", "mis-datos.zip")

    return authorised_download(request, fetch)
