"""The recruiter's review of one application: form, CV, answers, notes, rating and stage."""

from __future__ import annotations

import dataclasses

import reflex as rx

from care_portal import routes
from care_portal.components.fields import error_text, form_error_banner
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.recruiting import area_name, slot_name, stage_badge
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.recruiting import Stage
from care_portal.models import Role
from care_portal.services import recruiting
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded


class ReviewState(FormMixin, SessionState):
    """One application as a recruiter sees it."""

    application_id: int = 0
    row: dict = {}
    email: str = ""
    form: dict = {}
    cv_name: str = ""
    cv_size_kb: int = 0
    answers: list[dict] = []
    notes: list[dict] = []
    history: list[dict] = []
    moves: list[str] = []
    missing: bool = False
    loaded: bool = False
    note_key: int = 0

    def _reload(self, viewer: Viewer) -> None:
        self.application_id = routes.path_number(self.router.url.path, 2) or 0
        with session_scope() as session:
            review = recruiting.get_application_review(
                session, actor=viewer, application_id=self.application_id
            )
        self.row = dataclasses.asdict(review.row)
        self.email, self.form = review.email, dict(review.form)
        self.cv_name, self.cv_size_kb = review.cv_name, review.cv_size_kb
        self.answers = [dataclasses.asdict(a) for a in review.answers]
        self.notes = [dataclasses.asdict(n) for n in review.notes]
        self.history, self.moves = list(review.history), list(review.moves)

    @rx.event
    @guarded(Role.RECRUITER)
    def load(self, viewer: Viewer):
        """Open the application in the URL."""
        self._clear_errors()
        self.loaded = False
        try:
            self._reload(viewer)
            self.missing = False
        except NotFound:
            self.missing = True
        self.loaded = True

    @rx.event
    @guarded(Role.RECRUITER)
    def move_to(self, viewer: Viewer, stage: str):
        """Move the application to another stage (audited; e-mails the candidate when it concerns them)."""
        self._clear_errors()
        try:
            with session_scope() as session:
                recruiting.move_stage(
                    session,
                    actor=viewer,
                    application_id=self.application_id,
                    target=stage,
                    client_ip=self._client_ip(),
                )
            self._reload(viewer)
        except DomainError as error:
            self._show_error(error)
            return None
        return rx.toast.success(self._t("rec.review.moved"))

    @rx.event
    @guarded(Role.RECRUITER)
    def rate(self, viewer: Viewer, rating: str):
        """Rate the application from 1 to 5."""
        self._clear_errors()
        try:
            with session_scope() as session:
                recruiting.set_rating(
                    session, actor=viewer, application_id=self.application_id, rating=int(rating or 0)
                )
            self._reload(viewer)
        except (DomainError, ValueError) as error:
            self._show_error(error if isinstance(error, DomainError) else DomainError("rec.error.rating"))

    @rx.event
    @guarded(Role.RECRUITER)
    def add_note(self, viewer: Viewer, form: dict):
        """Add an internal note."""
        self._clear_errors()
        try:
            with session_scope() as session:
                recruiting.add_note(
                    session, actor=viewer, application_id=self.application_id, body=form.get("note", "")
                )
            self._reload(viewer)
        except DomainError as error:
            self._show_error(error)
            return
        self.note_key += 1

    @rx.var
    def cv_href(self) -> str:
        """The authorised download of the CV."""
        return routes.cv_url(self.application_id)


def _fact(label_key: str, value: rx.Component | rx.Var) -> rx.Component:
    return rx.box(
        rx.text(t(label_key), weight="bold", size="2", color_scheme="gray"),
        rx.box(value) if isinstance(value, rx.Component) else rx.text(value),  # never a <p> in a <p>
        margin_bottom="0.5em",
    )


def _form_card() -> rx.Component:
    f = ReviewState.form
    return rx.card(
        rx.heading(t("rec.review.form"), size="4", as_="h2", margin_bottom="0.5em"),
        _fact("field.full_name", f["full_name"].to(str)),
        _fact("field.email", ReviewState.email),
        _fact("rec.form.phone", f["phone"].to(str)),
        _fact("rec.form.postal_code", f["postal_code"].to(str)),
        _fact(
            "rec.form.areas",
            rx.flex(
                rx.foreach(f["areas"].to(list[str]), lambda a: rx.badge(area_name(a))),
                gap="0.3em",
                wrap="wrap",
            ),
        ),
        _fact("rec.form.years", f["experience_years"].to(str)),
        _fact("rec.form.experience", rx.text(f["experience"].to(str), white_space="pre-line")),
        _fact("rec.form.languages", f["languages"].to(str)),
        _fact("rec.form.licence", rx.cond(f["driving_licence"].to(bool), t("rec.yes"), t("rec.no"))),
        _fact(
            "rec.form.availability",
            rx.flex(
                rx.foreach(
                    f["availability"].to(list[str]), lambda s: rx.badge(slot_name(s), variant="outline")
                ),
                gap="0.3em",
                wrap="wrap",
            ),
        ),
        rx.divider(margin_y="0.75em"),
        rx.heading(t("rec.review.cv"), size="4", as_="h2", margin_bottom="0.5em"),
        rx.hstack(
            rx.icon("file_text"),
            rx.text(ReviewState.cv_name, " (", ReviewState.cv_size_kb.to(str), " KB)"),
            align="center",
            wrap="wrap",
        ),
        rx.link(
            rx.button(t("rec.review.open_cv"), size="3", variant="outline", margin_top="0.5em"),
            href=ReviewState.cv_href,
            is_external=True,
            id="open-cv",
        ),
        class_name="cp-card",
    )


