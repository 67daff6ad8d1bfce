"""What the two beneficiary forms share: reading the form, household size, and the signed consent.

"Alta de familiar" (``pages/care/register.py``) and a project's page
(``pages/care/projects_state.py``) both ask for the household and accept a
signed consent; the handlers for those live here once.
"""

from __future__ import annotations

import reflex as rx

from care_portal.domain.care import MAX_HOUSEHOLD, BeneficiaryInput, HouseholdMemberInput
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.care_documents import Attachment, ConsentSigner
from care_portal.services.care_documents.files import refused_documents_error
from care_portal.services.staging import discard_staged, stage_upload, staged_attachment
from care_portal.state.session import FormMixin, guarded

PICKER_FIELDS = ("documents", "document", "consent_file", "authority_document")
"""The document pickers of the two forms, by the field their message goes under."""


def beneficiary_input(form: dict) -> BeneficiaryInput:
    """Build the service input from the submitted form fields."""
    size = str(form.get("household_size", "1"))
    members = tuple(
        HouseholdMemberInput(
            str(form.get(f"member_{n}_name", "")), str(form.get(f"member_{n}_relationship", ""))
        )
        for n in range(1, MAX_HOUSEHOLD)
        if f"member_{n}_name" in form
    )
    return BeneficiaryInput(
        full_name=str(form.get("full_name", "")),
        nif=str(form.get("nif", "")),
        birth_date=str(form.get("birth_date", "")),
        relationship=str(form.get("relationship", "")),
        street=str(form.get("street", "")),
        postal_code=str(form.get("postal_code", "")),
        town=str(form.get("town", "")),
        province=str(form.get("province", "")),
        phone=str(form.get("phone", "")),
        household_size=size,
        members=members,
        care_notes=str(form.get("care_notes", "")),
        preferred_times=str(form.get("preferred_times", "")),
    )


def consent_purposes(form: dict, *, health: bool) -> tuple[str, ...]:
    """Return the purposes ticked on a consent form (service provision is always part of it)."""
    chosen = ["service"]
    if health:
        chosen.append("health")
    if form.get("purpose_communications"):
        chosen.append("communications")
    return tuple(chosen)


class BeneficiaryFormMixin(FormMixin, mixin=True):
    """Household size, who signed, and the signed consent waiting in staging until the form is sent."""

    household_size: int = 1
    signer_role: str = "beneficiary"
    health_ticked: bool = False
    consent_name: str = ""
    authority_document_name: str = ""
    _consent_key: str = ""
    _authority_document_key: str = ""

    @rx.var
    def member_numbers(self) -> list[int]:
        """Numbers of the other household members whose names are asked."""
        return list(range(1, max(1, min(self.household_size, MAX_HOUSEHOLD))))

    @rx.event
    def set_household_size(self, value: str):
        """Show one name field for each other member of the household."""
        try:
            self.household_size = max(1, min(int(value), MAX_HOUSEHOLD))
        except ValueError:
            self.household_size = 1

    @rx.event
    def toggle_health_ticked(self):
        """Tick or untick the explicit consent for health data (the checkbox itself is uncontrolled)."""
        self.health_ticked = not self.health_ticked

    @rx.event
    def set_signer_role(self, value: str):
        """Choose whether the beneficiary or a representative signed."""
        self.signer_role = "representative" if value == "representative" else "beneficiary"

    @rx.event
    @guarded(Role.CLIENT)
    def stage_consent(self, viewer: Viewer, files: list[rx.UploadFile]):
        """Receive the signed consent, check it and keep it until the form is sent."""
        if not files:  # the picker refused them all in the browser (its message stays)
            return
        self.field_errors = {k: v for k, v in self.field_errors.items() if k != "consent_file"}
        for upload in files[:1]:
            try:
                key, name = stage_upload(upload)
            except DomainError as error:
                self.field_errors = {**self.field_errors, "consent_file": self._error_text(error)}
                return
            self._discard_consent()
            self._consent_key, self.consent_name = key, name

    @rx.event
    @guarded(Role.CLIENT)
    def files_refused(self, viewer: Viewer, field: str, rejected: list[list[dict]]):
        """Say under a document picker why the browser refused the files just picked (nothing was sent)."""
        if field not in PICKER_FIELDS:
            return
        error = refused_documents_error(rejected, field)
        self.field_errors = {k: v for k, v in self.field_errors.items() if k != field}
        if error is not None:
            self.field_errors = {**self.field_errors, field: self._error_text(error)}

    @rx.event
    @guarded(Role.CLIENT)
    def stage_authority_document(self, viewer: Viewer, files: list[rx.UploadFile]):
        """Receive the representative's supporting document and keep it until the form is sent."""
        if not files:  # the picker refused them all in the browser (its message stays)
            return
        self.field_errors = {k: v for k, v in self.field_errors.items() if k != "authority_document"}
        for upload in files[:1]:
            try:
                key, name = stage_upload(upload)
            except DomainError as error:
                self.field_errors = {**self.field_errors, "authority_document": self._error_text(error)}
                return
            self._discard_authority_document()
            self._authority_document_key, self.authority_document_name = key, name

    def _discard_authority_document(self) -> None:
        if self._authority_document_key:
            discard_staged([self._authority_document_key])
        self._authority_document_key, self.authority_document_name = "", ""

    def _discard_consent(self) -> None:
        """Delete the staged consent and supporting document, if any, and forget them."""
        if self._consent_key:
            discard_staged([self._consent_key])
        self._consent_key, self.consent_name = "", ""
        self._discard_authority_document()

    def _staged_authority_document(self) -> Attachment | None:
        """The representative's supporting document, when one was chosen and a representative signs."""
        if not self._authority_document_key or self.signer_role != "representative":
            return None
        return staged_attachment(self._authority_document_key, self.authority_document_name)

    def _consent_signer(self, form: dict) -> ConsentSigner:
        """Read who signed the consent from the submitted form."""
        return ConsentSigner(
            signer_name=str(form.get("signer_name", "")),
            signer_role=self.signer_role,
            relationship=str(form.get("signer_relationship", "")),
            authority=str(form.get("authority", "")),
        )
