"""Files chosen in a form wait in private storage until the form is saved.

The browser sends a file as soon as it is picked (``rx.upload`` ``on_drop``);
it is checked at once (size, real type) so the person sees a problem at the
field, then kept under a random private name. Only names and keys live in the
state, never the bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol

from care_portal.domain.errors import DomainError
from care_portal.integrations.storage import private_root, read_private, save_private
from care_portal.services.care_documents import MAX_DOCUMENT_BYTES, Attachment, check_file

STAGING_AREA = "staging"


class UploadedFile(Protocol):
    """What an upload handler receives (Reflex's ``rx.UploadFile`` fits)."""

    file: BinaryIO
    filename: str | None
    path: Path | None


def stage_upload(upload: UploadedFile) -> tuple[str, str]:
    """Check one uploaded file and keep it privately until the form is saved.

    Args:
        upload: The file received by the upload handler.

    Returns:
        ``(storage_key, display_name)``.

    Raises:
        DomainError: The file is too large, empty, of a wrong type or badly named.
    """
    data = upload.file.read(MAX_DOCUMENT_BYTES + 1)
    checked = check_file(Attachment(str(upload.path or upload.filename or ""), data))
    extension = {"pdf": "pdf", "jpeg": "jpg", "png": "png"}[checked.kind]
    return save_private(STAGING_AREA, checked.data, extension), checked.display_name


def staged_attachment(key: str, name: str) -> Attachment:
    """Return a staged file as an attachment for the services."""
    if not key.startswith(f"{STAGING_AREA}/"):
        raise DomainError("errors.not_found")
    return Attachment(name, read_private(key))


def discard_staged(keys: list[str]) -> None:
    """Delete staged files (after saving, or when the person removes them)."""
    root = private_root().resolve()
    for key in keys:
        path = (root / key).resolve()
        if key.startswith(f"{STAGING_AREA}/") and root in path.parents:
            path.unlink(missing_ok=True)
