"""VeriFactu (RD 1007/2023): the chained SHA-256 fingerprint and the AEAT check URL."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from care_portal.domain.formatting import to_madrid

CHECK_URL_PRODUCTION = "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"
CHECK_URL_TEST = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"


@dataclass(frozen=True)
class IssueFingerprintInput:
    """The values an issued invoice's record hashes, already formatted."""

    issuer_nif: str
    number: str
    issue_date: str
    invoice_type: str
    tax_total: str
    total: str
    previous_fingerprint: str
    generated_at: str


def format_amount(cents: int) -> str:
    """Format cents as the record does: a dot and two decimals (``"-12.35"``)."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole}.{rest:02d}"


def format_record_date(instant: datetime) -> str:
    """Return the Europe/Madrid date of an instant as ``dd-mm-yyyy``."""
    return to_madrid(instant).strftime("%d-%m-%Y")


def format_generated_at(instant: datetime) -> str:
    """Return an instant as ISO 8601 with the Europe/Madrid offset, to the second."""
    return to_madrid(instant).replace(microsecond=0).isoformat()


def issue_fingerprint_text(values: IssueFingerprintInput) -> str:
    """Return the one-line text hashed for an issued invoice (values trimmed)."""
    parts = [
        ("IDEmisorFactura", values.issuer_nif),
        ("NumSerieFactura", values.number),
        ("FechaExpedicionFactura", values.issue_date),
        ("TipoFactura", values.invoice_type),
        ("CuotaTotal", values.tax_total),
        ("ImporteTotal", values.total),
        ("Huella", values.previous_fingerprint),
        ("FechaHoraHusoGenRegistro", values.generated_at),
    ]
    return "&".join(f"{name}={value.strip()}" for name, value in parts)


def issue_fingerprint(values: IssueFingerprintInput) -> str:
    """Return the SHA-256 fingerprint (64 uppercase hex) of an issued invoice's record."""
    return sha256_upper(issue_fingerprint_text(values))


def cancellation_fingerprint(
    *, issuer_nif: str, number: str, issue_date: str, previous_fingerprint: str, generated_at: str
) -> str:
    """Return the fingerprint of a cancellation record (registro de anulación)."""
    parts = [
        ("IDEmisorFacturaAnulada", issuer_nif),
        ("NumSerieFacturaAnulada", number),
        ("FechaExpedicionFacturaAnulada", issue_date),
        ("Huella", previous_fingerprint),
        ("FechaHoraHusoGenRegistro", generated_at),
    ]
    return sha256_upper("&".join(f"{name}={value.strip()}" for name, value in parts))


def sha256_upper(text: str) -> str:
    """Return the SHA-256 of a UTF-8 text as 64 uppercase hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest().upper()


def check_url(*, issuer_nif: str, number: str, issue_date: str, total: str, production: bool) -> str:
    """Return the AEAT check URL the invoice's QR code carries.

    Args:
        issuer_nif: NIF of the issuer.
        number: Series and number of the invoice.
        issue_date: ``dd-mm-yyyy``.
        total: Total with a dot (``"123.45"``).
        production: Whether to use the real AEAT host (else its test host).

    Returns:
        The URL with its query string encoded.
    """
    base = CHECK_URL_PRODUCTION if production else CHECK_URL_TEST
    query = urlencode({"nif": issuer_nif, "numserie": number, "fecha": issue_date, "importe": total})
    return f"{base}?{query}"
