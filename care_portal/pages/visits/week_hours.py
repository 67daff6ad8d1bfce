"""The desktop week as an hour grid (/gestor/semana at 1024 px and wider).

A table: one column per day, one row per hour (07:00–21:00, widened when an appointment falls
outside). Each appointment sits in the row of the hour it starts, placed inside it by its
minutes and as tall as it lasts; overlapping appointments of one day share the width. Every
appointment is a link with its time, person and state in words: the colour of its border repeats
the state, never replaces it. Narrower screens keep the day agenda.
"""

from __future__ import annotations

from datetime import date

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.visits import state_badge
from care_portal.state.session import SessionState

FIRST_HOUR, LAST_HOUR = 7, 20  # rows 07:00 … 20:00 (a visit may start at 21:00 at the latest)
ROW_PX = 64  # one hour: time, person and state fit in an hour's box
MIN_PX = 26  # the shortest appointment still shows its time (the rest on hover or focus)
# The heights of a box's lines, in order: time, person, state badge, service, «visita N de M»,
# manager; and what its padding and borders take. Lines that do not fit whole wait for hover or focus.
LINES_PX = (16, 16, 20, 16, 16, 16)
CHROME_PX = 8


def lines_that_fit(box_px: int) -> int:
    """How many of a box's first lines fit whole in it (at least the time)."""
    room, fit = box_px - CHROME_PX, 0
    for line in LINES_PX:
        if line > room:
            break
        room, fit = room - line, fit + 1
    return max(1, fit)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _lanes(entries: list[dict[str, str]]) -> None:
    """Give each of one day's entries a lane so that overlapping ones stand side by side."""
    cluster: list[dict[str, str]] = []
    cluster_end = -1
    for entry in sorted(entries, key=lambda e: (_minutes(e["start"]), e["id"])):
        start = _minutes(entry["start"])
        if start >= cluster_end:
            _close(cluster)
            cluster, cluster_end = [], -1
        ends = {int(e["lane"]): _minutes(e["end"]) for e in cluster}
        entry["lane"] = str(next(lane for lane in range(len(cluster) + 1) if ends.get(lane, -1) <= start))
        cluster.append(entry)
        cluster_end = max(cluster_end, _minutes(entry["end"]) if entry["end"] > entry["start"] else 24 * 60)
    _close(cluster)


def _close(cluster: list[dict[str, str]]) -> None:
    lanes = 1 + max((int(e["lane"]) for e in cluster), default=0)
    for entry in cluster:
        width = 100 / lanes
        entry["left"] = f"{int(entry['lane']) * width:.3f}%"
        entry["width"] = f"{width:.3f}%"


def layout_week(rows: list[dict[str, str]], days: list[date]) -> tuple[list[str], list[list[list[dict]]]]:
    """Place a week's appointments in hour rows.

    Args:
        rows: The calendar entries as strings (``day``, ``start``, ``end``… of
            :class:`care_portal.services.visits.calendar.CalendarEntry`).
        days: The seven days shown, Monday first.

    Returns:
        ``(hours, cells)``: the row labels («07:00»…), and for each hour the seven days' lists of
        appointments starting in it, each with ``top``/``px``/``left``/``width`` for its box and
        ``fit``, how many of its lines show whole before hover or focus.
    """
    starts = [_minutes(r["start"]) // 60 for r in rows]
    first = min([FIRST_HOUR, *starts])
    last = max([LAST_HOUR, *starts])
    hours = list(range(first, last + 1))
    index = {d.isoformat(): i for i, d in enumerate(days)}
    cells: list[list[list[dict]]] = [[[] for _ in days] for _ in hours]
    by_day: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if row["day"] in index:
            by_day.setdefault(row["day"], []).append(dict(row))
    for day, entries in by_day.items():
        _lanes(entries)
        for entry in entries:
            start = _minutes(entry["start"])
            length = int(entry.get("height", "60") or 60)
            entry["top"] = f"{(start % 60) * ROW_PX // 60}px"
            box = max(MIN_PX, length * ROW_PX // 60 - 2)
            entry["px"] = f"{box}px"
            entry["fit"] = str(lines_that_fit(box))
            cells[start // 60 - first][index[day]].append(entry)
    return [f"{hour:02d}:00" for hour in hours], cells


def _appointment(entry: dict) -> rx.Component:
    """One visit's box: its first lines that fit whole in sight; all of them on hover or focus."""
    return rx.el.li(
        rx.link(
            rx.text(entry["start"], "–", entry["end"], size="1", weight="bold"),
            rx.text(entry["beneficiary"], size="1"),
            state_badge(entry["state"], size="1"),
            rx.text(entry["service"], size="1", color_scheme="gray"),
            rx.cond(
                entry["ordinal_es"] != "",
                rx.text(rx.cond(SessionState.is_en, entry["ordinal_en"], entry["ordinal_es"]), size="1"),
            ),
            rx.cond(entry["manager"] != "", rx.text(entry["manager"], size="1", color_scheme="gray")),
            href=routes.MANAGER + "/tareas/" + entry["id"],
            underline="none",
            class_name="cp-appt cp-slot cp-fit-" + entry["fit"] + " cp-appt-" + entry["state"],
            data_task=entry["id"],
        ),
        class_name="cp-slot-item",
        style={"top": entry["top"], "height": entry["px"], "left": entry["left"], "width": entry["width"]},
    )


def _day_header(names: rx.Var) -> rx.Component:
    return rx.el.th(
        rx.cond(SessionState.is_en, names["en"], names["es"]), scope="col", class_name="cp-hours-day"
    )


def _hour_row(cells: rx.Var, index: rx.Var, state) -> rx.Component:
    return rx.el.tr(
        rx.el.th(state.hour_labels[index], scope="row", class_name="cp-hours-label"),
        rx.foreach(
            cells,
            lambda entries: rx.el.td(
                rx.cond(
                    entries.length() > 0,
                    rx.el.ul(rx.foreach(entries, _appointment), class_name="cp-slot-list"),
                ),
                class_name="cp-hours-cell",
            ),
        ),
    )


def week_hours(state) -> rx.Component:
    """The week's hour grid with its week navigation (hidden below 1024 px, where the agenda shows).

    Args:
        state: The week state: ``column_days``, ``hour_labels``, ``hour_cells``, ``week_caption`` and
            ``move_week(weeks)``.
    """
    return rx.box(
        rx.hstack(
            rx.button(
                t("week.previous_week"), on_click=state.move_week(-1), variant="soft", id="week-previous"
            ),
            rx.button(t("week.next_week"), on_click=state.move_week(1), variant="soft", id="week-next"),
            spacing="3",
        ),
        rx.el.table(
            rx.el.caption(
                t("week.grid_caption"),
                " ",
                state.week_caption,
                class_name="cp-hours-caption",
            ),
            rx.el.thead(
                rx.el.tr(
                    rx.el.th(t("week.grid_hour"), scope="col", class_name="cp-hours-label"),
                    rx.foreach(state.column_days, _day_header),
                )
            ),
            rx.el.tbody(rx.foreach(state.hour_cells, lambda cells, i: _hour_row(cells, i, state))),
            class_name="cp-hours",
        ),
        class_name="cp-week-hours",
        width="100%",
        id="week-grid",
    )
