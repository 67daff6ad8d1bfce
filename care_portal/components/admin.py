"""The administration's section tabs and the VeriFactu incident warning, shared by admin pages."""

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
    ("aeat", "admin.aeat", routes.ADMIN_AEAT),
    ("payments", "admin.payments", routes.ADMIN_PAYMENTS),
    ("outbox", "admin.outbox", routes.ADMIN_OUTBOX),
    ("cancellations", "cancel_admin.title", routes.ADMIN_CANCELLATIONS),
    ("privacy", "privacy.queue.title", routes.ADMIN_PRIVACY),
    ("ratings", "ratings.title", routes.ADMIN_RATINGS),
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


def aeat_incidents_callout(count: rx.Var) -> rx.Component:
    """A warning with the number of VeriFactu incidents and a link to them (nothing when none)."""
    return rx.cond(
        count > 0,
        rx.callout(
            rx.text(
                t("admin.aeat.home_incidents"),
                ": ",
                rx.text.strong(count, class_name="aeat-incident-count"),
                " · ",
                rx.link(t("admin.aeat.see"), href=routes.ADMIN_AEAT),
                as_="span",  # the callout's text is already a <p>
            ),
            icon="triangle_alert",
            color_scheme="red",
            margin_bottom="1em",
        ),
    )
