"""The recruiter's editor of one offer: its texts, publication, and its survey."""

from __future__ import annotations

import dataclasses

import reflex as rx

from care_portal import routes
from care_portal.components.fields import checkbox, error_text, form_error_banner, form_field, text_area
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.recruiting import offer_status_badge
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.recruiting import QuestionKind
from care_portal.models import Role
from care_portal.services import recruiting
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded


class OfferEditState(FormMixin, SessionState):
    """One offer and its current survey."""

    offer: dict = {}
    questions: list[dict] = []
    missing: bool = False
    loaded: bool = False
    editing_id: int = 0
    q_kind: str = "single"
    q_prompt: str = ""
    q_options: str = ""
    q_required: bool = True
    render_key: int = 0

    def _offer_id(self) -> int:
        return routes.path_number(self.router.url.path, 2) or 0

    def _reload(self, session, viewer: Viewer) -> None:
        offer_id = self._offer_id()
        self.offer = dataclasses.asdict(recruiting.get_offer(session, offer_id=offer_id, actor=viewer))
        self.questions = [
            dataclasses.asdict(q) for q in recruiting.list_questions(session, actor=viewer, offer_id=offer_id)
        ]
        self.render_key += 1

    def _reset_question(self) -> None:
        self.editing_id, self.q_kind, self.q_prompt, self.q_options, self.q_required = (
            0,
            "single",
            "",
            "",
            True,
        )

    @rx.event
    @guarded(Role.RECRUITER)
    def load(self, viewer: Viewer):
        """Open the editor of the offer in the URL."""
        self._clear_errors()
        self._reset_question()
        self.loaded = False
        try:
            with session_scope() as session:
                self._reload(session, viewer)
            self.missing = False
        except NotFound:
            self.missing = True
        self.loaded = True

    @rx.event
    @guarded(Role.RECRUITER)
    def save_offer(self, viewer: Viewer, form: dict):
        """Save the offer's texts."""
        self._clear_errors()
        try:
            with session_scope() as session:
                recruiting.save_offer(session, actor=viewer, offer_id=self._offer_id(), values=form)
                self._reload(session, viewer)
        except DomainError as error:
            self._show_error(error)
            return None
        return rx.toast.success(self._t("rec.edit.saved"))

    @rx.event
    @guarded(Role.RECRUITER)
    def set_status(self, viewer: Viewer, status: str):
        """Publish, close, or return the offer to draft."""
        try:
            with session_scope() as session:
                recruiting.set_offer_status(session, actor=viewer, offer_id=self._offer_id(), status=status)
                self._reload(session, viewer)
        except DomainError as error:
            self._show_error(error)

    @rx.event
    def set_q_kind(self, kind: str):
        """Show or hide the choices box as the kind changes."""
        self.q_kind = kind if kind in {k.value for k in QuestionKind} else "text"

    @rx.event
    @guarded(Role.RECRUITER)
    def save_question(self, viewer: Viewer, form: dict):
        """Add a question, or save the one being edited as its next version."""
        self._clear_errors()
        values = {
            "kind": self.q_kind,
            "prompt": form.get("prompt", ""),
            "options_text": form.get("options", ""),
            "required": bool(form.get("required")),
        }
        try:
            with session_scope() as session:
                if self.editing_id:
                    recruiting.edit_question(session, actor=viewer, question_id=self.editing_id, **values)
                else:
                    recruiting.add_question(session, actor=viewer, offer_id=self._offer_id(), **values)
                self._reload(session, viewer)
        except DomainError as error:
            self._show_error(error)
            return
        self._reset_question()

    @rx.event
    @guarded(Role.RECRUITER)
    def start_edit(self, viewer: Viewer, question_id: int):
        """Fill the question form with a question to change."""
        del viewer
        question = next((q for q in self.questions if q["id"] == question_id), None)
        if question is None:
            return
        self._clear_errors()
        self.editing_id = question["id"]
        self.q_kind, self.q_prompt = question["kind"], question["prompt"]
        self.q_options, self.q_required = "\n".join(question["options"]), question["required"]
        self.render_key += 1

    @rx.event
    def cancel_edit(self):
        """Go back to adding a new question."""
        self._clear_errors()
        self._reset_question()
        self.render_key += 1

    @rx.event
    @guarded(Role.RECRUITER)
    def move(self, viewer: Viewer, question_id: int, step: int):
        """Move a question up or down."""
        with session_scope() as session:
            recruiting.move_question(session, actor=viewer, question_id=question_id, step=step)
            self._reload(session, viewer)

    @rx.event
    @guarded(Role.RECRUITER)
    def remove(self, viewer: Viewer, question_id: int):
        """Take a question out of the survey."""
        with session_scope() as session:
            recruiting.remove_question(session, actor=viewer, question_id=question_id)
            self._reload(session, viewer)
        self._reset_question()


def _offer_form() -> rx.Component:
    o, errors = OfferEditState.offer, OfferEditState.field_errors
    return rx.form(
        form_field("title", "rec.offer.title_field", errors, default_value=o["title"].to(str)),
        form_field("area", "rec.offer.area", errors, required=False, default_value=o["area"].to(str)),
        form_field(
            "schedule", "rec.offer.schedule", errors, required=False, default_value=o["schedule"].to(str)
        ),
        form_field(
            "contract_type",
            "rec.offer.contract",
            errors,
            required=False,
            default_value=o["contract_type"].to(str),
        ),
        text_area(
            "description", "rec.offer.description", errors, default_value=o["description"].to(str), rows="5"
        ),
        text_area(
            "requirements",
            "rec.offer.requirements",
            errors,
            default_value=o["requirements"].to(str),
            rows="4",
        ),
        rx.button(t("rec.edit.save"), type="submit", size="3", id="offer-save"),
        on_submit=OfferEditState.save_offer,
        key=OfferEditState.render_key,
        reset_on_submit=False,
        width="100%",
    )


