"""Invoices: the client's "Facturas" and the admin's list with filters, totals and CSV."""

from __future__ import annotations

from dataclasses import asdict
from urllib.parse import urlencode

import reflex as rx
from sqlmodel import Session

from care_portal import routes
from care_portal.components.admin import admin_tabs, aeat_incidents_callout
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.pager import PagerMixin, pager
from care_portal.db import session_scope
from care_portal.models import Role
from care_portal.services import aeat_status, invoice_queries
from care_portal.services.authz import Viewer
from care_portal.services.invoice_queries import InvoiceRow
from care_portal.services.paging import Page
from care_portal.state.paged_list import ClientPagedListMixin
from care_portal.state.session import SessionState, guarded


def _row_dict(row: InvoiceRow) -> dict:
    return asdict(row) | {
        "pdf_url": routes.invoice_pdf_url(row.id),
        "filename": f"factura-{row.number}.pdf",
    }


class ClientInvoicesState(ClientPagedListMixin, SessionState):
    """The logged-in client's invoices."""

    invoices: list[dict] = []

    def _read_page(self, session: Session, viewer: Viewer, number: int) -> Page:
        return invoice_queries.list_client_invoices(session, actor=viewer, page=number)

    def _show_rows(self, page: Page) -> None:
        self.invoices = [_row_dict(row) for row in page]


class AdminInvoicesState(PagerMixin, SessionState):
    """Every invoice, filtered, with totals per month and per IVA rate."""

    invoices: list[dict] = []
    per_month: list[dict] = []
    per_rate: list[dict] = []
    grand_total: str = ""
    count: int = 0
    unsent: int = 0
    aeat_incidents: int = 0
    month: str = ""
    kind: str = ""
    search: str = ""
    csv_url: str = routes.ADMIN_INVOICES_CSV

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load the first page of the list with the current filters."""
        self._fill(viewer, 1)

    @rx.event
    @guarded(Role.ADMIN)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of the filtered list."""
        self._fill(viewer, number)

    def _fill(self, viewer: Viewer, number: int) -> None:
        filters = {"month": self.month, "kind": self.kind, "search": self.search}
        with session_scope() as session:
            rows = invoice_queries.list_invoices(session, actor=viewer, page=number, **filters)
            summary = invoice_queries.summarise_invoices(session, actor=viewer, **filters)
            aeat = aeat_status.counts(session, actor=viewer)
        self.unsent = aeat.pending
        self.aeat_incidents = aeat.incidents
        self.invoices = [_row_dict(row) for row in rows]
        self._show_page(rows)
        self.per_month = [asdict(row) for row in summary.per_month]
        self.per_rate = [asdict(row) for row in summary.per_rate]
        self.grand_total = summary.grand_total
        self.count = summary.count
        query = urlencode(
            {k: v for k, v in (("month", self.month), ("kind", self.kind), ("q", self.search)) if v}
        )
        self.csv_url = routes.ADMIN_INVOICES_CSV + (f"?{query}" if query else "")

    @rx.event
    @guarded(Role.ADMIN)
    def apply_filters(self, viewer: Viewer, form: dict):
        """Apply the filter form."""
        month = str(form.get("month", "")).strip()
        self.month = month if len(month) == 7 and month[4] == "-" else ""
        self.kind = form.get("kind", "") if form.get("kind") in ("invoice", "rectifying") else ""
        self.search = str(form.get("q", "")).strip()[:60]
        return AdminInvoicesState.load


def _state_badge(state: rx.Var) -> rx.Component:
    return rx.match(
        state,
        ("paid", rx.badge(t("invoices.state.paid"), color_scheme="green", size="2")),
        ("rectified", rx.badge(t("invoices.state.rectified"), color_scheme="amber", size="2")),
        ("cancelled", rx.badge(t("invoices.state.cancelled"), color_scheme="red", size="2")),
        rx.badge(t("invoices.state.rectifying"), color_scheme="gray", size="2"),
    )


def _download_button(row: dict) -> rx.Component:
    """A download link styled as a button.

    ``rx.el.a`` renders a client-side router link; ``reload_document`` lets the
    browser fetch the file itself.
    """
    return rx.button(
        rx.el.a(
            rx.icon("download", size=18),
            t("invoices.download"),
            href=row["pdf_url"],
            download=row["filename"],
            reload_document=True,
            class_name="invoice-download",
        ),
        as_child=True,
        size="3",
    )


def _invoice_card(row: dict) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.hstack(
                    rx.heading(row["number"], size="4", as_="h2"),
                    _state_badge(row["state"]),
                    align="center",
                    wrap="wrap",
                ),
                rx.text(t("invoices.col.date"), ": ", row["date"]),
                rx.text(t("invoices.col.beneficiary"), ": ", row["beneficiary_name"]),
                rx.cond(
                    row["rectifies_number"] != "",
                    rx.text(t("invoices.rectifies"), " ", row["rectifies_number"], color_scheme="gray"),
                ),
                spacing="1",
            ),
            rx.vstack(
                rx.text(t("invoices.col.total"), ": ", rx.text.strong(row["total"]), size="5"),
                _download_button(row),
                align=rx.breakpoints(initial="start", sm="end"),
                spacing="2",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            justify="between",
            spacing="3",
        ),
        class_name="cp-card invoice-card",
    )


