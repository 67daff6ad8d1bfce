"""Translation layer: Spanish first, English second.

Messages live in :mod:`care_portal.i18n.catalog` as ``key: (spanish, english)``.
Python code uses :func:`tr`; components use :func:`care_portal.components.i18n.t`.
"""

from __future__ import annotations

import os

from care_portal.i18n.catalog import CATALOG

LANGUAGES = ("es", "en")
STRICT_ENV = "I18N_STRICT"  # set (as the tests do) to make an unknown key an error, not a visible key


class UnknownMessageKey(KeyError):
    """A message key that is not in the catalogue (raised only when ``I18N_STRICT`` is set)."""


def _pair(key: str) -> tuple[str, str] | None:
    pair = CATALOG.get(key)
    if pair is None and os.environ.get(STRICT_ENV):
        raise UnknownMessageKey(key)
    return pair


def tr(key: str, lang: str = "es", **params: object) -> str:
    """Translate a message key.

    Args:
        key: Catalogue key; an unknown key is returned as it is (an error when ``I18N_STRICT`` is set).
        lang: ``"es"`` or ``"en"``.
        **params: Values for ``{name}`` placeholders.

    Returns:
        The message in the language asked for.
    """
    pair = _pair(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text


def tr_pair(key: str) -> tuple[str, str]:
    """Return the (Spanish, English) texts of a key."""
    return _pair(key) or (key, key)
