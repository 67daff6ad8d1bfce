"""The unread-messages count in the navigation, refreshed each time a page is shown."""

from __future__ import annotations

import asyncio

import reflex as rx

from care_portal.db import session_scope
from care_portal.models import Role
from care_portal.services import messages
from care_portal.state.session import SessionState

CONVERSING_ROLES = (Role.CLIENT.value, Role.MANAGER.value, Role.ADMIN.value)


class UnreadState(SessionState):
    """How many messages wait unread for the logged-in user (0 and hidden for nobody)."""

    unread: int = 0
    shows_messages: bool = False

    @rx.event
    async def refresh(self):
        """Count the caller's own unread messages (one statement); nothing for nobody."""
        viewer = await asyncio.to_thread(self._resolve_viewer)
        if viewer is None or viewer.role not in CONVERSING_ROLES:
            self.unread, self.shows_messages = 0, False
            return

        def count() -> int:
            with session_scope() as session:
                return messages.unread_total(session, actor=viewer)

        self.unread = await asyncio.to_thread(count)
        self.shows_messages = True
