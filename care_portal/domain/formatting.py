"""How amounts and instants are shown: euros in es-ES format, times in Europe/Madrid."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

MADRID = ZoneInfo("Europe/Madrid")


def format_euros(cents: int) -> str:
    """Format integer cents as euros the Spanish way.

    Args:
        cents: Amount in euro cents (may be negative).

    Returns:
        For example ``"1.234,50 €"`` or ``"-12,35 €"``.
    """
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{sign}{grouped},{rest:02d}\u00a0€"


def to_madrid(instant: datetime) -> datetime:
    """Convert an aware instant to Europe/Madrid wall-clock time.

    Args:
        instant: An aware datetime (naive values are taken as UTC).

    Returns:
        The same instant in Europe/Madrid.
    """
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(MADRID)


def format_datetime(instant: datetime | None) -> str:
    """Format an instant as ``dd/mm/yyyy HH:MM`` in Europe/Madrid, or ``""``."""
    if instant is None:
        return ""
    return to_madrid(instant).strftime("%d/%m/%Y %H:%M")


def format_date(instant: datetime | None) -> str:
    """Format an instant as ``dd/mm/yyyy`` in Europe/Madrid, or ``""``."""
    if instant is None:
        return ""
    return to_madrid(instant).strftime("%d/%m/%Y")
