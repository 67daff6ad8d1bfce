"""«Mis datos», privacy part: download my data, billing data (rectification), rights requests."""

from __future__ import annotations

import asyncio
from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.privacy import RIGHTS_KINDS
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.checkout.billing import BillingData, get_billing
from care_portal.services.privacy import erasure, export, rights
from care_portal.state.session import FormMixin, SessionState, guarded

BILLING_FIELDS = ("nif", "billing_name", "address", "postal_code", "town", "phone")
BILLING_LABELS = (
    "billing.nif",
    "billing.name",
    "billing.address",
    "billing.postal_code",
    "billing.town",
    "billing.phone",
)


class MyDataState(FormMixin, SessionState):
    """The client's data export, billing data and rights requests."""

    is_client: bool = False
    export_status: str = ""
    export_progress: int = 0
    export_url: str = ""
    billing: dict[str, str] = {}
    billing_note: str = ""
    requests: list[dict[str, str]] = []
    _export_id: int = 0

    def _refresh(self, viewer: Viewer) -> None:
        with session_scope() as session:
            latest = export.latest_export(session, actor=viewer)
            billing = get_billing(session, actor=viewer)
            rows = rights.list_own_requests(session, actor=viewer)
        self._show_export(latest)
        self.billing = {k: str(v) for k, v in asdict(billing).items()} if billing else {}
        self.requests = [
            {k: str(v) for k, v in asdict(r).items()} | {"kind_label": self._t(f"privacy.kind.{r.kind}")}
            for r in rows
        ]

    def _show_export(self, latest: export.ExportStatus | None) -> None:
        self.export_status = latest.status if latest else ""
        self.export_progress = latest.progress if latest else 0
        self._export_id = latest.id if latest else 0
        self.export_url = (
            routes.data_export_url(latest.id) if latest and latest.status == export.READY else ""
        )

    @rx.event
    @guarded()
    def load(self, viewer: Viewer):
        """Load the privacy cards (clients only; other roles see just their profile)."""
        self._clear_errors()
        self.is_client = viewer.role == Role.CLIENT.value
        self.billing_note = ""
        if self.is_client:
            self._refresh(viewer)

    @rx.event
    @guarded(Role.CLIENT)
    def start_export(self, viewer: Viewer):
        """Queue «Descargar mis datos» and build it in the background."""
        try:
            with session_scope() as session:
                self._export_id = export.request_export(session, actor=viewer)
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        self.export_status, self.export_progress, self.export_url = export.QUEUED, 0, ""
        return MyDataState.build_export

    def _reread_export(self) -> None:
        """Show the tab's user their latest export (in a worker thread)."""
        viewer = self._resolve_viewer()
        if viewer is not None:
            with session_scope() as session:
                self._show_export(export.latest_export(session, actor=viewer))

    @rx.event(background=True)
    async def build_export(self):
        """Build the ZIP off the event loop, showing its progress until it is ready."""
        async with self:
            export_id = self._export_id
        job = asyncio.create_task(asyncio.to_thread(export.build_export, export_id))
        while not job.done():
            await asyncio.sleep(0.5)
            async with self:
                await asyncio.to_thread(self._reread_export)
        failed = job.exception() is not None
        async with self:
            await asyncio.to_thread(self._reread_export)
            if failed:
                return rx.toast.error(self._t("privacy.export_failed"))
        return None

    @rx.event
    @guarded(Role.CLIENT)
    def downloaded(self, viewer: Viewer):
        """The ZIP was taken: it cannot be downloaded again."""
        self.export_url, self.export_status = "", export.DOWNLOADED

    @rx.event
    @guarded(Role.CLIENT)
    def save_billing(self, viewer: Viewer, form: dict):
        """Correct the billing data; issued invoices keep theirs."""
        self._clear_errors()
        data = BillingData(*(str(form.get(name, "")) for name in BILLING_FIELDS))
        try:
            with session_scope() as session:
                has_invoices = rights.rectify_billing(session, actor=viewer, data=data)
        except DomainError as error:
            self._show_error(error)
            return None
        self.billing_note = self._t("privacy.billing_future_only") if has_invoices else ""
        self._refresh(viewer)
        return rx.toast.success(self._t("privacy.billing_saved"))

    @rx.event
    @guarded(Role.CLIENT)
    def file_request(self, viewer: Viewer, form: dict):
        """Record a rights request (erasure, objection…) with its one-month due date."""
        self._clear_errors()
        try:
            with session_scope() as session:
                rights.file_request(
                    session,
                    actor=viewer,
                    kind=str(form.get("kind", "")),
                    details=str(form.get("details", "")),
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._refresh(viewer)
        return rx.toast.success(self._t("privacy.request_filed"))

    @rx.event
    @guarded(Role.CLIENT)
    def close_account(self, viewer: Viewer, form: dict):
        """Close the account: erase everything not kept by law, block the rest, log out."""
        if not form.get("confirm_close"):
            self.field_errors = {"confirm_close": self._t("privacy.erase.confirm_required")}
            return None
        try:
            with session_scope() as session:
                erasure.close_account(session, actor=viewer)
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        self.auth_token = ""
        self._show_viewer(None)
        return [rx.redirect(routes.HOME), rx.toast.success(self._t("privacy.close.done"))]


def _close_card() -> rx.Component:
    return rx.card(
        rx.heading(t("privacy.close.title"), size="5", as_="h2", margin_bottom="0.5em"),
        rx.text(t("privacy.close.help"), size="2", color_scheme="gray"),
        rx.form(
            rx.el.label(
                rx.el.input(type="checkbox", name="confirm_close", id="field-confirm_close"),
                rx.text(t("privacy.erase.confirm")),
                class_name="cp-check",
            ),
            rx.text(
                MyDataState.field_errors.get("confirm_close", ""), class_name="cp-field-error", role="alert"
            ),
            rx.button(
                t("privacy.close.button"),
                type="submit",
                color_scheme="red",
                variant="outline",
                id="close-submit",
            ),
            on_submit=MyDataState.close_account,
        ),
        class_name="cp-card",
    )


def _export_card() -> rx.Component:
    return rx.card(
        rx.heading(t("privacy.export.title"), size="5", as_="h2", margin_bottom="0.5em"),
        rx.text(t("privacy.export.help"), size="2", color_scheme="gray"),
        rx.match(
            MyDataState.export_status,
            (
                export.READY,
                rx.link(
                    rx.button(rx.icon("download"), t("privacy.export.download"), size="3"),
                    href=MyDataState.export_url,
                    is_external=True,
                    id="export-download",
                    on_click=MyDataState.downloaded,
                ),
            ),
            (
                export.QUEUED,
                rx.progress(value=MyDataState.export_progress, id="export-progress"),
            ),
            (
                export.BUILDING,
                rx.progress(value=MyDataState.export_progress, id="export-progress"),
            ),
            rx.button(
                rx.icon("archive"),
                t("privacy.export.start"),
                on_click=MyDataState.start_export,
                size="3",
                id="export-start",
            ),
        ),
        class_name="cp-card",
    )


def _billing_card() -> rx.Component:
    b = MyDataState.billing
    errors = MyDataState.field_errors
    return rx.card(
        rx.heading(t("privacy.billing.title"), size="5", as_="h2", margin_bottom="0.5em"),
        rx.text(t("privacy.billing.help"), size="2", color_scheme="gray"),
        rx.form(
            *[
                form_field(name, label, errors, default_value=b.get(name, ""), field_id=f"billing-{name}")
                for name, label in zip(BILLING_FIELDS, BILLING_LABELS, strict=True)
            ],
            rx.button(t("common.save"), type="submit", size="3", id="billing-save"),
            on_submit=MyDataState.save_billing,
            reset_on_submit=False,
            key=b.get("nif", ""),
        ),
        rx.cond(
            MyDataState.billing_note != "",
            rx.callout(MyDataState.billing_note, icon="info", id="billing-note"),
        ),
        class_name="cp-card",
    )


def _requests_card() -> rx.Component:
    errors = MyDataState.field_errors
    return rx.card(
        rx.heading(t("privacy.requests.title"), size="5", as_="h2", margin_bottom="0.5em"),
        rx.text(t("privacy.requests.help"), size="2", color_scheme="gray"),
        rx.form(
            rx.el.label(t("privacy.requests.kind"), html_for="field-kind", class_name="cp-label"),
            rx.el.select(
                *[rx.el.option(t(f"privacy.kind.{kind}"), value=kind) for kind in RIGHTS_KINDS],
                id="field-kind",
                name="kind",
                class_name="cp-select",
            ),
            form_field("details", "privacy.requests.details", errors, required=False),
            form_error_banner(MyDataState.form_error),
            rx.button(t("privacy.requests.send"), type="submit", size="3", id="request-send"),
            on_submit=MyDataState.file_request,
        ),
        rx.el.ul(
            rx.foreach(
                MyDataState.requests,
                lambda r: rx.el.li(
                    r["received"],
                    " · ",
                    r["kind_label"],
                    " · ",
                    t("privacy.requests.due"),
                    " ",
                    r["due"],
                    rx.cond(
                        r["closed"] != "",
                        rx.text.span(" · ", t("privacy.requests.answered"), " ", r["closed"]),
                    ),
                ),
            ),
            id="my-requests",
        ),
        class_name="cp-card",
    )


def my_data_cards() -> rx.Component:
    """The privacy cards of «Mis datos», shown to clients."""
    return rx.cond(
        MyDataState.is_client,
        rx.grid(
            _export_card(),
            _billing_card(),
            _requests_card(),
            _close_card(),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
            margin_top="1em",
        ),
    )
