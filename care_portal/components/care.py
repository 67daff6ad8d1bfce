"""Pieces shared by the beneficiary pages: the consent badge and the file picker."""

from __future__ import annotations

import reflex as rx

from care_portal.components.fields import label_file_input
from care_portal.components.i18n import t
from care_portal.components.upload_refusals import refusal_codes
from care_portal.domain.upload_limits import DOCUMENT_MAX_BYTES, DOCUMENTS_PER_PICK
from care_portal.services.care_documents.files import PICKER_ACCEPT


def consent_badge(state: rx.Var, **props) -> rx.Component:
    """Show "consentimiento pendiente / firmado / retirado" in its colour."""
    return rx.match(
        state,
        (
            "signed",
            rx.badge(
                rx.icon("circle_check", size=16),
                t("care.state.signed"),
                color_scheme="green",
                size="3",
                **props,
            ),
        ),
        (
            "withdrawn",
            rx.badge(
                rx.icon("circle_x", size=16), t("care.state.withdrawn"), color_scheme="red", size="3", **props
            ),
        ),
        rx.badge(rx.icon("clock", size=16), t("care.state.pending"), color_scheme="amber", size="3", **props),
    )


def file_picker(
    upload_id: str, label_key: str, on_drop, error: rx.Var, *, multiple: bool, refused=None
) -> rx.Component:
    """A labelled drop zone whose files go to the server as soon as they are chosen.

    With ``refused``, a file over the size limit, of another type or one too many is refused in
    the browser, before anything is sent, and ``refused(upload_id, reasons)`` puts the reason
    under the zone (the server checks every file it receives again).

    Args:
        upload_id: The upload's id (also used for the element ids, and the field of its error).
        label_key: Catalogue key of the label.
        on_drop: The event receiving ``rx.upload_files(upload_id)``.
        error: The message to show under the zone ("" for none).
        multiple: Whether several files may be chosen.
        refused: The event receiving the field and the browser's refusal reasons.

    Returns:
        The picker.
    """
    limits = (
        {
            "max_size": DOCUMENT_MAX_BYTES,
            "on_drop_rejected": lambda rejected: refused(upload_id, refusal_codes(rejected)),
        }
        if refused is not None
        else {}
    )
    return rx.box(
        rx.text(t(label_key), id=f"{upload_id}-label", class_name="cp-label"),
        label_file_input(
            rx.upload.root(
                rx.vstack(
                    rx.icon("paperclip", size=22),
                    rx.text(t("care.upload.choose"), size="3"),
                    align="center",
                    spacing="1",
                ),
                id=upload_id,
                multiple=multiple,
                max_files=DOCUMENTS_PER_PICK if multiple else 1,
                accept=PICKER_ACCEPT,
                **limits,
                on_drop=on_drop(rx.upload_files(upload_id=upload_id)),
                border="2px dashed var(--gray-7)",
                border_radius="var(--radius-3)",
                padding="1em",
                width="100%",
                cursor="pointer",
                class_name=f"cp-upload {upload_id}-zone",
                aria_labelledby=f"{upload_id}-label",
            ),
            f"{upload_id}-label",
        ),
        rx.text(error, id=f"field-{upload_id}-error", class_name="cp-field-error", role="alert", size="2"),
        width="100%",
        margin_bottom="0.75em",
    )
