"""Recruiting rules: every stage move, survey questions and answers, the form, the CV check."""

from __future__ import annotations

import io
import itertools
import zipfile

import pytest

from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.recruiting import (
    CV_MAX_BYTES,
    InvalidStageMove,
    Stage,
    allowed_moves,
    answer_problem,
    check_cv,
    check_move,
    clean_application_form,
    clean_question,
)

EXPECTED_MOVES = {
    ("new", "review"),
    ("new", "rejected"),
    ("review", "interview"),
    ("review", "rejected"),
    ("interview", "hired"),
    ("interview", "rejected"),
    ("rejected", "review"),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product([s.value for s in Stage], repeat=2)))
def test_every_pair_of_stages_is_allowed_exactly_when_the_process_says_so(current, target):
    allowed = (current, target) in EXPECTED_MOVES
    assert (target in allowed_moves(current)) is allowed
    if allowed:
        assert check_move(current, target) == Stage(target)
    else:
        with pytest.raises(InvalidStageMove):
            check_move(current, target)


def test_hired_is_final_and_drafts_move_only_by_submission():
    assert allowed_moves("hired") == ()
    assert allowed_moves("draft") == ()
    assert allowed_moves("nonsense") == ()


def test_choice_question_needs_two_distinct_options():
    kind, prompt, options = clean_question("single", "  ¿Tienes   coche? ", "Sí\n\nNo\nSí\n")
    assert (kind, prompt, options) == ("single", "¿Tienes coche?", ["Sí", "No"])
    with pytest.raises(ValidationFailed) as caught:
        clean_question("multiple", "¿Qué idiomas?", "Solo uno")
    assert caught.value.errors == {"options": "rec.error.options"}


def test_scale_and_text_questions_ignore_options_and_bad_input_is_refused():
    assert clean_question("scale", "¿Cuánta paciencia tienes?", "a\nb")[2] == []
    with pytest.raises(ValidationFailed) as caught:
        clean_question("dropdown", "x", "")
    assert caught.value.errors == {"kind": "rec.error.kind", "prompt": "rec.error.prompt"}


@pytest.mark.parametrize(
    ("kind", "required", "values", "problem"),
    [
        ("single", True, [], "rec.error.answer_required"),
        ("single", False, [], None),
        ("single", True, ["Sí"], None),
        ("single", True, ["Sí", "No"], "rec.error.answer_choice"),
        ("single", True, ["Quizá"], "rec.error.answer_choice"),
        ("multiple", True, ["Sí", "No"], None),
        ("multiple", True, ["Sí", "Sí"], "rec.error.answer_choice"),
        ("multiple", True, ["Otro"], "rec.error.answer_choice"),
        ("scale", True, ["5"], None),
        ("scale", True, ["6"], "rec.error.answer_scale"),
        ("scale", True, ["0"], "rec.error.answer_scale"),
        ("text", True, ["   "], "rec.error.answer_required"),
        ("text", True, ["Cuidé a mi abuela"], None),
        ("text", True, ["x" * 2001], "rec.error.answer_text"),
    ],
)
def test_answers_are_checked_against_their_question(kind, required, values, problem):
    assert answer_problem(kind, ["Sí", "No"], required, values) == problem


def _form(**overrides):
    form = {
        "full_name": "Marta  Ruiz",
        "phone": "612 345 678",
        "postal_code": "28012",
        "areas": ["madrid", "atlantis"],
        "experience_years": "4",
        "experience": "Residencia",
        "languages": "español, rumano",
        "driving_licence": True,
        "availability": ["lun-manana", "never"],
        "privacy": True,
    }
    return {**form, **overrides}


def test_a_good_form_is_cleaned():
    cleaned = clean_application_form(_form())
    assert cleaned["full_name"] == "Marta Ruiz"
    assert cleaned["phone"] == "+34612345678"
    assert cleaned["areas"] == ["madrid"]
    assert cleaned["availability"] == ["lun-manana"]
    assert cleaned["experience_years"] == 4


def test_a_bad_form_names_every_field_and_requires_the_privacy_notice():
    with pytest.raises(ValidationFailed) as caught:
        clean_application_form(
            _form(
                phone="12",
                postal_code="99999",
                areas=[],
                experience_years="mucho",
                languages="",
                availability=[],
                privacy=False,
            )
        )
    assert caught.value.errors == {
        "phone": "rec.error.phone",
        "postal_code": "rec.error.postal_code",
        "areas": "rec.error.areas",
        "experience_years": "rec.error.years",
        "languages": "rec.error.languages",
        "availability": "rec.error.availability",
        "privacy": "rec.error.privacy",
    }


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_cv_is_recognised_by_content_not_by_name():
    assert check_cv(b"%PDF-1.4 cv") == "pdf"
    assert check_cv(_docx()) == "docx"
    for data, key in [
        (b"", "rec.error.cv_missing"),
        (b"MZ\x90\x00 an executable", "rec.error.cv_type"),
        (b"\x89PNG\r\n\x1a\n", "rec.error.cv_type"),
        (b"%PDF-" + b"0" * CV_MAX_BYTES, "rec.error.cv_too_large"),
    ]:
        with pytest.raises(DomainError) as caught:
            check_cv(data)
        assert (caught.value.key, caught.value.field) == (key, "cv")
