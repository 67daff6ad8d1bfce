"""The cart (kept in the browser: ids and quantities only), priced on the server."""

from __future__ import annotations

import asyncio
import json

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.formatting import format_euros
from care_portal.domain.pricing import MAX_QUANTITY
from care_portal.services import checkout
from care_portal.state.session import SessionState


def _price_cart(cart: dict, lang: str):
    """Price a cart, or say why not: ``(totals, None, None)`` or ``(None, error, cart to keep or None)``."""
    try:
        with session_scope() as session:
            return checkout.price_raw_cart(session, raw_cart=cart, lang=lang), None, None
    except DomainError as error:
        if error.key not in ("shop.service_unavailable", "shop.quantity_invalid"):
            return None, error, None
        with session_scope() as session:
            return None, error, checkout.drop_unsellable(session, raw_cart=cart)


class CartState(SessionState):
    """The cart lives in the browser; every price is recomputed on the server."""

    cart_json: str = rx.LocalStorage("{}", name="cp_cart", sync=True)
    lines: list[dict] = []
    totals: list[dict] = []
    total: str = ""
    cart_error: str = ""

    @rx.var
    def cart_count(self) -> int:
        """Number of items in the cart (for the header badge)."""
        try:
            return sum(int(q) for q in json.loads(self.cart_json or "{}").values())
        except (ValueError, TypeError, AttributeError):
            return 0

    def _cart(self) -> dict:
        try:
            cart = json.loads(self.cart_json or "{}")
        except ValueError:
            return {}
        return cart if isinstance(cart, dict) else {}

    def _store(self, cart: dict) -> None:
        self.cart_json = json.dumps(cart)

    @rx.event
    def add(self, service_id: int):
        """Add one unit of a service."""
        cart = self._cart()
        key = str(int(service_id))
        cart[key] = min(MAX_QUANTITY, int(cart.get(key, 0) or 0) + 1)
        self._store(cart)
        return rx.toast.success(self._t("shop.added"), id="added-toast")

    @rx.event
    def set_quantity(self, service_id: int, quantity: str):
        """Change a quantity (1–20) and reprice."""
        cart = self._cart()
        try:
            value = max(1, min(MAX_QUANTITY, int(quantity)))
        except (TypeError, ValueError):
            return None
        cart[str(int(service_id))] = value
        self._store(cart)
        return CartState.load_cart

    @rx.event
    def remove(self, service_id: int):
        """Take a service out of the cart."""
        cart = self._cart()
        cart.pop(str(int(service_id)), None)
        self._store(cart)
        return CartState.load_cart

    @rx.event
    async def load_cart(self):
        """Price the cart from the catalogue (in a worker thread); drop what can no longer be bought."""
        self.cart_error = ""
        cart = self._cart()
        if not cart:
            self.lines, self.totals, self.total = [], [], ""
            return
        totals, error, kept = await asyncio.to_thread(_price_cart, cart, self.lang)
        if error is not None:
            self.cart_error = self._error_text(error)
            if kept is not None:
                self._store(kept)
            self.lines, self.totals, self.total = [], [], ""
            return
        self.lines = [
            {
                "service_id": line.service_id,
                "name": line.name,
                "quantity": line.quantity,
                "visits": line.visits,
                "unit": format_euros(line.unit_price_cents, self.lang),
                "amount": format_euros(line.gross_cents, self.lang),
            }
            for line in totals.lines
        ]
        base = format_euros(totals.base_cents, self.lang)
        self.totals = [{"label": self._t("shop.cart.base"), "amount": base}] + [
            {
                "label": self._t("shop.cart.vat_exempt")
                if rate == "exempt"
                else self._t("shop.cart.vat", rate=rate),
                "amount": format_euros(tax, self.lang),
            }
            for rate, tax in totals.tax_by_rate
        ]
        self.total = format_euros(totals.total_cents, self.lang)

    @rx.event
    def clear_cart(self):
        """Empty the cart once its order is paid."""
        self._store({})
        self.lines, self.totals, self.total = [], [], ""


