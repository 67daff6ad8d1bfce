"""/familia/invitacion?token=…: the invitee signs up or logs in with the invited address, then accepts.

Reading the invitation needs only the secret link (it shows the inviter's name, the
beneficiary's first name and the address invited — nothing private). Signing up here is the
ordinary sign-up (``services.signup``: same answer whatever the address, a confirmation
e-mail), followed by a log-in that comes back to this page; accepting needs the invited account.
"""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.services import accounts, signup
from care_portal.services.authz import Viewer
from care_portal.services.circle import invitations
from care_portal.state.session import FormMixin, SessionState, guarded, off_loop


class InvitationState(FormMixin, SessionState):
    """The invitation of the link in the URL."""

    invitation: dict = {}
    problem: str = ""
    signed_in_as: str = ""
    login_href: str = routes.LOGIN

    def _token(self) -> str:
        return self.router.url.query_parameters.get("token", "")

    def _here(self) -> str:
        return routes.circle_invitation_url(self._token())

    @rx.event
    @off_loop
    def load(self):
        """Show the invitation of the link (anyone holding the secret link may read it)."""
        self._clear_errors()
        viewer = self._resolve_viewer()
        self._show_viewer(viewer)
        self.signed_in_as = viewer.email if viewer else ""
        self.login_href = routes.login_url(self._here())
        try:
            with session_scope() as session:
                view = invitations.view_invitation(session, token=self._token())
        except DomainError as error:
            self.invitation, self.problem = {}, self._error_text(error)
            return
        self.invitation, self.problem = asdict(view), ""

    @rx.event
    @off_loop
    def sign_up(self, form: dict):
        """Create the account for the invited address (the ordinary sign-up) and log in to accept."""
        self._clear_errors()
        email = self.invitation.get("email", "")
        if not email:
            return None
        password = str(form.get("password", ""))
        try:
            with session_scope() as session:
                signup.register(
                    session,
                    full_name=str(form.get("full_name", "")),
                    email=email,
                    password=password,
                    language=self.lang,
                    client_ip=self._client_ip(),
                )
            with session_scope() as session:
                result = accounts.log_in(
                    session,
                    email=email,
                    password=password,
                    client_ip=self._client_ip(),
                    device_proof=self._device_proof(),
                )
        except DomainError as error:
            if error.key == "auth.bad_credentials":  # the address already had an account
                self.form_error = self._t("circle.account_exists")
            else:
                self._show_error(error)
            return None
        return self._open_session(result.token, self._here())

    @rx.event
    @guarded(off_loop=True)
    def accept(self, viewer: Viewer):
        """Join the circle as the invited account."""
        self._clear_errors()
        try:
            with session_scope() as session:
                beneficiary_id = invitations.accept_invitation(session, actor=viewer, token=self._token())
        except DomainError as error:
            self.form_error = self._error_text(error)
            return None
        return [
            rx.redirect(routes.circle_project_url(beneficiary_id)),
            rx.toast.success(self._t("circle.joined")),
        ]


def _signup_form() -> rx.Component:
    state = InvitationState
    return rx.vstack(
        rx.heading(t("circle.new_account"), size="4", as_="h2"),
        rx.form(
            form_field("full_name", "field.full_name", state.field_errors, autocomplete="name"),
            form_field(
                "password",
                "field.password",
                state.field_errors,
                type_="password",
                autocomplete="new-password",
                hint_key="field.password_hint",
            ),
            rx.text(
                rx.link(t("privacy.title"), href=routes.PRIVACY),
                " · ",
                rx.link(t("terms.title"), href=routes.TERMS),
                size="2",
                margin_bottom="0.75em",
            ),
            rx.button(
                t("circle.signup_and_accept"), type="submit", size="3", width="100%", id="invite-signup"
            ),
            on_submit=state.sign_up,
            width="100%",
        ),
        rx.hstack(
            rx.text(t("circle.have_account")),
            rx.link(
                t("nav.login"),
                href=state.login_href,
                id="invite-login",
            ),
            wrap="wrap",
        ),
        width="100%",
        spacing="3",
    )


def _invitation() -> rx.Component:
    state = InvitationState
    invitation = state.invitation
    return rx.vstack(
        rx.heading(t("circle.invitation_title"), size="7", as_="h1"),
        rx.text(
            invitation["inviter_name"].to(str),
            " ",
            rx.cond(
                invitation["as_beneficiary"].to(bool), t("circle.invites_you_self"), t("circle.invites_you")
            ),
            " ",
            rx.text.strong(invitation["beneficiary_first_name"].to(str)),
            ".",
            id="invitation-text",
        ),
        rx.text(t("circle.invitation_for"), " ", rx.text.strong(invitation["email"].to(str))),
        rx.text(t("circle.expires"), " ", invitation["expires"].to(str), size="2", color_scheme="gray"),
        form_error_banner(state.form_error),
        rx.cond(
            SessionState.is_logged_in,
            rx.vstack(
                rx.text(t("circle.signed_in_as"), " ", state.signed_in_as),
                rx.button(t("circle.accept"), on_click=state.accept, size="3", id="invite-accept"),
                spacing="2",
            ),
            _signup_form(),
        ),
        spacing="3",
        width="100%",
    )


def invitation_page() -> rx.Component:
    """The invitation page."""
    return page_shell(
        rx.card(
            rx.cond(
                InvitationState.problem != "",
                rx.callout(
                    InvitationState.problem, icon="triangle_alert", color_scheme="amber", id="invite-problem"
                ),
                rx.cond(InvitationState.invitation.contains("email"), _invitation(), rx.spinner()),
            ),
            class_name="cp-auth-box",
            size="3",
        ),
    )
