"""The client's care plans on «Proyectos»: each with its days, fee and month, and pause/change/end."""

from __future__ import annotations

import asyncio
from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.services import plans
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded

ACTIONS = {"pause": plans.pause_plan, "resume": plans.resume_plan, "end": plans.end_plan}
STATUS_COLOURS = {"active": "green", "paused": "gray", "payment_failed": "red", "ended": "gray"}


def _act(viewer: Viewer, action: str, plan_id: str, schedule: dict | None = None) -> None:
    with session_scope() as session:
        if action == "change":
            plans.change_plan(
                session,
                actor=viewer,
                plan_public_id=plan_id,
                schedule=schedule or {},
                provider=get_provider(),
            )
        else:
            ACTIONS[action](session, actor=viewer, plan_public_id=plan_id, provider=get_provider())


class PlansState(FormMixin, SessionState):
    """The client's plans, and which one is having its days changed."""

    plans: list[dict] = []
    changing: str = ""

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def load(self, viewer: Viewer):
        """Load the client's own plans."""
        self.changing = ""
        self._clear_errors()
        self._reload(viewer)

    def _reload(self, viewer: Viewer) -> None:
        with session_scope() as session:
            rows = plans.list_own_plans(session, actor=viewer, lang=self.lang)
        self.plans = [asdict(row) | {"status_label": self._t(f"plans.status.{row.status}")} for row in rows]

    async def _run(self, viewer: Viewer, action: str, plan_id: str, schedule: dict | None = None):
        try:
            await asyncio.to_thread(_act, viewer, action, str(plan_id), schedule)
        except DomainError as error:
            if action == "change":
                self._show_error(error)
                return None
            return rx.toast.error(self._error_text(error))
        self.changing = ""
        self._clear_errors()
        await asyncio.to_thread(self._reload, viewer)
        return rx.toast.success(self._t("plans.list.done"))

    @rx.event
    @guarded(Role.CLIENT)
    async def pause(self, viewer: Viewer, plan_id: str):
        """Pause a plan from next month."""
        return await self._run(viewer, "pause", plan_id)

    @rx.event
    @guarded(Role.CLIENT)
    async def resume(self, viewer: Viewer, plan_id: str):
        """Resume a paused plan."""
        return await self._run(viewer, "resume", plan_id)

    @rx.event
    @guarded(Role.CLIENT)
    async def end(self, viewer: Viewer, plan_id: str):
        """End a plan when its paid month ends."""
        return await self._run(viewer, "end", plan_id)

    @rx.event
    def start_change(self, plan_id: str):
        """Open the days-and-times form of one plan."""
        self._clear_errors()
        self.changing = str(plan_id)

    @rx.event
    @guarded(Role.CLIENT)
    async def save_change(self, viewer: Viewer, form: dict):
        """Save new days and times for the plan being changed (from next month)."""
        self._clear_errors()
        schedule = {day: str(form.get(f"time_{day}", "")) for day in range(7) if form.get(f"day_{day}")}
        return await self._run(viewer, "change", self.changing, schedule)


def _change_form() -> rx.Component:
    from care_portal.pages.plans.contract import WEEKDAYS  # the same days as the contract form

    errors = PlansState.field_errors
    rows = [
        rx.hstack(
            rx.el.label(
                rx.el.input(type="checkbox", name=f"day_{day}", style={"width": "22px", "height": "22px"}),
                rx.text(t(f"plans.day.{day}"), as_="span", min_width="6.5em"),
                style={"display": "flex", "gap": "0.5em", "alignItems": "center", "minHeight": "40px"},
            ),
            rx.el.input(
                type="time",
                name=f"time_{day}",
                default_value="10:00",
                aria_label=rx.cond(SessionState.is_en, "Time", "Hora") + " · " + t(f"plans.day.{day}"),
                style={"minHeight": "40px", "fontSize": "16px", "padding": "0 0.5em"},
            ),
            rx.text(errors.get(f"time_{day}", ""), class_name="cp-field-error", role="alert", size="2"),
            align="center",
            wrap="wrap",
        )
        for day in WEEKDAYS
    ]
    return rx.form(
        rx.vstack(
            *rows,
            rx.text(errors.get("schedule", ""), class_name="cp-field-error", role="alert", size="2"),
            rx.button(t("plans.list.save_change"), type="submit", size="3", class_name="plan-save-change"),
            spacing="1",
        ),
        on_submit=PlansState.save_change,
        reset_on_submit=False,
    )


