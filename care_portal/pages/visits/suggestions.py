"""The suggestions form (/cuenta/sugerencias), also the way to change or cancel a visit."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.callouts import block_callout
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
    preview: dict[str, str] = {}
    outcome: str = ""

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """List the client's visits that can still change; preselect the one in the link."""
        self._clear_errors()
        self.outcome = ""
        with session_scope() as session:
            rows = client_tasks.list_changeable_tasks(session, actor=viewer)
        self.task_options = _task_options(
            [r for r in rows if r.state in ("pending_appointment", "scheduled")], self._t
        )
        wanted = str(self.router.page.params.get("tarea", ""))
        self._choose_task(viewer, wanted if any(o["id"] == wanted for o in self.task_options) else "none")

    def _choose_task(self, viewer: Viewer, value: str) -> None:
        """Select a visit (nothing asked yet: the client picks what they need) and preview a cancel."""
        self.task_id = value
        self.kind = "" if value != "none" else "message"
        self.preview = {}
        if value.isdigit():
            with session_scope() as session:
                preview = client_tasks.cancellation_preview(session, actor=viewer, task_id=int(value))
            self.preview = {
                "text": self._t(
                    "suggest.preview.free" if preview.free else "suggest.preview.late",
                    refund=preview.refund,
                    deadline=preview.deadline or self._t("suggest.preview.no_date"),
                )
            }

    @rx.event
    @guarded(Role.CLIENT)
    def set_task_id(self, viewer: Viewer, value: str):
        """Choose the visit the message is about."""
        try:
            self._choose_task(viewer, value)
        except DomainError:
            self._choose_task(viewer, "none")

    @rx.event
    def set_kind(self, value: str):
        """Choose what the message asks for."""
        self.kind = value if value in client_tasks.KINDS else ""

    @rx.event
    @guarded(Role.CLIENT)
    def send(self, viewer: Viewer, form: dict):
        """Send the message; a timely cancellation is refunded at once (after an explicit yes)."""
        self._clear_errors()
        if self.task_id != "none" and not self.kind:
            self.field_errors = {"kind": self._t("suggest.choose_kind")}
            self.form_error = self._t("errors.validation")
            return None
        if self.kind == "cancel" and not form.get("confirm_cancel"):
            self.field_errors = {"confirm_cancel": self._t("suggest.confirm_required")}
            self.form_error = self._t("errors.validation")
            return None
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


def _task_options(rows: list, t_) -> list[dict[str, str]]:
    """Label each open visit so that two alike are told apart («visita 2 de 4», date)."""
    labels = [f"{r.service} · {r.beneficiary}" for r in rows]
    totals = {label: labels.count(label) for label in labels}
    seen: dict[str, int] = {}
    options = []
    for row, label in zip(rows, labels, strict=True):
        seen[label] = seen.get(label, 0) + 1
        text = label
        if row.sequence_total and row.sequence_total > 1:  # its place in its pack or plan month
            text += " · " + t_("series.visit_of", number=row.sequence_number, total=row.sequence_total)
        elif totals[label] > 1:
            text += " · " + t_("suggest.visit_n_of", n=seen[label], total=totals[label])
        if row.appointment or row.preferred:
            text += f" · {row.appointment or row.preferred}"
        options.append({"id": str(row.id), "label": text})
    return options


def _confirm_cancel() -> rx.Component:
    error = S.field_errors.get("confirm_cancel", "")
    return block_callout(
        rx.vstack(
            rx.text(S.preview.get("text", ""), id="cancel-preview"),
            rx.el.label(
                rx.el.input(
                    type="checkbox",
                    name="confirm_cancel",
                    id="field-confirm_cancel",
                    aria_invalid=rx.cond(error != "", "true", "false"),
                    aria_describedby="field-confirm_cancel-error cancel-preview",
                ),
                rx.text(t("suggest.confirm_cancel"), weight="bold"),
                class_name="cp-check",
            ),
            rx.text(
                error, id="field-confirm_cancel-error", class_name="cp-field-error", role="alert", size="2"
            ),
            spacing="2",
        ),
        icon="triangle_alert",
        color_scheme="amber",
        margin_top="0.75em",
        width="100%",
    )


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
                                            spacing="2",
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
                        rx.text(
                            S.field_errors.get("kind", ""),
                            id="field-kind-error",
                            class_name="cp-field-error",
                            role="alert",
                        ),
                    ),
                ),
                rx.cond(S.kind == "cancel", _confirm_cancel()),
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
