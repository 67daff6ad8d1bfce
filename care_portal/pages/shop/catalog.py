"""The public shop: the services on sale, each with its "add to cart" button."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.loading import when_loaded
from care_portal.db import session_scope
from care_portal.pages.shop.cart import CartState
from care_portal.services import catalog
from care_portal.state.session import SessionState, off_loop


class ShopState(CartState):
    """The catalogue as the shop shows it (public)."""

    services: list[dict] = []
    services_loaded: bool = False

    @rx.event
    @off_loop
    def load(self):
        """Load the services on sale in the current language."""
        with session_scope() as session:
            self.services = [asdict(s) for s in catalog.list_services(session, lang=self.lang)]
        self.services_loaded = True


def _service_card(service: dict) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.cond(
                service["image"] != "",
                rx.image(
                    src=service["image"],
                    alt="",
                    width="100%",
                    height="140px",
                    object_fit="cover",
                    border_radius="8px",
                ),
            ),
            rx.heading(service["name"], size="5", as_="h2"),
            rx.text(service["description"]),
            rx.text(t("shop.includes"), ": ", service["includes"], size="2", color_scheme="gray"),
            rx.hstack(
                rx.badge(service["duration_minutes"].to_string() + " min", size="2"),
                rx.cond(
                    service["visits_per_unit"].to(int) > 1,
                    rx.badge(
                        service["visits_per_unit"].to_string(),
                        rx.cond(SessionState.is_en, " visits", " visitas"),
                        size="2",
                        color_scheme="iris",
                    ),
                ),
                wrap="wrap",
            ),
            rx.hstack(
                rx.text(service["price"], size="6", weight="bold"),
                rx.text(t("shop.vat_note"), size="2", color_scheme="gray"),
                align="baseline",
            ),
            rx.button(
                rx.icon("shopping_cart"),
                t("shop.add"),
                on_click=ShopState.add(service["id"]),
                size="3",
                width="100%",
                class_name="add-to-cart",
                aria_label=rx.cond(SessionState.is_en, "Add to cart: ", "Añadir al carrito: ")
                + service["name"].to(str),
            ),
            rx.cond(
                service["is_plannable"],
                rx.link(
                    rx.button(
                        rx.icon("calendar_sync"),
                        t("plans.cta"),
                        variant="outline",
                        size="3",
                        width="100%",
                    ),
                    href=routes.PLAN_NEW + "?servicio=" + service["id"].to_string(),
                    class_name="contract-plan",
                    aria_label=rx.cond(SessionState.is_en, "Monthly plan: ", "Plan mensual: ")
                    + service["name"].to(str),
                    width="100%",
                ),
            ),
            spacing="3",
            height="100%",
        ),
        class_name="cp-card service-card",
    )


def cart_link() -> rx.Component:
    """A button to the cart with its item count."""
    return rx.link(
        rx.button(
            rx.icon("shopping_cart"),
            t("shop.cart"),
            rx.badge(CartState.cart_count),
            size="3",
            variant="outline",
            id="cart-link",
        ),
        href=routes.CART,
    )


def shop_page() -> rx.Component:
    """The catalogue."""
    return page_shell(
        rx.flex(
            rx.text(t("shop.lead"), size="4"),
            rx.spacer(),
            cart_link(),
            gap="1em",
            wrap="wrap",
            align="center",
            margin_bottom="1em",
        ),
        # The cards arrive after the page: until then their room is kept (the footer stays below the
        # fold instead of jumping down past the screen: Lighthouse measured a layout shift of 0.244).
        when_loaded(
            ShopState.services_loaded,
            rx.grid(
                rx.foreach(ShopState.services, _service_card),
                columns=rx.breakpoints(initial="1", sm="2", md="3"),
                spacing="4",
                width="100%",
            ),
            reserve="100vh",
        ),
        title_key="shop.title",
    )