def _status_bar() -> rx.Component:
    status = OfferEditState.offer["status"].to(str)
    return rx.flex(
        offer_status_badge(status),
        rx.cond(
            status != "open",
            rx.button(
                t("rec.edit.publish"),
                on_click=OfferEditState.set_status("open"),
                size="3",
                id="offer-publish",
            ),
            rx.button(
                t("rec.edit.close"),
                on_click=OfferEditState.set_status("closed"),
                size="3",
                color_scheme="red",
                variant="outline",
                id="offer-close",
            ),
        ),
        rx.cond(
            status == "open",
            rx.link(t("rec.offer.see"), href=routes.job_offer_url(OfferEditState.offer["id"])),
        ),
        gap="1em",
        align="center",
        wrap="wrap",
    )


def _question_item(q: rx.Var) -> rx.Component:
    qid = q["id"].to(int)
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(
                    q["position"].to(str),
                    ". ",
                    q["prompt"].to(str),
                    rx.cond(q["required"].to(bool), " *", ""),
                    weight="bold",
                ),
                rx.text(
                    rx.match(q["kind"].to(str), *[(k.value, t(f"kind.{k.value}")) for k in QuestionKind], ""),
                    " · ",
                    t("rec.edit.version"),
                    " ",
                    q["version"].to(str),
                    rx.cond(
                        q["options"].to(list[str]).length() > 0,
                        " · " + q["options"].to(list[str]).join(" / "),
                        "",
                    ),
                    size="2",
                    color_scheme="gray",
                ),
                spacing="1",
                flex="1",
                min_width="200px",
            ),
            rx.flex(
                rx.icon_button(
                    rx.icon("arrow_up"),
                    on_click=OfferEditState.move(qid, -1),
                    variant="soft",
                    aria_label=t("rec.edit.up"),
                ),
                rx.icon_button(
                    rx.icon("arrow_down"),
                    on_click=OfferEditState.move(qid, 1),
                    variant="soft",
                    aria_label=t("rec.edit.down"),
                ),
                rx.button(
                    t("rec.edit.edit"), on_click=OfferEditState.start_edit(qid), variant="soft", size="2"
                ),
                rx.button(
                    t("rec.edit.remove"),
                    on_click=OfferEditState.remove(qid),
                    variant="soft",
                    color_scheme="red",
                    size="2",
                ),
                gap="0.4em",
                wrap="wrap",
            ),
            gap="0.75em",
            wrap="wrap",
            align="center",
        ),
        class_name="cp-card",
    )


def _question_form() -> rx.Component:
    errors = OfferEditState.field_errors
    return rx.form(
        rx.heading(
            rx.cond(OfferEditState.editing_id > 0, t("rec.edit.edit"), t("rec.edit.add_question")),
            size="4",
            as_="h3",
        ),
        form_field("prompt", "rec.edit.prompt", errors, default_value=OfferEditState.q_prompt),
        rx.el.label(t("rec.edit.kind"), html_for="field-kind", class_name="cp-label"),
        rx.el.select(
            *[rx.el.option(t(f"kind.{k.value}"), value=k.value) for k in QuestionKind],
            id="field-kind",
            value=OfferEditState.q_kind,
            on_change=OfferEditState.set_q_kind,
            class_name="cp-select",
        ),
        error_text(errors.get("kind", "")),
        rx.cond(
            (OfferEditState.q_kind == "single") | (OfferEditState.q_kind == "multiple"),
            text_area(
                "options", "rec.edit.options", errors, default_value=OfferEditState.q_options, rows="4"
            ),
        ),
        checkbox("required", t("rec.edit.required"), OfferEditState.q_required),
        rx.flex(
            rx.button(
                rx.cond(OfferEditState.editing_id > 0, t("rec.edit.update"), t("rec.edit.add_question")),
                type="submit",
                size="3",
                id="question-save",
            ),
            rx.cond(
                OfferEditState.editing_id > 0,
                rx.button(
                    t("common.cancel"),
                    type="button",
                    variant="soft",
                    size="3",
                    on_click=OfferEditState.cancel_edit,
                ),
            ),
            gap="0.75em",
            margin_top="0.75em",
        ),
        on_submit=OfferEditState.save_question,
        key=OfferEditState.render_key,
        reset_on_submit=False,
        width="100%",
    )


def offer_edit_page() -> rx.Component:
    """Edit an offer and compose its survey."""
    return page_shell(
        rx.link(t("rec.back_dashboard"), href=routes.RECRUITING),
        rx.cond(~OfferEditState.loaded, rx.spinner(margin_top="1em")),
        rx.cond(
            OfferEditState.missing | ~OfferEditState.loaded,
            rx.cond(OfferEditState.loaded, rx.callout(t("errors.not_found"), icon="info", margin_top="1em")),
            rx.vstack(
                form_error_banner(OfferEditState.form_error),
                _status_bar(),
                rx.grid(
                    rx.card(_offer_form(), class_name="cp-card"),
                    rx.vstack(
                        rx.heading(t("rec.edit.survey"), size="5", as_="h2"),
                        rx.text(t("rec.edit.survey_note"), size="2", color_scheme="gray"),
                        rx.foreach(OfferEditState.questions, _question_item),
                        rx.card(_question_form(), class_name="cp-card"),
                        spacing="3",
                        width="100%",
                    ),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="4",
                    width="100%",
                ),
                spacing="3",
                width="100%",
                margin_top="1em",
            ),
        ),
        title_key="rec.edit.title",
    )
