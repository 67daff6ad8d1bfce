"""A visit report as the family reads it: how the person was, the photos, and the rating form.

Rows are flat string dicts (``services.report_views.flat_extras``): ``parts_mood``…,
``photo_1``…``photo_4`` and ``my_stars``.
"""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.domain.report_parts import CHOICES
from care_portal.i18n import tr_pair
from care_portal.services.report_photos import MAX_PHOTOS
from care_portal.state.session import SessionState

PART_LABELS = (
    ("mood", "reports.mood"),
    ("meals", "reports.meals"),
    ("hydration", "reports.hydration"),
    ("mobility", "reports.mobility"),
    ("medication", "reports.medication"),
)
ALL_CHOICES = sorted({value for values in CHOICES.values() for value in values})
SEVERITY_COLOURS = {"minor": "blue", "moderate": "amber", "serious": "red"}


def t_with(key: str, **params: object) -> rx.Var:
    """A reactive text with fixed values filled in (``{number}``…)."""
    es, en = tr_pair(key)
    return rx.cond(SessionState.is_en, en.format(**params), es.format(**params))


def choice_text(value: rx.Var) -> rx.Component:
    """The translated name of a structured part's value."""
    return rx.match(value, *[(v, t(f"reports.choice.{v}")) for v in ALL_CHOICES], value)


def report_parts_view(row: rx.Var) -> rx.Component:
    """«Cómo estaba»: mood, meals, hydration, mobility, medication and any concern with its severity."""
    return rx.box(
        rx.text(t("reports.parts"), weight="bold", size="2"),
        rx.el.dl(
            *[
                item
                for name, label in PART_LABELS
                for item in (
                    rx.el.dt(t(label), class_name="cp-part-label", style={"color": "var(--gray-11)"}),
                    rx.el.dd(
                        choice_text(row[f"parts_{name}"]),
                        class_name=f"cp-part-value part-{name}",
                        style={"margin": 0, "fontWeight": 500},
                    ),
                )
            ],
            class_name="cp-parts",
            style={
                "display": "grid",
                "gridTemplateColumns": "minmax(8em, auto) 1fr",
                "gap": "0.2em 0.8em",
                "margin": "0.3em 0 0.6em",
            },
        ),
        rx.cond(
            row["parts_concern"] != "",
            rx.callout(
                rx.text(
                    rx.text.strong(t("reports.concern"), " · ", choice_text(row["parts_concern_severity"])),
                    ": ",
                    row["parts_concern"],
                    as_="span",  # the callout's text is already a <p>
                ),
                icon="triangle_alert",
                color_scheme=rx.match(row["parts_concern_severity"], *SEVERITY_COLOURS.items(), "gray"),
                class_name="report-concern",
                width="100%",
            ),
        ),
        width="100%",
    )


def report_photos_view(row: rx.Var) -> rx.Component:
    """The report's photos (served by the authorised route), each opening full size."""
    return rx.cond(
        row["photo_1"] != "",
        rx.box(
            rx.text(t("reports.photos"), weight="bold", size="2"),
            rx.flex(
                *[
                    rx.cond(
                        row[f"photo_{n}"] != "",
                        rx.el.a(
                            rx.el.img(
                                src=routes.API + "/fotos/" + row[f"photo_{n}"].to(str) + ".jpg",
                                alt=t_with("reports.photo_alt", number=n),
                                loading="lazy",
                                class_name="cp-report-photo",
                                style={"width": "100%", "height": "100%", "objectFit": "cover"},
                            ),
                            href=routes.API + "/fotos/" + row[f"photo_{n}"].to(str) + ".jpg",
                            target="_blank",
                            style={"width": "140px", "height": "105px", "display": "block"},
                        ),
                    )
                    for n in range(1, MAX_PHOTOS + 1)
                ],
                wrap="wrap",
                spacing="2",
            ),
            class_name="report-photos",
        ),
    )


def rating_block(row: rx.Var, state) -> rx.Component:
    """The reader's rating of the visit, or the form to give it (stars, comment, «call me»).

    Args:
        row: The visit (``id``, ``my_stars``).
        state: A state with ``rated: dict[str, str]``, ``rating_errors: dict[str, str]`` and a
            ``rate(form)`` handler.
    """
    task_id = row["id"].to(str)
    given = rx.cond(row["my_stars"] != "", row["my_stars"], state.rated.get(task_id, ""))
    group = "stars-" + task_id
    return rx.cond(
        given != "",
        rx.text(
            t("ratings.yours"),
            ": ",
            rx.text.strong(given, class_name="my-stars"),
            " ",
            t("ratings.out_of_five"),
            class_name="rating-given",
        ),
        rx.form(
            rx.el.input(type="hidden", name="task_id", value=task_id),
            rx.el.fieldset(
                rx.el.legend(t("ratings.rate"), class_name="cp-label"),
                rx.flex(
                    *[
                        rx.el.label(
                            rx.el.input(type="radio", name="stars", value=str(n), id=group + f"-{n}"),
                            " ",
                            t_with("ratings.star_option", stars=n),
                            class_name="cp-star-option",
                            style={
                                "minHeight": "44px",
                                "display": "inline-flex",
                                "alignItems": "center",
                                "gap": "0.3em",
                                "paddingRight": "0.6em",
                            },
                        )
                        for n in range(1, 6)
                    ],
                    wrap="wrap",
                ),
                style={"border": "none", "padding": 0, "margin": 0},
            ),
            rx.el.label(t("ratings.comment"), html_for="comment-" + task_id, class_name="cp-label"),
            rx.el.textarea(
                name="comment",
                id="comment-" + task_id,
                rows=2,
                class_name="cp-textarea",
                style={"width": "100%"},
            ),
            rx.el.label(
                rx.el.input(type="checkbox", name="call_requested", value="1"),
                " ",
                t("ratings.call_me"),
                style={"minHeight": "44px", "display": "flex", "alignItems": "center", "gap": "0.4em"},
            ),
            rx.text(
                state.rating_errors.get(task_id, ""), role="alert", class_name="cp-field-error", size="2"
            ),
            rx.button(t("ratings.send"), type="submit", size="3", class_name="rating-send"),
            on_submit=state.rate,
            reset_on_submit=False,
            class_name="rating-form",
            width="100%",
        ),
    )


def timeline_link(beneficiary_id: rx.Var) -> rx.Component:
    """A link to the beneficiary's timeline."""
    return rx.link(
        rx.icon("history", size=16),
        " ",
        t("reports.timeline"),
        href="/historia/" + beneficiary_id.to(str),
        class_name="timeline-link",
        style={"display": "inline-flex", "gap": "0.3em", "alignItems": "center", "minHeight": "44px"},
    )
