"""The public «declaración responsable» of the billing system (/declaracion-responsable).

The values come from settings and are the same the SistemaInformatico block of
every record sent to the AEAT carries.
"""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.services.aeat_status import declaration


class DeclarationState(rx.State):
    """The declaration's values, read from the running server's settings (public)."""

    values: dict[str, str] = {}

    @rx.event
    def load(self):
        """Read the values from settings."""
        self.values = {key: str(value) for key, value in asdict(declaration()).items()}


def declaration_table() -> rx.Component:
    """The producer and system values, then what the system guarantees."""
    values = DeclarationState.values
    rows = [
        ("declaration.producer", values["producer_name"]),
        ("declaration.producer_nif", values["producer_nif"]),
        ("declaration.system", values["system_name"]),
        ("declaration.system_id", values["system_id"]),
        ("declaration.version", values["version"]),
    ]
    return rx.vstack(
        rx.text(t("declaration.lead")),
        rx.data_list.root(
            *[
                rx.data_list.item(rx.data_list.label(t(key)), rx.data_list.value(value))
                for key, value in rows
            ],
            id="declaration-values",
        ),
        rx.heading(t("declaration.guarantees"), size="4", as_="h3"),
        rx.el.ul(
            *[rx.el.li(t(f"declaration.guarantee.{n}"), margin_bottom="0.4em") for n in range(1, 5)],
            style={"paddingLeft": "1.4em"},
        ),
        align="start",
        spacing="3",
    )


def declaration_page() -> rx.Component:
    """The public page, linked from the footer."""
    return page_shell(declaration_table(), title_key="declaration.title")
