"""«Suscribirse desde tu calendario»: make, show once, and revoke a private feed URL (managers, clients)."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.calendars import feeds
from care_portal.state.session import SessionState, guarded


class FeedState(SessionState):
    """Whether the user has a feed, and the URL just made (shown once: only its hash is kept)."""

    feed_active: bool = False
    feed_url: str = ""

    @rx.event
    @guarded(Role.CLIENT, Role.MANAGER)
    def load_feed(self, viewer: Viewer):
        """Read whether a feed URL is in force."""
        with session_scope() as session:
            self.feed_active = feeds.has_feed(session, actor=viewer)
        self.feed_url = ""

    @rx.event
    @guarded(Role.CLIENT, Role.MANAGER)
    def make_feed(self, viewer: Viewer):
        """Make a new feed URL (the previous one stops working)."""
        try:
            with session_scope() as session:
                self.feed_url = feeds.issue_feed(session, actor=viewer)
        except DomainError:  # admins have no feed of their own
            return rx.toast.error(self._t("week.feed_not_for_you"))
        self.feed_active = True
        return None

    @rx.event
    @guarded(Role.CLIENT, Role.MANAGER)
    def revoke(self, viewer: Viewer):
        """Stop the feed URL from working."""
        with session_scope() as session:
            feeds.revoke_feed(session, actor=viewer)
        self.feed_active = False
        self.feed_url = ""


def feed_card() -> rx.Component:
    """The feed card: explanation, the URL once made, make-new and revoke buttons."""
    return rx.card(
        rx.vstack(
            rx.heading(t("week.feed_title"), size="4", as_="h2"),
            rx.text(t("week.feed_hint"), size="2"),
            rx.cond(
                FeedState.feed_url != "",
                rx.vstack(
                    rx.el.label(t("week.feed_url"), html_for="feed-url", class_name="cp-label"),
                    rx.input(id="feed-url", value=FeedState.feed_url, read_only=True, width="100%"),
                    rx.text(t("week.feed_once"), size="1", color_scheme="gray"),
                    width="100%",
                    spacing="1",
                ),
            ),
            rx.cond(
                FeedState.feed_active,
                rx.text(t("week.feed_on"), size="2", id="feed-state"),
                rx.text(t("week.feed_off"), size="2", color_scheme="gray", id="feed-state"),
            ),
            rx.hstack(
                rx.button(t("week.feed_make"), on_click=FeedState.make_feed, variant="soft", id="feed-make"),
                rx.cond(
                    FeedState.feed_active,
                    rx.button(
                        t("week.feed_revoke"),
                        on_click=FeedState.revoke,
                        variant="soft",
                        color_scheme="red",
                        id="feed-revoke",
                    ),
                ),
                wrap="wrap",
                spacing="3",
            ),
            spacing="2",
            width="100%",
        ),
        class_name="cp-card",
        id="calendar-feed",
        width="100%",
    )
