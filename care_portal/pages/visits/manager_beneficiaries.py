"""«Tus beneficiarios» on the manager's dashboard: a page of cards and its own page controls."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t
from care_portal.components.pager import page_controls
from care_portal.components.report_view import timeline_link


def beneficiary_card(card: dict) -> rx.Component:
    """One beneficiary: name, phone to call, address, notes when consent allows, consent, timeline."""
    return rx.card(
        rx.vstack(
            rx.text(card["name"], weight="bold"),
            rx.link(
                rx.hstack(rx.icon("phone", size=14), rx.text(card["phone"]), spacing="1", align="center"),
                href="tel:" + card["phone"],
            ),
            rx.text(card["address"], size="2"),
            rx.cond(card["notes"] != "", rx.text(t("manager.notes"), ": ", card["notes"], size="2")),
            rx.cond(
                card["notes_hidden"] == "True", rx.text(t("care.notes_hidden"), size="2", color_scheme="gray")
            ),
            rx.match(
                card["consent"],
                ("signed", rx.badge(t("manager.consent_signed"), color_scheme="green", size="2")),
                ("withdrawn", rx.badge(t("care.consent.withdrawn_row"), color_scheme="red", size="2")),
                rx.badge(t("manager.consent_pending"), color_scheme="amber", size="2"),
            ),
            timeline_link(card["id"]),
            spacing="1",
        ),
        class_name="cp-card cp-beneficiary",
    )


def beneficiary_section(state) -> rx.Component:
    """The heading, one page of cards (``state.beneficiaries``) and the pager under them.

    Args:
        state: The dashboard state: ``beneficiaries``, ``beneficiary_page``, ``beneficiary_pages``,
            ``beneficiary_total`` and a guarded ``go_to_beneficiary_page(number)``.
    """
    return rx.vstack(
        rx.heading(
            t("manager.beneficiaries"),
            rx.cond(state.beneficiary_total > 0, rx.text.span(" (", state.beneficiary_total, ")")),
            size="5",
            as_="h2",
        ),
        rx.grid(
            rx.foreach(state.beneficiaries, beneficiary_card),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="3",
            width="100%",
        ),
        page_controls(
            state.beneficiary_page,
            state.beneficiary_pages,
            state.go_to_beneficiary_page,
            class_prefix="people",
        ),
        width="100%",
        spacing="2",
        margin_top="1em",
        id="beneficiaries",
    )
