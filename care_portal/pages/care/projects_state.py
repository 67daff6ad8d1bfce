"""The "Proyectos" states: the list of projects, and one project (data, documents, consent)."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services import access_log, beneficiaries, care_documents
from care_portal.services.authz import Viewer
from care_portal.services.privacy import erasure
from care_portal.services.staging import discard_staged, stage_upload, staged_attachment
from care_portal.state.beneficiary_form import BeneficiaryFormMixin, beneficiary_input, consent_purposes
from care_portal.state.session import SessionState, guarded


def _project_dict(row: beneficiaries.ProjectRow) -> dict:
    return asdict(row) | {"url": routes.project_url(row.id)}


class ProjectsState(SessionState):
    """The client's list of projects."""

    projects: list[dict] = []
    loaded: bool = False

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """Load the client's projects."""
        with session_scope() as session:
            rows = beneficiaries.list_projects(session, actor=viewer)
        self.projects = [_project_dict(row) for row in rows]
        self.loaded = True


class ProjectState(BeneficiaryFormMixin, SessionState):
    """One project: data, documents and consent; the client may attach, sign, withdraw, archive."""

    project: dict = {}
    members: list[dict] = []
    documents: list[dict] = []
    consents: list[dict] = []
    access: list[dict] = []
    not_found: bool = False
    editing: bool = False
    _beneficiary_id: int = 0

    def _id_from_url(self) -> int:
        try:
            return int(self.router.url.path.rstrip("/").rsplit("/", 1)[-1])
        except ValueError:
            return 0

    def _refresh(self, viewer: Viewer) -> None:
        try:
            with session_scope() as session:
                detail = beneficiaries.get_project(session, actor=viewer, beneficiary_id=self._beneficiary_id)
        except DomainError:
            self.not_found, self.project, self.members, self.documents, self.consents = True, {}, [], [], []
            self.access = []
            return
        self.not_found = False
        self.project = asdict(detail.row) | {
            k: v for k, v in asdict(detail).items() if k not in ("row", "members", "documents", "consents")
        }
        self.project["consent_pdf"] = routes.consent_pdf_url(detail.row.id)
        self.project["has_health"] = "health" in detail.purposes
        self.project["purposes_label"] = ", ".join(self._t(f"care.purpose.{p}") for p in detail.purposes)
        self.access = self._access_rows(viewer)
        self.members = [asdict(m) for m in detail.members]
        self.documents = [asdict(d) | {"url": routes.document_url(d.id)} for d in detail.documents]
        self.consents = [
            asdict(c)
            | {
                "action_label": self._t(
                    "care.consent.given" if c.action == "given" else "care.consent.withdrawn_row"
                ),
                "channel_label": self._t(f"care.channel.{c.channel}"),
                "purposes_label": ", ".join(self._t(f"care.purpose.{p}") for p in c.purposes),
            }
            for c in detail.consents
        ]

    def _access_rows(self, viewer: Viewer) -> list[dict]:
        """«Quién ha consultado los datos», for the beneficiary's client only."""
        if viewer.role != Role.CLIENT.value:
            return []
        with session_scope() as session:
            page = access_log.list_access(session, actor=viewer, beneficiary_id=self._beneficiary_id)
        return [
            asdict(r)
            | {
                "role_label": self._t(f"access.role.{r.role}"),
                "subject_label": self._t(f"access.subject.{r.subject}"),
            }
            for r in page.rows
        ]

    @rx.event
    @guarded(Role.CLIENT, Role.MANAGER)
    def load(self, viewer: Viewer):
        """Open the project named in the URL (404-style message when not the viewer's)."""
        self._clear_errors()
        self._discard_consent()
        self.signer_role, self.health_ticked = "beneficiary", False
        self._beneficiary_id = self._id_from_url()
        self.editing = False
        self._refresh(viewer)

    @rx.event
    @guarded(Role.CLIENT)
    def start_edit(self, viewer: Viewer):
        """Show the edit form filled with the current data."""
        self._clear_errors()
        self._refresh(viewer)
        self.household_size = int(self.project.get("household_size", 1) or 1)
        self.editing = bool(self.project.get("can_edit"))

    @rx.event
    def cancel_edit(self):
        """Hide the edit form without saving."""
        self._clear_errors()
        self.editing = False

    @rx.event
    @guarded(Role.CLIENT)
    def save(self, viewer: Viewer, form: dict):
        """Save the edited data."""
        self._clear_errors()
        try:
            with session_scope() as session:
                beneficiaries.update_beneficiary(
                    session, actor=viewer, beneficiary_id=self._beneficiary_id, data=beneficiary_input(form)
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self.editing = False
        self._refresh(viewer)
        return rx.toast.success(self._t("care.project.saved"))

    @rx.event
    @guarded(Role.CLIENT)
    def attach(self, viewer: Viewer, files: list[rx.UploadFile]):
        """Attach chosen documents to this project at once."""
        if not files:  # the picker refused them all in the browser (its message stays)
            return
        self._clear_errors()
        for upload in files:
            try:
                key, name = stage_upload(upload)
                try:
                    with session_scope() as session:
                        care_documents.attach_document(
                            session,
                            actor=viewer,
                            beneficiary_id=self._beneficiary_id,
                            attachment=staged_attachment(key, name),
                        )
                finally:
                    discard_staged([key])
            except DomainError as error:
                self.field_errors = {"document": self._error_text(error)}
                return None
        self._refresh(viewer)
        return rx.toast.success(self._t("care.project.attached"))

    @rx.event
    @guarded(Role.CLIENT)
    def submit_consent(self, viewer: Viewer, form: dict):
        """Record the signed consent uploaded for this beneficiary."""
        self._clear_errors()
        if not self._consent_key:
            self.field_errors = {"consent_file": self._t("care.consent_file_required")}
            return None
        signer = self._consent_signer(form)
        try:
            with session_scope() as session:
                care_documents.submit_signed_consent(
                    session,
                    actor=viewer,
                    beneficiary_id=self._beneficiary_id,
                    attachment=staged_attachment(self._consent_key, self.consent_name),
                    signer=signer,
                    purposes=consent_purposes(form, health=self.health_ticked),
                    authority_document=self._staged_authority_document(),
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._discard_consent()
        self._refresh(viewer)
        return rx.toast.success(self._t("care.consent.uploaded"))

    @rx.event
    @guarded(Role.CLIENT)
    def withdraw(self, viewer: Viewer):
        """Withdraw the consent (one click, as easy as giving it)."""
        try:
            with session_scope() as session:
                care_documents.withdraw_consent(session, actor=viewer, beneficiary_id=self._beneficiary_id)
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        self._refresh(viewer)
        return rx.toast.success(self._t("care.consent.withdrawn_done"))

    @rx.event
    @guarded(Role.CLIENT)
    def give_health(self, viewer: Viewer, form: dict):
        """Give explicit consent for health data (and optionally communications) from here."""
        self._clear_errors()
        purposes = consent_purposes(form, health=True)
        try:
            with session_scope() as session:
                care_documents.give_consent_online(
                    session,
                    actor=viewer,
                    beneficiary_id=self._beneficiary_id,
                    signer=self._consent_signer(form),
                    purposes=purposes,
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._refresh(viewer)
        return rx.toast.success(self._t("care.consent.health_given"))

    @rx.event
    @guarded(Role.CLIENT)
    def withdraw_health(self, viewer: Viewer):
        """Withdraw only the consent for health data: the team stops seeing the notes at once."""
        try:
            with session_scope() as session:
                care_documents.withdraw_consent(
                    session, actor=viewer, beneficiary_id=self._beneficiary_id, purposes=("health",)
                )
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        self._refresh(viewer)
        return rx.toast.success(self._t("care.consent.withdrawn_done"))

    @rx.event
    @guarded(Role.CLIENT)
    def erase(self, viewer: Viewer, form: dict):
        """Erase this beneficiary's data (right to erasure); what the law keeps is blocked."""
        if not form.get("confirm_erase"):
            self.field_errors = {"confirm_erase": self._t("privacy.erase.confirm_required")}
            return None
        try:
            with session_scope() as session:
                erasure.erase_beneficiary(session, actor=viewer, beneficiary_id=self._beneficiary_id)
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        return [rx.redirect(routes.ACCOUNT_PROJECTS), rx.toast.success(self._t("privacy.erase.done"))]

    @rx.event
    @guarded(Role.CLIENT)
    def archive(self, viewer: Viewer):
        """Archive this project (kept for history, hidden from the shop)."""
        try:
            with session_scope() as session:
                beneficiaries.archive_beneficiary(session, actor=viewer, beneficiary_id=self._beneficiary_id)
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        return [rx.redirect(routes.ACCOUNT_PROJECTS), rx.toast.success(self._t("care.project.archived_done"))]
