"""Admin catalogue: create, edit and withdraw services."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services import catalog
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded


class AdminCatalogState(FormMixin, SessionState):
    """The catalogue as admins manage it."""

    services: list[dict] = []
    editing: dict = {}
    editing_id: int = 0

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            self.services = [
                asdict(s) for s in catalog.list_all_services(session, actor=viewer, lang=self.lang)
            ]

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load every service."""
        self._clear_errors()
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def edit(self, viewer: Viewer, service_id: int):
        """Open a service in the form (0 for a new one)."""
        self._clear_errors()
        self.editing_id = int(service_id)
        try:
            with session_scope() as session:
                self.editing = catalog.service_form(session, actor=viewer, service_id=self.editing_id)
        except DomainError as error:
            self._show_error(error)

    @rx.event
    @guarded(Role.ADMIN)
    def save(self, viewer: Viewer, form: dict):
        """Save the form (a price change never alters past orders)."""
        self._clear_errors()
        try:
            data = catalog.service_input_from_form(form)
            with session_scope() as session:
                catalog.save_service(session, actor=viewer, data=data, service_id=self.editing_id or None)
        except DomainError as error:
            self._show_error(error)
            return None
        self.editing, self.editing_id = {}, 0
        self._reload(viewer)
        return rx.toast.success(self._t("admin.catalog.saved"))

    @rx.event
    @guarded(Role.ADMIN)
    def toggle(self, viewer: Viewer, service_id: int, active: bool):
        """Withdraw a service from the shop, or sell it again."""
        with session_scope() as session:
            catalog.set_service_active(session, actor=viewer, service_id=int(service_id), active=bool(active))
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def toggle_plannable(self, viewer: Viewer, service_id: int, plannable: bool):
        """Offer a service as a monthly plan in the shop, or stop offering it."""
        with session_scope() as session:
            catalog.set_service_plannable(
                session, actor=viewer, service_id=int(service_id), plannable=bool(plannable)
            )
        self._reload(viewer)


def _service_row(service: dict) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(service["name"], weight="bold"),
                rx.text(service["price"], " · IVA ", service["vat_rate"], size="2"),
                spacing="1",
                flex="1",
            ),
            rx.badge(
                rx.cond(service["is_active"], t("admin.catalog.active"), t("admin.catalog.inactive")),
                color_scheme=rx.cond(service["is_active"], "green", "gray"),
            ),
            rx.button(
                t("admin.catalog.edit"), variant="soft", on_click=AdminCatalogState.edit(service["id"])
            ),
            rx.button(
                rx.cond(service["is_active"], t("admin.catalog.deactivate"), t("admin.catalog.activate")),
                variant="outline",
                on_click=AdminCatalogState.toggle(service["id"], ~service["is_active"]),
            ),
            rx.el.label(
                rx.checkbox(
                    checked=service["is_plannable"].to(bool),
                    on_change=lambda value: AdminCatalogState.toggle_plannable(service["id"], value),
                    class_name="catalog-plannable",
                ),
                t("admin.catalog.plannable"),
                style={"display": "inline-flex", "gap": "0.4em", "alignItems": "center"},
            ),
            gap="0.75em",
            wrap="wrap",
            align="center",
        ),
        class_name="cp-card",
    )


def _editor() -> rx.Component:
    errors = AdminCatalogState.field_errors
    values = AdminCatalogState.editing

    def field(name: str, key: str, required: bool = True):
        return form_field(name, key, errors, required=required, default_value=values.get(name, ""))

    return rx.card(
        form_error_banner(AdminCatalogState.form_error),
        rx.form(
            field("slug", "catalog.field.slug"),
            field("name_es", "catalog.field.name_es"),
            field("name_en", "catalog.field.name_en"),
            field("description_es", "catalog.field.description_es"),
            field("description_en", "catalog.field.description_en"),
            field("includes_es", "catalog.field.includes_es"),
            field("includes_en", "catalog.field.includes_en"),
            rx.grid(
                field("price", "catalog.field.price"),
                field("duration_minutes", "catalog.field.duration"),
                field("visits_per_unit", "catalog.field.visits"),
                field("position", "catalog.field.position", required=False),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="3",
            ),
            rx.el.label(t("catalog.field.vat_rate"), html_for="field-vat_rate", class_name="cp-label"),
            rx.el.select(
                *[
                    rx.el.option(label, value=value)
                    for value, label in (
                        ("10", "10 %"),
                        ("4", "4 %"),
                        ("21", "21 %"),
                        ("exempt", "Exento / Exempt"),
                    )
                ],
                id="field-vat_rate",
                name="vat_rate",
                default_value=values.get("vat_rate", "10"),
                class_name="cp-select",
            ),
            field("exempt_reason", "catalog.field.exempt_reason", required=False),
            field("image", "catalog.field.image", required=False),
            rx.button(t("common.save"), type="submit", size="3"),
            on_submit=AdminCatalogState.save,
            reset_on_submit=False,
            key=AdminCatalogState.editing_id.to_string(),
        ),
        class_name="cp-card",
    )


def admin_catalog_page() -> rx.Component:
    """The catalogue editor."""
    return page_shell(
        admin_tabs("catalog"),
        rx.button(
            rx.icon("plus"),
            t("admin.catalog.new"),
            on_click=AdminCatalogState.edit(0),
            size="3",
            margin_bottom="1em",
        ),
        rx.grid(
            rx.vstack(rx.foreach(AdminCatalogState.services, _service_row), spacing="2", width="100%"),
            rx.cond(AdminCatalogState.editing.length() > 0, _editor()),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        title_key="admin.catalog",
    )
