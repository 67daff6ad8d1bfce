"""Log in, sign up, forgotten password and password reset."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.services import accounts, signup
from care_portal.state.session import FormMixin, SessionState, off_loop


class LoginState(FormMixin, SessionState):
    """The log-in form."""

    @rx.event
    @off_loop
    def submit(self, form: dict):
        """Check the credentials and open a session."""
        self._clear_errors()
        try:
            with session_scope() as session:
                result = accounts.log_in(
                    session,
                    email=form.get("email", ""),
                    password=form.get("password", ""),
                    client_ip=self._client_ip(),
                    device_proof=self._device_proof(),
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self.lang = result.viewer.language if self.lang == "es" else self.lang
        fallback = routes.ROLE_HOME.get(result.viewer.role, routes.HOME)
        return self._open_session(
            result.token, routes.safe_next(self.router.url.query_parameters.get("next"), fallback)
        )


class SignupState(FormMixin, SessionState):
    """The sign-up form: whatever the address, the answer is "we have sent you an e-mail"."""

    sent_message: str = ""

    @rx.event
    @off_loop
    def submit(self, form: dict):
        """Create the account (or e-mail the existing one) and say an e-mail is on its way."""
        self._clear_errors()
        try:
            with session_scope() as session:
                sent_to = signup.register(
                    session,
                    full_name=form.get("full_name", ""),
                    email=form.get("email", ""),
                    password=form.get("password", ""),
                    language=self.lang,
                    client_ip=self._client_ip(),
                )
        except DomainError as error:
            self._show_error(error)
            return
        self.sent_message = self._t("auth.signup.check_email", email=sent_to)

    @rx.event
    def on_open(self):
        """Start with an empty form each time the page opens."""
        self._clear_errors()
        self.sent_message = ""


class VerifyState(SessionState):
    """Confirming an e-mail address from the link sent at sign-up."""

    outcome: str = ""  # "done" or "invalid"

    @rx.event
    @off_loop
    def on_open(self):
        """Spend the link's token."""
        try:
            with session_scope() as session:
                signup.verify_email(session, token=self.router.url.query_parameters.get("token", ""))
        except DomainError:
            self.outcome = "invalid"
            return
        self.outcome = "done"


class ForgotState(FormMixin, SessionState):
    """Asking for a password-reset link."""

    sent: bool = False

    @rx.event
    @off_loop
    def submit(self, form: dict):
        """Queue the reset e-mail; the answer does not reveal whether the account exists."""
        self._clear_errors()
        try:
            with session_scope() as session:
                accounts.request_password_reset(
                    session, email=form.get("email", ""), client_ip=self._client_ip()
                )
        except DomainError as error:
            self._show_error(error)
            return
        self.sent = True


class ResetState(FormMixin, SessionState):
    """Choosing a new password from an e-mailed link."""

    done: bool = False

    @rx.event
    @off_loop
    def submit(self, form: dict):
        """Spend the token and set the new password."""
        self._clear_errors()
        token = self.router.url.query_parameters.get("token", "")
        try:
            with session_scope() as session:
                accounts.reset_password(session, token=token, new_password=form.get("password", ""))
        except DomainError as error:
            self._show_error(error)
            return
        self.done = True

    @rx.event
    def on_open(self):
        """Start with a clean form each time the page opens."""
        self._clear_errors()
        self.done = False


def _auth_card(*children: rx.Component) -> rx.Component:
    return rx.card(rx.vstack(*children, spacing="3", width="100%"), class_name="cp-auth-box", size="3")


def login_page() -> rx.Component:
    """The log-in page."""
    return page_shell(
        _auth_card(
            rx.heading(t("auth.login.title"), size="7", as_="h1"),
            form_error_banner(LoginState.form_error),
            rx.form(
                form_field(
                    "email", "field.email", LoginState.field_errors, type_="email", autocomplete="email"
                ),
                form_field(
                    "password",
                    "field.password",
                    LoginState.field_errors,
                    type_="password",
                    autocomplete="current-password",
                ),
                rx.button(t("auth.login.submit"), type="submit", size="3", width="100%", id="login-submit"),
                on_submit=LoginState.submit,
                width="100%",
            ),
            rx.link(t("auth.login.forgot"), href=routes.FORGOT),
            rx.hstack(rx.text(t("auth.login.no_account")), rx.link(t("nav.signup"), href=routes.SIGNUP)),
        ),
    )