def client_invoices_page() -> rx.Component:
    """The client's "Facturas" tab."""
    return page_shell(
        rx.text(t("invoices.lead"), margin_bottom="1em"),
        rx.cond(
            ClientInvoicesState.loaded,
            rx.cond(
                ClientInvoicesState.invoices.length() > 0,
                rx.vstack(
                    rx.foreach(ClientInvoicesState.invoices, _invoice_card),
                    pager(ClientInvoicesState),
                    spacing="3",
                    width="100%",
                ),
                rx.callout(t("invoices.empty"), icon="info", id="invoices-empty"),
            ),
            rx.spinner(),
        ),
        title_key="invoices.title",
    )


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            rx.box(
                rx.el.label(t("admin.invoices.month"), html_for="filter-month", class_name="cp-label"),
                rx.el.input(
                    id="filter-month",
                    name="month",
                    type="month",
                    class_name="cp-select",
                    key=AdminInvoicesState.month,
                ),
            ),
            rx.box(
                rx.el.label(t("admin.invoices.kind"), html_for="filter-kind", class_name="cp-label"),
                rx.el.select(
                    rx.el.option(t("admin.invoices.all"), value=""),
                    rx.el.option(t("admin.invoices.kind.invoice"), value="invoice"),
                    rx.el.option(t("admin.invoices.kind.rectifying"), value="rectifying"),
                    id="filter-kind",
                    name="kind",
                    class_name="cp-select",
                ),
            ),
            rx.box(
                rx.el.label(t("admin.invoices.search"), html_for="filter-q", class_name="cp-label"),
                rx.el.input(id="filter-q", name="q", type="search", class_name="cp-select"),
            ),
            rx.button(
                t("admin.invoices.apply"), type="submit", size="3", id="filter-apply", margin_bottom="0.75em"
            ),
            spacing="3",
            align="end",
            wrap="wrap",
        ),
        on_submit=AdminInvoicesState.apply_filters,
        margin_bottom="1em",
    )


def _totals_table(title_key: str, label_key: str, rows: rx.Var, label) -> rx.Component:
    return rx.box(
        rx.heading(t(title_key), size="4", as_="h2", margin_bottom="0.5em"),
        rx.box(
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t(label_key)),
                        rx.table.column_header_cell(t("invoices.col.base")),
                        rx.table.column_header_cell(t("invoices.col.tax")),
                        rx.table.column_header_cell(t("invoices.col.total")),
                    )
                ),
                rx.table.body(
                    rx.foreach(
                        rows,
                        lambda row: rx.table.row(
                            rx.table.cell(label(row["label"]), white_space="nowrap"),
                            rx.table.cell(row["base"], white_space="nowrap"),
                            rx.table.cell(row["tax"], white_space="nowrap"),
                            rx.table.cell(row["total"], white_space="nowrap"),
                        ),
                    )
                ),
                width="100%",
                size="1",
            ),
            class_name="cp-table-wrap",
        ),
        width="100%",
    )


def _rate_label(code: rx.Var) -> rx.Component:
    return rx.cond(code == "exempt", t("invoices.rate.exempt"), rx.text(code, " %", as_="span"))


def _admin_row(row: dict) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(
                row["number"],
                href=row["pdf_url"],
                download=row["filename"],
                reload_document=True,
                class_name="invoice-download",
            ),
            white_space="nowrap",
        ),
        rx.table.cell(row["date"], white_space="nowrap"),
        rx.table.cell(row["recipient_name"]),
        rx.table.cell(row["recipient_nif"]),
        rx.table.cell(row["beneficiary_name"]),
        rx.table.cell(row["total"], white_space="nowrap"),
        rx.table.cell(_state_badge(row["state"])),
    )


def admin_invoices_page() -> rx.Component:
    """All invoices for the admin."""
    return page_shell(
        admin_tabs("invoices"),
        aeat_incidents_callout(AdminInvoicesState.aeat_incidents),
        rx.text(t("admin.invoices.lead"), margin_bottom="1em"),
        _filters(),
        rx.flex(
            rx.callout(
                rx.text(
                    t("admin.invoices.unsent"),
                    ": ",
                    rx.text.strong(AdminInvoicesState.unsent, id="unsent-count"),
                    as_="span",  # the callout's text is already a <p>: a <p> inside broke hydration (#418)
                ),
                icon="send",
                color_scheme=rx.cond(AdminInvoicesState.unsent > 0, "amber", "green"),
            ),
            rx.button(
                rx.el.a(
                    rx.icon("file_spreadsheet", size=18),
                    t("admin.invoices.csv"),
                    href=AdminInvoicesState.csv_url,
                    reload_document=True,
                    id="invoices-csv",
                ),
                as_child=True,
                size="3",
                variant="outline",
            ),
            spacing="3",
            wrap="wrap",
            align="center",
            margin_bottom="1em",
        ),
        rx.text(
            t("admin.invoices.count"),
            ": ",
            AdminInvoicesState.count,
            " · ",
            t("admin.invoices.grand_total"),
            ": ",
            rx.text.strong(AdminInvoicesState.grand_total),
            margin_bottom="0.5em",
        ),
        rx.cond(
            AdminInvoicesState.count > 0,
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[
                                rx.table.column_header_cell(t(f"invoices.col.{name}"))
                                for name in (
                                    "number",
                                    "date",
                                    "recipient",
                                    "nif",
                                    "beneficiary",
                                    "total",
                                    "state",
                                )
                            ]
                        )
                    ),
                    rx.table.body(rx.foreach(AdminInvoicesState.invoices, _admin_row)),
                    width="100%",
                    size="1",
                ),
                pager(AdminInvoicesState),
                class_name="cp-table-wrap",
                id="admin-invoices",
            ),
            rx.text(t("admin.invoices.empty")),
        ),
        rx.grid(
            _totals_table(
                "admin.invoices.per_month", "invoices.col.month", AdminInvoicesState.per_month, lambda x: x
            ),
            _totals_table(
                "admin.invoices.per_rate", "invoices.col.rate", AdminInvoicesState.per_rate, _rate_label
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="5",
            width="100%",
            margin_top="1.5em",
        ),
        title_key="admin.invoices",
    )
