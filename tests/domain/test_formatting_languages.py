"""Amounts and dates per language (Babel/CLDR), always in Madrid time."""

import contextvars
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest

from care_portal.domain.formatting import (
    current_language,
    format_appointment,
    format_date,
    format_datetime,
    format_euros,
    use_language,
)


@pytest.mark.parametrize(
    ("cents", "spanish", "english"),
    [
        (123450, "1.234,50\u00a0€", "€1,234.50"),
        (5, "0,05\u00a0€", "€0.05"),
        (-1235, "-12,35\u00a0€", "-€12.35"),
        (100000000, "1.000.000,00\u00a0€", "€1,000,000.00"),
    ],
)
def test_euros_in_each_language(cents, spanish, english):
    assert format_euros(cents, "es") == spanish
    assert format_euros(cents, "en") == english


def test_dates_in_each_language_are_madrid_wall_clock_time():
    winter = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)  # CET, UTC+1
    summer = datetime(2026, 7, 15, 23, 30, tzinfo=UTC)  # CEST, UTC+2
    assert format_datetime(winter, "es") == "16/01/2026 00:30"
    assert format_datetime(winter, "en") == "16 Jan 2026, 00:30"
    assert format_datetime(summer, "en") == "16 Jul 2026, 01:30"
    assert format_date(summer, "es") == "16/07/2026"
    assert format_date(summer, "en") == "16 Jul 2026"
    assert format_date(None, "en") == ""


def test_a_familys_appointment_names_the_weekday_and_month_in_madrid_time():
    late_evening = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # already New Year's Day in Madrid
    assert format_appointment(late_evening, "es") == "viernes, 1 de enero de 2027, 00:30"
    assert format_appointment(late_evening, "en") == "Friday 1 January 2027, 00:30"
    summer = datetime(2026, 7, 15, 8, 0, tzinfo=UTC)  # CEST
    assert format_appointment(summer, "es") == "miércoles, 15 de julio de 2026, 10:00"
    with use_language("en"):
        assert format_appointment(summer) == "Wednesday 15 July 2026, 10:00"
    assert format_appointment(None, "es") == ""
    # A naive value is taken as UTC.
    assert format_datetime(datetime(2026, 7, 15, 23, 30), "es") == "16/07/2026 01:30"


def test_the_event_language_is_the_default_inside_its_block_and_its_threads():
    with use_language("en"):
        assert format_euros(250) == "€2.50"
        assert format_date(datetime(2026, 3, 1, 12, tzinfo=UTC)) == "1 Mar 2026"
        assert format_euros(250, "es") == "2,50\u00a0€"  # an explicit language wins
        with ThreadPoolExecutor(1) as pool:  # as asyncio.to_thread does, with the context copied
            assert pool.submit(contextvars.copy_context().run, format_euros, 250).result() == "€2.50"
    assert current_language() == "es"
    assert format_euros(250) == "2,50\u00a0€"
    assert format_euros(250, "fr") == "2,50\u00a0€"  # unknown languages fall back to Spanish
