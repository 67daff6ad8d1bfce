"""Legal text in Spanish, the version that governs, with an English translation for English readers."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t
from care_portal.state.session import SessionState


def legal_text(spanish: str, english: str, *, text_id: str, **props) -> rx.Component:
    """Show a legal text in Spanish (marked ``lang="es"``) and, to English readers, its translation.

    In English mode the translation comes first, with a note that the Spanish version governs.

    Args:
        spanish: The governing text.
        english: Its translation, for information.
        text_id: The Spanish text's element id (the English one gets ``<id>-en``).
        **props: Styling for both texts (size, color_scheme, margins).

    Returns:
        The texts.
    """
    return rx.fragment(
        rx.cond(
            SessionState.is_en,
            rx.box(
                rx.text(english, id=f"{text_id}-en", custom_attrs={"lang": "en"}, **props),
                rx.text(t("legal.spanish_governs"), size="1", weight="medium", id=f"{text_id}-note"),
            ),
        ),
        rx.text(spanish, id=text_id, custom_attrs={"lang": "es"}, **props),
    )
