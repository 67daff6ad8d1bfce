"""The suggestions form (/cuenta/sugerencias), also the way to change or cancel a visit."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.fields import form_error_banner, text_area
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.services import client_tasks
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded


class SuggestionState(FormMixin, SessionState):
    """The form, the client's open visits to choose from, and the outcome."""

    task_options: list[dict[str, str]] = []
    task_id: str = "none"
    kind: str = "message"
    outcome: str = ""

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """List the client's visits that can still change; preselect the one in the link."""
        self._clear_errors()
        self.outcome = ""
        with session_scope() as session:
            rows = client_tasks.list_changeable_tasks(session, actor=viewer)
        self.task_options = [
            {
                "id": str(r.id),
                "label": f"{r.service} · {r.beneficiary}" + (f" · {r.appointment}" if r.appointment else ""),
            }
            for r in rows
            if r.state in ("pending_appointment", "scheduled")
        ]
        wanted = str(self.router.page.params.get("tarea", ""))
        self.task_id = wanted if any(o["id"] == wanted for o in self.task_options) else "none"
        self.kind = "cancel" if self.task_id != "none" else "message"

    @rx.event
    def set_task_id(self, value: str):
        """Choose the visit the message is about."""
        self.task_id = value
        if value == "none":
            self.kind = "message"

    @rx.event
    def set_kind(self, value: str):
        """Choose what the message asks for."""
        self.kind = value if value in client_tasks.KINDS else "message"

    @rx.event
    @guarded(Role.CLIENT)
    def send(self, viewer: Viewer, form: dict):
        """Send the message; a timely cancellation is refunded at once."""
        self._clear_errors()
        try:
            with session_scope() as session:
                result = client_tasks.submit_suggestion(
                    session,
                    actor=viewer,
                    message=str(form.get("message", "")),
                    kind=self.kind,
                    task_id=int(self.task_id) if self.task_id.isdigit() else None,
                    provider=get_provider(),
                )
        except DomainError as error:
            self._show_error(error)
            return None
        if result.cancelled:
            self.outcome = self._t(
                "suggest.cancelled", refund=result.refund, invoice=result.rectifying_invoice
            )
        elif result.waiting_for_admin:
            self.outcome = self._t("suggest.late")
        else:
            self.outcome = self._t("suggest.sent")
        return rx.toast.success(self.outcome)


S = SuggestionState


def suggestions_page() -> rx.Component:
    """Write to the team; about a visit, ask for a change or a cancellation."""
    return page_shell(
        rx.text(t("suggest.lead"), margin_bottom="1em"),
        rx.cond(
            S.outcome != "",
            rx.vstack(
                rx.callout(
                    S.outcome, icon="circle_check", color_scheme="green", id="suggest-outcome", width="100%"
                ),
                rx.link(t("visits.tasks_title"), href=routes.ACCOUNT_TASKS),
                width="100%",
            ),
            rx.form(
                form_error_banner(S.form_error),
                rx.el.label(t("suggest.about"), html_for="field-task", class_name="cp-label"),
                rx.select.root(
                    rx.select.trigger(id="field-task", width="100%"),
                    rx.select.content(
                        rx.select.item(t("suggest.no_task"), value="none"),
                        rx.foreach(S.task_options, lambda o: rx.select.item(o["label"], value=o["id"])),
                    ),
                    value=S.task_id,
                    on_change=S.set_task_id,
                    size="3",
                ),
                rx.cond(
                    S.task_id != "none",
                    rx.box(
                        rx.text(t("suggest.kind"), class_name="cp-label", margin_top="0.75em"),
                        rx.radio_group.root(
                            rx.vstack(
                                *[
                                    rx.text(
                                        rx.flex(
                                            rx.radio_group.item(value=kind),
                                            t(f"suggest.kind.{kind}"),
                                            gap="2",
                                        ),
                                        as_="label",
                                        size="3",
                                    )
                                    for kind in ("cancel", "change", "message")
                                ],
                                spacing="2",
                            ),
                            value=S.kind,
                            on_change=S.set_kind,
                            size="3",
                        ),
                        rx.text(t("suggest.kind_hint"), size="2", color_scheme="gray"),
                        rx.text(S.field_errors.get("kind", ""), class_name="cp-field-error", role="alert"),
                    ),
                ),
                rx.box(
                    text_area("message", "suggest.message", S.field_errors, rows="5", required=True),
                    margin_top="0.75em",
                    width="100%",
                ),
                rx.button(t("suggest.send"), type="submit", size="3", id="suggest-send", margin_top="0.75em"),
                on_submit=S.send,
                reset_on_submit=False,
                width="100%",
                max_width="640px",
            ),
        ),
        title_key="suggest.title",
    )
