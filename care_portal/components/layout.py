"""The page shell: header with role navigation and language switch, content, footer."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.phone_menu import phone_menu
from care_portal.state.messages_nav import UnreadState
from care_portal.state.session import SessionState

ROLE_LINKS: dict[str, list[tuple[str, str]]] = {
    "client": [("nav.account", routes.ACCOUNT)],
    "manager": [("nav.manager", routes.MANAGER), ("ratings.title", routes.MANAGER_RATINGS)],
    "recruiter": [("nav.recruiting", routes.RECRUITING)],
    "admin": [
        ("nav.admin", routes.ADMIN),
        ("nav.manager", routes.MANAGER),
        ("nav.recruiting", routes.RECRUITING),
    ],
}


def _nav_link(key: str, href: str) -> rx.Component:
    return rx.link(t(key), href=href, class_name="cp-nav-link", underline="none")


def _role_links() -> rx.Component:
    return rx.match(
        SessionState.viewer_role,
        *[(role, rx.fragment(*[_nav_link(k, h) for k, h in links])) for role, links in ROLE_LINKS.items()],
        rx.fragment(),
    )


def language_switch() -> rx.Component:
    """One button naming the other language in that language ("English" / "Español")."""
    return rx.button(
        rx.icon("languages", size=18),
        rx.el.span(rx.cond(SessionState.is_en, "Español", "English"), class_name="cp-lang-name"),
        on_click=SessionState.set_lang(rx.cond(SessionState.is_en, "es", "en")),
        variant="outline",
        size="2",
        id="lang-switch",
        lang=rx.cond(SessionState.is_en, "es", "en"),
        aria_label=rx.cond(SessionState.is_en, "Cambiar a español", "Switch to English"),
    )


def _messages_link() -> rx.Component:
    """«Mensajes» with the number waiting unread, for those who converse with the team."""
    return rx.cond(
        UnreadState.shows_messages & SessionState.is_logged_in,
        rx.link(
            t("nav.messages"),
            rx.cond(
                UnreadState.unread > 0,
                rx.badge(UnreadState.unread, color_scheme="red", margin_left="0.3em", id="nav-unread"),
            ),
            href=routes.MESSAGES,
            class_name="cp-nav-link",
            underline="none",
            id="nav-messages",
        ),
    )


def _nav_items() -> rx.Component:
    return rx.fragment(
        _nav_link("nav.shop", routes.SHOP),
        _nav_link("nav.jobs", routes.JOBS),
        _nav_link("nav.help", routes.HELP),
        _role_links(),
        _messages_link(),
        rx.cond(
            SessionState.is_logged_in,
            rx.button(t("nav.logout"), on_click=SessionState.log_out, variant="soft", size="3", id="logout"),
            rx.cond(  # only once the session is known: never «Regístrate» to a logged-in person
                rx.State.is_hydrated,
                rx.fragment(
                    _nav_link("nav.login", routes.LOGIN),
                    rx.link(rx.button(t("nav.signup"), size="3"), href=routes.SIGNUP),
                ),
            ),
        ),
    )


def header() -> rx.Component:
    """Site header: desktop shows the links inline, the phone a menu button."""
    brand = rx.link(
        rx.hstack(
            rx.icon("heart_handshake", size=28, color=rx.color("teal", 10), flex_shrink="0"),
            rx.text(
                t("app.name"),
                weight="bold",
                size=rx.breakpoints(initial="3", sm="5"),
                color=rx.color("gray", 12),
                white_space="nowrap",
            ),
            align="center",
            spacing="2",
        ),
        href=routes.HOME,
        underline="none",
        id="home-link",
    )
    # An admin's nine entries fit one line at 1280 px; narrower, they wrap instead of running off.
    desktop = rx.hstack(_nav_items(), spacing="2", align="center", justify="end", wrap="wrap", row_gap="0")
    mobile = rx.hstack(
        phone_menu(ROLE_LINKS),
        rx.cond(  # the unread count sits on the menu button (the header has no room for more)
            UnreadState.shows_messages & (UnreadState.unread > 0),
            rx.badge(
                UnreadState.unread,
                color_scheme="red",
                variant="solid",
                radius="full",
                position="absolute",
                top="-6px",
                right="-6px",
                pointer_events="none",
                aria_hidden="true",
                id="mobile-unread",
            ),
        ),
        spacing="2",
        align="center",
        position="relative",
    )
    return rx.el.header(
        rx.hstack(
            brand,
            rx.spacer(),
            rx.desktop_only(desktop),
            language_switch(),
            rx.mobile_and_tablet(mobile),
            align="center",
            width="100%",
            max_width="1280px",
            margin="0 auto",
            padding="0.6em 0.75em",
            box_sizing="border-box",
            spacing="2",
        ),
        class_name="cp-header",
        on_mount=UnreadState.refresh,
    )


def footer() -> rx.Component:
    """Footer with the legal links and help."""
    return rx.el.footer(
        rx.flex(
            rx.link(t("footer.privacy"), href=routes.PRIVACY),
            rx.link(t("footer.terms"), href=routes.TERMS),
            rx.link(t("footer.help"), href=routes.HELP),
            rx.link(t("footer.declaration"), href=routes.DECLARATION),
            rx.link(t("nav.jobs"), href=routes.JOBS),
            rx.text(t("footer.contact"), color_scheme="gray"),
            gap="1.5em",
            wrap="wrap",
            max_width="1100px",
            margin="0 auto",
            padding="1.5em 1em",
            box_sizing="border-box",
        ),
        class_name="cp-footer",
    )


def page_shell(*children: rx.Component, title_key: str = "") -> rx.Component:
    """Wrap page content in the common layout.

    Args:
        *children: The page's content.
        title_key: Catalogue key of the page heading, if the shell should draw it.

    Returns:
        The full page.
    """
    heading = (
        rx.heading(t(title_key), size="7", margin_bottom="0.5em", as_="h1") if title_key else rx.fragment()
    )
    return rx.box(
        rx.link(t("nav.skip"), href="#main", class_name="cp-skip-link"),
        header(),
        rx.el.main(
            heading,
            *children,
            id="main",
            class_name="cp-main",
        ),
        footer(),
        rx.el.span(id="app-ready", data_ready=rx.cond(rx.State.is_hydrated, "true", "false"), hidden=True),
        rx.el.span(id="app-lang", data_lang=SessionState.lang, hidden=True),
        class_name=rx.cond(UnreadState.large_text, "cp-page cp-large-text", "cp-page"),
    )
