"""The structured parts of a visit report and of a rating: allowed values and validation, no database."""

from __future__ import annotations

from dataclasses import dataclass

from care_portal.domain.errors import ValidationFailed

MOODS = ("good", "fair", "low", "not_observed")
MEALS = ("normal", "partial", "poor", "not_observed")
HYDRATION = ("good", "low", "not_observed")
MOBILITY = ("as_usual", "reduced", "needs_help", "not_observed")
MEDICATION = ("yes", "no", "not_applicable")
SEVERITIES = ("none", "minor", "moderate", "serious")
SERIOUS = "serious"

CHOICES: dict[str, tuple[str, ...]] = {
    "mood": MOODS,
    "meals": MEALS,
    "hydration": HYDRATION,
    "mobility": MOBILITY,
    "medication": MEDICATION,
    "concern_severity": SEVERITIES,
}
"""Each structured field and its values, in the order the form shows them."""

MAX_CONCERN = 2000
MAX_COMMENT = 2000
LOW_RATING = 2
"""A rating at or below this is flagged to admins and may ask the team to call."""


@dataclass(frozen=True)
class ReportPartsInput:
    """The structured parts as chosen in the report form (all text)."""

    mood: str = "not_observed"
    meals: str = "not_observed"
    hydration: str = "not_observed"
    mobility: str = "not_observed"
    medication: str = "not_applicable"
    concern: str = ""
    concern_severity: str = "none"


def check_parts(parts: ReportPartsInput) -> dict[str, str]:
    """Return the problems of a report's structured parts as ``field → message key`` (empty: fine).

    Every choice must be one of its field's values; a concern needs a severity other than
    «none», and a severity needs a concern written.
    """
    errors = {
        name: "reports.bad_choice" for name, allowed in CHOICES.items() if getattr(parts, name) not in allowed
    }
    concern = parts.concern.strip()
    if len(concern) > MAX_CONCERN:
        errors["concern"] = "reports.concern_too_long"
    elif concern and parts.concern_severity == "none":
        errors["concern_severity"] = "reports.severity_required"
    elif not concern and parts.concern_severity in SEVERITIES[1:]:
        errors["concern"] = "reports.concern_required"
    return errors


def clean_parts(parts: ReportPartsInput) -> ReportPartsInput:
    """Return the parts checked and trimmed.

    Raises:
        ValidationFailed: A value outside its choices, or a concern without severity (or the reverse).
    """
    errors = check_parts(parts)
    if errors:
        raise ValidationFailed(errors)
    return ReportPartsInput(
        mood=parts.mood,
        meals=parts.meals,
        hydration=parts.hydration,
        mobility=parts.mobility,
        medication=parts.medication,
        concern=parts.concern.strip(),
        concern_severity=parts.concern_severity,
    )


def check_rating(stars: int | str, comment: str) -> tuple[int, str]:
    """Return a rating's stars and trimmed comment.

    Raises:
        ValidationFailed: Stars outside 1–5 (or not a number), or a comment too long.
    """
    errors: dict[str, str] = {}
    try:
        value = int(stars)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 5:
        errors["stars"] = "ratings.stars_required"
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT:
        errors["comment"] = "ratings.comment_too_long"
    if errors:
        raise ValidationFailed(errors)
    return value, text


def is_low(stars: int) -> bool:
    """Whether a rating is low enough to flag to admins."""
    return stars <= LOW_RATING
