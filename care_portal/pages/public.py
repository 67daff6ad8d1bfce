"""Public pages: home, privacy, terms and the no-access page (help lives in ``pages/help``)."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t, t_list
from care_portal.components.layout import page_shell
from care_portal.state.session import SessionState


def _step_card(number: int) -> rx.Component:
    return rx.card(
        rx.heading(t(f"home.step{number}.title"), size="4", as_="h2"),
        rx.text(t(f"home.step{number}.text"), margin_top="0.3em"),
        class_name="cp-card",
    )


def home_page() -> rx.Component:
    """The landing page."""
    return page_shell(
        rx.vstack(
            rx.heading(t("app.tagline"), size="8", as_="h1"),
            rx.text(t("home.lead"), size="5", max_width="760px"),
            rx.flex(
                rx.cond(
                    SessionState.is_logged_in,
                    rx.link(rx.button(t("nav.account"), size="4"), href=routes.ACCOUNT, id="home-cta"),
                    # Only once the session is known: a logged-in person is never invited to sign up.
                    # Until then an invisible copy keeps its room, so «Cómo funciona» and the rest of
                    # the page do not move when it appears (Lighthouse measured a shift of 0.028).
                    rx.cond(
                        rx.State.is_hydrated,
                        rx.link(rx.button(t("home.cta_signup"), size="4"), href=routes.SIGNUP, id="home-cta"),
                        rx.box(rx.button(t("home.cta_signup"), size="4", tab_index=-1), visibility="hidden"),
                    ),
                ),
                rx.link(rx.button(t("home.cta_help"), size="4", variant="outline"), href=routes.HELP),
                gap="1em",
                wrap="wrap",
            ),
            rx.grid(
                *[_step_card(n) for n in range(1, 5)],
                columns=rx.breakpoints(initial="1", sm="2", md="4"),
                spacing="4",
                width="100%",
                margin_top="1.5em",
            ),
            rx.callout(t("home.jobs"), icon="briefcase", margin_top="1em"),
            spacing="4",
            align="start",
        ),
    )


def _paragraphs(key: str) -> rx.Component:
    return rx.vstack(*[rx.text(p) for p in t_list(key)], spacing="3", max_width="760px")


def privacy_page() -> rx.Component:
    """The privacy notice."""
    return page_shell(_paragraphs("privacy.body"), title_key="privacy.title")


def terms_page() -> rx.Component:
    """The terms of service."""
    return page_shell(_paragraphs("terms.body"), title_key="terms.title")


def forbidden_page() -> rx.Component:
    """Shown when a logged-in user opens another role's area."""
    return page_shell(
        rx.callout(t("forbidden.text"), icon="shield_alert", color_scheme="amber", id="forbidden"),
        rx.box(rx.link(rx.button(t("forbidden.back"), size="3"), href=routes.HOME), margin_top="1em"),
        title_key="forbidden.title",
    )


def not_found_page() -> rx.Component:
    """Shown for an address that does not exist: in the layout, in the visitor's language."""
    return page_shell(
        rx.callout(t("notfound.text"), icon="map_pin_off", size="3", id="not-found"),
        rx.flex(
            rx.link(t("notfound.home"), href=routes.HOME),
            rx.link(t("nav.shop"), href=routes.SHOP),
            rx.link(t("nav.help"), href=routes.HELP),
            gap="1.5em",
            wrap="wrap",
            margin_top="1em",
        ),
        title_key="notfound.title",
    )
