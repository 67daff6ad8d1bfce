"""How amounts and instants are shown, per language (Babel/CLDR), times always in Europe/Madrid.

Spanish: ``1.234,50 €`` and ``05/03/2026 14:07``; English: ``€1,234.50`` and ``5 Mar 2026, 14:07``;
a family's visit reads ``miércoles, 10 de junio de 2026, 10:00`` (:func:`format_appointment`).
Each function takes the language; without one it uses the language of the event being handled
(:func:`use_language`, set for every guarded handler from the person's language switch), else
Spanish. Documents with legal text in Spanish (invoices, e-mails) pass ``"es"`` themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as babel_datetime
from babel.numbers import format_currency

MADRID = ZoneInfo("Europe/Madrid")
LOCALES = {"es": "es_ES", "en": "en_GB"}
_DATETIME_PATTERNS = {"es": "dd/MM/yyyy HH:mm", "en": "d MMM yyyy, HH:mm"}
_DATE_PATTERNS = {"es": "dd/MM/yyyy", "en": "d MMM yyyy"}
# What a family reads for a visit: the weekday and the month in words, so nobody has to work out
# which day «23/12/2026» is (or whether it is 12 March or 3 December).
_APPOINTMENT_PATTERNS = {"es": "EEEE, d 'de' MMMM 'de' y, HH:mm", "en": "EEEE d MMMM y, HH:mm"}
_LANGUAGE: ContextVar[str] = ContextVar("care_portal_format_language", default="es")


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Make ``lang`` the default language of the formatting done inside the block.

    Worker threads started inside (``asyncio.to_thread``) inherit it; it ends with the block.

    Args:
        lang: ``"es"`` or ``"en"`` (anything else means Spanish).
    """
    token = _LANGUAGE.set(lang if lang in LOCALES else "es")
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def current_language() -> str:
    """Return the language formatting uses when none is passed."""
    return _LANGUAGE.get()


def _lang(lang: str | None) -> str:
    chosen = lang or _LANGUAGE.get()
    return chosen if chosen in LOCALES else "es"


def format_euros(cents: int, lang: str | None = None) -> str:
    """Format integer cents as euros in a language's way.

    Args:
        cents: Amount in euro cents (may be negative).
        lang: ``"es"`` or ``"en"``; ``None`` for the current event's language.

    Returns:
        For example ``"1.234,50 €"`` (Spanish, no-break space) or ``"€1,234.50"`` (English).
    """
    return _euros(cents, _lang(lang))


# Babel takes 30–70 µs per amount or instant (it walks the CLDR data each time); pages format the
# same prices and visit times on every event, on the event loop. The texts depend on nothing else.
@lru_cache(maxsize=8192)
def _euros(cents: int, lang: str) -> str:
    return format_currency(Decimal(cents) / 100, "EUR", locale=LOCALES[lang])


@lru_cache(maxsize=8192)
def _instant(instant: datetime, lang: str, pattern: str) -> str:
    return babel_datetime(to_madrid(instant), pattern, tzinfo=MADRID, locale=LOCALES[lang])


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


def format_datetime(instant: datetime | None, lang: str | None = None) -> str:
    """Format an instant's date and time in Europe/Madrid, or ``""``.

    Args:
        instant: An aware datetime (naive values are taken as UTC), or ``None``.
        lang: ``"es"`` or ``"en"``; ``None`` for the current event's language.

    Returns:
        ``"05/03/2026 14:07"`` in Spanish, ``"5 Mar 2026, 14:07"`` in English.
    """
    if instant is None:
        return ""
    chosen = _lang(lang)
    return _instant(instant, chosen, _DATETIME_PATTERNS[chosen])


def format_appointment(instant: datetime | None, lang: str | None = None) -> str:
    """Format a visit's appointment for a family, weekday and month in words, or ``""``.

    Args:
        instant: An aware datetime (naive values are taken as UTC), or ``None``.
        lang: ``"es"`` or ``"en"``; ``None`` for the current event's language.

    Returns:
        ``"miércoles, 10 de junio de 2026, 10:00"`` in Spanish, ``"Wednesday 10 June 2026, 10:00"``
        in English (Europe/Madrid wall-clock time).
    """
    if instant is None:
        return ""
    chosen = _lang(lang)
    return _instant(instant, chosen, _APPOINTMENT_PATTERNS[chosen])


def format_date(instant: datetime | None, lang: str | None = None) -> str:
    """Format an instant's date in Europe/Madrid, or ``""``.

    Args:
        instant: An aware datetime (naive values are taken as UTC), or ``None``.
        lang: ``"es"`` or ``"en"``; ``None`` for the current event's language.

    Returns:
        ``"05/03/2026"`` in Spanish, ``"5 Mar 2026"`` in English.
    """
    if instant is None:
        return ""
    chosen = _lang(lang)
    return _instant(instant, chosen, _DATE_PATTERNS[chosen])
