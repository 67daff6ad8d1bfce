"""The privacy parts of a project page: health-data consent, and «Quién ha consultado los datos»."""

from __future__ import annotations

import reflex as rx

from care_portal.components.consent import purpose_ticks, representative_fields
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.tables import rows_table
from care_portal.pages.care.projects_state import ProjectState


def notes_row() -> rx.Component:
    """The health notes, or why they are hidden or locked."""
    p = ProjectState.project
    state = p["notes_state"].to(str)
    return rx.box(
        rx.text(t("care.view.care_notes"), weight="bold", size="2"),
        rx.match(
            state,
            ("shown", rx.text(p["care_notes"].to(str), white_space="pre-wrap", id="project-care-notes")),
            (
                "hidden",
                rx.text(t("care.notes_hidden"), color_scheme="gray", size="2", id="care-notes-hidden"),
            ),
            rx.text(t("care.notes_locked"), color_scheme="gray", size="2", id="care-notes-locked"),
        ),
        margin_bottom="0.6em",
    )


def health_consent_box() -> rx.Component:
    """For a signed consent: give health-data consent online, or withdraw only that part."""
    p = ProjectState.project
    errors = ProjectState.field_errors
    return rx.box(
        rx.text(t("care.purposes"), ": ", p["purposes_label"].to(str), size="2", id="consent-purposes"),
        rx.cond(
            p["has_health"],
            rx.button(
                t("care.consent.withdraw_health"),
                on_click=ProjectState.withdraw_health,
                variant="soft",
                color_scheme="red",
                size="2",
                id="consent-withdraw-health",
                margin_top="0.5em",
            ),
            rx.form(
                rx.heading(t("care.consent.give_health"), size="3", as_="h3", margin_top="0.75em"),
                form_field("signer_name", "care.field.signer_name", errors),
                rx.el.fieldset(
                    rx.el.legend(t("care.field.signer_role"), class_name="cp-label"),
                    rx.el.select(
                        rx.el.option(t("care.signer.beneficiary"), value="beneficiary"),
                        rx.el.option(t("care.signer.representative"), value="representative"),
                        name="signer_role_choice",
                        value=ProjectState.signer_role,
                        on_change=ProjectState.set_signer_role,
                        class_name="cp-select",
                        id="field-health-signer-role",
                    ),
                    style={"border": "none", "padding": "0", "margin": "0 0 0.75em"},
                ),
                rx.cond(ProjectState.signer_role == "representative", representative_fields(errors)),
                rx.text(t("care.consent.health_tick"), size="2"),
                form_error_banner(ProjectState.form_error),
                rx.button(t("care.consent.give_health"), type="submit", size="3", id="consent-give-health"),
                on_submit=ProjectState.give_health,
                reset_on_submit=False,
            ),
        ),
        margin_top="0.5em",
    )


def upload_purposes() -> rx.Component:
    """The purposes to tick when uploading a signed consent."""
    return purpose_ticks(ProjectState.toggle_health_ticked, ProjectState.field_errors)


def access_card() -> rx.Component:
    """«Quién ha consultado los datos»: who read health data and documents, when, what."""
    return rx.card(
        rx.heading(t("access.title"), size="5", as_="h2", margin_bottom="0.75em"),
        rows_table(
            ProjectState.access,
            [
                ("access.when", "when"),
                ("access.who", "who"),
                ("access.role", "role_label"),
                ("access.what", "subject_label"),
            ],
            rx.text(t("access.empty"), color_scheme="gray", id="access-log-empty"),
            id="access-log",
        ),
        class_name="cp-card",
    )


def erase_box() -> rx.Component:
    """Right to erasure: erase this relative's data (confirmed with a tick)."""
    return rx.form(
        rx.text(t("privacy.erase.help"), size="2", color_scheme="gray"),
        rx.el.label(
            rx.el.input(type="checkbox", name="confirm_erase", id="field-confirm_erase"),
            rx.text(t("privacy.erase.confirm")),
            class_name="cp-check",
        ),
        rx.text(
            ProjectState.field_errors.get("confirm_erase", ""), class_name="cp-field-error", role="alert"
        ),
        rx.button(
            t("privacy.erase.button"), type="submit", color_scheme="red", variant="outline", id="erase-submit"
        ),
        on_submit=ProjectState.erase,
        margin_top="1.5em",
    )
