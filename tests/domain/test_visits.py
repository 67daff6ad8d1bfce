from datetime import UTC, datetime, timedelta
from itertools import product
from zoneinfo import ZoneInfo

import pytest

from care_portal.domain.errors import DomainError
from care_portal.domain.visits import (
    TRANSITIONS,
    can_move,
    cancellation_deadline,
    ensure_move,
    is_within_free_cancellation,
)

MADRID = ZoneInfo("Europe/Madrid")
ALLOWED = {
    ("pending_appointment", "scheduled"),
    ("pending_appointment", "cancelled"),
    ("scheduled", "scheduled"),
    ("scheduled", "in_progress"),
    ("scheduled", "cancelled"),
    ("in_progress", "done"),
    ("scheduled", "incident"),  # the beneficiary was not at home
    ("in_progress", "incident"),  # the visit was interrupted
}


@pytest.mark.parametrize(("current", "target"), list(product(TRANSITIONS, TRANSITIONS)))
def test_every_transition_is_allowed_or_refused_as_specified(current, target):
    assert can_move(current, target) is ((current, target) in ALLOWED)
    if (current, target) in ALLOWED:
        ensure_move(current, target)
    else:
        with pytest.raises(DomainError, match="visits.bad_transition"):
            ensure_move(current, target)


def test_deadline_is_exactly_48_hours_before():
    start = datetime(2026, 6, 10, 10, 0, tzinfo=MADRID)
    deadline = cancellation_deadline(start)
    assert deadline == datetime(2026, 6, 8, 8, 0, tzinfo=UTC)
    assert is_within_free_cancellation(start, start - timedelta(hours=48))
    assert not is_within_free_cancellation(start, start - timedelta(hours=47, minutes=59))
    assert is_within_free_cancellation(start, start - timedelta(days=5))


def test_deadline_across_daylight_saving_keeps_48_elapsed_hours():
    # Clocks go forward on 29 March 2026 at 02:00 in Madrid.
    start = datetime(2026, 3, 30, 10, 0, tzinfo=MADRID)
    deadline = cancellation_deadline(start).astimezone(MADRID)
    assert deadline == datetime(2026, 3, 28, 9, 0, tzinfo=MADRID)
    assert start.astimezone(UTC) - deadline.astimezone(UTC) == timedelta(hours=48)
    assert (start.hour - deadline.hour) == 1  # the wall-clock hour differs by one
    # Clocks go back on 25 October 2026 at 03:00.
    autumn = datetime(2026, 10, 26, 10, 0, tzinfo=MADRID)
    assert cancellation_deadline(autumn).astimezone(MADRID) == datetime(2026, 10, 24, 11, 0, tzinfo=MADRID)


def test_naive_appointments_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        cancellation_deadline(datetime(2026, 1, 1, 10, 0))
