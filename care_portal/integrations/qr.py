"""QR codes as PNG images (error correction M), for the invoice PDF."""

from __future__ import annotations

import base64
import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def qr_png(data: str) -> bytes:
    """Return a QR code of ``data`` as PNG bytes, error correction level M."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()


def qr_data_uri(data: str) -> str:
    """Return the QR code of ``data`` as a ``data:image/png;base64,…`` URI."""
    return "data:image/png;base64," + base64.b64encode(qr_png(data)).decode("ascii")
