"""The conversation page's state: read, write, attach, and a cheap poll for what is new.

Live updates: the page's hidden poll button is clicked by ``assets/portal.js`` every
``MESSAGE_POLL_SECONDS`` while the tab is visible. A poll reads the session **without**
noting activity (an open tab must not defeat the idle time-out) and asks the service for the
latest message id and how far the others have read — a constant three or four statements and
no state change when nothing happened; only a change reloads the page of messages.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict

import reflex as rx
from sqlmodel import Session

from care_portal import routes
from care_portal.config import get_settings
from care_portal.db import get_engine, session_scope
from care_portal.domain.errors import DomainError
from care_portal.models import Role
from care_portal.services import messages, web_sessions
from care_portal.services.authz import Viewer
from care_portal.services.care_documents.files import refused_documents_error
from care_portal.services.circle.members import prefers_large_text
from care_portal.services.staging import discard_staged, stage_upload, staged_attachment
from care_portal.state.messages_nav import UnreadState
from care_portal.state.session import FormMixin, SessionState, guarded


def _message_dict(message: messages.MessageView) -> dict:
    return asdict(message) | {
        "attachment_url": routes.message_attachment_url(message.id) if message.attachment_name else "",
        "read_label": ", ".join(message.read_by),
    }


class ConversationState(FormMixin, SessionState):
    """One beneficiary's conversation between the family and the team."""

    beneficiary_name: str = ""
    items: list[dict] = []
    has_older: bool = False
    not_found: bool = False
    large_text: bool = False
    is_team: bool = False
    staged_name: str = ""
    poll_ms: int = 5000
    _beneficiary_id: int = 0
    _viewer_id: int = 0
    _latest_id: int = 0
    _oldest_id: int = 0
    _others_read: int = 0
    _staged_key: str = ""

    def _id_from_url(self) -> int:
        return routes.path_number(self.router.url.path, 1) or 0

    def _reload(self, viewer: Viewer) -> None:
        """Read the latest page of messages and mark them read (a few statements)."""
        try:
            with session_scope() as session:
                page = messages.read_conversation(session, actor=viewer, beneficiary_id=self._beneficiary_id)
                if page.latest_id:
                    messages.mark_read(
                        session, actor=viewer, beneficiary_id=self._beneficiary_id, up_to_id=page.latest_id
                    )
                pulse = messages.pulse(session, actor=viewer, beneficiary_id=self._beneficiary_id)
        except DomainError:
            self.not_found, self.items, self.beneficiary_name = True, [], ""
            self._latest_id = self._oldest_id = self._others_read = 0
            return
        self.not_found = False
        self.beneficiary_name = page.beneficiary_name
        self.items = [_message_dict(m) for m in page.messages]
        self.has_older = page.has_older
        self._latest_id, self._oldest_id = page.latest_id, page.oldest_id
        self._others_read = pulse.others_read_up_to

    @rx.event
    @guarded(off_loop=True)
    def load(self, viewer: Viewer):
        """Open the conversation of the URL's beneficiary (participants only)."""
        self._clear_errors()
        self._discard_staged()
        self._beneficiary_id, self._viewer_id = self._id_from_url(), viewer.id
        self.is_team = viewer.role in (Role.MANAGER.value, Role.ADMIN.value)
        self.poll_ms = int(get_settings().message_poll_seconds * 1000)
        with session_scope() as session:
            self.large_text = prefers_large_text(session, user_id=viewer.id)
        self._reload(viewer)

    @rx.event
    @guarded(off_loop=True)
    def load_older(self, viewer: Viewer):
        """Show the messages before the oldest one shown."""
        if not self._oldest_id:
            return
        try:
            with session_scope() as session:
                page = messages.read_conversation(
                    session, actor=viewer, beneficiary_id=self._beneficiary_id, before_id=self._oldest_id
                )
        except DomainError:
            self.not_found = True
            return
        self.items = [_message_dict(m) for m in page.messages] + self.items
        self.has_older, self._oldest_id = page.has_older, page.oldest_id or self._oldest_id

    @rx.event
    @guarded()
    async def attach(self, viewer: Viewer, files: list[rx.UploadFile]):
        """Check a chosen file at once and keep it privately until the message is sent."""
        if not files:  # the picker refused it in the browser (its message stays)
            return
        self._clear_errors()
        self._discard_staged()
        for upload in files[:1]:
            try:
                self._staged_key, self.staged_name = await asyncio.to_thread(stage_upload, upload)
            except DomainError as error:
                self.field_errors = {"attachment": self._error_text(error)}

    @rx.event
    @guarded()
    def attachment_refused(self, viewer: Viewer, field: str, rejected: list[list[dict]]):
        """Say under the picker why the browser refused the file just picked (nothing was sent)."""
        error = refused_documents_error(rejected, "attachment")
        self._clear_errors()
        if error is not None:
            self.field_errors = {"attachment": self._error_text(error)}

    @rx.event
    @guarded()
    def remove_attachment(self, viewer: Viewer):
        """Drop the chosen file before sending."""
        self._discard_staged()

    def _discard_staged(self) -> None:
        if self._staged_key:
            discard_staged([self._staged_key])
        self._staged_key, self.staged_name = "", ""

    @rx.event
    @guarded(off_loop=True)
    def send(self, viewer: Viewer, form: dict):
        """Send the typed text (and the chosen file) to the conversation."""
        self._clear_errors()
        try:
            attachment = staged_attachment(self._staged_key, self.staged_name) if self._staged_key else None
            with session_scope() as session:
                messages.post_message(
                    session,
                    actor=viewer,
                    beneficiary_id=self._beneficiary_id,
                    body=str(form.get("body", "")),
                    attachment=attachment,
                )
        except DomainError as error:
            self._show_error(error)
            return None
        self._discard_staged()
        self._reload(viewer)
        return [rx.set_value("message-body", ""), UnreadState.refresh]

    def _peek(self) -> tuple[Viewer | None, messages.ConversationPulse | None]:
        """Who asks and what is new, without writing anything (see the module docstring)."""
        with Session(get_engine()) as session:  # never committed: a poll is not activity
            viewer = web_sessions.resolve_ref(session, ref=self._session_ref())
            if viewer is None or viewer.id != self._viewer_id or not self._beneficiary_id:
                return viewer, None
            try:
                return viewer, messages.pulse(session, actor=viewer, beneficiary_id=self._beneficiary_id)
            except DomainError:
                return viewer, None

    @rx.event
    async def poll(self):
        """Reload the messages only when something changed since the last look (live updates)."""
        viewer, pulse = await asyncio.to_thread(self._peek)
        if viewer is None:
            return rx.redirect(routes.login_url(self.router.url.path))
        if pulse is None:
            if self._beneficiary_id and viewer.id == self._viewer_id and not self.not_found:
                self.not_found, self.items = True, []  # removed from the circle meanwhile
            return None
        if pulse.latest_id == self._latest_id and pulse.others_read_up_to == self._others_read:
            return None
        await asyncio.to_thread(self._reload, viewer)
        return UnreadState.refresh
