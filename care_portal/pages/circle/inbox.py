"""«Mensajes»: the caller's conversations, latest activity first, with what waits unread."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.pager import PagerMixin, pager
from care_portal.db import session_scope
from care_portal.models import Role
from care_portal.services import messages
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded


class InboxState(PagerMixin, SessionState):
    """The list of conversations (one per beneficiary the caller writes about)."""

    conversations: list[dict] = []
    loaded: bool = False

    def _fill(self, viewer: Viewer, number: int) -> None:
        with session_scope() as session:
            rows = messages.list_conversations(session, actor=viewer, page=number)
        self.conversations = [asdict(r) | {"url": routes.conversation_url(r.beneficiary_id)} for r in rows]
        self._show_page(rows)
        self.loaded = True

    @rx.event
    @guarded(off_loop=True)
    def load(self, viewer: Viewer):
        """Load the caller's own conversations."""
        self._fill(viewer, 1)

    @rx.event
    @guarded(off_loop=True)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of the caller's own conversations."""
        self._fill(viewer, number)


def conversation_card(row: dict) -> rx.Component:
    """One conversation: whose, the latest message and the unread count (also on the manager's dashboard)."""
    return rx.link(
        rx.card(
            rx.hstack(
                rx.vstack(
                    rx.text(row["beneficiary_name"], weight="bold", size="4"),
                    rx.cond(
                        row["last_preview"] != "",
                        rx.text(row["last_author"], ": ", row["last_preview"], size="2", color_scheme="gray"),
                        rx.text(t("messages.start"), size="2", color_scheme="gray"),
                    ),
                    rx.text(row["last_sent"], size="1", color_scheme="gray"),
                    spacing="1",
                    align="start",
                ),
                rx.spacer(),
                rx.cond(
                    row["unread"].to(int) > 0,
                    rx.badge(row["unread"], " ", t("messages.unread"), color_scheme="red", size="2"),
                ),
                align="center",
                width="100%",
            ),
            class_name="cp-card conversation-row",
        ),
        href=row["url"],
        underline="none",
        width="100%",
    )


def inbox_page() -> rx.Component:
    """The list of conversations."""
    return page_shell(
        rx.vstack(
            rx.text(t("messages.inbox_lead"), color_scheme="gray"),
            rx.foreach(InboxState.conversations, conversation_card),
            rx.cond(
                InboxState.loaded & (InboxState.conversations.length() == 0),
                rx.text(t("messages.no_conversations"), id="no-conversations"),
            ),
            pager(InboxState),
            width="100%",
            max_width="720px",
            spacing="3",
        ),
        title_key="messages.inbox_title",
    )


class TeamMessagesState(SessionState):
    """The conversations waiting for the manager, on their phone dashboard."""

    waiting: list[dict] = []

    @rx.event
    @guarded(Role.MANAGER, off_loop=True)
    def load(self, viewer: Viewer):
        """Load the manager's own conversations with unread messages (first page, latest first)."""
        with session_scope() as session:
            rows = messages.waiting_conversations(session, actor=viewer)
        self._set_changed(waiting=[_card_view(r) for r in rows])


def _card_view(row: messages.ConversationRow) -> dict:
    """One conversation as its card reads it (what ``conversation_card`` shows, and its link)."""
    return {
        "beneficiary_name": row.beneficiary_name,
        "unread": row.unread,
        "last_author": row.last_author,
        "last_preview": row.last_preview,
        "last_sent": row.last_sent,
        "url": routes.conversation_url(row.beneficiary_id),
    }


def team_messages_section() -> rx.Component:
    """«Mensajes de las familias» on the manager's dashboard: what waits for an answer."""
    return rx.vstack(
        rx.hstack(
            rx.heading(t("messages.team_title"), size="5", as_="h2"),
            rx.link(t("messages.all"), href=routes.MESSAGES, id="dashboard-all-messages"),
            align="center",
            wrap="wrap",
            spacing="3",
        ),
        rx.cond(
            TeamMessagesState.waiting.length() > 0,
            rx.vstack(rx.foreach(TeamMessagesState.waiting, conversation_card), width="100%", spacing="2"),
            rx.text(t("messages.none_waiting"), color_scheme="gray"),
        ),
        width="100%",
        spacing="2",
        margin_bottom="1em",
        id="dashboard-messages",
    )