def _plan_card(plan: dict) -> rx.Component:
    public_id = plan["public_id"].to(str)
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(plan["service_name"].to(str), size="4", as_="h3"),
                rx.spacer(),
                rx.badge(
                    plan["status_label"].to(str),
                    color_scheme=rx.match(plan["status"].to(str), *STATUS_COLOURS.items(), "gray"),
                    size="2",
                    class_name="plan-status",
                ),
                width="100%",
                wrap="wrap",
            ),
            rx.text(plan["beneficiary_name"].to(str), weight="medium"),
            rx.text(t("plans.list.schedule"), ": ", plan["schedule"].to(str), class_name="plan-schedule"),
            rx.text(t("plans.list.monthly"), ": ", plan["monthly_price"].to(str)),
            rx.cond(
                plan["current_period"].to(str) != "",
                rx.text(t("plans.list.period"), ": ", plan["current_period"].to(str), size="2"),
            ),
            rx.cond(
                plan["pending_change"].to(str) != "",
                rx.text(
                    t("plans.list.pending_change"),
                    ": ",
                    plan["pending_change"].to(str),
                    size="2",
                    color_scheme="indigo",
                    class_name="plan-pending",
                ),
            ),
            rx.cond(
                plan["status"].to(str) == "payment_failed",
                rx.callout(t("plans.list.failed_note"), icon="circle_alert", color_scheme="red", size="1"),
            ),
            rx.hstack(
                rx.cond(
                    plan["can_pause"].to(bool),
                    rx.button(t("plans.list.pause"), variant="soft", on_click=PlansState.pause(public_id)),
                ),
                rx.cond(
                    plan["can_resume"].to(bool),
                    rx.button(t("plans.list.resume"), variant="soft", on_click=PlansState.resume(public_id)),
                ),
                rx.cond(
                    plan["can_change"].to(bool),
                    rx.button(
                        t("plans.list.change"),
                        variant="outline",
                        on_click=PlansState.start_change(public_id),
                    ),
                ),
                rx.cond(
                    plan["can_end"].to(bool),
                    rx.alert_dialog.root(
                        rx.alert_dialog.trigger(
                            rx.button(t("plans.list.end"), variant="outline", color_scheme="red")
                        ),
                        rx.alert_dialog.content(
                            rx.alert_dialog.title(t("plans.list.end")),
                            rx.alert_dialog.description(t("plans.list.end_confirm")),
                            rx.hstack(
                                rx.alert_dialog.cancel(rx.button(t("common.cancel"), variant="soft")),
                                rx.alert_dialog.action(
                                    rx.button(
                                        t("plans.list.end"),
                                        color_scheme="red",
                                        on_click=PlansState.end(public_id),
                                    )
                                ),
                                justify="end",
                                margin_top="1em",
                            ),
                        ),
                    ),
                ),
                wrap="wrap",
                spacing="2",
            ),
            rx.cond(
                plan["simulated"].to(bool)
                & ((plan["status"].to(str) == "active") | (plan["status"].to(str) == "payment_failed")),
                rx.link(
                    t("plans.sim.next"),
                    href=routes.PLAN_PAY_SIMULATED + "?plan=" + public_id,
                    class_name="plan-sim-next",
                    size="2",
                ),
            ),
            rx.cond(PlansState.changing == public_id, _change_form()),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card care-plan",
        width="100%",
    )


def plans_section() -> rx.Component:
    """The «Planes de cuidados» block of «Proyectos», with a way to contract one."""
    return rx.box(
        rx.heading(t("plans.list.title"), size="5", as_="h2", margin_top="1.5em", margin_bottom="0.5em"),
        rx.cond(
            PlansState.plans.length() > 0,
            rx.vstack(rx.foreach(PlansState.plans, _plan_card), spacing="3", width="100%"),
            rx.text(t("plans.list.empty"), id="plans-empty"),
        ),
        rx.link(
            rx.button(rx.icon("calendar_sync"), t("plans.cta"), size="3", variant="outline"),
            href=routes.PLAN_NEW,
            id="new-plan",
            margin_top="0.75em",
        ),
        width="100%",
        max_width="760px",
        id="care-plans",
    )
