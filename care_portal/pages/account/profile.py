"""The client's private area: profile and security."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.pages.account.my_data import my_data_cards
from care_portal.services import accounts
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded


class ProfileState(FormMixin, SessionState):
    """Name, phone and language of the logged-in user."""

    email: str = ""
    full_name: str = ""
    phone: str = ""
    language: str = "es"
    loaded: bool = False

    @rx.event
    @guarded()
    def load(self, viewer: Viewer):
        """Fill the form from the database."""
        self._clear_errors()
        self.email = viewer.email
        self.full_name = viewer.full_name
        self.phone = viewer.phone
        self.language = viewer.language
        self.loaded = True

    @rx.event
    @guarded()
    def save(self, viewer: Viewer, form: dict):
        """Save the profile form."""
        self._clear_errors()
        try:
            with session_scope() as session:
                updated = accounts.update_profile(
                    session,
                    actor=viewer,
                    full_name=form.get("full_name", ""),
                    phone=form.get("phone", ""),
                    language=form.get("language", self.language),
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self.full_name, self.phone, self.language = updated.full_name, updated.phone, updated.language
        self.lang = updated.language
        self._show_viewer(updated)
        return rx.toast.success(self._t("account.profile.saved"))


class PasswordState(FormMixin, SessionState):
    """Changing the password and ending other sessions."""

    @rx.event
    @guarded()
    def change(self, viewer: Viewer, form: dict):
        """Change the password after checking the current one."""
        self._clear_errors()
        try:
            with session_scope() as session:
                accounts.change_password(
                    session,
                    actor=viewer,
                    current_password=form.get("current_password", ""),
                    new_password=form.get("new_password", ""),
                    keep_session_ref=self._session_ref(),
                )
        except DomainError as error:
            self._show_error(error)
            return None
        return rx.toast.success(self._t("account.password.changed"))

    @rx.event
    @guarded()
    def log_out_everywhere(self, viewer: Viewer):
        """Revoke every session of this user, this one included."""
        with session_scope() as session:
            accounts.log_out_everywhere(session, actor=viewer)
        self._end_session()
        return rx.redirect(routes.LOGIN)


def _profile_form() -> rx.Component:
    return rx.card(
        rx.heading(t("account.profile"), size="5", as_="h2", margin_bottom="0.5em"),
        form_error_banner(ProfileState.form_error),
        rx.cond(
            ProfileState.loaded,
            rx.form(
                rx.text(t("field.email"), ": ", ProfileState.email, margin_bottom="0.75em"),
                form_field(
                    "full_name",
                    "field.full_name",
                    ProfileState.field_errors,
                    autocomplete="name",
                    default_value=ProfileState.full_name,
                ),
                form_field(
                    "phone",
                    "field.phone",
                    ProfileState.field_errors,
                    type_="tel",
                    autocomplete="tel",
                    required=False,
                    default_value=ProfileState.phone,
                ),
                rx.el.label(t("field.language"), html_for="field-language", class_name="cp-label"),
                rx.el.select(
                    rx.el.option(t("account.lang.es"), value="es"),
                    rx.el.option(t("account.lang.en"), value="en"),
                    id="field-language",
                    name="language",
                    default_value=ProfileState.language,
                    class_name="cp-select",
                ),
                rx.button(
                    t("account.profile.save"), type="submit", size="3", margin_top="1em", id="profile-save"
                ),
                on_submit=ProfileState.save,
                key=ProfileState.email,
            ),
            rx.spinner(),
        ),
        class_name="cp-card",
    )


def _security_card() -> rx.Component:
    return rx.card(
        rx.heading(t("account.security"), size="5", as_="h2", margin_bottom="0.5em"),
        form_error_banner(PasswordState.form_error),
        rx.form(
            form_field(
                "current_password",
                "field.current_password",
                PasswordState.field_errors,
                type_="password",
                autocomplete="current-password",
            ),
            form_field(
                "new_password",
                "field.new_password",
                PasswordState.field_errors,
                type_="password",
                autocomplete="new-password",
                hint_key="field.password_hint",
            ),
            rx.button(t("account.password.change"), type="submit", size="3", id="password-change"),
            on_submit=PasswordState.change,
            reset_on_submit=False,
        ),
        rx.divider(margin_y="1em"),
        rx.text(t("account.logout_all.help"), size="2", color_scheme="gray"),
        rx.button(
            t("account.logout_all"),
            on_click=PasswordState.log_out_everywhere,
            variant="outline",
            color_scheme="red",
            size="3",
            margin_top="0.5em",
        ),
        class_name="cp-card",
    )


def profile_page() -> rx.Component:
    """Profile and security, for every logged-in user."""
    return page_shell(
        rx.grid(
            _profile_form(),
            _security_card(),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        my_data_cards(),
        title_key="account.profile",
    )
