"""How much one upload may weigh: the one source of the numbers the field, the app and nginx use.

A browser sends everything picked in one upload zone as ONE request to ``/_upload``. So the
edge (``api/edge.py``) and the reverse proxy (``deploy/render_nginx.py``) must let through the
largest pick a form accepts (its most files at their largest), or a pick the form would take
is cut off with a bare 413 the page never shows. The upload zones use the per-file sizes as
``max_size``, so a file over them is refused in the browser with a message at the field
(``refused_pick_error``) before anything is sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from care_portal.domain.errors import DomainError

KIB = 1024
MIB = 1024 * KIB

PHOTO_MAX_BYTES = 15 * MIB
"""A phone photo (up to 50 Mpx) taken at a visit."""
PHOTOS_PER_REPORT = 4
DOCUMENT_MAX_BYTES = 8 * MIB
"""A care document or a message attachment (PDF, JPEG, PNG)."""
DOCUMENTS_PER_PICK = 10
CV_MAX_BYTES = 5 * MIB
MULTIPART_ALLOWANCE = 1 * MIB
"""The multipart wrapping around the files (boundaries, headers, names)."""

LARGEST_PICK_BYTES = max(
    PHOTO_MAX_BYTES * PHOTOS_PER_REPORT,
    DOCUMENT_MAX_BYTES * DOCUMENTS_PER_PICK,
    CV_MAX_BYTES,
)
UPLOAD_REQUEST_MAX_BYTES = LARGEST_PICK_BYTES + MULTIPART_ALLOWANCE
"""The largest request body ``/_upload`` accepts (edge and nginx)."""

# react-dropzone's codes for a refused file, and the field message each one gets.
TOO_LARGE = "file-too-large"
TOO_MANY = "too-many-files"
WRONG_TYPE = "file-invalid-type"


def megabytes(size: int) -> int:
    """Return a byte size in whole MB, as the messages show it."""
    return size // MIB


def nginx_body_size() -> str:
    """Return the upload request cap as nginx's ``client_max_body_size`` (whole MB, rounded up)."""
    return f"{-(-UPLOAD_REQUEST_MAX_BYTES // MIB)}m"


def refused_pick_error(
    rejected: Iterable[Mapping], *, field: str, keys: Mapping[str, str], params: Mapping[str, object]
) -> DomainError | None:
    """Return the field error for files the upload zone refused in the browser.

    Args:
        rejected: react-dropzone's rejections, ``{"file": {...}, "errors": [{"code": ...}]}``, or
            only their ``errors`` lists (what the upload zones send).
        field: The form field the message belongs to.
        keys: Catalogue key per refusal code (``TOO_LARGE``, ``TOO_MANY``, ``WRONG_TYPE``).
        params: Values for the messages (sizes in MB, counts).

    Returns:
        The error of the first refusal code that has a message (too many files first, then too
        large, then the wrong type), or None when nothing was refused.
    """
    codes = {
        str(error.get("code", ""))
        for item in rejected or []
        for error in (item.get("errors", []) if isinstance(item, Mapping) else item) or []
        if isinstance(error, Mapping)
    }
    for code in (TOO_MANY, TOO_LARGE, WRONG_TYPE):
        if code in codes and code in keys:
            return DomainError(keys[code], field=field, **params)
    if rejected and "" in keys:
        return DomainError(keys[""], field=field, **params)
    return None
