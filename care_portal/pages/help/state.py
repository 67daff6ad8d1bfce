"""The help page's search box."""

from __future__ import annotations

import reflex as rx

from care_portal.domain.help_catalog import HELP_ENTRIES, search_entries


class HelpState(rx.State):
    """Which questions match what the visitor typed (no private data here)."""

    query: str = ""
    matches: list[str] = [entry.slug for entry in HELP_ENTRIES]

    @rx.event
    def search(self, value: str):
        """Keep the questions holding every typed word (accents and case do not matter)."""
        self.query = value[:200]
        self.matches = search_entries(self.query)
