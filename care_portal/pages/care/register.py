"""The "Alta de familiar" page: a client registers a beneficiary or a household, files and consent."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.beneficiary_form import beneficiary_sections, form_section
from care_portal.components.care import file_picker
from care_portal.components.consent import purpose_ticks, representative_fields
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.models import Role
from care_portal.services import beneficiaries
from care_portal.services.authz import Viewer
from care_portal.services.staging import discard_staged, stage_upload, staged_attachment
from care_portal.state.beneficiary_form import BeneficiaryFormMixin, beneficiary_input, consent_purposes
from care_portal.state.session import SessionState, guarded


class RegisterState(BeneficiaryFormMixin, SessionState):
    """The registration form: household size, chosen files and the consent choice."""

    consent_mode: str = "home"
    document_names: list[str] = []
    loaded: bool = False
    _document_keys: list[str] = []

    def _forget_files(self) -> None:
        discard_staged(self._document_keys)
        self._document_keys, self.document_names = [], []
        self._discard_consent()

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """Open an empty form."""
        self._clear_errors()
        self._forget_files()
        self.household_size, self.consent_mode, self.signer_role = 1, "home", "beneficiary"
        self.health_ticked = False
        self.loaded = True

    @rx.event
    def set_consent_mode(self, value: str):
        """Choose between signing at home and attaching the signed document."""
        self.consent_mode = "upload" if value == "upload" else "home"

    @rx.event
    @guarded(Role.CLIENT)
    def stage_documents(self, viewer: Viewer, files: list[rx.UploadFile]):
        """Receive chosen documents, check them and keep them until the form is saved."""
        if not files:  # the picker refused them all in the browser (its message stays)
            return
        self.field_errors = {k: v for k, v in self.field_errors.items() if k != "documents"}
        for upload in files:
            if len(self._document_keys) >= 10:
                self.field_errors = {**self.field_errors, "documents": self._t("care.too_many_files")}
                break
            try:
                key, name = stage_upload(upload)
            except DomainError as error:
                self.field_errors = {**self.field_errors, "documents": self._error_text(error)}
                continue
            self._document_keys = [*self._document_keys, key]
            self.document_names = [*self.document_names, name]

    @rx.event
    @guarded(Role.CLIENT)
    def clear_documents(self, viewer: Viewer):
        """Remove the chosen documents."""
        discard_staged(self._document_keys)
        self._document_keys, self.document_names = [], []

    @rx.event
    @guarded(Role.CLIENT)
    def submit(self, viewer: Viewer, form: dict):
        """Register the beneficiary with everything chosen, all at once."""
        self._clear_errors()
        signed = None
        signer = None
        if self.consent_mode == "upload":
            if not self._consent_key:
                self._show_error(ValidationFailed({"consent_file": "care.consent_file_required"}))
                return None
            signed = staged_attachment(self._consent_key, self.consent_name)
            signer = self._consent_signer(form)
        try:
            attachments = [
                staged_attachment(k, n) for k, n in zip(self._document_keys, self.document_names, strict=True)
            ]
            with session_scope() as session:
                created = beneficiaries.register_beneficiary(
                    session,
                    actor=viewer,
                    data=beneficiary_input(form),
                    attachments=attachments,
                    signed_consent=signed,
                    signer=signer,
                    consent_purposes=consent_purposes(form, health=self.health_ticked),
                    authority_document=self._staged_authority_document() if signed else None,
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._forget_files()
        # Coming from the checkout ("?next=/tienda/pedido"), go back there.
        target = routes.safe_next(
            self.router.url.query_parameters.get("next"), routes.project_url(created.id)
        )
        return [rx.redirect(target), rx.toast.success(self._t("care.register.done"))]


def _radio(name: str, value: str, label_key: str, current: rx.Var, on_change) -> rx.Component:
    field_id = f"{name}-{value}"
    return rx.el.label(
        rx.el.input(
            type="radio",
            id=field_id,
            name=name,
            value=value,
            checked=current == value,
            on_change=lambda _: on_change(value),
            style={"width": "22px", "height": "22px", "marginRight": "0.6em"},
        ),
        t(label_key),
        html_for=field_id,
        style={"display": "flex", "alignItems": "center", "minHeight": "44px", "cursor": "pointer"},
    )


def _chosen(names: rx.Var, clear_event=None) -> rx.Component:
    return rx.cond(
        names.length() > 0,
        rx.box(
            rx.text(t("care.upload.ready"), weight="bold", size="2"),
            rx.el.ul(rx.foreach(names, lambda n: rx.el.li(n, class_name="cp-staged-file"))),
            rx.button(t("care.upload.clear"), on_click=clear_event, variant="ghost", size="2", type="button")
            if clear_event is not None
            else rx.fragment(),
            margin_bottom="0.75em",
        ),
    )


def _consent_section() -> rx.Component:
    errors = RegisterState.field_errors
    return form_section(
        "care.section.consent",
        rx.text(t("care.consent.how"), margin_bottom="0.75em"),
        rx.el.fieldset(
            rx.el.legend(t("care.consent.choice"), class_name="cp-label"),
            _radio(
                "consent_mode",
                "home",
                "care.consent.choice_home",
                RegisterState.consent_mode,
                RegisterState.set_consent_mode,
            ),
            _radio(
                "consent_mode",
                "upload",
                "care.consent.choice_upload",
                RegisterState.consent_mode,
                RegisterState.set_consent_mode,
            ),
            style={"border": "none", "padding": "0", "margin": "0 0 0.75em"},
        ),
        rx.cond(
            RegisterState.consent_mode == "upload",
            rx.box(
                file_picker(
                    "consent_file",
                    "care.field.consent_file",
                    RegisterState.stage_consent,
                    errors.get("consent_file", ""),
                    multiple=False,
                    refused=RegisterState.files_refused,
                ),
                rx.cond(
                    RegisterState.consent_name != "",
                    rx.text(
                        t("care.upload.ready"), " ", RegisterState.consent_name, id="consent-ready", size="2"
                    ),
                ),
                form_field("signer_name", "care.field.signer_name", errors),
                rx.el.fieldset(
                    rx.el.legend(t("care.field.signer_role"), class_name="cp-label"),
                    _radio(
                        "signer_role",
                        "beneficiary",
                        "care.signer.beneficiary",
                        RegisterState.signer_role,
                        RegisterState.set_signer_role,
                    ),
                    _radio(
                        "signer_role",
                        "representative",
                        "care.signer.representative",
                        RegisterState.signer_role,
                        RegisterState.set_signer_role,
                    ),
                    style={"border": "none", "padding": "0", "margin": "0 0 0.75em"},
                ),
                rx.cond(
                    RegisterState.signer_role == "representative",
                    representative_fields(
                        errors,
                        RegisterState.stage_authority_document,
                        RegisterState.authority_document_name,
                        refused=RegisterState.files_refused,
                    ),
                ),
                purpose_ticks(RegisterState.toggle_health_ticked, errors),
            ),
        ),
    )


def _form() -> rx.Component:
    errors = RegisterState.field_errors
    return rx.form(
        *beneficiary_sections(
            errors,
            RegisterState.household_size,
            RegisterState.set_household_size,
            RegisterState.member_numbers,
            notes_locked=~((RegisterState.consent_mode == "upload") & RegisterState.health_ticked),
        ),
        form_section(
            "care.section.documents",
            file_picker(
                "documents",
                "care.field.documents",
                RegisterState.stage_documents,
                errors.get("documents", ""),
                multiple=True,
                refused=RegisterState.files_refused,
            ),
            _chosen(RegisterState.document_names, RegisterState.clear_documents),
        ),
        _consent_section(),
        form_error_banner(RegisterState.form_error),
        rx.button(
            t("care.register.submit"), type="submit", size="3", id="register-submit", margin_top="0.5em"
        ),
        on_submit=RegisterState.submit,
        reset_on_submit=False,
        width="100%",
        custom_attrs={"data-keep": "care-register"},
    )


def register_beneficiary_page() -> rx.Component:
    """The "Alta de familiar" form."""
    return page_shell(
        rx.text(t("care.register.lead"), margin_bottom="1em"),
        rx.cond(RegisterState.loaded, _form(), rx.spinner()),
        title_key="care.register.title",
    )
