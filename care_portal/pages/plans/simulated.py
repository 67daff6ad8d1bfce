"""The simulated monthly payment of a plan (``make run`` without Stripe): pay a month, or fail it."""

from __future__ import annotations

import asyncio
from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.simulated_payment import simulated_payment_card, simulated_warning
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.services import plans
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


def _pay(viewer: Viewer, plan_id: str, paid: bool) -> str:
    with session_scope() as session:
        return plans.pay_simulated_month(
            session, actor=viewer, plan_public_id=plan_id, provider=get_provider(), paid=paid
        )


class PlanPaymentState(SessionState):
    """The plan of the URL (the client's own only) and its simulated month."""

    plan: dict = {}
    outcome: str = ""

    def _plan_id(self) -> str:
        return self.router.url.query_parameters.get("plan", "")

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def load(self, viewer: Viewer):
        """Load the plan of the URL, or go back to «Proyectos»."""
        self.outcome = ""
        try:
            with session_scope() as session:
                view = plans.get_own_plan(
                    session, actor=viewer, plan_public_id=self._plan_id(), lang=self.lang
                )
        except DomainError:
            self.plan = {}
            return rx.redirect(routes.ACCOUNT_PROJECTS)
        self.plan = asdict(view)
        return None

    @rx.event
    @guarded(Role.CLIENT)
    async def pay(self, viewer: Viewer, paid: bool):
        """Pay (or fail) the next month; paying issues an invoice, so it runs in a worker thread."""
        try:
            outcome = await asyncio.to_thread(_pay, viewer, self._plan_id(), bool(paid))
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        if outcome == "plan_paid":
            return [rx.toast.success(self._t("plans.sim.paid")), rx.redirect(routes.ACCOUNT_TASKS)]
        self.outcome = outcome
        return None


def plan_payment_page() -> rx.Component:
    """The stand-in for Stripe's subscription page when Stripe is not configured."""
    plan = PlanPaymentState.plan
    return page_shell(
        simulated_warning(),
        rx.cond(
            plan.contains("public_id"),
            simulated_payment_card(
                rx.heading(plan["service_name"].to(str), size="5", as_="h2"),
                rx.text(plan["beneficiary_name"].to(str)),
                rx.text(plan["schedule"].to(str), id="sim-plan-schedule"),
                rx.text(
                    t("plans.new.monthly"),
                    ": ",
                    rx.text.strong(plan["monthly_price"].to(str), id="sim-plan-amount"),
                ),
                rx.cond(
                    PlanPaymentState.outcome == "plan_payment_failed",
                    rx.callout(
                        t("plans.sim.failed"), icon="circle_x", color_scheme="red", id="sim-plan-failed"
                    ),
                ),
                pay=("plans.sim.pay", PlanPaymentState.pay(True), "sim-plan-pay"),
                refuse=("plans.sim.fail", PlanPaymentState.pay(False), "sim-plan-fail"),
            ),
        ),
        title_key="plans.sim.title",
    )
