"""Translated text inside components, switching with the language cookie."""

from __future__ import annotations

import reflex as rx

from care_portal.i18n import tr_pair
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