def signup_page() -> rx.Component:
    """The sign-up page."""
    return page_shell(
        _auth_card(
            rx.heading(t("auth.signup.title"), size="7", as_="h1"),
            rx.cond(
                SignupState.sent_message != "",
                rx.callout(
                    SignupState.sent_message, icon="mail_check", color_scheme="green", id="signup-sent"
                ),
                rx.fragment(
                    form_error_banner(SignupState.form_error),
                    rx.form(
                        form_field(
                            "full_name", "field.full_name", SignupState.field_errors, autocomplete="name"
                        ),
                        form_field(
                            "email",
                            "field.email",
                            SignupState.field_errors,
                            type_="email",
                            autocomplete="email",
                        ),
                        form_field(
                            "password",
                            "field.password",
                            SignupState.field_errors,
                            type_="password",
                            autocomplete="new-password",
                            hint_key="field.password_hint",
                        ),
                        rx.text(
                            rx.link(t("privacy.title"), href=routes.PRIVACY, is_external=False),
                            " · ",
                            rx.link(t("terms.title"), href=routes.TERMS),
                            size="2",
                            margin_bottom="0.75em",
                        ),
                        rx.button(
                            t("auth.signup.submit"), type="submit", size="3", width="100%", id="signup-submit"
                        ),
                        on_submit=SignupState.submit,
                        width="100%",
                    ),
                ),
            ),
            rx.hstack(rx.text(t("auth.signup.have_account")), rx.link(t("nav.login"), href=routes.LOGIN)),
        ),
    )


def verify_page() -> rx.Component:
    """The page the e-mail verification link opens."""
    return page_shell(
        _auth_card(
            rx.heading(t("auth.verify.title"), size="7", as_="h1"),
            rx.match(
                VerifyState.outcome,
                (
                    "done",
                    rx.callout(t("auth.verify.done"), icon="check", color_scheme="green", id="verify-done"),
                ),
                (
                    "invalid",
                    rx.callout(
                        t("auth.verify.invalid"),
                        icon="triangle_alert",
                        color_scheme="red",
                        id="verify-invalid",
                    ),
                ),
                rx.text(t("common.loading")),
            ),
            rx.link(rx.button(t("nav.login"), size="3"), href=routes.LOGIN),
        ),
    )


def forgot_page() -> rx.Component:
    """Ask for a reset link."""
    return page_shell(
        _auth_card(
            rx.heading(t("auth.forgot.title"), size="7", as_="h1"),
            rx.cond(
                ForgotState.sent,
                rx.callout(t("auth.forgot.sent"), icon="mail_check", color_scheme="green", id="forgot-sent"),
                rx.fragment(
                    rx.text(t("auth.forgot.lead")),
                    form_error_banner(ForgotState.form_error),
                    rx.form(
                        form_field(
                            "email",
                            "field.email",
                            ForgotState.field_errors,
                            type_="email",
                            autocomplete="email",
                        ),
                        rx.button(
                            t("auth.forgot.submit"), type="submit", size="3", width="100%", id="forgot-submit"
                        ),
                        on_submit=ForgotState.submit,
                        width="100%",
                    ),
                ),
            ),
        ),
    )


def reset_page() -> rx.Component:
    """Choose a new password with the e-mailed token."""
    return page_shell(
        _auth_card(
            rx.heading(t("auth.reset.title"), size="7", as_="h1"),
            rx.cond(
                ResetState.done,
                rx.vstack(
                    rx.callout(t("auth.reset.done"), icon="check", color_scheme="green", id="reset-done"),
                    rx.link(rx.button(t("nav.login"), size="3"), href=routes.LOGIN),
                ),
                rx.fragment(
                    form_error_banner(ResetState.form_error),
                    rx.form(
                        form_field(
                            "password",
                            "field.new_password",
                            ResetState.field_errors,
                            type_="password",
                            autocomplete="new-password",
                            hint_key="field.password_hint",
                        ),
                        rx.button(
                            t("auth.reset.submit"), type="submit", size="3", width="100%", id="reset-submit"
                        ),
                        on_submit=ResetState.submit,
                        width="100%",
                    ),
                ),
            ),
        ),
    )
