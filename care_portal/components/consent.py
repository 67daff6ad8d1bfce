"""Consent widgets shared by the beneficiary pages: the representative's authority and the purposes."""

from __future__ import annotations

import reflex as rx

from care_portal.components.care import file_picker
from care_portal.components.fields import form_field
from care_portal.components.i18n import t
from care_portal.services.care_documents import AUTHORITY_KINDS


def representative_fields(
    errors: rx.Var, on_document=None, document_name: rx.Var | None = None, refused=None
) -> rx.Component:
    """Relationship to the beneficiary and the authority the representative acts under.

    Where the form accepts files (``on_document``), also an optional supporting document.
    """
    parts = [
        form_field("signer_relationship", "care.field.signer_relationship", errors),
        authority_select(errors),
    ]
    if on_document is not None:
        parts += [
            file_picker(
                "authority_document",
                "care.field.authority_document",
                on_document,
                errors.get("authority_document", ""),
                multiple=False,
                refused=refused,
            ),
            rx.cond(
                document_name != "",
                rx.text(t("care.upload.ready"), " ", document_name, id="authority-document-ready", size="2"),
            ),
        ]
    return rx.box(*parts)


def authority_select(errors: rx.Var) -> rx.Component:
    """The authority a representative acts under (guardianship, power of attorney…)."""
    return rx.box(
        rx.el.label(t("care.field.authority"), html_for="field-authority", class_name="cp-label"),
        rx.el.select(
            rx.el.option("—", value=""),
            *[rx.el.option(t(f"care.authority.{kind}"), value=kind) for kind in AUTHORITY_KINDS],
            id="field-authority",
            name="authority",
            class_name="cp-select",
            aria_describedby="field-authority-error",
        ),
        rx.text(
            errors.get("authority", ""),
            id="field-authority-error",
            class_name="cp-field-error",
            role="alert",
            size="2",
        ),
        margin_bottom="0.75em",
    )


def _tick(name: str, label_key: str, on_toggle=None) -> rx.Component:
    """An unticked checkbox (never pre-ticked); ``on_toggle`` follows each change on the server."""
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            id=f"field-{name}",
            name=name,
            value="on",
            default_checked=False,
            on_change=(lambda _value: on_toggle()) if on_toggle is not None else None,
            style={"width": "22px", "height": "22px", "flexShrink": "0", "marginTop": "2px"},
        ),
        rx.text(t(label_key), as_="span"),
        html_for=f"field-{name}",
        style={"display": "flex", "gap": "0.6em", "alignItems": "flex-start", "minHeight": "36px"},
    )


def purpose_ticks(on_health, errors: rx.Var) -> rx.Component:
    """The separately ticked purposes (never pre-ticked): health data and communications."""
    return rx.el.fieldset(
        rx.el.legend(t("care.purposes"), class_name="cp-label"),
        rx.text(t("care.purpose.service"), " ✓", size="2", color_scheme="gray"),
        _tick("purpose_health", "care.consent.health_tick", on_health),
        _tick("purpose_communications", "care.consent.communications_tick"),
        rx.text(errors.get("purposes", ""), class_name="cp-field-error", role="alert", size="2"),
        style={"border": "none", "padding": "0", "margin": "0 0 0.75em"},
    )
