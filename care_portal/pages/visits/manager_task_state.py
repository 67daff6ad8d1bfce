"""The state of one task for its manager: contact, appointment, code, visit and report."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import asdict

import reflex as rx

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.photos import MAX_PHOTO_BYTES
from care_portal.domain.report_parts import ReportPartsInput
from care_portal.domain.upload_limits import TOO_LARGE, TOO_MANY, WRONG_TYPE, megabytes, refused_pick_error
from care_portal.models import Role
from care_portal.services import consent_signatures, report_parts, report_photos, report_views, visits
from care_portal.services.authz import Viewer
from care_portal.services.report_photos import MAX_PHOTOS
from care_portal.services.visits import outcomes
from care_portal.state.beneficiary_form import consent_purposes
from care_portal.state.session import FormMixin, SessionState, guarded


def _contact(form: dict) -> dict:
    return {
        "note": str(form.get("contact_note", "")),
        "channel": str(form.get("contact_channel", "phone")),
    }


def _appointment(form: dict) -> dict:
    raw = str(form.get("duration", "")).strip()
    try:
        minutes = int(raw) if raw else None  # blank: the service's own length
    except ValueError:
        minutes = 0
    return {
        "day": str(form.get("appointment_day", "")),
        "time_of_day": str(form.get("appointment_time", "")),
        "duration_minutes": minutes,
    }


def _code(form: dict) -> dict:
    return {"code": str(form.get("code", ""))}


def _report(form: dict) -> dict:
    return {
        "work_done": str(form.get("work_done", "")),
        "observations": str(form.get("observations", "")),
        "next_steps": str(form.get("next_steps", "")),
        "parts": parts_from_form(form),
    }


def _incident(form: dict) -> dict:
    return {"kind": str(form.get("incident_kind", "")), "reason": str(form.get("incident_reason", ""))}


def _exception(form: dict) -> dict:
    return {"reason": str(form.get("exception_reason", ""))}


def _task_action(
    name: str,
    service: Callable[..., object],
    success_key: str,
    read_form: Callable[[dict], dict] | None = None,
    *,
    role: Role = Role.MANAGER,
    doc: str,
):
    """Build a thin event handler that runs one service on the task of the URL.

    The handler is ``guarded(role)`` (anyone else is sent to log in / «no access» and nothing
    runs); the service then checks that the caller is responsible for the task *now*. It calls
    ``service(session, actor=viewer, task_id=<the URL's task>, **read_form(form))``, shows the
    service's field errors or the ``success_key`` toast, and reloads the task.

    Args:
        name: The handler's attribute name on the state (its event name in logs and metrics).
        service: The service function (its business rules and the responsibility check).
        success_key: Catalogue key of the toast shown when it worked.
        read_form: Turns the submitted form into the service's other keyword arguments; ``None``
            for a button (the handler then takes no argument).
        role: The role served (admins are always served).
        doc: The handler's docstring.

    Returns:
        The event handler, to assign to ``name`` in the state's class body.
    """
    if read_form is None:

        def handler(self, viewer: Viewer):
            return self._run_on_task(viewer, service, {}, success_key)

    else:

        def handler(self, viewer: Viewer, form: dict):
            return self._run_on_task(viewer, service, read_form(form), success_key)

    handler.__name__ = handler.__qualname__ = name
    handler.__doc__ = doc
    return rx.event(guarded(role)(handler))


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

    def _run_on_task(self, viewer: Viewer, service: Callable[..., object], arguments: dict, success_key: str):
        """Run ``service`` on the URL's task for ``viewer`` (it checks responsibility), then reload."""
        task_id = self._task_id()
        return self._run(
            viewer, lambda s: service(s, actor=viewer, task_id=task_id, **arguments), success_key
        )

    # The actions on the task, one service each (see ``_task_action``): name, service, message, form.
    log_contact = _task_action(
        "log_contact",
        visits.log_contact,
        "visits.contact_saved",
        _contact,
        doc="Add a note to the contact log.",
    )
    schedule = _task_action(
        "schedule",
        visits.schedule_appointment,
        "visits.scheduled_saved",
        _appointment,
        doc="Agree or move the appointment (Madrid date and time).",
    )
    check_in = _task_action(
        "check_in",
        visits.check_in,
        "visits.checked_in_saved",
        _code,
        doc="Start the visit with the code the beneficiary confirms.",
    )
    check_out = _task_action(
        "check_out", visits.check_out, "visits.checked_out_saved", doc="Finish the visit."
    )
    save_report = _task_action(
        "save_report",
        report_parts.write_structured_report,
        "visits.report_saved",
        _report,
        doc="Write the report: the free text and the structured parts (a serious concern tells the family).",
    )
    record_incident = _task_action(
        "record_incident",
        outcomes.record_incident,
        "week.incident_saved",
        _incident,
        doc="End the visit in «incidencia» (absent or interrupted) with the reason.",
    )
    grant_exception = _task_action(
        "grant_exception",
        outcomes.grant_check_in_exception,
        "week.exception_saved",
        _exception,
        role=Role.ADMIN,
        doc="Let the visit be checked in outside its window (admins), with the reason.",
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
    async def upload_photos(self, viewer: Viewer, files: list[rx.UploadFile]):
        """Add the photos just taken (at most four per report; cleaned and stored privately)."""
        if not files:  # the picker refused them all in the browser (its message stays)
            return None
        self._clear_errors()
        uploads = [await upload.read(MAX_PHOTO_BYTES + 1) for upload in files[: MAX_PHOTOS + 1]]
        answer = await asyncio.to_thread(
            self._run_on_task, viewer, report_photos.add_photos, {"uploads": uploads}, "reports.photos_saved"
        )
        return [rx.clear_selected_files("report-photos"), answer]

    @rx.event
    @guarded(Role.MANAGER)
    def photos_refused(self, viewer: Viewer, rejected: list[dict]):
        """Say under the picker why the browser refused the photos just picked (nothing was sent)."""
        error = refused_pick_error(
            rejected,
            field="photos",
            keys={
                TOO_MANY: "reports.too_many_photos",
                TOO_LARGE: "reports.photo_too_large",
                WRONG_TYPE: "reports.photo_not_image",
                "": "reports.photo_not_image",
            },
            params={"max": MAX_PHOTOS, "max_mb": megabytes(MAX_PHOTO_BYTES)},
        )
        self._clear_errors()
        if error is not None:
            self._show_error(error)

    @rx.event
    @guarded(Role.MANAGER)
    def remove_photo(self, viewer: Viewer, photo_id: int):
        """Remove one photo from this visit's report."""
        return self._run_on_task(
            viewer, report_photos.remove_photo, {"photo_id": int(photo_id)}, "reports.photo_removed"
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
