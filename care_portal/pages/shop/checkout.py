"""The checkout: beneficiary, visit notes, billing on the first purchase, terms, and pay."""

from __future__ import annotations

import secrets
from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.fields import accept_terms_field, form_error_banner, form_field, text_area
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.legal_text import legal_text
from care_portal.components.loading import loading_state
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.terms import TERMS_TEXT_EN, TERMS_TEXT_ES, WITHDRAWAL_FORM_EN, WITHDRAWAL_FORM_ES
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.pages.shop.cart import CartState, bought_lines, cart_summary
from care_portal.services import beneficiaries, checkout
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, guarded

BILLING_FIELDS = ("nif", "billing_name", "address", "postal_code", "town", "phone")


class CheckoutState(FormMixin, CartState):
    """The checkout form: beneficiary, notes, billing on the first purchase, terms, pay."""

    beneficiary_options: list[dict] = []
    has_billing: bool = False
    billing_summary: str = ""
    loaded: bool = False
    _attempt_key: str = ""

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """Load the client's beneficiaries and billing data; price the cart."""
        self._clear_errors()
        self._attempt_key = secrets.token_hex(16)
        with session_scope() as session:
            options = beneficiaries.list_active_beneficiaries(session, actor=viewer)
            billing = checkout.get_billing(session, actor=viewer)
        self.beneficiary_options = [asdict(o) for o in options]
        self.has_billing = billing is not None
        self.billing_summary = (
            self._t("shop.checkout.billing_saved", name=billing.billing_name, nif=billing.nif)
            if billing
            else ""
        )
        self.loaded = True
        return CartState.load_cart

    @rx.event
    @guarded(Role.CLIENT)
    def submit(self, viewer: Viewer, form: dict):
        """Record the order and go to the payment page (a double click opens one payment)."""
        self._clear_errors()
        billing = None
        if not self.has_billing:
            billing = checkout.BillingData(**{f: str(form.get(f, "")) for f in BILLING_FIELDS})
        try:
            beneficiary_id = int(form.get("beneficiary_id") or 0)
        except ValueError:
            beneficiary_id = 0
        request = checkout.CheckoutRequest(
            cart=self._cart(),
            beneficiary_id=beneficiary_id,
            observations=str(form.get("observations", "")),
            preferred_dates=str(form.get("preferred_dates", "")),
            accept_terms=bool(form.get("accept_terms")),
            express_start=bool(form.get("express_start")),
            billing=billing,
            attempt_key=self._attempt_key or secrets.token_hex(16),
        )
        try:
            with session_scope() as session:
                start = checkout.start_checkout(
                    session, actor=viewer, request=request, provider=get_provider()
                )
        except DomainError as error:
            self._show_error(error)
            return None
        return rx.redirect(start.redirect_url)


def _beneficiary_choice(option: dict) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="radio",
            name="beneficiary_id",
            value=option["id"].to_string(),
            default_checked=CheckoutState.beneficiary_options.length() == 1,
        ),
        rx.vstack(
            rx.text(option["full_name"], weight="bold"),
            rx.text(option["town"], size="2", color_scheme="gray"),
            spacing="0",
        ),
        class_name="cp-check cp-choice",
    )


def _beneficiary_section() -> rx.Component:
    error = CheckoutState.field_errors.get("beneficiary_id", "")
    return rx.card(
        rx.el.fieldset(
            rx.el.legend(rx.heading(t("shop.checkout.beneficiary"), size="5", as_="h2")),
            rx.cond(
                CheckoutState.beneficiary_options.length() > 0,
                rx.vstack(
                    rx.foreach(CheckoutState.beneficiary_options, _beneficiary_choice),
                    spacing="2",
                    margin_top="0.5em",
                ),
                rx.vstack(
                    rx.callout(t("shop.checkout.no_beneficiary"), icon="user_plus", color_scheme="amber"),
                    rx.link(
                        rx.button(t("shop.checkout.register_beneficiary"), size="3", type="button"),
                        href=routes.register_beneficiary_url(routes.CHECKOUT),
                        id="register-beneficiary",
                    ),
                ),
            ),
            rx.text(
                error, id="field-beneficiary_id-error", class_name="cp-field-error", role="alert", size="2"
            ),
            style={"border": "none", "padding": 0, "margin": 0},
        ),
        class_name="cp-card",
    )


