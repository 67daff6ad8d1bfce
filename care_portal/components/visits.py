"""Pieces shared by the visit pages (manager and client): the task state badge."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t

STATE_COLORS = {
    "pending_appointment": "amber",
    "scheduled": "blue",
    "in_progress": "violet",
    "done": "green",
    "cancelled": "gray",
    "incident": "red",
}


def state_badge(state: rx.Var, size: str = "2") -> rx.Component:
    """A coloured badge with the translated task state (``size`` "1" in the week's hour grid)."""
    return rx.match(
        state,
        *[(s, rx.badge(t(f"task.state.{s}"), size=size, color_scheme=c)) for s, c in STATE_COLORS.items()],
        rx.badge(state, size=size),
    )


def ordinal_badge(label: rx.Var) -> rx.Component:
    """«visita 2 de 4» beside a visit of a pack or a plan's month (nothing for a single visit)."""
    return rx.cond(
        label != "",
        rx.badge(label, color_scheme="indigo", variant="soft", size="2", class_name="task-ordinal"),
    )
