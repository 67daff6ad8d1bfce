from datetime import UTC, datetime

import pytest

from care_portal.domain.emails import normalise_email
from care_portal.domain.formatting import format_date, format_datetime, format_euros
from care_portal.domain.identifiers import normalise_nif, normalise_phone, normalise_postal_code
from care_portal.domain.passwords import password_problem


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short", "password.too_short"),
        ("1234567890", "password.too_common"),
        ("password123", "password.too_common"),
        ("aaaaaaaaaaaa", "password.too_common"),
        ("x" * 129, "password.too_long"),
        ("maria.lopez-casa", "password.too_personal"),
        ("un paseo por el Retiro", None),
    ],
)
def test_password_policy(password, problem):
    assert password_problem(password, email="maria.lopez@example.es") == problem


def test_euros_are_shown_the_spanish_way():
    assert format_euros(123456) == "1.234,56\u00a0€"
    assert format_euros(5) == "0,05\u00a0€"
    assert format_euros(-1235) == "-12,35\u00a0€"
    assert format_euros(100000000) == "1.000.000,00\u00a0€"


def test_dates_are_shown_in_madrid_time_across_daylight_saving():
    winter = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)
    summer = datetime(2026, 7, 15, 23, 30, tzinfo=UTC)
    assert format_datetime(winter) == "16/01/2026 00:30"
    assert format_datetime(summer) == "16/07/2026 01:30"
    assert format_date(summer) == "16/07/2026"
    assert format_datetime(None) == ""


def test_emails_are_normalised_case_insensitively():
    assert normalise_email("  Maria.Lopez@Example.ES ") == "maria.lopez@example.es"
    assert normalise_email("no-at-sign") is None
    assert normalise_email("") is None


def test_spanish_identifiers():
    assert normalise_nif("es-12345678z") == "12345678Z"
    assert normalise_nif("12345678A") is None
    assert normalise_nif("x1234567l") == "X1234567L"
    assert normalise_postal_code("28013") == "28013"
    assert normalise_postal_code("99999") is None
    assert normalise_phone("612 345 678") == "+34612345678"
    assert normalise_phone("123") is None
    assert normalise_phone("+34 (612) 345-678") == "+34612345678"


def test_phone_numbers_with_letters_are_refused_not_read_as_keypad_digits():
    assert normalise_phone("6123abc78") is None
    assert normalise_phone("612 345 678 ext") is None
    assert normalise_phone("TEL612345678") is None
