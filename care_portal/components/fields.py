"""Accessible form fields: a label, the input, a hint and the error tied to it."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t


def form_field(
    name: str,
    label_key: str,
    errors: rx.Var,
    *,
    type_: str = "text",
    autocomplete: str = "",
    hint_key: str = "",
    required: bool = True,
    default_value: rx.Var | str = "",
) -> rx.Component:
    """Build one labelled input whose error message sits under it.

    Args:
        name: Input name, also the key in the errors dict.
        label_key: Catalogue key of the label.
        errors: The state's ``field_errors`` var.
        type_: HTML input type.
        autocomplete: HTML autocomplete hint.
        hint_key: Catalogue key of a hint shown under the field.
        required: Whether the field must be filled.
        default_value: Initial value.

    Returns:
        The field component.
    """
    error = errors.get(name, "")
    field_id = f"field-{name}"
    return rx.box(
        rx.el.label(
            t(label_key),
            html_for=field_id,
            class_name="cp-label",
        ),
        rx.input(
            id=field_id,
            name=name,
            type=type_,
            auto_complete=autocomplete or None,
            required=required,
            default_value=default_value,
            size="3",
            aria_invalid=rx.cond(error != "", "true", "false"),
            aria_describedby=f"{field_id}-error {field_id}-hint",
            width="100%",
        ),
        rx.text(t(hint_key), id=f"{field_id}-hint", size="2", color_scheme="gray")
        if hint_key
        else rx.fragment(),
        rx.text(error, id=f"{field_id}-error", class_name="cp-field-error", role="alert", size="2"),
        width="100%",
        margin_bottom="0.75em",
    )


def form_error_banner(message: rx.Var) -> rx.Component:
    """A banner with the form-level error, announced to screen readers."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle_alert", color_scheme="red", role="alert", width="100%"),
    )
