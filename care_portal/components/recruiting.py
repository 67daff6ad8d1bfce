"""Small pieces shared by the recruiting pages: stage badges, labels, checkboxes, tables."""

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


def checkbox(
    name: str | rx.Var,
    label: rx.Component | rx.Var,
    checked: rx.Var | bool,
    value: str | rx.Var = "on",
    aria_label: rx.Var | str | None = None,
):
    """A native checkbox inside its label (large touch target); ``aria_label`` names it fully."""
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            name=name,
            value=value,
            default_checked=checked,
            aria_label=aria_label,
            style={"width": "22px", "height": "22px", "flexShrink": "0", "marginTop": "2px"},
        ),
        rx.text(label, as_="span"),
        style={
            "display": "flex",
            "gap": "0.6em",
            "alignItems": "flex-start",
            "minHeight": "36px",
            "cursor": "pointer",
        },
    )


def radio(name: str | rx.Var, label: rx.Component | rx.Var, value: str | rx.Var, checked: rx.Var | bool):
    """A native radio button inside its label."""
    return rx.el.label(
        rx.el.input(
            type="radio",
            name=name,
            value=value,
            default_checked=checked,
            style={"width": "22px", "height": "22px", "flexShrink": "0"},
        ),
        rx.text(label, as_="span"),
        style={
            "display": "flex",
            "gap": "0.5em",
            "alignItems": "center",
            "minHeight": "36px",
            "cursor": "pointer",
        },
    )


def error_text(message: rx.Var, element_id: str | rx.Var = "") -> rx.Component:
    """A field error announced to screen readers (hidden when empty)."""
    return rx.text(message, class_name="cp-field-error", role="alert", size="2", id=element_id or None)


def select(
    name: str, label_key: str, options: list[tuple[str, rx.Var | str]], value: rx.Var | str, on_change=None
):
    """A labelled native select; ``options`` are ``(value, label)`` pairs."""
    field_id = f"field-{name}"
    return rx.box(
        rx.el.label(t(label_key), html_for=field_id, class_name="cp-label"),
        rx.el.select(
            *[rx.el.option(label, value=v) for v, label in options],
            id=field_id,
            name=name,
            value=value,
            on_change=on_change,
            class_name="cp-select",
        ),
        min_width="150px",
        flex="1",
    )


def textarea(name: str, label_key: str, errors: rx.Var, default_value: rx.Var | str = "", rows: str = "4"):
    """A labelled text area whose error sits under it."""
    field_id = f"field-{name}"
    return rx.box(
        rx.el.label(t(label_key), html_for=field_id, class_name="cp-label"),
        rx.text_area(
            id=field_id,
            name=name,
            default_value=default_value,
            rows=rows,
            size="3",
            width="100%",
            aria_describedby=f"{field_id}-error",
        ),
        error_text(errors.get(name, ""), f"{field_id}-error"),
        width="100%",
        margin_bottom="0.75em",
    )
