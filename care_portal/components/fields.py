"""The form widgets: each with its label, hint and the error tied to it (``aria-describedby``).

Every page builds its fields from these, so each field's error has the id
``field-<name>-error`` and is announced to screen readers.
"""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import Var

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
    field_id: str = "",
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
        field_id: The input's id when two forms of a page share a field name (``field-<name>``).

    Returns:
        The field component.
    """
    # Only once the page's loaders have run: an earlier attempt's errors are cleared by then.
    error = rx.cond(rx.State.is_hydrated, errors.get(name, ""), "")
    field_id = field_id or f"field-{name}"
    described_by = f"{field_id}-error {field_id}-hint"
    if type_ == "date":
        described_by += f" {field_id}-words"
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
            aria_describedby=described_by,
            width="100%",
        ),
        # The chosen day in words, filled in the browser (assets/portal.js, part 7).
        rx.text("", id=f"{field_id}-words", class_name="cp-date-words", size="2", aria_live="polite")
        if type_ == "date"
        else rx.fragment(),
        rx.text(t(hint_key), id=f"{field_id}-hint", size="2", color_scheme="gray")
        if hint_key
        else rx.fragment(),
        rx.text(error, id=f"{field_id}-error", class_name="cp-field-error", role="alert", size="2"),
        width="100%",
        margin_bottom="0.75em",
    )


def label_file_input(upload: rx.Component, label_id: str) -> rx.Component:
    """Name the hidden ``<input type="file">`` inside an ``rx.upload`` after a visible label.

    ``rx.upload`` spreads react-dropzone's ``getInputProps()`` on its input and offers no way to pass
    attributes to it; screen readers then meet an unnamed file input. This rewrites that spread to
    ``getInputProps({"aria-labelledby": label_id})``.

    Args:
        upload: The component built by ``rx.upload`` / ``rx.upload.root``.
        label_id: Id of the element whose text names the input.

    Returns:
        The same component.
    """
    pending = [upload]
    while pending:
        node = pending.pop()
        if getattr(node, "tag", "") == "input" and node.special_props:
            node.special_props = [
                Var(
                    _js_expr=str(prop).removesuffix("()") + f'({{"aria-labelledby": "{label_id}"}})',
                    _var_type=None,
                    _var_data=prop._get_all_var_data(),
                )
                for prop in node.special_props
            ]
        pending.extend(getattr(node, "children", []))
    return upload


def form_error_banner(message: rx.Var) -> rx.Component:
    """A banner with the form-level error, announced to screen readers (not while the page loads)."""
    return rx.cond(
        rx.State.is_hydrated & (message != ""),
        rx.callout(message, icon="triangle_alert", color_scheme="red", role="alert", width="100%"),
    )


def text_area(
    name: str,
    label_key: str,
    errors: rx.Var,
    *,
    hint_key: str = "",
    default_value: rx.Var | str = "",
    rows: str = "3",
    max_length: int | None = None,
    required: bool = False,
) -> rx.Component:
    """Build a labelled multi-line text field with its hint and its error under it.

    Args:
        name: Field name, also the key in the errors dict.
        label_key: Catalogue key of the label.
        errors: The state's ``field_errors`` var.
        hint_key: Catalogue key of a hint shown under the field.
        default_value: Initial text.
        rows: Visible lines.
        max_length: Longest text the browser lets through.
        required: Whether the field must be filled.

    Returns:
        The field component.
    """
    field_id = f"field-{name}"
    return rx.box(
        rx.el.label(t(label_key), html_for=field_id, class_name="cp-label"),
        rx.text_area(
            id=field_id,
            name=name,
            default_value=default_value,
            size="3",
            rows=rows,
            width="100%",
            max_length=max_length,
            required=required,
            aria_describedby=f"{field_id}-error {field_id}-hint" if hint_key else f"{field_id}-error",
        ),
        rx.text(t(hint_key), id=f"{field_id}-hint", size="2", color_scheme="gray")
        if hint_key
        else rx.fragment(),
        error_text(errors.get(name, ""), f"{field_id}-error"),
        width="100%",
        margin_bottom="0.75em",
    )


def error_text(message: rx.Var, element_id: str | rx.Var = "") -> rx.Component:
    """A field error announced to screen readers (hidden when empty)."""
    return rx.text(message, class_name="cp-field-error", role="alert", size="2", id=element_id or None)


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


def accept_terms_field(label_key: str, errors: rx.Var) -> rx.Component:
    """The «I accept the conditions» checkbox (``accept_terms``) with its error under it.

    The checkout and the plan form share it, so both post the same field and show the
    service's ``accept_terms`` error at ``field-accept_terms-error``.

    Args:
        label_key: Catalogue key of the checkbox's label.
        errors: The state's ``field_errors`` var.

    Returns:
        The label with its checkbox, then the error.
    """
    field_id = "field-accept_terms"
    return rx.fragment(
        rx.el.label(
            rx.el.input(
                type="checkbox",
                name="accept_terms",
                id=field_id,
                aria_describedby=f"{field_id}-error",
            ),
            rx.text(t(label_key)),
            class_name="cp-check",
        ),
        error_text(errors.get("accept_terms", ""), f"{field_id}-error"),
    )
