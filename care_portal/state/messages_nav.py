"""The unread-messages count in the navigation, refreshed each time a page is shown.

It also says whether the user is a beneficiary invited to their own circle: every page then
uses large text (``cp-large-text`` on the page, see ``components.layout.page_shell``).
"""

from __future__ import annotations

import asyncio

import reflex as rx

from care_portal.db import session_scope
from care_portal.models import Role
from care_portal.services import messages
from care_portal.services.circle.members import prefers_large_text
from care_portal.state.session import SessionState

CONVERSING_ROLES = (Role.CLIENT.value, Role.MANAGER.value, Role.ADMIN.value)


class UnreadState(SessionState):
    """How many messages wait unread for the logged-in user (0 and hidden for nobody)."""

    unread: int = 0
    shows_messages: bool = False
    large_text: bool = False  # the person cared for, invited to their own circle

    @rx.event
    async def refresh(self):
        """Count the caller's own unread messages (one statement); nothing for nobody."""
        viewer = await asyncio.to_thread(self._resolve_viewer)
        if viewer is None or viewer.role not in CONVERSING_ROLES:
            self.unread, self.shows_messages, self.large_text = 0, False, False
            return

        def count() -> tuple[int, bool]:
            with session_scope() as session:
                unread = messages.unread_total(session, actor=viewer)
                return unread, prefers_large_text(session, user_id=viewer.id)

        self.unread, self.large_text = await asyncio.to_thread(count)
        self.shows_messages = True
