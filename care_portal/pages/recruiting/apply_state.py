"""The candidate's states: applying to an offer in steps, and their list of applications."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from care_portal import routes
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.recruiting import AREAS, AVAILABILITY, CV_MAX_BYTES, refused_cv_error
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
    stay_in_pool: bool = False
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
        self.stay_in_pool = bool(progress.form.get("stay_in_pool"))
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
        values["stay_in_pool"] = bool(form.get("stay_in_pool"))
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

        ``guarded`` cannot pass the upload's files through a worker thread, so this
        handler resolves the user itself, in one, and stores the CV in another; the
        service checks the actor again.
        """
        if not files:  # the picker refused it in the browser (its message stays)
            return None
        self._clear_errors()
        viewer = await asyncio.to_thread(self._resolve_viewer)
        if viewer is None:
            self._show_viewer(None)
            return rx.redirect(routes.login_url(self.router.url.path))
        upload = files[0]
        data = await upload.read(CV_MAX_BYTES + 1)
        try:
            progress = await asyncio.to_thread(_attach_cv, viewer, self.offer_id, data, upload.name or "")
        except DomainError as error:
            self._show_error(error)
            return rx.clear_selected_files("cv")
        self._show_progress(progress, move_on=False)
        return [rx.clear_selected_files("cv"), rx.toast.success(self._t("rec.cv.saved"))]

    @rx.event
    @guarded()
    def cv_refused(self, viewer: Viewer, rejected: list[list[dict]]):
        """Say under the CV picker why the browser refused the file just picked (nothing was sent)."""
        self._clear_errors()
        error = refused_cv_error(rejected)
        if error is not None:
            self._show_error(error)

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


def _attach_cv(viewer, offer_id: int, data: bytes, filename: str):
    """Check and store a CV in its own transaction (runs in a worker thread)."""
    with session_scope() as session:
        return recruiting.attach_cv(session, actor=viewer, offer_id=offer_id, data=data, filename=filename)
