"""Spanish identifiers: NIF/NIE/CIF, postal codes and phone numbers."""

from __future__ import annotations

import phonenumbers
from stdnum.es import nif as es_nif
from stdnum.es import postal_code as es_postal_code
from stdnum.exceptions import ValidationError


def normalise_nif(raw: str) -> str | None:
    """Return the compact NIF/NIE/CIF, or None when it is not valid.

    Accepts lower case, spaces, dashes and an ``ES`` prefix.
    """
    candidate = (raw or "").strip().upper().replace(" ", "").replace("-", "").replace(".", "")
    if candidate.startswith("ES"):
        candidate = candidate[2:]
    try:
        return es_nif.validate(candidate)
    except ValidationError:
        return None


def normalise_postal_code(raw: str) -> str | None:
    """Return a valid Spanish postal code, or None."""
    try:
        return es_postal_code.validate((raw or "").strip())
    except ValidationError:
        return None


def normalise_phone(raw: str) -> str | None:
    """Return the phone number in E.164 (region ES by default), or None when invalid."""
    try:
        number = phonenumbers.parse((raw or "").strip(), "ES")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

