"""The phone's navigation: a native disclosure (``<details>``), no menu library.

The header is on every page, so whatever it imports is in the JavaScript every page loads
first. Radix's dropdown menu brought its popper, Floating UI, focus scope, scroll area and
scroll lock (about 27 KB gzip) for a list of links; ``<details>``/``<summary>`` opens and
closes without JavaScript (even before the page is hydrated), and ``assets/portal.js`` closes
it on Escape, on a tap outside and after choosing an entry.
"""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.state.messages_nav import UnreadState
from care_portal.state.session import SessionState


def _entry(key: str, href: str, **props) -> rx.Component:
    return rx.link(t(key), href=href, class_name="cp-menu-link", underline="none", **props)


def phone_menu(role_links: dict[str, list[tuple[str, str]]]) -> rx.Component:
    """The «Menú» button and the links it shows, as a disclosure.

    Args:
        role_links: The entries of each role's area (catalogue key, address), by role.

    Returns:
        The ``<details>`` element with its button (``#menu-button``) and its panel.
    """
    return rx.el.details(
        rx.el.summary(
            rx.icon("menu", size=24, aria_hidden="true"),
            id="menu-button",
            aria_label=t("nav.menu"),
            class_name="cp-menu-button",
        ),
        rx.el.nav(
            _entry("nav.shop", routes.SHOP),
            _entry("nav.jobs", routes.JOBS),
            _entry("nav.help", routes.HELP),
            rx.match(
                SessionState.viewer_role,
                *[
                    (role, rx.fragment(*[_entry(key, href) for key, href in links]))
                    for role, links in role_links.items()
                ],
                rx.fragment(),
            ),
            rx.cond(
                UnreadState.shows_messages & SessionState.is_logged_in,
                rx.link(
                    t("nav.messages"),
                    rx.cond(UnreadState.unread > 0, " (" + UnreadState.unread.to(str) + ")", ""),
                    href=routes.MESSAGES,
                    class_name="cp-menu-link",
                    underline="none",
                    id="menu-messages",
                ),
            ),
            rx.cond(
                SessionState.is_logged_in,
                rx.el.button(
                    t("nav.logout"),
                    on_click=SessionState.log_out,
                    type="button",
                    class_name="cp-menu-link",
                    id="menu-logout",
                ),
                rx.fragment(
                    _entry("nav.login", routes.LOGIN),
                    _entry("nav.signup", routes.SIGNUP),
                ),
            ),
            aria_label=t("nav.menu"),
            class_name="cp-menu-panel",
        ),
        class_name="cp-menu",
    )
