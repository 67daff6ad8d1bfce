"""One way to serve a private file: who asks, may they, and headers that keep it private.

Every download route is a plain ``def`` (Starlette runs it in the threadpool, so
database work and PDF rendering never block the event loop) that calls
:func:`authorised_download` with a function fetching the file from a service.
"Not logged in", "not yours", "no such thing" and a malformed id all get the same
404, so a URL never tells whether something exists.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.services import accounts
from care_portal.services.authz import Viewer

logger = logging.getLogger(__name__)

NOT_FOUND = "No encontrado / Not found"
MAX_ID = 2**31 - 1  # the largest id an INTEGER primary key holds on PostgreSQL
PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}
_UNSAFE_IN_QUOTES = re.compile(r'[^\x20-\x7e]|["\\]')
_ID = re.compile(r"[1-9][0-9]{0,9}")


@dataclass(frozen=True)
class Download:
    """A file a service handed out: its bytes, type, the name the browser saves, and how it opens.

    Attributes:
        data: The file's bytes.
        content_type: Its media type (``application/pdf``, ``text/csv; charset=utf-8``...).
        filename: The name to save it under; may be non-ASCII.
        inline: Open in the browser (``inline``) rather than save (``attachment``).
    """

    data: bytes
    content_type: str
    filename: str
    inline: bool = False


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """Build a ``Content-Disposition`` header that keeps a non-ASCII name (RFC 6266 / RFC 5987).

    Args:
        filename: The name to save the file under.
        inline: ``inline`` instead of ``attachment``.

    Returns:
        ``attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded``.
    """
    kind = "inline" if inline else "attachment"
    folded = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    fallback = _UNSAFE_IN_QUOTES.sub("", folded).strip() or "documento"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def path_id(request: Request, name: str) -> int:
    """Read a numeric id from the URL path.

    Args:
        request: The request.
        name: The path parameter's name.

    Returns:
        The id.

    Raises:
        NotFound: The parameter is not a positive whole number a database id can be.
    """
    raw = str(request.path_params.get(name, ""))
    if not _ID.fullmatch(raw) or int(raw) > MAX_ID:
        raise NotFound()
    return int(raw)


def client_ip(request: Request) -> str:
    """The caller's address, for the audit log."""
    return request.client.host if request.client else ""


def not_found() -> Response:
    """The one answer for anything a caller may not have."""
    return PlainTextResponse(NOT_FOUND, status_code=404, headers=PRIVATE_HEADERS)


def private_response(download: Download) -> Response:
    """Send a file with headers that keep it out of shared caches and stop type sniffing."""
    return Response(
        download.data,
        media_type=download.content_type,
        headers={
            **PRIVATE_HEADERS,
            "Content-Disposition": content_disposition(download.filename, inline=download.inline),
        },
    )


def authorised_download(request: Request, fetch: Callable[[Session, Viewer | None], Download]) -> Response:
    """Resolve the user from the session cookie, fetch the file through a service, send it privately.

    Call it from a plain ``def`` route (it does database work and may render PDFs).

    Args:
        request: The request (its session cookie says who asks).
        fetch: Calls the service with the session and the viewer (``None`` when nobody is
            logged in); raises a ``DomainError`` when the viewer may not have the file.

    Returns:
        The file, or the same 404 for "not logged in", "not yours", "not found" and a bad id.
    """
    try:
        with session_scope() as session:
            viewer = accounts.resolve_session(session, token=request.cookies.get(accounts.SESSION_COOKIE, ""))
            download = fetch(session, viewer)
    except DomainError:
        return not_found()
    except OSError:
        logger.exception("stored file unreadable for %s", request.url.path)
        return not_found()
    return private_response(download)
