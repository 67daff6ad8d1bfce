"""Recruiting rules: stage moves, survey questions and answers, the candidate form, the CV."""

from __future__ import annotations

from enum import StrEnum

from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.files import DOCX, PDF, sniff_type
from care_portal.domain.identifiers import normalise_phone, normalise_postal_code
from care_portal.domain.upload_limits import (
    CV_MAX_BYTES,
    TOO_LARGE,
    TOO_MANY,
    WRONG_TYPE,
    megabytes,
    refused_pick_error,
)

MAX_OPTIONS = 10
AREAS = ("madrid", "barcelona", "valencia", "sevilla", "zaragoza", "malaga", "bilbao")
AREA_PROVINCE_CODE = {
    "madrid": "28",
    "barcelona": "08",
    "valencia": "46",
    "sevilla": "41",
    "zaragoza": "50",
    "malaga": "29",
    "bilbao": "48",
}
DAYS = ("lun", "mar", "mie", "jue", "vie", "sab", "dom")
SLOTS = ("manana", "tarde")
AVAILABILITY = tuple(f"{day}-{slot}" for day in DAYS for slot in SLOTS)


class Stage(StrEnum):
    """Where an application is; ``draft`` until the candidate submits it."""

    DRAFT = "draft"
    NEW = "new"
    REVIEW = "review"
    INTERVIEW = "interview"
    HIRED = "hired"
    REJECTED = "rejected"


class QuestionKind(StrEnum):
    """The kinds of survey question."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    SCALE = "scale"
    TEXT = "text"


class OfferStatus(StrEnum):
    """Whether candidates can see and apply to an offer."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


_MOVES: dict[Stage, tuple[Stage, ...]] = {
    Stage.DRAFT: (),
    Stage.NEW: (Stage.REVIEW, Stage.REJECTED),
    Stage.REVIEW: (Stage.INTERVIEW, Stage.REJECTED),
    Stage.INTERVIEW: (Stage.HIRED, Stage.REJECTED),
    Stage.HIRED: (),
    Stage.REJECTED: (Stage.REVIEW,),
}


class InvalidStageMove(DomainError):
    """A recruiter tried a move the process does not allow."""

    def __init__(self) -> None:
        """Create the error."""
        super().__init__("rec.error.bad_move")


def allowed_moves(current: str) -> tuple[Stage, ...]:
    """Return the stages a recruiter may move an application to from ``current``.

    Drafts are moved only by the candidate's submission; hired is final; a
    rejected application can be taken back into review.

    Args:
        current: The application's stage.

    Returns:
        The reachable stages, in the order buttons show them (empty when none).
    """
    try:
        return _MOVES[Stage(current)]
    except ValueError:
        return ()


def check_move(current: str, target: str) -> Stage:
    """Return the target stage when the move is allowed.

    Raises:
        InvalidStageMove: The move is not in :func:`allowed_moves`.
    """
    if target not in {s.value for s in allowed_moves(current)}:
        raise InvalidStageMove()
    return Stage(target)


def clean_question(kind: str, prompt: str, options_text: str) -> tuple[QuestionKind, str, list[str]]:
    """Validate a survey question as a recruiter typed it.

    Args:
        kind: One of :class:`QuestionKind`.
        prompt: The question text.
        options_text: Choices, one a line (only for single and multiple choice).

    Returns:
        ``(kind, prompt, options)`` cleaned.

    Raises:
        ValidationFailed: With keys for ``kind``, ``prompt`` or ``options``.
    """
    errors: dict[str, str] = {}
    prompt = " ".join((prompt or "").split())
    if not 3 <= len(prompt) <= 300:
        errors["prompt"] = "rec.error.prompt"
    try:
        parsed_kind = QuestionKind(kind)
    except ValueError:
        errors["kind"] = "rec.error.kind"
        parsed_kind = QuestionKind.TEXT
    options: list[str] = []
    if parsed_kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        for line in (options_text or "").splitlines():
            option = " ".join(line.split())[:120]
            if option and option not in options:
                options.append(option)
        if not 2 <= len(options) <= MAX_OPTIONS:
            errors["options"] = "rec.error.options"
    if errors:
        raise ValidationFailed(errors)
    return parsed_kind, prompt, options


