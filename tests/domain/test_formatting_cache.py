"""Amounts and instants are formatted once per language and value (Babel costs 30–70 µs each)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from care_portal.domain import formatting
from care_portal.domain.formatting import format_date, format_datetime, format_euros


def test_a_cached_amount_or_instant_is_still_written_in_each_language_s_way():
    instant = datetime(2026, 3, 5, 13, 7, tzinfo=UTC)
    for _ in range(2):  # the second round comes from the cache
        assert format_euros(123450, "es") == "1.234,50\xa0€"
        assert format_euros(123450, "en") == "€1,234.50"
        assert format_datetime(instant, "es") == "05/03/2026 14:07"
        assert format_datetime(instant, "en") == "5 Mar 2026, 14:07"
        assert format_date(instant, "es") == "05/03/2026"
        assert format_date(instant, "en") == "5 Mar 2026"


def test_the_same_instant_written_in_another_zone_or_naive_gives_the_madrid_time():
    instant = datetime(2026, 7, 1, 22, 30, tzinfo=UTC)
    assert format_datetime(instant, "es") == "02/07/2026 00:30"
    assert format_datetime(instant.astimezone(timezone(timedelta(hours=-5))), "es") == "02/07/2026 00:30"
    assert format_datetime(instant.replace(tzinfo=None), "es") == "02/07/2026 00:30"  # naive = UTC


def test_repeated_prices_are_formatted_once():
    formatting._euros.cache_clear()
    for _ in range(50):
        format_euros(2990, "es")
    assert formatting._euros.cache_info().misses == 1
