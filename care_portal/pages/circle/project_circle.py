"""«Círculo familiar» on the client's project page, and «Familiares que sigo» on «Proyectos».

The client invites, sees, grants and removes; a member sees the relatives they follow.
"""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.circle import invitations, members
from care_portal.state.session import FormMixin, SessionState, guarded


class CircleState(FormMixin, SessionState):
    """The circle of the project in the URL, for its client."""

    members: list[dict] = []
    pending: list[dict] = []
    _beneficiary_id: int = 0

    def _fill(self, viewer: Viewer) -> None:
        try:
            with session_scope() as session:
                circle = members.list_circle(session, actor=viewer, beneficiary_id=self._beneficiary_id)
        except DomainError:
            self.members, self.pending = [], []
            return
        self.members = [asdict(m) for m in circle.members]
        self.pending = [asdict(p) for p in circle.pending]

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def load(self, viewer: Viewer):
        """Load the circle of the URL's project (its client only)."""
        self._clear_errors()
        self._beneficiary_id = routes.path_number(self.router.url.path, 2) or 0
        self._fill(viewer)

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def invite(self, viewer: Viewer, form: dict):
        """E-mail an invitation with what the client grants."""
        self._clear_errors()
        try:
            with session_scope() as session:
                sent_to = invitations.invite(
                    session,
                    actor=viewer,
                    beneficiary_id=self._beneficiary_id,
                    email=str(form.get("email", "")),
                    can_message=bool(form.get("can_message")),
                    can_buy=bool(form.get("can_buy")),
                    as_beneficiary=bool(form.get("as_beneficiary")),
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._fill(viewer)
        return [rx.set_value("field-email", ""), rx.toast.success(self._t("circle.invited", email=sent_to))]

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def set_grants(self, viewer: Viewer, member_id: int, can_buy: bool, can_message: bool):
        """Change what a member may do besides reading."""
        try:
            with session_scope() as session:
                members.set_grants(
                    session, actor=viewer, member_id=int(member_id), can_buy=can_buy, can_message=can_message
                )
        except (DomainError, TypeError, ValueError):
            return rx.toast.error(self._t("errors.not_found"))
        self._fill(viewer)
        return rx.toast.success(self._t("circle.grants_saved"))

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def remove(self, viewer: Viewer, member_id: int):
        """Take a member out of the circle: they lose access at once."""
        try:
            with session_scope() as session:
                members.remove_member(session, actor=viewer, member_id=int(member_id))
        except (DomainError, TypeError, ValueError):
            return rx.toast.error(self._t("errors.not_found"))
        self._fill(viewer)
        return rx.toast.success(self._t("circle.removed"))

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def revoke(self, viewer: Viewer, invitation_id: int):
        """Cancel an invitation not accepted yet."""
        try:
            with session_scope() as session:
                members.revoke_invitation(session, actor=viewer, invitation_id=int(invitation_id))
        except (DomainError, TypeError, ValueError):
            return rx.toast.error(self._t("errors.not_found"))
        self._fill(viewer)
        return rx.toast.success(self._t("circle.revoked"))


class FollowedState(SessionState):
    """The beneficiaries whose circle the caller belongs to."""

    followed: list[dict] = []

    @rx.event
    @guarded(off_loop=True)
    def load(self, viewer: Viewer):
        """Load the caller's own memberships."""
        with session_scope() as session:
            rows = members.my_circles(session, actor=viewer)
        self.followed = [
            asdict(r)
            | {
                "url": routes.circle_project_url(r.beneficiary_id),
                "messages_url": routes.conversation_url(r.beneficiary_id),
            }
            for r in rows
        ]


def _check(name: str, label_key: str) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="checkbox", name=name, id=f"invite-{name}"),
        rx.text(t(label_key)),
        class_name="cp-check",
        margin_bottom="0.5em",
    )


