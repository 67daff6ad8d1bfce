"""Small pieces shared by the recruiting pages: stage and offer badges, area and slot names."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t
from care_portal.domain.recruiting import AREAS, DAYS, SLOTS, OfferStatus, Stage

STAGE_COLOURS = {
    Stage.DRAFT: "gray",
    Stage.NEW: "blue",
    Stage.REVIEW: "amber",
    Stage.INTERVIEW: "violet",
    Stage.HIRED: "green",
    Stage.REJECTED: "red",
}


def stage_badge(stage: rx.Var) -> rx.Component:
    """The stage of an application as a coloured badge with its name."""
    return rx.match(
        stage,
        *[
            (s.value, rx.badge(t(f"stage.{s.value}"), color_scheme=c, size="2"))
            for s, c in STAGE_COLOURS.items()
        ],
        rx.badge(stage),
    )


def offer_status_badge(status: rx.Var) -> rx.Component:
    """Whether an offer is a draft, published or closed."""
    colours = {OfferStatus.DRAFT: "gray", OfferStatus.OPEN: "green", OfferStatus.CLOSED: "red"}
    return rx.match(
        status,
        *[
            (s.value, rx.badge(t(f"offer_status.{s.value}"), color_scheme=c, size="2"))
            for s, c in colours.items()
        ],
        rx.badge(status),
    )


def area_name(area: rx.Var) -> rx.Component:
    """The readable name of an area code."""
    return rx.match(area, *[(a, t(f"area.{a}")) for a in AREAS], area)


def slot_name(slot: rx.Var) -> rx.Component:
    """The readable name of an availability code such as ``lun-manana``."""
    return rx.match(
        slot,
        *[(f"{d}-{s}", rx.fragment(t(f"day.{d}"), " · ", t(f"slot.{s}"))) for d in DAYS for s in SLOTS],
        rx.fragment(slot),
    )
