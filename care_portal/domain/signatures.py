"""A signature drawn on the phone screen (a PNG data URL) or typed: checked here, no database."""

from __future__ import annotations

import base64
import binascii
import io
import unicodedata

from PIL import Image, UnidentifiedImageError

from care_portal.domain.errors import DomainError

PREFIX = "data:image/png;base64,"
MAX_SIGNATURE_BYTES = 400 * 1024
MAX_SIDE = 2000
MIN_SIDE = 40


def decode_drawn(data_url: str) -> bytes | None:
    """Return the PNG bytes of a drawn signature, or None when nothing was drawn.

    Raises:
        DomainError: ``reports.signature_bad`` for anything that is not a sane PNG image.
    """
    data_url = (data_url or "").strip()
    if not data_url:
        return None
    if not data_url.startswith(PREFIX) or len(data_url) > MAX_SIGNATURE_BYTES * 4 // 3 + len(PREFIX) + 4:
        raise DomainError("reports.signature_bad", field="signature")
    try:
        data = base64.b64decode(data_url[len(PREFIX) :], validate=True)
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG" or not all(MIN_SIDE <= side <= MAX_SIDE for side in image.size):
                raise DomainError("reports.signature_bad", field="signature")
            image.verify()
    except (binascii.Error, UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise DomainError("reports.signature_bad", field="signature") from error
    return data


def _folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


def typed_matches(typed: str, signer_name: str) -> bool:
    """Whether a typed signature is the signer's name (ignoring case, accents and spacing)."""
    return bool(_folded(typed)) and _folded(typed) == _folded(signer_name)


def check_signature(drawn: bytes | None, typed: str, signer_name: str) -> None:
    """A consent signed at the door needs a drawn signature or the signer's name typed as one.

    Raises:
        DomainError: ``reports.signature_required`` or ``reports.signature_typed_mismatch``.
    """
    if drawn is not None:
        return
    if not (typed or "").strip():
        raise DomainError("reports.signature_required", field="signature")
    if not typed_matches(typed, signer_name):
        raise DomainError("reports.signature_typed_mismatch", field="signature_typed")
