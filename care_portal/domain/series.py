"""Numbered visits: the visits of a pack or of a plan's period read «visita 2 de 4»."""

from __future__ import annotations

from care_portal.i18n import tr


def visit_ordinal_label(sequence_number: int | None, sequence_total: int | None, lang: str = "es") -> str:
    """Return «visita N de M» (or "visit N of M") for a numbered visit.

    Args:
        sequence_number: The visit's place in its pack or period (1-based), or None.
        sequence_total: How many visits the pack or period has, or None.
        lang: ``"es"`` or ``"en"``.

    Returns:
        The label, or ``""`` when the visit is not part of a series (no numbers, or 1 of 1).
    """
    if not sequence_number or not sequence_total or sequence_total <= 1:
        return ""
    return tr("series.visit_of", lang, number=sequence_number, total=sequence_total)


def service_with_ordinal(
    service_name: str, sequence_number: int | None, sequence_total: int | None, lang: str
) -> str:
    """Return «Visita de compañía (visita 2 de 4)», or the bare name for a single visit."""
    label = visit_ordinal_label(sequence_number, sequence_total, lang)
    return f"{service_name} ({label})" if label else service_name


def date_with_ordinal(
    date_text: str, sequence_number: int | None, sequence_total: int | None, lang: str
) -> str:
    """Return «12/05/2026 10:00 — visita 1 de 8», or the bare date for a single visit."""
    label = visit_ordinal_label(sequence_number, sequence_total, lang)
    return f"{date_text} — {label}" if label else date_text
