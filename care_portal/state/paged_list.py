"""A client's own list, a page at a time: the load and page handlers the list pages share."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from care_portal.components.pager import PagerMixin
from care_portal.db import session_scope
from care_portal.models import Role
from care_portal.services.authz import Viewer
from care_portal.services.paging import Page
from care_portal.state.session import guarded


class ClientPagedListMixin(PagerMixin, mixin=True):
    """The logged-in client's own rows, 25 a page; the service pages them in SQL.

    A page state mixes this in with ``SessionState`` and says how to read one page
    (``_read_page``) and how to show its rows (``_show_rows``). Both handlers are
    guarded for clients and run in a worker thread.
    """

    loaded: bool = False

    def _read_page(self, session: Session, viewer: Viewer, number: int) -> Page:
        """Return page ``number`` of the viewer's rows (the service checks the viewer)."""
        raise NotImplementedError

    def _show_rows(self, page: Page) -> None:
        """Turn the page's rows into the state's list variable."""
        raise NotImplementedError

    @rx.event
    @guarded(Role.CLIENT)
    def load(self, viewer: Viewer):
        """Load the first page of the client's own rows (never anyone else's)."""
        self._fill(viewer, 1)

    @rx.event
    @guarded(Role.CLIENT)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of the client's own rows."""
        self._fill(viewer, number)

    def _fill(self, viewer: Viewer, number: int) -> None:
        with session_scope() as session:
            page = self._read_page(session, viewer, number)
        self._show_rows(page)
        self._show_page(page)
        self.loaded = True
