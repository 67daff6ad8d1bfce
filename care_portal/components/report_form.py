"""The manager's structured report fields and the phone photo picker (task page)."""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import Var

from care_portal import routes
from care_portal.components.fields import text_area
from care_portal.components.i18n import t
from care_portal.components.report_view import PART_LABELS
from care_portal.components.upload_refusals import refusal_codes
from care_portal.domain.report_parts import CHOICES
from care_portal.domain.upload_limits import PHOTO_MAX_BYTES
from care_portal.services.report_photos import MAX_PHOTOS

PHOTO_UPLOAD_ID = "report-photos"


def _choice_select(name: str, label_key: str, value: rx.Var, errors: rx.Var) -> rx.Component:
    field_id = f"field-{name}"
    error = errors.get(name, "")
    return rx.box(
        rx.el.label(t(label_key), html_for=field_id, class_name="cp-label"),
        rx.el.select(
            *[rx.el.option(t(f"reports.choice.{v}"), value=v) for v in CHOICES[name]],
            id=field_id,
            name=name,
            default_value=value,
            class_name="cp-native-select",
            aria_describedby=f"{field_id}-error",
        ),
        rx.text(error, id=f"{field_id}-error", class_name="cp-field-error", role="alert", size="2"),
        flex="1 1 200px",
    )


def report_parts_fields(parts: rx.Var, errors: rx.Var) -> rx.Component:
    """Mood, meals, hydration, mobility, medication, and a concern with its severity."""
    return rx.box(
        rx.heading(t("reports.parts"), size="3", as_="h3", margin_bottom="0.5em"),
        rx.flex(
            *[_choice_select(name, label, parts[name], errors) for name, label in PART_LABELS],
            wrap="wrap",
            spacing="3",
            width="100%",
        ),
        text_area(
            "concern",
            "reports.concern",
            errors,
            default_value=parts["concern"],
            rows="3",
            hint_key="reports.concern_hint",
        ),
        rx.flex(
            _choice_select("concern_severity", "reports.concern_severity", parts["concern_severity"], errors),
            width="100%",
        ),
        width="100%",
    )


def _camera_input(upload: rx.Component, label_id: str) -> rx.Component:
    """Name the upload's hidden file input and ask phones for the back camera (``capture``)."""
    pending = [upload]
    while pending:
        node = pending.pop()
        if getattr(node, "tag", "") == "input" and node.special_props:
            node.special_props = [
                Var(
                    _js_expr=str(prop).removesuffix("()")
                    + f'({{"aria-labelledby": "{label_id}", "capture": "environment"}})',
                    _var_type=None,
                    _var_data=prop._get_all_var_data(),
                )
                for prop in node.special_props
            ]
        pending.extend(getattr(node, "children", []))
    return upload


def photo_section(photos: rx.Var, on_drop, remove, error: rx.Var, refused) -> rx.Component:
    """The report's photos with a «remove» button each, and the picker while fewer than four.

    A photo over the size limit (or too many at once) is refused in the browser, before it is
    sent, and ``refused`` puts the reason under the picker.

    Args:
        photos: The photo ids (strings).
        on_drop: The upload handler receiving ``rx.upload_files``.
        remove: The handler removing one photo by id.
        error: The message to show under the picker.
        refused: The handler receiving the browser's list of refused files.
    """
    label_id = f"{PHOTO_UPLOAD_ID}-label"
    return rx.box(
        rx.heading(t("reports.photos"), size="3", as_="h3", id=label_id),
        rx.text(t("reports.photos_hint"), size="2", color_scheme="gray"),
        rx.flex(
            rx.foreach(
                photos,
                lambda photo_id: rx.box(
                    rx.el.img(
                        src=routes.API + "/fotos/" + photo_id + ".jpg",
                        alt=t("reports.photos"),
                        class_name="cp-report-photo manager-photo",
                        style={"width": "140px", "height": "105px", "objectFit": "cover", "display": "block"},
                    ),
                    rx.button(
                        rx.icon("trash_2", size=16),
                        t("reports.remove_photo"),
                        on_click=remove(photo_id),
                        variant="soft",
                        color_scheme="red",
                        size="3",
                        class_name="photo-remove",
                    ),
                    class_name="manager-photo-item",
                ),
            ),
            wrap="wrap",
            spacing="2",
            margin_y="0.5em",
        ),
        rx.cond(
            photos.length() < MAX_PHOTOS,
            _camera_input(
                rx.upload.root(
                    rx.vstack(
                        rx.icon("camera", size=24),
                        rx.text(t("reports.take_photo"), size="3"),
                        align="center",
                        spacing="1",
                    ),
                    id=PHOTO_UPLOAD_ID,
                    multiple=True,
                    max_files=MAX_PHOTOS,
                    max_size=PHOTO_MAX_BYTES,
                    accept={"image/*": []},
                    on_drop=on_drop(rx.upload_files(upload_id=PHOTO_UPLOAD_ID)),
                    on_drop_rejected=lambda rejected: refused(refusal_codes(rejected)),
                    border="2px dashed var(--gray-7)",
                    border_radius="var(--radius-3)",
                    padding="1em",
                    width="100%",
                    cursor="pointer",
                    class_name="cp-upload report-photos-zone",
                    aria_labelledby=label_id,
                ),
                label_id,
            ),
        ),
        rx.text(error, id="field-photos-error", class_name="cp-field-error", role="alert", size="2"),
        width="100%",
        margin_top="1em",
    )