def _billing_section() -> rx.Component:
    errors = CheckoutState.field_errors
    return rx.card(
        rx.heading(t("shop.checkout.billing"), size="5", as_="h2", margin_bottom="0.5em"),
        rx.cond(
            CheckoutState.has_billing,
            rx.text(CheckoutState.billing_summary, id="billing-saved"),
            rx.box(
                rx.text(t("shop.checkout.billing_first"), margin_bottom="0.75em"),
                form_field("nif", "billing.nif", errors, autocomplete="off"),
                form_field("billing_name", "billing.name", errors, autocomplete="name"),
                form_field("address", "billing.address", errors, autocomplete="street-address"),
                rx.grid(
                    form_field("postal_code", "billing.postal_code", errors, autocomplete="postal-code"),
                    form_field("town", "billing.town", errors, autocomplete="address-level2"),
                    columns=rx.breakpoints(initial="1", sm="2"),
                    spacing="3",
                ),
                form_field("phone", "field.phone", errors, type_="tel", autocomplete="tel"),
            ),
        ),
        class_name="cp-card",
    )


def _visit_section() -> rx.Component:
    errors = CheckoutState.field_errors
    return rx.card(
        text_area(
            "observations",
            "shop.checkout.observations",
            errors,
            hint_key="shop.checkout.observations_hint",
            max_length=2000,
        ),
        form_field(
            "preferred_dates",
            "shop.checkout.preferred",
            errors,
            required=False,
            hint_key="shop.checkout.preferred_hint",
        ),
        class_name="cp-card",
    )


def _terms_section() -> rx.Component:
    return rx.card(
        rx.heading(t("shop.checkout.terms"), size="5", as_="h2", margin_bottom="0.5em"),
        legal_text(TERMS_TEXT_ES, TERMS_TEXT_EN, text_id="terms-text", size="2", margin_bottom="0.75em"),
        accept_terms_field("shop.checkout.accept", CheckoutState.field_errors),
        legal_text(
            WITHDRAWAL_FORM_ES,
            WITHDRAWAL_FORM_EN,
            text_id="withdrawal-form",
            size="1",
            color_scheme="gray",
            margin_top="0.5em",
        ),
        rx.text(t("withdrawal.checkout_note"), size="1", color_scheme="gray", id="withdrawal-in-app"),
        rx.el.label(
            rx.el.input(type="checkbox", name="express_start", id="field-express_start"),
            rx.text(t("shop.checkout.express_start")),
            class_name="cp-check",
        ),
        class_name="cp-card",
    )


def _empty_cart() -> rx.Component:
    return rx.vstack(
        rx.callout(t("shop.cart.empty"), icon="shopping_cart", size="3", id="checkout-empty"),
        rx.link(t("shop.checkout.to_shop"), href=routes.SHOP, id="empty-cart-shop-link"),
        spacing="3",
    )


def checkout_page() -> rx.Component:
    """The checkout form (or, with nothing in the cart, a way back to the shop)."""
    return page_shell(
        rx.cond(
            CheckoutState.loaded & (CheckoutState.lines.length() == 0) & (CheckoutState.cart_error == ""),
            _empty_cart(),
        ),
        rx.cond(
            CheckoutState.loaded & (CheckoutState.lines.length() > 0),
            rx.form(
                rx.vstack(
                    form_error_banner(CheckoutState.form_error),
                    rx.cond(
                        CheckoutState.cart_error != "",
                        rx.callout(CheckoutState.cart_error, color_scheme="amber"),
                    ),
                    bought_lines(CheckoutState.lines, "checkout-lines"),
                    cart_summary(),
                    _beneficiary_section(),
                    _visit_section(),
                    _billing_section(),
                    _terms_section(),
                    rx.button(
                        rx.icon("lock"),
                        rx.cond(
                            CheckoutState.total != "",
                            t("shop.checkout.pay_plain") + " " + CheckoutState.total,
                            t("shop.checkout.pay_plain"),
                        ),
                        type="submit",
                        size="4",
                        width="100%",
                        id="pay-button",
                        disabled=CheckoutState.lines.length() == 0,
                    ),
                    spacing="4",
                    width="100%",
                    max_width="760px",
                ),
                on_submit=CheckoutState.submit,
                no_validate=True,
                reset_on_submit=False,
                custom_attrs={"data-keep": "checkout", "data-keep-only": "observations preferred_dates"},
            ),
        ),
        rx.cond(~CheckoutState.loaded, loading_state()),
        title_key="shop.checkout.title",
    )
