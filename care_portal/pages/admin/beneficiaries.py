"""Administration of care: beneficiaries waiting for a manager, reassignment, managers' areas."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.admin import admin_tabs
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services import manager_areas
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class AdminBeneficiariesState(SessionState):
    """Beneficiaries without a manager, every active beneficiary, and the managers to pick."""

    queue: list[dict] = []
    everyone: list[dict] = []
    managers: list[dict] = []

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            self.queue = [asdict(r) for r in manager_areas.list_assignments(session, actor=viewer)]
            self.everyone = [
                asdict(r)
                for r in manager_areas.list_assignments(session, actor=viewer, unassigned_only=False)
            ]
            self.managers = [asdict(m) for m in manager_areas.list_managers(session, actor=viewer)]

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load the lists."""
        self._reload(viewer)

    @rx.event
    @guarded(Role.ADMIN)
    def assign(self, viewer: Viewer, beneficiary_id: int, manager_id: str):
        """Associate a beneficiary with the chosen manager (everyone concerned is e-mailed)."""
        if not manager_id:
            return None
        try:
            with session_scope() as session:
                manager_areas.reassign_beneficiary(
                    session, actor=viewer, beneficiary_id=int(beneficiary_id), manager_id=int(manager_id)
                )
        except (DomainError, ValueError) as error:
            message = (
                self._error_text(error) if isinstance(error, DomainError) else self._t("errors.not_found")
            )
            return rx.toast.error(message)
        self._reload(viewer)
        return rx.toast.success(self._t("care.admin.assigned"))


class AdminManagersState(SessionState):
    """The areas each manager covers."""

    managers: list[dict] = []

    @rx.event
    @guarded(Role.ADMIN)
    def load(self, viewer: Viewer):
        """Load the managers."""
        with session_scope() as session:
            self.managers = [asdict(m) for m in manager_areas.list_managers(session, actor=viewer)]

    @rx.event
    @guarded(Role.ADMIN)
    def save_areas(self, viewer: Viewer, form: dict):
        """Save one manager's areas."""
        try:
            with session_scope() as session:
                manager_areas.set_manager_areas(
                    session,
                    actor=viewer,
                    manager_id=int(form.get("manager_id", 0)),
                    areas=str(form.get("areas", "")),
                )
        except (DomainError, ValueError) as error:
            message = (
                self._error_text(error) if isinstance(error, DomainError) else self._t("errors.not_found")
            )
            return rx.toast.error(message)
        with session_scope() as session:
            self.managers = [asdict(m) for m in manager_areas.list_managers(session, actor=viewer)]
        return rx.toast.success(self._t("care.admin.areas_saved"))


def _manager_select(row: dict) -> rx.Component:
    return rx.el.select(
        rx.el.option(t("care.admin.pick_manager"), value=""),
        rx.foreach(
            AdminBeneficiariesState.managers,
            lambda m: rx.el.option(
                m["full_name"].to(str) + " (" + m["areas"].to(str) + ")", value=m["id"].to_string()
            ),
        ),
        value="",
        on_change=lambda value: AdminBeneficiariesState.assign(row["id"], value),
        aria_label=t("care.admin.pick_manager") + " — " + row["full_name"].to(str),
        class_name="cp-select",
    )


def _beneficiary_card(row: dict) -> rx.Component:
    return rx.card(
        rx.text(row["full_name"], weight="bold"),
        rx.text(
            row["postal_code"], " ", row["town"], " · ", t("care.admin.col.client"), ": ", row["client_name"]
        ),
        rx.text(
            t("care.admin.col.manager"),
            ": ",
            rx.cond(row["manager_name"] != "", row["manager_name"], "—"),
            size="2",
            color_scheme="gray",
        ),
        _manager_select(row),
        class_name="cp-card admin-beneficiary",
    )


def admin_beneficiaries_page() -> rx.Component:
    """Beneficiaries waiting for a manager, and every beneficiary for reassignment."""
    return page_shell(
        admin_tabs("beneficiaries"),
        rx.heading(t("care.admin.queue.title"), size="5", as_="h2", margin_bottom="0.5em"),
        rx.cond(
            AdminBeneficiariesState.queue.length() > 0,
            rx.grid(
                rx.foreach(AdminBeneficiariesState.queue, _beneficiary_card),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="3",
                width="100%",
                id="assignment-queue",
            ),
            rx.text(t("care.admin.queue.empty")),
        ),
        rx.heading(t("care.admin.all.title"), size="5", as_="h2", margin_top="1.5em", margin_bottom="0.5em"),
        rx.grid(
            rx.foreach(AdminBeneficiariesState.everyone, _beneficiary_card),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="3",
            width="100%",
        ),
        title_key="admin.beneficiaries",
    )


def _manager_row(manager: dict) -> rx.Component:
    return rx.card(
        rx.text(manager["full_name"], weight="bold"),
        rx.text(manager["email"], size="2", color_scheme="gray", style={"overflowWrap": "anywhere"}),
        rx.text(t("care.admin.col.count"), ": ", manager["active_beneficiaries"], size="2"),
        rx.form(
            rx.el.input(type="hidden", name="manager_id", value=manager["id"].to_string()),
            rx.el.label(
                t("care.admin.col.areas"),
                html_for="areas-" + manager["id"].to_string(),
                class_name="cp-label",
                margin_top="0.5em",
            ),
            rx.hstack(
                rx.input(
                    id="areas-" + manager["id"].to_string(),
                    name="areas",
                    default_value=manager["areas"].to(str),
                    size="3",
                    flex="1",
                    min_width="10em",
                ),
                rx.button(t("common.save"), type="submit", size="3"),
                wrap="wrap",
                width="100%",
            ),
            on_submit=AdminManagersState.save_areas,
            reset_on_submit=False,
            key=manager["id"].to_string() + manager["areas"].to(str),
        ),
        class_name="cp-card manager-areas",
    )


def admin_managers_page() -> rx.Component:
    """The areas each manager covers."""
    return page_shell(
        admin_tabs("managers"),
        rx.text(t("care.admin.managers.lead"), margin_bottom="1em"),
        rx.cond(
            AdminManagersState.managers.length() > 0,
            rx.grid(
                rx.foreach(AdminManagersState.managers, _manager_row),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="3",
                width="100%",
            ),
            rx.text(t("care.admin.managers.empty")),
        ),
        title_key="admin.managers",
    )
