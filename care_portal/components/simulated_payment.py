"""The stand-in for the payment gateway when Stripe is not configured (``make run``)."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from care_portal.components.i18n import t


def simulated_warning() -> rx.Component:
    """The orange «simulated payment» warning at the top of a simulated payment page."""
    return rx.callout(
        t("pay.sim.warning"), icon="flask_conical", color_scheme="orange", size="3", id="sim-warning"
    )


def simulated_payment_card(
    *details: rx.Component,
    pay: tuple[str, EventSpec, str],
    refuse: tuple[str, EventSpec, str],
) -> rx.Component:
    """A card with what is paid, a green «pay» button and an outlined button to refuse the payment.

    Args:
        *details: What is being paid (amount, beneficiary, …), one line each.
        pay: ``(label key, event, element id)`` of the button that pays.
        refuse: ``(label key, event, element id)`` of the button that cancels or fails the payment.

    Returns:
        The card.
    """
    pay_key, pay_event, pay_id = pay
    refuse_key, refuse_event, refuse_id = refuse
    return rx.card(
        rx.vstack(
            *details,
            rx.button(
                t(pay_key), on_click=pay_event, size="4", width="100%", id=pay_id, color_scheme="green"
            ),
            rx.button(
                t(refuse_key), on_click=refuse_event, size="3", width="100%", variant="outline", id=refuse_id
            ),
            spacing="3",
        ),
        margin_top="1em",
        max_width="520px",
    )
