"""Translated text inside components, switching with the language cookie."""

from __future__ import annotations

import reflex as rx

from care_portal.i18n import tr_pair
from care_portal.i18n.title_texts import english_title
from care_portal.state.session import SessionState


def t(key: str) -> rx.Var:
    """Return a reactive text: Spanish by default, English when chosen.

    Args:
        key: Catalogue key.

    Returns:
        A string var that follows the language switch.
    """
    es, en = tr_pair(key)
    return rx.cond(SessionState.is_en, en, es)


def t_list(key: str) -> list[rx.Var]:
    """Return the ``|``-separated parts of a message as reactive texts."""
    es, en = tr_pair(key)
    return [rx.cond(SessionState.is_en, e, s) for s, e in zip(es.split("|"), en.split("|"), strict=True)]


def page_title(spanish: str) -> rx.Var | str:
    """Return a page's browser tab title that follows the language switch.

    Args:
        spanish: The page's Spanish title, «Facturas · Cuidado en Casa».

    Returns:
        A reactive title (English for an English reader), or the Spanish text when it has no
        translation (``i18n.title_texts``).
    """
    english = english_title(spanish)
    if english is None or english == spanish:
        return spanish
    return rx.cond(SessionState.is_en, english, spanish)
