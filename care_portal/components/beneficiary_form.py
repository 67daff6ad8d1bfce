"""The beneficiary's fields, shared by the registration form and the edit form."""

from __future__ import annotations

import reflex as rx

from care_portal.components.fields import form_field, text_area
from care_portal.components.i18n import t
from care_portal.domain.care import MAX_HOUSEHOLD


def form_section(title_key: str, *children: rx.Component) -> rx.Component:
    """A card with a heading grouping some fields."""
    return rx.card(
        rx.heading(t(title_key), size="5", as_="h2", margin_bottom="0.75em"),
        *children,
        class_name="cp-card",
        margin_bottom="1em",
    )


def _member_fields(number: rx.Var, errors: rx.Var, members: rx.Var | None) -> rx.Component:
    name = "member_" + number.to_string() + "_name"
    relation = "member_" + number.to_string() + "_relationship"
    default_name = members[number - 1]["full_name"].to(str) if members is not None else ""
    default_relation = members[number - 1]["relationship"].to(str) if members is not None else ""
    return rx.grid(
        rx.box(
            rx.el.label(
                t("care.field.member_name"),
                " ",
                number + 1,
                html_for="field-" + name,
                class_name="cp-label",
            ),
            rx.input(
                id="field-" + name,
                name=name,
                size="3",
                width="100%",
                required=True,
                default_value=default_name,
            ),
            rx.text(
                errors.get(name, ""),
                id="field-" + name + "-error",
                class_name="cp-field-error",
                role="alert",
                size="2",
            ),
        ),
        rx.box(
            rx.el.label(
                t("care.field.member_relationship"),
                " ",
                number + 1,
                html_for="field-" + relation,
                class_name="cp-label",
            ),
            rx.input(
                id="field-" + relation, name=relation, size="3", width="100%", default_value=default_relation
            ),
        ),
        columns=rx.breakpoints(initial="1", sm="2"),
        spacing="3",
        width="100%",
        margin_bottom="0.75em",
    )


def beneficiary_sections(
    errors: rx.Var,
    household_size: rx.Var,
    on_household_size,
    member_numbers: rx.Var,
    *,
    values: rx.Var | None = None,
    members: rx.Var | None = None,
    notes_locked: rx.Var | bool = False,
) -> list[rx.Component]:
    """Return the person, home, household and care sections of the form.

    Args:
        errors: The state's ``field_errors``.
        household_size: The chosen household size (int var).
        on_household_size: Event receiving the new size.
        member_numbers: Numbers of the other members to ask for (list var).
        values: Current values (a dict var) when editing.
        members: Current other members (list of dicts var) when editing.
        notes_locked: Whether health notes may not be written (no consent for health data):
            the field is replaced by why it is locked and how to give consent.

    Returns:
        The sections, in order.
    """

    def value(key: str):
        return values[key].to(str) if values is not None else ""

    return [
        form_section(
            "care.section.person",
            form_field(
                "full_name",
                "care.field.full_name",
                errors,
                autocomplete="off",
                default_value=value("full_name"),
            ),
            rx.grid(
                form_field("nif", "care.field.nif", errors, required=False, default_value=value("nif")),
                form_field(
                    "birth_date",
                    "care.field.birth_date",
                    errors,
                    type_="date",
                    required=False,
                    default_value=value("birth_date_iso"),
                ),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="3",
                width="100%",
            ),
            form_field(
                "relationship",
                "care.field.relationship",
                errors,
                hint_key="care.field.relationship_hint",
                default_value=value("relationship"),
            ),
        ),
        form_section(
            "care.section.home",
            form_field(
                "street",
                "care.field.street",
                errors,
                autocomplete="street-address",
                default_value=value("street"),
            ),
            rx.grid(
                form_field(
                    "postal_code",
                    "care.field.postal_code",
                    errors,
                    autocomplete="postal-code",
                    default_value=value("postal_code"),
                ),
                form_field(
                    "town",
                    "care.field.town",
                    errors,
                    autocomplete="address-level2",
                    default_value=value("town"),
                ),
                form_field(
                    "province",
                    "care.field.province",
                    errors,
                    autocomplete="address-level1",
                    default_value=value("province"),
                ),
                columns=rx.breakpoints(initial="1", sm="3"),
                spacing="3",
                width="100%",
            ),
            form_field(
                "phone",
                "care.field.phone",
                errors,
                type_="tel",
                autocomplete="tel",
                default_value=value("phone"),
            ),
        ),
        form_section(
            "care.section.household",
            rx.box(
                rx.el.label(
                    t("care.field.household_size"), html_for="field-household_size", class_name="cp-label"
                ),
                rx.el.select(
                    *[rx.el.option(str(n), value=str(n)) for n in range(1, MAX_HOUSEHOLD + 1)],
                    id="field-household_size",
                    name="household_size",
                    value=household_size.to_string(),
                    on_change=on_household_size,
                    aria_describedby="field-household_size-hint field-household_size-error",
                    class_name="cp-select",
                ),
                rx.text(
                    t("care.field.household_hint"),
                    id="field-household_size-hint",
                    size="2",
                    color_scheme="gray",
                ),
                rx.text(
                    errors.get("household_size", ""),
                    id="field-household_size-error",
                    class_name="cp-field-error",
                    role="alert",
                    size="2",
                ),
                margin_bottom="0.75em",
            ),
            rx.foreach(member_numbers, lambda n: _member_fields(n, errors, members)),
        ),
        form_section(
            "care.section.care",
            rx.cond(
                notes_locked,
                rx.box(
                    rx.text(t("care.field.care_notes"), class_name="cp-label"),
                    rx.callout(
                        t("care.notes_locked"), icon="lock", color_scheme="gray", id="care-notes-locked"
                    ),
                    rx.text(
                        errors.get("care_notes", ""), class_name="cp-field-error", role="alert", size="2"
                    ),
                    margin_bottom="0.75em",
                ),
                text_area(
                    "care_notes",
                    "care.field.care_notes",
                    errors,
                    hint_key="care.field.care_notes_hint",
                    default_value=value("care_notes"),
                ),
            ),
            form_field(
                "preferred_times",
                "care.field.preferred_times",
                errors,
                required=False,
                default_value=value("preferred_times"),
            ),
        ),
    ]