def _cart_line(line: dict) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(line["name"], weight="bold"),
                rx.text(line["unit"], " × ", line["quantity"], size="2", color_scheme="gray"),
                spacing="1",
                flex="1",
                min_width="180px",
            ),
            rx.hstack(
                rx.el.label(
                    t("shop.cart.quantity"),
                    html_for="qty-" + line["service_id"].to_string(),
                    class_name="cp-label",
                    style={"marginBottom": 0},
                ),
                rx.el.input(
                    id="qty-" + line["service_id"].to_string(),
                    type="number",
                    min=1,
                    max=MAX_QUANTITY,
                    default_value=line["quantity"].to_string(),
                    key=line["service_id"].to_string() + "-" + line["quantity"].to_string(),
                    on_blur=lambda value: CartState.set_quantity(line["service_id"], value),
                    class_name="cp-qty",
                ),
                align="center",
            ),
            rx.text(line["amount"], weight="bold", min_width="90px", text_align="right"),
            rx.button(
                rx.icon("trash_2"),
                t("shop.cart.remove"),
                variant="soft",
                color_scheme="red",
                on_click=CartState.remove(line["service_id"]),
            ),
            gap="1em",
            wrap="wrap",
            align="center",
        ),
        class_name="cp-card cart-line",
    )


def bought_lines(lines: rx.Var, element_id: str) -> rx.Component:
    """What is being bought, one row per service: name × quantity, its visits and its amount.

    Args:
        lines: Dicts with ``name``, ``quantity``, ``visits`` and ``amount`` (cart lines or an
            order's lines).
        element_id: Id of the list (for tests and anchors).

    Returns:
        The list, as a card.
    """
    return rx.card(
        rx.el.ul(
            rx.foreach(
                lines,
                lambda line: rx.el.li(
                    rx.hstack(
                        rx.vstack(
                            rx.text(line["name"], " × ", line["quantity"].to_string()),
                            rx.text(
                                rx.cond(
                                    line["visits"].to(int) == 1,
                                    t("shop.line.one_visit"),
                                    rx.fragment(line["visits"].to_string(), " ", t("shop.line.visits")),
                                ),
                                class_name="line-visits",
                                size="2",
                                color_scheme="gray",
                                high_contrast=True,
                            ),
                            spacing="0",
                        ),
                        rx.spacer(),
                        rx.text(line["amount"]),
                        width="100%",
                    ),
                ),
            ),
            id=element_id,
            style={"listStyle": "none", "margin": 0, "padding": 0, "display": "grid", "gap": "0.4em"},
        ),
        class_name="cp-card",
    )


def cart_summary() -> rx.Component:
    """Base, IVA per rate and total."""
    return rx.card(
        rx.vstack(
            rx.foreach(
                CartState.totals,
                lambda row: rx.hstack(
                    rx.text(row["label"]), rx.spacer(), rx.text(row["amount"]), width="100%"
                ),
            ),
            rx.divider(),
            rx.hstack(
                rx.text(t("shop.cart.total"), weight="bold", size="5"),
                rx.spacer(),
                rx.text(CartState.total, weight="bold", size="5", id="cart-total"),
                width="100%",
            ),
            width="100%",
        ),
        class_name="cp-card",
    )


def cart_page() -> rx.Component:
    """The cart."""
    return page_shell(
        rx.cond(
            CartState.cart_error != "",
            rx.callout(
                CartState.cart_error, icon="triangle_alert", color_scheme="amber", margin_bottom="1em"
            ),
        ),
        rx.cond(
            CartState.lines.length() > 0,
            rx.vstack(
                rx.foreach(CartState.lines, _cart_line),
                cart_summary(),
                rx.link(
                    rx.button(t("shop.cart.continue"), size="4", width="100%", id="to-checkout"),
                    href=routes.CHECKOUT,
                    width="100%",
                ),
                spacing="3",
                width="100%",
                max_width="760px",
            ),
            rx.vstack(
                rx.text(t("shop.cart.empty"), size="4"),
                rx.link(rx.button(t("shop.cart.see_services"), size="3"), href=routes.SHOP),
            ),
        ),
        title_key="shop.cart.title",
    )
