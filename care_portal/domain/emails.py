"""E-mail address normalisation and validation."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email


def normalise_email(raw: str) -> str | None:
    """Return the canonical lower-case form of an e-mail address, or None if invalid.

    Args:
        raw: What the user typed.

    Returns:
        The normalised address, or None when it is not a valid address.
    """
    candidate = (raw or "").strip()
    if not candidate or len(candidate) > 254:
        return None
    try:
        info = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return None
    return info.normalized.lower()
