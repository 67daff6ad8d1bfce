"""The blocked-data section of /admin/privacidad: an admin acting for an authority reads what is kept.

Blocked data (an erased beneficiary's name, address and consent records) is hidden from
everyone; only here, with the authority and file written down, an admin can read it, and
that read is audited with its reason (:func:`erasure.authority_view`).
"""

from __future__ import annotations

import reflex as rx

from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.privacy import erasure
from care_portal.state.session import FormMixin, SessionState, guarded


class BlockedDataState(FormMixin, SessionState):
    """The form asking for one blocked beneficiary, and what is kept of it."""

    kept: dict[str, str] = {}
    consents: list[list[str]] = []

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Start with nothing shown."""
        self._clear_errors()
        self.kept, self.consents = {}, []

    @rx.event
    @guarded(Role.ADMIN)
    def open_blocked(self, viewer: Viewer, form: dict):
        """Show a blocked beneficiary's kept data to an admin acting for an authority (audited)."""
        self._clear_errors()
        self.kept, self.consents = {}, []
        number = str(form.get("beneficiary_id", "")).strip().lstrip("#")
        if not number.isdigit():
            self.field_errors = {"beneficiary_id": self._t("privacy.blocked.not_found")}
            return None
        try:
            with session_scope() as session:
                found = erasure.authority_view(
                    session, actor=viewer, beneficiary_id=int(number), reason=str(form.get("reason", ""))
                )
        except NotFound:
            self.field_errors = {"beneficiary_id": self._t("privacy.blocked.not_found")}
            return None
        except DomainError as error:
            self._show_error(error)
            return None
        self.consents = [[str(part) for part in consent] for consent in found.pop("consents")]
        self.kept = {key: str(value) for key, value in found.items()}
        return None


def blocked_data_section() -> rx.Component:
    """The form and, once asked, the kept data of one blocked beneficiary."""
    errors = BlockedDataState.field_errors
    kept = BlockedDataState.kept
    return rx.card(
        rx.heading(t("privacy.blocked.title"), size="5", as_="h2", margin_bottom="0.5em"),
        rx.text(t("privacy.blocked.help"), size="2", color_scheme="gray"),
        rx.form(
            form_field("beneficiary_id", "privacy.blocked.number", errors),
            form_field("reason", "privacy.blocked.reason", errors),
            form_error_banner(BlockedDataState.form_error),
            rx.button(t("privacy.blocked.open"), type="submit", id="blocked-open"),
            on_submit=BlockedDataState.open_blocked,
            reset_on_submit=False,
        ),
        rx.cond(
            kept.get("full_name", "") != "",
            rx.box(
                rx.text(rx.text.strong(kept["full_name"]), " · ", kept["address"]),
                rx.text(
                    t("privacy.blocked.since"),
                    " ",
                    kept["blocked_at"],
                    " · ",
                    t("privacy.blocked.until"),
                    " ",
                    kept["purge_after"],
                    size="2",
                ),
                rx.el.ul(rx.foreach(BlockedDataState.consents, lambda c: rx.el.li(c.join(" · ")))),
                id="blocked-kept",
                margin_top="0.75em",
            ),
        ),
        class_name="cp-card",
        margin_top="1.5em",
    )