def answer_problem(kind: str, options: list[str], required: bool, values: list[str]) -> str | None:
    """Return the message key of what is wrong with an answer, or None when it is fine.

    Args:
        kind: The question kind.
        options: The question's choices (choice questions).
        required: Whether an answer is needed.
        values: The answer: chosen options, the scale value or the text, as strings.
    """
    values = [v.strip() for v in values if v and v.strip()]
    if not values:
        return "rec.error.answer_required" if required else None
    if kind == QuestionKind.SINGLE:
        return None if len(values) == 1 and values[0] in options else "rec.error.answer_choice"
    if kind == QuestionKind.MULTIPLE:
        return (
            None
            if all(v in options for v in values) and len(set(values)) == len(values)
            else ("rec.error.answer_choice")
        )
    if kind == QuestionKind.SCALE:
        return (
            None if len(values) == 1 and values[0] in {"1", "2", "3", "4", "5"} else "rec.error.answer_scale"
        )
    if kind == QuestionKind.TEXT:
        return None if len(values) == 1 and len(values[0]) <= 2000 else "rec.error.answer_text"
    return "rec.error.answer_choice"


def clean_application_form(form: dict) -> dict:
    """Validate the candidate's form.

    Args:
        form: Raw values: ``full_name``, ``phone``, ``postal_code``, ``areas`` (list),
            ``experience_years``, ``experience``, ``languages``, ``driving_licence``
            (bool), ``availability`` (list of ``day-slot``), ``privacy`` (bool), ``stay_in_pool``
            (bool: optional consent to be kept for future offers if not selected).

    Returns:
        The cleaned values, ready for the application row (without ``privacy``).

    Raises:
        ValidationFailed: One key per bad field.
    """
    errors: dict[str, str] = {}
    full_name = " ".join(str(form.get("full_name", "")).split())
    if not 2 <= len(full_name) <= 120:
        errors["full_name"] = "auth.name_required"
    phone = normalise_phone(str(form.get("phone", "")))
    if phone is None:
        errors["phone"] = "rec.error.phone"
    postal_code = normalise_postal_code(str(form.get("postal_code", "")))
    if postal_code is None:
        errors["postal_code"] = "rec.error.postal_code"
    areas = [a for a in AREAS if a in set(form.get("areas") or [])]
    if not areas:
        errors["areas"] = "rec.error.areas"
    try:
        years = int(str(form.get("experience_years", "0")).strip() or "0")
    except ValueError:
        years = -1
    if not 0 <= years <= 60:
        errors["experience_years"] = "rec.error.years"
    experience = str(form.get("experience", "")).strip()
    if len(experience) > 3000:
        errors["experience"] = "rec.error.too_long"
    languages = " ".join(str(form.get("languages", "")).split())
    if not languages:
        errors["languages"] = "rec.error.languages"
    elif len(languages) > 200:
        errors["languages"] = "rec.error.too_long"
    availability = [slot for slot in AVAILABILITY if slot in set(form.get("availability") or [])]
    if not availability:
        errors["availability"] = "rec.error.availability"
    if not form.get("privacy"):
        errors["privacy"] = "rec.error.privacy"
    if errors:
        raise ValidationFailed(errors)
    return {
        "full_name": full_name,
        "phone": phone,
        "postal_code": postal_code,
        "areas": areas,
        "experience_years": years,
        "experience": experience,
        "languages": languages,
        "driving_licence": bool(form.get("driving_licence")),
        "availability": availability,
        "stay_in_pool": bool(form.get("stay_in_pool")),
    }


CV_PICKER_ACCEPT = {
    "application/pdf": [".pdf"],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
}
"""What the CV picker lets the browser pick (``check_cv`` checks the bytes again)."""


def refused_cv_error(rejected: list) -> DomainError | None:
    """Return the ``cv`` field's message for a CV the picker refused in the browser (nothing was sent).

    Args:
        rejected: The refusal reasons the upload zone sends (``refusal_codes``).
    """
    return refused_pick_error(
        rejected,
        field="cv",
        keys={
            TOO_MANY: "rec.error.cv_one_file",
            TOO_LARGE: "rec.error.cv_too_large",
            WRONG_TYPE: "rec.error.cv_type",
            "": "rec.error.cv_type",
        },
        params={"megabytes": megabytes(CV_MAX_BYTES)},
    )


def check_cv(data: bytes, max_bytes: int = CV_MAX_BYTES) -> str:
    """Return ``"pdf"`` or ``"docx"`` for an acceptable CV.

    Raises:
        DomainError: On the ``cv`` field: empty, too large, or not a PDF/DOCX by content.
    """
    if not data:
        raise DomainError("rec.error.cv_missing", field="cv")
    if len(data) > max_bytes:
        raise DomainError("rec.error.cv_too_large", field="cv", megabytes=megabytes(max_bytes))
    kind = sniff_type(data)
    if kind not in (PDF, DOCX):
        raise DomainError("rec.error.cv_type", field="cv")
    return kind
