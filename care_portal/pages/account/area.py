"""The landing page of each role's area (filled by later features)."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class AreaState(SessionState):
    """Loads the greeting of an area; each loader checks the role itself."""

    greeting_name: str = ""

    @rx.event
    @guarded(Role.CLIENT)
    def load_client(self, viewer: Viewer):
        """Open the client area."""
        self.greeting_name = viewer.full_name


def _greeting() -> rx.Component:
    return rx.text(
        rx.cond(SessionState.is_en, "Hello, ", "Hola, "), AreaState.greeting_name, size="5", id="greeting"
    )


def _link_card(title_key: str, href: str, icon: str) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(rx.icon(icon, size=28), rx.heading(t(title_key), size="4", as_="h3"), align="center"),
            class_name="cp-card",
        ),
        href=href,
        underline="none",
    )


def _first_steps() -> rx.Component:
    """Three steps from a new account to a first visit, each with where to do it."""
    return rx.card(
        rx.heading(t("area.steps.title"), size="5", as_="h2"),
        rx.el.ol(
            rx.el.li(rx.link(t("area.steps.1"), href=routes.ACCOUNT_REGISTER_BENEFICIARY)),
            rx.el.li(rx.link(t("area.steps.2"), href=routes.SHOP)),
            rx.el.li(rx.text(t("area.steps.3"))),
            style={"paddingLeft": "1.5em", "marginTop": "0.5em", "display": "grid", "gap": "0.25em"},
        ),
        id="first-steps",
        class_name="cp-card",
        margin_top="1em",
    )


def client_area_page() -> rx.Component:
    """The client's private area: first steps, then every place of the area."""
    return page_shell(
        _greeting(),
        _first_steps(),
        rx.heading(t("area.everything"), size="5", as_="h2", margin_top="1.5em"),
        rx.grid(
            _link_card("nav.register_beneficiary", routes.ACCOUNT_REGISTER_BENEFICIARY, "user_plus"),
            _link_card("nav.projects", routes.ACCOUNT_PROJECTS, "folder_heart"),
            _link_card("nav.shop", routes.SHOP, "shopping_bag"),
            _link_card("orders.title", routes.ORDERS, "receipt"),
            _link_card("withdrawal.link", routes.ACCOUNT_WITHDRAWAL, "undo_2"),
            _link_card("visits.tasks_title", routes.ACCOUNT_TASKS, "calendar_check"),
            _link_card("suggest.title", routes.SUGGESTIONS, "message_circle"),
            _link_card("account.profile", routes.ACCOUNT_PROFILE, "user_round"),
            _link_card("invoices.title", routes.ACCOUNT_INVOICES, "receipt_text"),
            _link_card("rec.mine.title", routes.ACCOUNT_APPLICATIONS, "briefcase"),
            _link_card("nav.help", routes.HELP, "circle_help"),
            columns=rx.breakpoints(initial="1", sm="2", md="3"),
            spacing="4",
            width="100%",
            margin_top="1em",
        ),
        title_key="account.title",
    )