def _answer(a: rx.Var) -> rx.Component:
    return rx.box(
        rx.text(a["prompt"].to(str), weight="bold"),
        rx.text(a["values"].to(list[str]).join(", "), white_space="pre-line"),
        margin_bottom="0.75em",
    )


def _answers_card() -> rx.Component:
    return rx.card(
        rx.heading(t("rec.review.answers"), size="4", as_="h2", margin_bottom="0.5em"),
        rx.foreach(ReviewState.answers, _answer),
        class_name="cp-card",
        id="answers",
    )


def _decision_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(t("rec.col.stage"), ":", weight="bold"),
                stage_badge(ReviewState.row["stage"].to(str)),
                align="center",
            ),
            rx.cond(
                ReviewState.moves.length() > 0,
                rx.vstack(
                    rx.text(t("rec.review.stage"), weight="bold"),
                    rx.flex(
                        *[
                            rx.cond(
                                ReviewState.moves.contains(s.value),
                                rx.button(
                                    t(f"stage.{s.value}"),
                                    on_click=ReviewState.move_to(s.value),
                                    size="3",
                                    color_scheme="red" if s == Stage.REJECTED else "teal",
                                    variant="outline" if s == Stage.REJECTED else "solid",
                                    id=f"move-{s.value}",
                                ),
                            )
                            for s in (Stage.REVIEW, Stage.INTERVIEW, Stage.HIRED, Stage.REJECTED)
                        ],
                        gap="0.5em",
                        wrap="wrap",
                    ),
                    spacing="2",
                ),
                rx.text(t("rec.review.final"), color_scheme="gray"),
            ),
            rx.el.label(t("rec.review.rating"), html_for="field-rating", class_name="cp-label"),
            rx.el.select(
                rx.el.option("—", value="0", disabled=True),
                *[rx.el.option(str(n), value=str(n)) for n in range(1, 6)],
                id="field-rating",
                value=ReviewState.row["rating"].to(str),
                on_change=ReviewState.rate,
                class_name="cp-select",
            ),
            rx.text(t("rec.review.history"), weight="bold"),
            rx.foreach(
                ReviewState.history,
                lambda h: rx.hstack(
                    rx.text(h["when"].to(str), size="2"),
                    stage_badge(h["to"].to(str)),
                    align="center",
                    wrap="wrap",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card",
    )


def _notes_card() -> rx.Component:
    return rx.card(
        rx.heading(t("rec.review.notes"), size="4", as_="h2", margin_bottom="0.5em"),
        rx.form(
            rx.text_area(
                name="note",
                id="field-note",
                placeholder=t("rec.review.note_placeholder"),
                aria_label=t("rec.review.notes"),
                rows="3",
                size="3",
                width="100%",
            ),
            error_text(ReviewState.field_errors.get("note", "")),
            rx.button(t("rec.review.add_note"), type="submit", size="3", margin_top="0.5em", id="note-add"),
            on_submit=ReviewState.add_note,
            key=ReviewState.note_key,
            width="100%",
        ),
        rx.foreach(
            ReviewState.notes,
            lambda n: rx.box(
                rx.text(n["author"].to(str), " · ", n["created"].to(str), size="2", color_scheme="gray"),
                rx.text(n["body"].to(str), white_space="pre-line"),
                margin_top="0.75em",
            ),
        ),
        class_name="cp-card",
        id="notes",
    )


def review_page() -> rx.Component:
    """Review one application."""
    return page_shell(
        rx.link(t("rec.back_dashboard"), href=routes.RECRUITING),
        rx.cond(
            ReviewState.missing,
            rx.callout(t("errors.not_found"), icon="info", margin_top="1em", id="application-missing"),
            rx.vstack(
                rx.heading(ReviewState.row["full_name"].to(str), size="6", as_="h2"),
                rx.text(ReviewState.row["offer_title"].to(str), color_scheme="gray"),
                form_error_banner(ReviewState.form_error),
                rx.grid(
                    rx.vstack(_form_card(), _answers_card(), spacing="4", width="100%"),
                    rx.vstack(_decision_card(), _notes_card(), spacing="4", width="100%"),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="4",
                    width="100%",
                ),
                spacing="3",
                width="100%",
                margin_top="1em",
            ),
        ),
        title_key="rec.review.title",
    )
