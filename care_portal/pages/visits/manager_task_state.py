"""The state of one task for its manager: contact, appointment, code, visit and report."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import asdict

import reflex as rx

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.photos import MAX_PHOTO_BYTES
from care_portal.domain.report_parts import ReportPartsInput
from care_portal.models import Role
from care_portal.services import consent_signatures, report_parts, report_photos, report_views, visits
from care_portal.services.authz import Viewer
from care_portal.services.report_photos import MAX_PHOTOS
from care_portal.services.visits import outcomes
from care_portal.state.beneficiary_form import consent_purposes
from care_portal.state.session import FormMixin, SessionState, guarded


class ManagerTaskState(FormMixin, SessionState):
    """The task shown, and the outcome of each action on it."""

    task: dict[str, str] = {}
    beneficiary: dict[str, str] = {}
    contacts: list[dict[str, str]] = []
    others: list[dict[str, str]] = []
    report: dict[str, str] = {}
    parts: dict[str, str] = {}
    photos: list[str] = []
    family: dict[str, str] = {}
    week: dict[str, str] = {}
    consent_pending: bool = False
    health_ticked: bool = False
    loaded: bool = False
    not_found: bool = False

    def _task_id(self) -> int:
        raw = str(self.router.page.params.get("task_id", ""))
        return int(raw) if raw.isdigit() else 0

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            detail = visits.get_manager_task(session, actor=viewer, task_id=self._task_id())
        row = asdict(detail)
        self.beneficiary = {k: str(v) for k, v in row.pop("beneficiary").items()}
        self.contacts = row.pop("contacts")
        self.others = row.pop("other_appointments")
        self.report = row.pop("report") or {"work_done": "", "observations": "", "next_steps": ""}
        with session_scope() as session:
            extras = report_views.manager_extras(session, actor=viewer, task_id=self._task_id())
        self.parts = dict(extras.parts)
        self.photos = [str(photo_id) for photo_id in extras.photo_ids]
        self.consent_pending = row.pop("consent_pending")
        self.family = {k: str(v) for k, v in row.pop("family").items()}
        self.week = {k: str(v) for k, v in row.pop("week").items()}
        self.task = {k: str(v) for k, v in row.items()}
        self.loaded = True
        self.not_found = False

    @rx.event
    @guarded(Role.MANAGER)
    def load(self, viewer: Viewer):
        """Open the task (NotFound for another manager's task)."""
        self._clear_errors()
        try:
            self._reload(viewer)
        except DomainError:
            self.task = {}
            self.loaded = False
            self.not_found = True

    def _run(self, viewer: Viewer, action, success_key: str):
        self._clear_errors()
        try:
            with session_scope() as session:
                action(session)
        except DomainError as error:
            self._show_error(error)
            with contextlib.suppress(DomainError):
                self._reload(viewer)
            return None
        self._reload(viewer)
        return rx.toast.success(self._t(success_key))

    @rx.event
    @guarded(Role.MANAGER)
    def log_contact(self, viewer: Viewer, form: dict):
        """Add a note to the contact log."""
        return self._run(
            viewer,
            lambda s: visits.log_contact(
                s,
                actor=viewer,
                task_id=self._task_id(),
                note=str(form.get("contact_note", "")),
                channel=str(form.get("contact_channel", "phone")),
            ),
            "visits.contact_saved",
        )

    @rx.event
    @guarded(Role.MANAGER)
    def schedule(self, viewer: Viewer, form: dict):
        """Agree or move the appointment (Madrid date and time)."""
        raw = str(form.get("duration", "")).strip()
        try:
            minutes = int(raw) if raw else None  # blank: the service's own length
        except ValueError:
            minutes = 0
        return self._run(
            viewer,
            lambda s: visits.schedule_appointment(
                s,
                actor=viewer,
                task_id=self._task_id(),
                day=str(form.get("appointment_day", "")),
                time_of_day=str(form.get("appointment_time", "")),
                duration_minutes=minutes,
            ),
            "visits.scheduled_saved",
        )

    @rx.event
    @guarded(Role.MANAGER)
    def check_in(self, viewer: Viewer, form: dict):
        """Start the visit with the code the beneficiary confirms."""
        return self._run(
            viewer,
            lambda s: visits.check_in(
                s, actor=viewer, task_id=self._task_id(), code=str(form.get("code", ""))
            ),
            "visits.checked_in_saved",
        )

    @rx.event
    def toggle_health_ticked(self):
        """Tick or untick the explicit consent for health data (the checkbox itself is uncontrolled)."""
        self.health_ticked = not self.health_ticked

    @rx.event
    @guarded(Role.MANAGER)
    def record_consent(self, viewer: Viewer, form: dict):
        """Record the consent signed at home: who signed, as whom, and the signature drawn or typed."""
        beneficiary_id = int(self.beneficiary.get("id", "0") or 0)
        return self._run(
            viewer,
            lambda s: consent_signatures.sign_consent_at_home(
                s,
                actor=viewer,
                beneficiary_id=beneficiary_id,
                signer_name=str(form.get("signer_name", "")),
                signer_role=str(form.get("signer_role", "beneficiary")),
                relationship=str(form.get("relationship", "")),
                authority=str(form.get("authority", "")),
                drawn=str(form.get("signature_data", "")),
                typed=str(form.get("signature_typed", "")),
                purposes=consent_purposes(form, health=self.health_ticked),
            ),
            "visits.consent_saved",
        )

    @rx.event
    @guarded(Role.MANAGER)
    def check_out(self, viewer: Viewer):
        """Finish the visit."""
        return self._run(
            viewer,
            lambda s: visits.check_out(s, actor=viewer, task_id=self._task_id()),
            "visits.checked_out_saved",
        )

    @rx.event
    @guarded(Role.MANAGER)
    def save_report(self, viewer: Viewer, form: dict):
        """Write the report: the free text and the structured parts (a serious concern tells the family)."""
        return self._run(
            viewer,
            lambda s: report_parts.write_structured_report(
                s,
                actor=viewer,
                task_id=self._task_id(),
                work_done=str(form.get("work_done", "")),
                observations=str(form.get("observations", "")),
                next_steps=str(form.get("next_steps", "")),
                parts=parts_from_form(form),
            ),
            "visits.report_saved",
        )

    @rx.event
    @guarded(Role.MANAGER)
    def record_incident(self, viewer: Viewer, form: dict):
        """End the visit in «incidencia» (absent or interrupted) with the reason."""
        return self._run(
            viewer,
            lambda s: outcomes.record_incident(
                s,
                actor=viewer,
                task_id=self._task_id(),
                kind=str(form.get("incident_kind", "")),
                reason=str(form.get("incident_reason", "")),
            ),
            "week.incident_saved",
        )

    @rx.event
    @guarded(Role.ADMIN)
    def grant_exception(self, viewer: Viewer, form: dict):
        """Let the visit be checked in outside its window (admins), with the reason."""
        return self._run(
            viewer,
            lambda s: outcomes.grant_check_in_exception(
                s, actor=viewer, task_id=self._task_id(), reason=str(form.get("exception_reason", ""))
            ),
            "week.exception_saved",
        )

    @rx.event
    @guarded(Role.MANAGER)
    async def upload_photos(self, viewer: Viewer, files: list[rx.UploadFile]):
        """Add the photos just taken (at most four per report; cleaned and stored privately)."""
        self._clear_errors()
        uploads = [await upload.read(MAX_PHOTO_BYTES + 1) for upload in files[: MAX_PHOTOS + 1]]
        task_id = self._task_id()

        def add(session):
            report_photos.add_photos(session, actor=viewer, task_id=task_id, uploads=uploads)

        answer = await asyncio.to_thread(self._run, viewer, add, "reports.photos_saved")
        return [rx.clear_selected_files("report-photos"), answer]

    @rx.event
    @guarded(Role.MANAGER)
    def remove_photo(self, viewer: Viewer, photo_id: int):
        """Remove one photo from this visit's report."""
        return self._run(
            viewer,
            lambda s: report_photos.remove_photo(
                s, actor=viewer, task_id=self._task_id(), photo_id=int(photo_id)
            ),
            "reports.photo_removed",
        )


def parts_from_form(form: dict) -> ReportPartsInput:
    """The structured parts as chosen in the report form."""
    defaults = ReportPartsInput()
    return ReportPartsInput(
        **{
            name: str(form.get(name, getattr(defaults, name)))
            for name in ReportPartsInput.__dataclass_fields__
        }
    )
