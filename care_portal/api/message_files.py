"""Authorised download of a message's attachment (participants of its conversation only; audited)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from care_portal.api.downloads import Download, authorised_download, path_id
from care_portal.services import messages


def message_attachment(request: Request) -> Response:
    """``GET /api/mensajes/adjuntos/{message_id}``: the file, to whoever may read that conversation."""

    def fetch(session, viewer) -> Download:
        found = messages.open_attachment(session, actor=viewer, message_id=path_id(request, "message_id"))
        return Download(found.data, found.content_type, found.name, inline=True)

    return authorised_download(request, fetch)
