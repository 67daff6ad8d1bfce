"""The candidate's side: applying to an offer in steps, and their list of applications."""

from __future__ import annotations

import dataclasses

import reflex as rx

from care_portal import routes
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.recruiting import checkbox, error_text, radio, stage_badge, textarea
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.recruiting import AREAS, AVAILABILITY, CV_MAX_BYTES, DAYS, SLOTS
from care_portal.i18n import tr_pair
from care_portal.services import recruiting
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded

STEPS = ("form", "cv", "survey", "submit")


class ApplyState(FormMixin, SessionState):
    """One candidate's application to one offer, kept between visits."""

    offer_id: int = 0
    offer_title: str = ""
    stage: str = ""
    form: dict[str, str] = {}
    areas: list[str] = []
    availability: list[str] = []
    driving_licence: bool = False
    form_done: bool = False
    cv_name: str = ""
    survey_done: bool = False
    submitted: str = ""
    questions: list[dict] = []
    step: str = ""
    loaded: bool = False
    missing: bool = False
    render_key: int = 0

    def _offer(self) -> int:
        return routes.path_number(self.router.url.path, 1) or 0

    def _show_progress(self, progress: recruiting.Progress, *, move_on: bool = True) -> None:
        self.offer_id = progress.offer_id
        self.offer_title = progress.offer_title
        self.stage = progress.stage
        self.form = {k: str(v) for k, v in progress.form.items() if not isinstance(v, list | bool)}
        self.areas = list(progress.form["areas"])
        self.availability = list(progress.form["availability"])
        self.driving_licence = bool(progress.form["driving_licence"])
        self.form_done = progress.form_done
        self.cv_name = progress.cv_name
        self.survey_done = progress.survey_done
        self.submitted = progress.submitted
        self.questions = [dataclasses.asdict(q) for q in progress.questions]
        self.render_key += 1
        if progress.stage != "draft":
            self.step = "done"
        elif move_on:
            self.step = next(
                (s for s, done in zip(STEPS, self._steps_done(), strict=False) if not done), "submit"
            )

    def _steps_done(self) -> list[bool]:
        return [self.form_done, self.cv_name != "", self.survey_done]

    @rx.event
    @guarded()
    def load(self, viewer: Viewer):
        """Open (or start) the application to the offer in the URL."""
        self._clear_errors()
        self.loaded, self.missing = False, False
        try:
            with session_scope() as session:
                progress = recruiting.start_application(session, actor=viewer, offer_id=self._offer())
        except NotFound:
            self.missing, self.loaded = True, True
            return None
        except DomainError as error:
            self._show_error(error)
            self.missing, self.loaded = True, True
            return None
        self._show_progress(progress)
        self.loaded = True
        return None

    @rx.event
    @guarded()
    def go(self, viewer: Viewer, step: str):
        """Show another step (going back to correct something is always possible)."""
        del viewer
        if step in STEPS and self.stage == "draft":
            self._clear_errors()
            self.step = step

    @rx.event
    @guarded()
    def save_form(self, viewer: Viewer, form: dict):
        """Save step 1."""
        self._clear_errors()
        values = {k: v for k, v in form.items() if not k.startswith(("area_", "slot_"))}
        values["areas"] = [a for a in AREAS if form.get(f"area_{a}")]
        values["availability"] = [s for s in AVAILABILITY if form.get(f"slot_{s}")]
        values["driving_licence"] = bool(form.get("driving_licence"))
        values["privacy"] = bool(form.get("privacy"))
        try:
            with session_scope() as session:
                progress = recruiting.save_form(session, actor=viewer, offer_id=self.offer_id, form=values)
        except DomainError as error:
            self._show_error(error)
            return None
        self._show_progress(progress)
        return None

    @rx.event
    async def upload_cv(self, files: list[rx.UploadFile]):
        """Save step 2: the CV is checked by size and content, then stored privately.

        ``guarded`` wraps only synchronous handlers, so this one resolves the
        user itself; the service checks the actor again.
        """
        self._clear_errors()
        viewer = self._resolve_viewer()
        if viewer is None:
            self._show_viewer(None)
            return rx.redirect(routes.login_url(self.router.url.path))
        if not files:
            return None
        upload = files[0]
        data = await upload.read(CV_MAX_BYTES + 1)
        try:
            with session_scope() as session:
                progress = recruiting.attach_cv(
                    session, actor=viewer, offer_id=self.offer_id, data=data, filename=upload.name or ""
                )
        except DomainError as error:
            self._show_error(error)
            return rx.clear_selected_files("cv")
        self._show_progress(progress, move_on=False)
        return [rx.clear_selected_files("cv"), rx.toast.success(self._t("rec.cv.saved"))]

    @rx.event
    @guarded()
    def save_answers(self, viewer: Viewer, form: dict):
        """Save step 3."""
        self._clear_errors()
        answers: dict[int, list[str]] = {}
        for name, value in form.items():
            base = name[1:].split("__")[0] if name.startswith("q") else ""
            if base.isdigit():
                answers.setdefault(int(base), []).append(str(value))
        try:
            with session_scope() as session:
                progress = recruiting.save_answers(
                    session, actor=viewer, offer_id=self.offer_id, answers=answers
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._show_progress(progress)
        return None

    @rx.event
    @guarded()
    def submit(self, viewer: Viewer):
        """Send the application (step 4)."""
        self._clear_errors()
        try:
            with session_scope() as session:
                progress = recruiting.submit_application(
                    session, actor=viewer, offer_id=self.offer_id, client_ip=self._client_ip()
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._show_progress(progress)
        return None

    @rx.var
    def question_rows(self) -> list[dict]:
        """The questions with their error and the saved text answer, ready to render."""
        rows = []
        for question in self.questions:
            answer = list(question.get("answer", []))
            rows.append(
                {
                    **question,
                    "name": f"q{question['id']}",
                    "text": answer[0] if answer else "",
                    "error": self.field_errors.get(f"q{question['id']}", ""),
                }
            )
        return rows


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
        textarea("experience", "rec.form.experience", errors, ApplyState.form["experience"]),
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
        rx.button(t("rec.form.save"), type="submit", size="3", margin_top="1em", id="form-save"),
        on_submit=ApplyState.save_form,
        key=ApplyState.render_key,
        reset_on_submit=False,
        width="100%",
    )


def _cv_step() -> rx.Component:
    return rx.vstack(
        rx.text(t("rec.cv.lead")),
        rx.cond(
            ApplyState.cv_name != "",
            rx.callout(
                rx.text(t("rec.cv.current"), " ", rx.text(ApplyState.cv_name, as_="span", weight="bold")),
                icon="file_check",
                color_scheme="green",
                id="cv-current",
            ),
        ),
        rx.upload(
            rx.vstack(
                rx.button(t("rec.cv.choose"), size="3", type="button"),
                rx.text(t("rec.cv.drop"), size="2"),
                align="center",
            ),
            id="cv",
            multiple=False,
            max_files=1,
            on_drop=ApplyState.upload_cv(rx.upload_files(upload_id="cv")),
            border="2px dashed var(--gray-7)",
            border_radius="8px",
            padding="1.5em",
            width="100%",
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
        rx.callout(
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


class MyApplicationsState(SessionState):
    """The logged-in user's own applications."""

    rows: list[dict] = []

    @rx.event
    @guarded()
    def load(self, viewer: Viewer):
        """Read the user's applications."""
        with session_scope() as session:
            self.rows = [
                dataclasses.asdict(r) for r in recruiting.list_my_applications(session, actor=viewer)
            ]


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
            rx.link(t("rec.mine.open"), href=routes.JOBS + "/" + row["offer_id"].to(str) + "/solicitud"),
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
