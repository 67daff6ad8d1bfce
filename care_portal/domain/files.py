"""Recognising uploaded files by their bytes, not by their name."""

from __future__ import annotations

import io
import re
import zipfile

PDF, JPEG, PNG, DOCX = "pdf", "jpeg", "png", "docx"
MIME = {
    PDF: "application/pdf",
    JPEG: "image/jpeg",
    PNG: "image/png",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EXTENSION = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx"}


def sniff_type(data: bytes) -> str | None:
    """Return ``"pdf"``, ``"jpeg"``, ``"png"`` or ``"docx"`` from the content, or None.

    Args:
        data: The whole file.

    Returns:
        The recognised kind, or None for anything else (executables included).
    """
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return DOCX
    return None


def safe_display_name(raw: str, fallback: str = "documento") -> str:
    """Return a file name fit to show: no folders, no control characters, at most 120 chars."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    return (name or fallback)[:120]
