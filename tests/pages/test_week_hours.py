"""The desktop week's hour grid: each appointment in its day and starting hour, sized by its length."""

from datetime import date, timedelta

from care_portal.pages.visits.week_hours import MIN_PX, ROW_PX, layout_week, lines_that_fit

MONDAY = date(2026, 10, 12)
WEEK = [MONDAY + timedelta(days=i) for i in range(7)]


def _entry(task_id: int, day: date, start: str, end: str, minutes: int = 60) -> dict[str, str]:
    return {"id": str(task_id), "day": day.isoformat(), "start": start, "end": end, "height": str(minutes)}


def test_an_appointment_sits_in_its_day_and_hour_placed_by_its_minutes_and_length():
    hours, cells = layout_week([_entry(1, WEEK[1], "10:30", "12:00", 90)], WEEK)
    assert hours[0] == "07:00"
    assert hours[-1] == "20:00"
    row = hours.index("10:00")
    [entry] = cells[row][1]  # Tuesday, the 10:00 row
    assert entry["top"] == f"{ROW_PX // 2}px"
    assert entry["px"] == f"{90 * ROW_PX // 60 - 2}px"
    assert (entry["left"], entry["width"]) == ("0.000%", "100.000%")
    assert sum(len(day) for hour in cells for day in hour) == 1


def test_overlapping_appointments_share_the_width_and_the_next_one_has_it_all_again():
    rows = [
        _entry(1, WEEK[0], "10:00", "11:00"),
        _entry(2, WEEK[0], "10:30", "11:30"),  # an admin sees two managers' visits at once
        _entry(3, WEEK[0], "11:30", "12:30"),
    ]
    hours, cells = layout_week(rows, WEEK)
    ten, eleven = cells[hours.index("10:00")][0], cells[hours.index("11:00")][0]
    assert [(e["id"], e["left"], e["width"]) for e in ten] == [
        ("1", "0.000%", "50.000%"),
        ("2", "50.000%", "50.000%"),
    ]
    assert [(e["id"], e["width"]) for e in eleven] == [("3", "100.000%")]


def test_the_grid_widens_for_an_early_or_late_appointment_and_ignores_other_weeks():
    rows = [
        _entry(1, WEEK[6], "06:15", "06:30", 15),
        _entry(2, WEEK[2], "21:00", "22:00"),
        _entry(3, MONDAY + timedelta(days=7), "10:00", "11:00"),
    ]
    hours, cells = layout_week(rows, WEEK)
    assert (hours[0], hours[-1]) == ("06:00", "21:00")
    assert [e["id"] for e in cells[0][6]] == ["1"]
    assert cells[0][6][0]["px"] == f"{MIN_PX}px"  # a short visit still shows its time
    assert [e["id"] for e in cells[-1][2]] == ["2"]
    assert sum(len(day) for hour in cells for day in hour) == 2


def test_a_box_shows_at_rest_only_the_lines_that_fit_whole():
    rows = [
        _entry(1, WEEK[0], "07:00", "07:30", 30),
        _entry(2, WEEK[1], "07:00", "08:00", 60),
        _entry(3, WEEK[2], "07:00", "09:00", 120),
    ]
    _, cells = layout_week(rows, WEEK)
    fit = {e["id"]: e["fit"] for e in cells[0][0] + cells[0][1] + cells[0][2]}
    assert fit == {"1": "1", "2": "3", "3": "6"}  # time; time, person, state; every line
    assert lines_that_fit(MIN_PX) == 1  # the shortest still shows its time
