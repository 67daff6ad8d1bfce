"""The simulated payment page, and the pages a payment returns to ("pago en proceso", cancelled)."""

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
from care_portal.pages.shop.cart import CartState, bought_lines
from care_portal.services import checkout
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


def _pay_simulated(viewer: Viewer, order_id: str, paid: bool) -> None:
    with session_scope() as session:
        checkout.pay_simulated(
            session, actor=viewer, order_public_id=order_id, provider=get_provider(), paid=paid
        )


class PaymentPageState(SessionState):
    """The simulated payment page and the pages a payment returns to."""

    order: dict = {}
    is_paid: bool = False
    _watching: bool = False

    def _order_id(self) -> str:
        return self.router.url.query_parameters.get("pedido", "")

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """Load the order of the URL (the client's own only)."""
        try:
            with session_scope() as session:
                summary = checkout.get_order(session, actor=viewer, order_public_id=self._order_id())
        except DomainError:
            self.order, self.is_paid = {}, False
            return rx.redirect(routes.ORDERS)
        self.order = asdict(summary)
        self.is_paid = summary.status == "paid"
        if self.is_paid:
            return CartState.clear_cart
        return None

    @rx.event
    @guarded(Role.CLIENT)
    async def pay_simulated(self, viewer: Viewer, paid: bool):
        """Finish the simulated payment: pay, or cancel and go back.

        Paying issues the invoice (a WeasyPrint PDF, seconds on a busy machine), so it runs in
        a worker thread: a plain handler would run on the event loop and freeze every session.
        """
        order_id = self._order_id()
        try:
            await asyncio.to_thread(_pay_simulated, viewer, order_id, bool(paid))
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        return rx.redirect(routes.order_page_url(routes.PAY_OK if paid else routes.PAY_CANCELLED, order_id))

    @rx.event
    def start_watching(self):
        """Poll for the webhook's confirmation while "pago en proceso" is shown."""
        if not self.is_paid and self.order and not self._watching:
            self._watching = True
            return PaymentPageState.watch
        return None

    def _poll_order(self) -> bool:
        """Re-read the order for the tab's user (in a worker thread); whether to keep watching."""
        viewer = self._resolve_viewer()
        if viewer is None:
            return False
        with session_scope() as session:
            summary = checkout.get_order(session, actor=viewer, order_public_id=self._order_id())
        self.order = asdict(summary)
        self.is_paid = summary.status == "paid"
        return not self.is_paid

    @rx.event(background=True)
    async def watch(self):
        """Re-read the order every 2 s for up to 2 minutes."""
        for _ in range(60):
            await asyncio.sleep(2)
            async with self:
                if not await asyncio.to_thread(self._poll_order):
                    break
        async with self:
            self._watching = False
            if self.is_paid:
                return CartState.clear_cart
        return None


def _order_outcome(status: str, key: str, icon: str, color: str) -> tuple:
    return (
        status,
        rx.vstack(
            rx.callout(t(key), icon=icon, color_scheme=color, size="3", id="order-outcome"),
            rx.link(t("pay.done.see_order"), href=routes.ORDERS, id="order-outcome-link"),
            spacing="3",
        ),
    )


def order_outcome(pending: rx.Component) -> rx.Component:
    """What happened to the order of a payment page: paid, cancelled/expired, or still to pay.

    Args:
        pending: What to show while the order is still waiting for its payment.

    Returns:
        The paid/cancelled message with a link to the order, or ``pending``.
    """
    return rx.match(
        PaymentPageState.order["status"],
        _order_outcome("paid", "pay.done.paid", "circle_check", "green"),
        _order_outcome("cancelled", "pay.done.cancelled", "circle_x", "gray"),
        _order_outcome("expired", "pay.done.cancelled", "circle_x", "gray"),
        _order_outcome("payment_failed", "pay.done.failed", "circle_x", "gray"),
        _order_outcome("needs_review", "pay.done.review", "circle_alert", "amber"),
        pending,
    )


def simulated_payment_page() -> rx.Component:
    """The stand-in for the payment gateway when Stripe is not configured."""
    return page_shell(
        simulated_warning(),
        rx.cond(
            PaymentPageState.order.contains("lines"),
            bought_lines(PaymentPageState.order["lines"].to(list[dict]), "order-lines"),
        ),
        order_outcome(
            simulated_payment_card(
                rx.text(
                    t("pay.sim.amount"),
                    ": ",
                    rx.text.strong(PaymentPageState.order["total"], id="sim-amount"),
                ),
                rx.text(PaymentPageState.order["beneficiary_name"]),
                pay=("pay.sim.pay", PaymentPageState.pay_simulated(True), "sim-pay"),
                refuse=("pay.sim.cancel", PaymentPageState.pay_simulated(False), "sim-cancel"),
            )
        ),
        title_key="pay.sim.title",
    )


def payment_ok_page() -> rx.Component:
    """Shown after paying: "pago en proceso" until the provider confirms."""
    return page_shell(
        rx.cond(
            PaymentPageState.is_paid,
            rx.callout(
                t("pay.ok.paid"), icon="circle_check", color_scheme="green", size="3", id="payment-confirmed"
            ),
            rx.callout(
                t("pay.ok.processing"), icon="loader", color_scheme="blue", size="3", id="payment-processing"
            ),
        ),
        rx.link(rx.button(t("pay.ok.see_orders"), size="3", margin_top="1em"), href=routes.ORDERS),
        title_key="pay.ok.title",
    )


def payment_cancelled_page() -> rx.Component:
    """Shown when the client leaves the payment page without paying."""
    return page_shell(
        rx.cond(
            (PaymentPageState.order["status"] == "paid")
            | (PaymentPageState.order["status"] == "needs_review"),
            order_outcome(rx.fragment()),
            rx.fragment(
                rx.callout(t("pay.cancel.text"), icon="info", size="3", id="payment-cancelled"),
                rx.link(rx.button(t("pay.cancel.back"), size="3", margin_top="1em"), href=routes.CART),
            ),
        ),
        title_key="pay.cancel.title",
    )
