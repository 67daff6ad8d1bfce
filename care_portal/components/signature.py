"""The signature pad of a consent signed at the door, with a typed-name alternative (assets/signature.js)."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t

PAD_ID = "signature-pad"
FIELD_ID = "field-signature_data"


def signature_pad(errors: rx.Var) -> rx.Component:
    """A canvas to sign on with a finger, a «clear» button, and a field to type the name instead.

    The drawing reaches the form as a PNG data URL in the hidden ``signature_data`` input;
    the typed alternative is ``signature_typed``.
    """
    error = errors.get("signature", "")
    typed_error = errors.get("signature_typed", "")
    return rx.box(
        rx.text(t("reports.signature"), id="signature-label", class_name="cp-label"),
        rx.text(t("reports.signature_hint"), id="signature-hint", size="2", color_scheme="gray"),
        rx.el.canvas(
            id=PAD_ID,
            class_name="cp-signature",
            width=600,
            height=220,
            data_target=FIELD_ID,
            role="img",
            aria_labelledby="signature-label",
            aria_describedby="signature-hint",
            style={
                "width": "100%",
                "maxWidth": "600px",
                "aspectRatio": "600 / 220",
                "border": "2px solid var(--gray-8)",
                "borderRadius": "var(--radius-3)",
                "background": "white",
                "touchAction": "none",
                "display": "block",
            },
        ),
        rx.el.input(type="hidden", name="signature_data", id=FIELD_ID, default_value=""),
        rx.button(
            rx.icon("eraser", size=16),
            t("reports.signature_clear"),
            type="button",
            variant="soft",
            size="3",
            data_clear_signature=PAD_ID,
            id="signature-clear",
            margin_y="0.4em",
        ),
        rx.text(error, id="field-signature-error", class_name="cp-field-error", role="alert", size="2"),
        rx.el.label(t("reports.signature_typed"), html_for="field-signature_typed", class_name="cp-label"),
        rx.input(
            id="field-signature_typed",
            name="signature_typed",
            size="3",
            auto_complete="off",
            aria_invalid=rx.cond(typed_error != "", "true", "false"),
            aria_describedby="field-signature_typed-error",
        ),
        rx.text(
            typed_error, id="field-signature_typed-error", class_name="cp-field-error", role="alert", size="2"
        ),
        width="100%",
        margin_y="0.5em",
    )
