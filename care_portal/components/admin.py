"""The administration's section tabs, shared by every admin page."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t

ADMIN_TABS = [
    ("users", "admin.users", routes.ADMIN),
    ("catalog", "admin.catalog", routes.ADMIN_CATALOG),
    ("beneficiaries", "admin.beneficiaries", routes.ADMIN_BENEFICIARIES),
    ("managers", "admin.managers", routes.ADMIN_MANAGERS),
    ("invoices", "admin.invoices", routes.ADMIN_INVOICES),
    ("outbox", "admin.outbox", routes.ADMIN_OUTBOX),
    ("cancellations", "cancel_admin.title", routes.ADMIN_CANCELLATIONS),
]


def admin_tabs(current: str) -> rx.Component:
    """The admin area's sections, the current one highlighted."""
    return rx.hstack(
        *[
            rx.link(rx.button(t(key), variant="solid" if current == name else "soft", size="3"), href=href)
            for name, key, href in ADMIN_TABS
        ],
        spacing="3",
        margin_bottom="1em",
        wrap="wrap",
    )