def _member_row(member: dict) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(member["full_name"], weight="bold"),
                rx.cond(member["is_beneficiary"], rx.badge(t("circle.is_beneficiary"), color_scheme="teal")),
                wrap="wrap",
            ),
            rx.text(member["email"], size="2", color_scheme="gray"),
            rx.hstack(
                rx.badge(t("circle.grant.view")),
                rx.cond(member["can_message"], rx.badge(t("circle.grant.message"), color_scheme="blue")),
                rx.cond(member["can_buy"], rx.badge(t("circle.grant.buy"), color_scheme="amber")),
                wrap="wrap",
            ),
            rx.hstack(
                rx.button(
                    rx.cond(member["can_message"], t("circle.deny_message"), t("circle.allow_message")),
                    on_click=CircleState.set_grants(
                        member["id"], member["can_buy"], ~member["can_message"].to(bool)
                    ),
                    variant="soft",
                    size="2",
                    class_name="circle-toggle-message",
                ),
                rx.button(
                    rx.cond(member["can_buy"], t("circle.deny_buy"), t("circle.allow_buy")),
                    on_click=CircleState.set_grants(
                        member["id"], ~member["can_buy"].to(bool), member["can_message"]
                    ),
                    variant="soft",
                    size="2",
                    class_name="circle-toggle-buy",
                ),
                rx.button(
                    t("circle.remove"),
                    on_click=CircleState.remove(member["id"]),
                    color_scheme="red",
                    variant="outline",
                    size="2",
                    class_name="circle-remove",
                ),
                wrap="wrap",
            ),
            spacing="2",
            align="start",
        ),
        class_name="cp-card circle-member",
    )


def circle_section() -> rx.Component:
    """The project's «Círculo familiar» card (its client only)."""
    return rx.card(
        rx.vstack(
            rx.heading(t("circle.title"), size="5", as_="h2"),
            rx.text(t("circle.lead"), color_scheme="gray"),
            rx.foreach(CircleState.members, _member_row),
            rx.cond(
                CircleState.pending.length() > 0,
                rx.vstack(
                    rx.text(t("circle.pending"), weight="bold"),
                    rx.foreach(
                        CircleState.pending,
                        lambda p: rx.hstack(
                            rx.text(p["email"], " · ", t("circle.expires"), " ", p["expires"], size="2"),
                            rx.button(
                                t("circle.revoke"),
                                on_click=CircleState.revoke(p["id"]),
                                variant="ghost",
                                size="2",
                                class_name="circle-revoke",
                            ),
                            align="center",
                            wrap="wrap",
                        ),
                    ),
                    spacing="1",
                    align="start",
                ),
            ),
            rx.heading(t("circle.invite_title"), size="4", as_="h3", margin_top="0.5em"),
            form_error_banner(CircleState.form_error),
            rx.form(
                form_field("email", "circle.invite_email", CircleState.field_errors, type_="email"),
                _check("can_message", "circle.grant_message_label"),
                _check("can_buy", "circle.grant_buy_label"),
                _check("as_beneficiary", "circle.as_beneficiary_label"),
                rx.button(
                    rx.icon("mail_plus"), t("circle.invite"), type="submit", size="3", id="circle-invite"
                ),
                on_submit=CircleState.invite,
                width="100%",
            ),
            spacing="3",
            align="start",
            width="100%",
        ),
        class_name="cp-card circle-card",
        margin_top="1em",
    )


def followed_section() -> rx.Component:
    """«Familiares que sigo» on «Proyectos»: the circles the caller belongs to."""
    return rx.cond(
        FollowedState.followed.length() > 0,
        rx.vstack(
            rx.heading(t("circle.followed_title"), size="5", as_="h2"),
            rx.foreach(
                FollowedState.followed,
                lambda f: rx.card(
                    rx.hstack(
                        rx.link(f["full_name"], href=f["url"], weight="bold", class_name="followed-link"),
                        rx.text(f["town"], color_scheme="gray"),
                        rx.cond(f["can_message"], rx.link(t("nav.messages"), href=f["messages_url"])),
                        wrap="wrap",
                        align="center",
                        spacing="3",
                    ),
                    class_name="cp-card",
                ),
            ),
            spacing="3",
            width="100%",
            margin_top="1.5em",
        ),
    )
