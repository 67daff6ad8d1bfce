"""The private calendar feed: ``GET /api/calendario/{token}.ics`` (text/calendar).

The token is the whole credential (calendar apps send no cookie). An unknown,
revoked or malformed token gets the same 404 as anything else not found.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from care_portal.api.downloads import NOT_FOUND, PRIVATE_HEADERS
from care_portal.db import session_scope
from care_portal.domain.errors import NotFound
from care_portal.services.calendars import feeds


def calendar_feed(request: Request) -> Response:
    """Serve the feed's calendar (a plain ``def``: Starlette runs it in the threadpool)."""
    token = str(request.path_params.get("token", ""))
    try:
        with session_scope() as session:
            text = feeds.feed_ics(session, token)
    except NotFound:
        return PlainTextResponse(NOT_FOUND, status_code=404, headers=PRIVATE_HEADERS)
    headers = {**PRIVATE_HEADERS, "Content-Disposition": 'inline; filename="citas.ics"'}
    return Response(text.encode(), media_type="text/calendar; charset=utf-8", headers=headers)
