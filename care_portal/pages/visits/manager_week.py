"""The manager's week (/gestor/semana): hour grid from 1024 px, day agenda below it, series form.

Each appointment carries its state as text as well as colour (never colour alone).
"""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.calendar_feed import FeedState, feed_card
from care_portal.components.callouts import block_callout
from care_portal.components.fields import error_text, form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.visits import state_badge
from care_portal.pages.visits.manager_week_state import DAY_NAMES_EN, DAY_NAMES_ES, ManagerWeekState
from care_portal.pages.visits.week_hours import week_hours
from care_portal.state.session import SessionState

S = ManagerWeekState


def _label(names: rx.Var) -> rx.Var:
    return rx.cond(SessionState.is_en, names["en"], names["es"])


def appointment(entry: dict) -> rx.Component:
    """One appointment: time, person, service and its state in words, with the state's colour."""
    return rx.link(
        rx.box(
            rx.text(entry["start"], "–", entry["end"], weight="bold", size="2"),
            rx.text(entry["beneficiary"], size="2"),
            rx.text(entry["service"], size="1", color_scheme="gray"),
            rx.cond(
                entry["ordinal_es"] != "",
                rx.text(rx.cond(SessionState.is_en, entry["ordinal_en"], entry["ordinal_es"]), size="1"),
            ),
            rx.cond(entry["manager"] != "", rx.text(entry["manager"], size="1", color_scheme="gray")),
            state_badge(entry["state"]),
            class_name="cp-appt cp-appt-" + entry["state"],
        ),
        href=routes.MANAGER + "/tareas/" + entry["id"],
        underline="none",
        class_name="appt-link",
        data_task=entry["id"],
    )


def _day_agenda() -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.button(
                rx.icon("chevron_left", size=16),
                on_click=S.move_day(-1),
                variant="soft",
                aria_label=t("week.previous_day"),
                id="day-previous",
                min_width="44px",
                min_height="44px",
            ),
            rx.heading(_label(S.day_label), size="4", as_="h2", id="day-label"),
            rx.button(
                rx.icon("chevron_right", size=16),
                on_click=S.move_day(1),
                variant="soft",
                aria_label=t("week.next_day"),
                id="day-next",
                min_width="44px",
                min_height="44px",
            ),
            align="center",
            justify="between",
            width="100%",
        ),
        rx.cond(
            S.day_entries.length() > 0,
            rx.vstack(rx.foreach(S.day_entries, appointment), spacing="2", width="100%", align="stretch"),
            rx.text(t("week.no_appointments_day"), color_scheme="gray"),
        ),
        class_name="cp-day-agenda",
        width="100%",
        id="day-agenda",
    )


def _weekday_ticks() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(t("week.series_weekdays"), class_name="cp-label"),
        rx.flex(
            *[
                rx.el.label(
                    rx.el.input(
                        type="checkbox",
                        name=f"wd_{i}",
                        id=f"wd-{i}",
                        style={"width": "22px", "height": "22px"},
                    ),
                    rx.text(rx.cond(SessionState.is_en, DAY_NAMES_EN[i], DAY_NAMES_ES[i]), as_="span"),
                    # The whole label is the finger's target: 44 px tall, days set clearly apart.
                    style={"display": "flex", "gap": "0.4em", "alignItems": "center", "minHeight": "44px"},
                )
                for i in range(7)
            ],
            wrap="wrap",
            column_gap="1.5em",
            row_gap="0.25em",
        ),
        error_text(S.field_errors.get("series_weekdays", ""), "field-series_weekdays-error"),
        style={"border": "none", "padding": "0", "margin": "0"},
    )


def _series_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(t("week.series_title"), size="4", as_="h2"),
            rx.text(
                rx.text.strong(S.series["beneficiary"]),
                " — ",
                S.series["service"],
                " · ",
                S.series["pending"],
                " ",
                rx.cond(S.series["pending"] == "1", t("week.to_schedule_one"), t("week.to_schedule")),
                id="series-summary",
            ),
            rx.foreach(
                S.series_visits,
                lambda v: rx.hstack(
                    rx.text(t("week.visit"), " ", v["number"], size="2"),
                    state_badge(v["state"]),
                    rx.text(v["when"], size="2"),
                    spacing="2",
                    wrap="wrap",
                    class_name="series-visit",
                    data_task=v["id"],
                ),
            ),
            rx.form(
                form_error_banner(S.form_error),
                _weekday_ticks(),
                rx.flex(
                    rx.box(
                        form_field("series_time", "visits.time", S.field_errors, type_="time"),
                        flex="1 1 120px",
                    ),
                    rx.box(
                        form_field("series_first_day", "week.series_first_day", S.field_errors, type_="date"),
                        flex="1 1 160px",
                    ),
                    wrap="wrap",
                    spacing="3",
                    width="100%",
                ),
                rx.el.fieldset(
                    rx.el.legend(t("week.series_scope"), class_name="cp-label"),
                    rx.el.label(
                        rx.el.input(type="radio", name="series_scope", value="pending", default_checked=True),
                        " ",
                        t("week.scope_pending"),
                    ),
                    rx.el.label(
                        rx.el.input(type="radio", name="series_scope", value="rest"),
                        " ",
                        t("week.scope_rest"),
                    ),
                    style={"border": "none", "padding": "0", "display": "flex", "flexDirection": "column"},
                ),
                rx.text(t("visits.madrid_time_hint"), size="2", color_scheme="gray"),
                rx.button(t("week.series_save"), type="submit", size="3", id="series-save"),
                on_submit=S.schedule_series,
                reset_on_submit=False,
                width="100%",
            ),
            rx.cond(
                S.clashes.length() > 0,
                block_callout(
                    rx.vstack(
                        rx.text(t("week.clashes_title"), weight="bold"),
                        rx.foreach(
                            S.clashes,
                            lambda c: rx.text(
                                c["start"], " ↔ ", c["other"], size="2", class_name="series-clash"
                            ),
                        ),
                        spacing="1",
                    ),
                    icon="calendar_x",
                    color_scheme="red",
                    role="alert",
                    id="series-clashes",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card",
        id="series-card",
        width="100%",
    )


def manager_week_page() -> rx.Component:
    """The week: the series being scheduled (if any), the agenda or the week, and the feed."""
    return page_shell(
        rx.link(rx.icon("arrow_left", size=16), " ", t("visits.back_to_dashboard"), href=routes.MANAGER),
        rx.cond(
            S.loaded,
            rx.vstack(
                rx.cond(S.series.contains("task_id"), _series_card()),
                _day_agenda(),
                week_hours(S),
                rx.text(t("week.legend"), size="1", color_scheme="gray"),
                feed_card(),
                spacing="3",
                width="100%",
                margin_top="1em",
            ),
            rx.text(t("common.loading")),
        ),
        title_key="week.title",
    )


ON_LOAD = [ManagerWeekState.load, FeedState.load_feed]
