"""The candidate's side: applying to an offer in steps, and their list of applications (views)."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.callouts import block_callout
from care_portal.components.fields import (
    checkbox,
    error_text,
    form_error_banner,
    form_field,
    label_file_input,
    radio,
    text_area,
)
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.recruiting import stage_badge
from care_portal.components.upload_refusals import refusal_codes
from care_portal.domain.recruiting import AREAS, CV_MAX_BYTES, CV_PICKER_ACCEPT, DAYS, SLOTS
from care_portal.i18n import tr_pair
from care_portal.pages.recruiting.apply_state import STEPS, ApplyState, MyApplicationsState
from care_portal.state.session import SessionState


def _step_button(index: int, step: str, done: rx.Var | bool) -> rx.Component:
    return rx.button(
        t(f"rec.step.{step}"),
        rx.cond(done, rx.icon("circle_check", size=18), rx.fragment()),
        on_click=ApplyState.go(step),
        variant=rx.cond(ApplyState.step == step, "solid", "soft"),
        size="2",
        id=f"step-{step}",
        aria_current=rx.cond(ApplyState.step == step, "step", "false"),
    )


def _steps() -> rx.Component:
    done = [ApplyState.form_done, ApplyState.cv_name != "", ApplyState.survey_done, False]
    return rx.flex(
        *[_step_button(i, s, d) for i, (s, d) in enumerate(zip(STEPS, done, strict=True))],
        gap="0.5em",
        wrap="wrap",
    )


def _choice_group(label_key: str, error_name: str, *boxes: rx.Component, columns: str = "2") -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(t(label_key), class_name="cp-label"),
        rx.grid(
            *boxes, columns=rx.breakpoints(initial=min(columns, "2"), sm=columns), spacing="1", width="100%"
        ),
        error_text(ApplyState.field_errors.get(error_name, ""), f"field-{error_name}-error"),
        style={"border": "none", "padding": "0", "margin": "0 0 1em 0"},
    )


def _slot_name(day: str, slot: str) -> rx.Var:
    """The full accessible name of a slot, such as "Lunes · Mañana"."""
    (day_es, day_en), (slot_es, slot_en) = tr_pair(f"day.{day}"), tr_pair(f"slot.{slot}")
    return rx.cond(SessionState.is_en, f"{day_en} · {slot_en}", f"{day_es} · {slot_es}")


def _availability() -> rx.Component:
    rows = [
        rx.flex(
            rx.text(t(f"day.{d}"), width="6.5em", flex_shrink="0"),
            *[
                checkbox(
                    f"slot_{d}-{s}",
                    t(f"slot.{s}"),
                    ApplyState.availability.contains(f"{d}-{s}"),
                    aria_label=_slot_name(d, s),
                )
                for s in SLOTS
            ],
            gap="0.75em",
            align="center",
        )
        for d in DAYS
    ]
    return _choice_group("rec.form.availability", "availability", *rows, columns="1")


def _form_step() -> rx.Component:
    errors = ApplyState.field_errors
    return rx.form(
        form_field(
            "full_name",
            "field.full_name",
            errors,
            autocomplete="name",
            default_value=ApplyState.form["full_name"],
        ),
        form_field(
            "phone",
            "rec.form.phone",
            errors,
            type_="tel",
            autocomplete="tel",
            default_value=ApplyState.form["phone"],
        ),
        form_field(
            "postal_code",
            "rec.form.postal_code",
            errors,
            autocomplete="postal-code",
            default_value=ApplyState.form["postal_code"],
        ),
        _choice_group(
            "rec.form.areas",
            "areas",
            *[checkbox(f"area_{a}", t(f"area.{a}"), ApplyState.areas.contains(a)) for a in AREAS],
            columns="3",
        ),
        form_field(
            "experience_years",
            "rec.form.years",
            errors,
            type_="number",
            default_value=ApplyState.form["experience_years"],
        ),
        text_area(
            "experience", "rec.form.experience", errors, default_value=ApplyState.form["experience"], rows="4"
        ),
        form_field(
            "languages",
            "rec.form.languages",
            errors,
            hint_key="rec.form.languages_hint",
            default_value=ApplyState.form["languages"],
        ),
        rx.box(
            checkbox("driving_licence", t("rec.form.licence"), ApplyState.driving_licence),
            margin_bottom="1em",
        ),
        _availability(),
        rx.callout(
            t("rec.form.privacy_notice"), icon="shield_check", color_scheme="gray", margin_bottom="0.5em"
        ),
        checkbox("privacy", t("rec.form.privacy"), ApplyState.form_done),
        error_text(errors.get("privacy", ""), "field-privacy-error"),
        checkbox("stay_in_pool", t("rec.form.stay_in_pool"), ApplyState.stay_in_pool),
        rx.button(t("rec.form.save"), type="submit", size="3", margin_top="1em", id="form-save"),
        on_submit=ApplyState.save_form,
        key=ApplyState.render_key,
        reset_on_submit=False,
        width="100%",
    )


def _cv_step() -> rx.Component:
    return rx.vstack(
        rx.text(t("rec.cv.lead"), id="cv-label"),
        rx.cond(
            ApplyState.cv_name != "",
            rx.callout(
                rx.text(
                    t("rec.cv.current"),
                    " ",
                    rx.text(ApplyState.cv_name, as_="span", weight="bold"),
                    as_="span",
                ),
                icon="file_check",
                color_scheme="green",
                id="cv-current",
            ),
        ),
        label_file_input(
            rx.upload(
                rx.vstack(
                    rx.button(t("rec.cv.choose"), size="3", type="button"),
                    rx.text(t("rec.cv.drop"), size="2"),
                    align="center",
                ),
                id="cv",
                multiple=False,
                max_files=1,
                max_size=CV_MAX_BYTES,
                accept=CV_PICKER_ACCEPT,
                on_drop=ApplyState.upload_cv(rx.upload_files(upload_id="cv")),
                on_drop_rejected=lambda rejected: ApplyState.cv_refused(refusal_codes(rejected)),
                border="2px dashed var(--gray-7)",
                border_radius="8px",
                padding="1.5em",
                width="100%",
            ),
            "cv-label",
        ),
        error_text(ApplyState.field_errors.get("cv", ""), "field-cv-error"),
        rx.button(
            t("rec.form.save"),
            size="3",
            on_click=ApplyState.go("survey"),
            disabled=ApplyState.cv_name == "",
            id="cv-next",
        ),
        spacing="3",
        align="start",
        width="100%",
    )


def _question(row: rx.Var) -> rx.Component:
    name = row["name"].to(str)
    answer = row["answer"].to(list[str])
    options = row["options"].to(list[str])
    return rx.el.fieldset(
        rx.el.legend(
            row["prompt"].to(str), rx.cond(row["required"].to(bool), " *", ""), class_name="cp-label"
        ),
        rx.match(
            row["kind"].to(str),
            (
                "single",
                rx.vstack(rx.foreach(options, lambda o: radio(name, o, o, answer.contains(o))), spacing="1"),
            ),
            (
                "multiple",
                rx.vstack(
                    rx.foreach(
                        options, lambda o, i: checkbox(name + "__" + i.to(str), o, answer.contains(o), o)
                    ),
                    spacing="1",
                ),
            ),
            (
                "scale",
                rx.vstack(
                    rx.flex(
                        *[radio(name, str(n), str(n), answer.contains(str(n))) for n in range(1, 6)],
                        gap="1em",
                        wrap="wrap",
                    ),
                    rx.text(
                        t("rec.survey.scale_low"),
                        " · ",
                        t("rec.survey.scale_high"),
                        size="2",
                        color_scheme="gray",
                    ),
                    spacing="1",
                ),
            ),
            rx.text_area(
                name=name,
                default_value=row["text"].to(str),
                rows="3",
                size="3",
                width="100%",
                aria_label=row["prompt"].to(str),
            ),
        ),
        error_text(row["error"].to(str)),
        style={
            "border": "1px solid var(--gray-5)",
            "borderRadius": "8px",
            "padding": "0.75em 1em",
            "margin": "0 0 1em 0",
        },
    )


def _survey_step() -> rx.Component:
    return rx.form(
        rx.text(t("rec.survey.lead"), margin_bottom="0.75em"),
        rx.cond(ApplyState.questions.length() == 0, rx.text(t("rec.survey.none"), margin_bottom="1em")),
        rx.foreach(ApplyState.question_rows, _question),
        rx.button(t("rec.survey.save"), type="submit", size="3", id="survey-save"),
        on_submit=ApplyState.save_answers,
        key=ApplyState.render_key,
        reset_on_submit=False,
        width="100%",
    )


def _check(done: rx.Var, key: str) -> rx.Component:
    return rx.hstack(
        rx.cond(
            done,
            rx.icon("circle_check", color=rx.color("green", 10)),
            rx.icon("circle_alert", color=rx.color("amber", 10)),
        ),
        rx.text(t(key), " — ", rx.cond(done, t("rec.step.done"), t("rec.step.pending"))),
        align="center",
    )


def _submit_step() -> rx.Component:
    return rx.vstack(
        _check(ApplyState.form_done, "rec.step.form"),
        _check(ApplyState.cv_name != "", "rec.step.cv"),
        _check(ApplyState.survey_done, "rec.step.survey"),
        rx.text(t("rec.submit.lead"), margin_top="0.5em"),
        rx.button(t("rec.submit.button"), size="4", on_click=ApplyState.submit, id="application-submit"),
        spacing="2",
        align="start",
    )


def _done() -> rx.Component:
    return rx.vstack(
        block_callout(
            rx.vstack(
                rx.heading(t("rec.submit.done_title"), size="5", as_="h2"), rx.text(t("rec.submit.done"))
            ),
            icon="circle_check",
            color_scheme="green",
            id="application-sent",
            width="100%",
        ),
        rx.hstack(rx.text(t("rec.col.stage"), ":"), stage_badge(ApplyState.stage), align="center"),
        rx.link(rx.button(t("rec.mine.title"), size="3"), href=routes.ACCOUNT_APPLICATIONS),
        spacing="3",
        align="start",
        width="100%",
    )


def apply_page() -> rx.Component:
    """The candidate's application steps."""
    return page_shell(
        rx.cond(
            ApplyState.loaded,
            rx.cond(
                ApplyState.missing,
                rx.vstack(
                    form_error_banner(ApplyState.form_error),
                    rx.cond(ApplyState.form_error == "", rx.callout(t("errors.not_found"), icon="info")),
                    rx.link(t("rec.offer.back"), href=routes.JOBS),
                ),
                rx.vstack(
                    rx.heading(ApplyState.offer_title, size="5", as_="h2", color_scheme="gray"),
                    rx.cond(
                        ApplyState.step == "done",
                        _done(),
                        rx.vstack(
                            rx.text(t("rec.apply.saved_note"), size="2", color_scheme="gray"),
                            _steps(),
                            form_error_banner(ApplyState.form_error),
                            rx.card(
                                rx.match(
                                    ApplyState.step,
                                    ("form", _form_step()),
                                    ("cv", _cv_step()),
                                    ("survey", _survey_step()),
                                    _submit_step(),
                                ),
                                class_name="cp-card",
                            ),
                            spacing="3",
                            width="100%",
                        ),
                    ),
                    spacing="3",
                    width="100%",
                    max_width="760px",
                ),
            ),
            rx.spinner(),
        ),
        title_key="rec.apply.title",
    )


def _my_row(row: rx.Var) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.heading(row["offer_title"].to(str), size="4", as_="h2"),
                rx.text(
                    t("rec.col.sent"),
                    ": ",
                    rx.cond(row["submitted"].to(str) != "", row["submitted"].to(str), "—"),
                    size="2",
                ),
                spacing="1",
            ),
            rx.spacer(),
            stage_badge(row["stage"].to(str)),
            rx.link(t("rec.mine.open"), href=routes.job_apply_url(row["offer_id"])),
            gap="1em",
            align="center",
            wrap="wrap",
        ),
        class_name="cp-card",
    )


def my_applications_page() -> rx.Component:
    """The candidate's applications and their states."""
    return page_shell(
        rx.cond(
            MyApplicationsState.rows.length() > 0,
            rx.vstack(
                rx.foreach(MyApplicationsState.rows, _my_row), spacing="3", width="100%", id="my-applications"
            ),
            rx.vstack(rx.text(t("rec.mine.none")), rx.link(t("nav.jobs"), href=routes.JOBS)),
        ),
        title_key="rec.mine.title",
    )
