"""The recruiting dashboard: offers, and applications with filters, search and sort."""

from __future__ import annotations

import dataclasses

import reflex as rx

from care_portal import routes
from care_portal.components.fields import select
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.pager import PagerMixin, pager
from care_portal.components.recruiting import area_name, offer_status_badge, stage_badge
from care_portal.db import session_scope
from care_portal.domain.errors import DomainError
from care_portal.domain.recruiting import AREAS, AVAILABILITY, Stage
from care_portal.models import Role
from care_portal.services import recruiting
from care_portal.services.authz import Viewer
from care_portal.state.session import SessionState, guarded

FILTERS = ("offer", "stage", "area", "slot", "search", "sort")
SORTS = ("newest", "oldest", "rating", "name")


class RecruitingState(PagerMixin, SessionState):
    """Offers and the filtered list of applications, a page at a time."""

    offers: list[dict] = []
    applications: list[dict] = []
    filters: dict[str, str] = {
        "offer": "",
        "stage": "",
        "area": "",
        "slot": "",
        "search": "",
        "sort": "newest",
    }

    def _reload(self, viewer: Viewer, page: int = 1) -> None:
        f = self.filters
        with session_scope() as session:
            self.offers = [
                dataclasses.asdict(o) for o in recruiting.list_offers_for_recruiters(session, actor=viewer)
            ]
            rows = recruiting.list_applications(
                session,
                actor=viewer,
                offer_id=int(f["offer"]) if f.get("offer", "").isdigit() else None,
                stage=f.get("stage", ""),
                area=f.get("area", ""),
                availability=f.get("slot", ""),
                search=f.get("search", ""),
                sort=f.get("sort", "newest"),
                page=page,
            )
        self.applications = [dataclasses.asdict(r) for r in rows]
        self._show_page(rows)

    @rx.event
    @guarded(Role.RECRUITER)
    def go_to_page(self, viewer: Viewer, number: int):
        """Show another page of the filtered applications."""
        self._reload(viewer, number)

    @rx.event
    @guarded(Role.RECRUITER)
    def load(self, viewer: Viewer):
        """Open the dashboard."""
        self._reload(viewer)

    @rx.event
    @guarded(Role.RECRUITER)
    def set_filter(self, viewer: Viewer, name: str, value: str):
        """Change one filter and list again."""
        if name in FILTERS:
            self.filters = {**self.filters, name: str(value)[:100]}
            self._reload(viewer)

    @rx.event
    @guarded(Role.RECRUITER)
    def search(self, viewer: Viewer, form: dict):
        """Search by name, e-mail or postal code."""
        self.filters = {**self.filters, "search": str(form.get("search", ""))[:100]}
        self._reload(viewer)

    @rx.event
    @guarded(Role.RECRUITER)
    def create_offer(self, viewer: Viewer):
        """Create a draft offer and open its editor."""
        try:
            with session_scope() as session:
                offer = recruiting.save_offer(
                    session, actor=viewer, offer_id=None, values={"title": self._t("rec.dash.new_offer")}
                )
        except DomainError as error:
            return rx.toast.error(self._error_text(error))
        return rx.redirect(routes.recruiting_offer_url(offer.id))


def _offers_table() -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(t("rec.col.offer")),
                    rx.table.column_header_cell(t("rec.col.status")),
                    rx.table.column_header_cell(t("rec.col.applications")),
                )
            ),
            rx.table.body(
                rx.foreach(
                    RecruitingState.offers,
                    lambda o: rx.table.row(
                        rx.table.cell(rx.link(o["title"].to(str), href=routes.recruiting_offer_url(o["id"]))),
                        rx.table.cell(offer_status_badge(o["status"].to(str))),
                        rx.table.cell(o["applications"].to(str)),
                    ),
                )
            ),
            width="100%",
        ),
        class_name="cp-table-wrap",
    )


def _filters() -> rx.Component:
    f = RecruitingState.filters
    all_label = t("rec.filter.all")
    return rx.flex(
        rx.box(
            rx.el.label(t("rec.filter.offer"), html_for="field-offer", class_name="cp-label"),
            rx.el.select(
                rx.el.option(all_label, value=""),
                rx.foreach(
                    RecruitingState.offers, lambda o: rx.el.option(o["title"].to(str), value=o["id"].to(str))
                ),
                id="field-offer",
                value=f["offer"],
                on_change=lambda v: RecruitingState.set_filter("offer", v),
                class_name="cp-select",
            ),
            min_width="150px",
            flex="1",
        ),
        select(
            "stage",
            "rec.filter.stage",
            [("", all_label)] + [(s.value, t(f"stage.{s.value}")) for s in Stage if s != Stage.DRAFT],
            f["stage"],
            lambda v: RecruitingState.set_filter("stage", v),
        ),
        select(
            "area",
            "rec.filter.area",
            [("", all_label)] + [(a, t(f"area.{a}")) for a in AREAS],
            f["area"],
            lambda v: RecruitingState.set_filter("area", v),
        ),
        select(
            "slot",
            "rec.filter.availability",
            [("", all_label)]
            + [
                (s, rx.fragment(t(f"day.{s.split('-')[0]}"), " · ", t(f"slot.{s.split('-')[1]}")))
                for s in AVAILABILITY
            ],
            f["slot"],
            lambda v: RecruitingState.set_filter("slot", v),
        ),
        select(
            "sort",
            "rec.filter.sort",
            [(s, t(f"rec.sort.{s}")) for s in SORTS],
            f["sort"],
            lambda v: RecruitingState.set_filter("sort", v),
        ),
        rx.form(
            rx.el.label(t("rec.filter.search"), html_for="field-search", class_name="cp-label"),
            rx.hstack(
                rx.input(id="field-search", name="search", default_value=f["search"], size="3", width="100%"),
                rx.icon_button(rx.icon("search"), type="submit", size="3", aria_label=t("rec.filter.search")),
                width="100%",
            ),
            on_submit=RecruitingState.search,
            reset_on_submit=False,
            flex="2",
            min_width="220px",
            margin_bottom="0.75em",
        ),
        gap="0.75em",
        wrap="wrap",
        align="end",
        width="100%",
    )


def _application_row(a: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(a["full_name"].to(str), href=routes.recruiting_application_url(a["id"])),
        ),
        rx.table.cell(a["offer_title"].to(str)),
        rx.table.cell(stage_badge(a["stage"].to(str))),
        rx.table.cell(
            rx.flex(
                rx.foreach(a["areas"].to(list[str]), lambda x: rx.badge(area_name(x), variant="outline")),
                gap="0.25em",
                wrap="wrap",
            )
        ),
        rx.table.cell(rx.cond(a["rating"].to(int) > 0, a["rating"].to(str) + " / 5", "—")),
        rx.table.cell(a["submitted"].to(str), white_space="nowrap"),
    )


def _application_card(a: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.link(
                    a["full_name"].to(str),
                    href=routes.recruiting_application_url(a["id"]),
                    weight="bold",
                    size="4",
                ),
                stage_badge(a["stage"].to(str)),
                justify="between",
                align="center",
                width="100%",
                gap="0.5em",
                wrap="wrap",
            ),
            rx.text(a["offer_title"].to(str), size="2"),
            rx.flex(
                rx.foreach(a["areas"].to(list[str]), lambda x: rx.badge(area_name(x), variant="outline")),
                rx.text(rx.cond(a["rating"].to(int) > 0, "★ " + a["rating"].to(str) + "/5", ""), size="2"),
                rx.text(a["submitted"].to(str), size="2", color_scheme="gray"),
                gap="0.5em",
                wrap="wrap",
                align="center",
            ),
            spacing="1",
            width="100%",
        ),
        class_name="cp-card",
    )


def _applications_table() -> rx.Component:
    return rx.cond(
        RecruitingState.applications.length() > 0,
        rx.fragment(
            rx.mobile_only(
                rx.vstack(
                    rx.foreach(RecruitingState.applications, _application_card), spacing="2", width="100%"
                ),
                width="100%",
            ),
            rx.tablet_and_desktop(_applications_grid(), width="100%"),
            pager(RecruitingState),
        ),
        rx.text(t("rec.dash.none"), id="applications-none"),
    )


def _applications_grid() -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[
                        rx.table.column_header_cell(t(k))
                        for k in (
                            "rec.col.candidate",
                            "rec.col.offer",
                            "rec.col.stage",
                            "rec.col.areas",
                            "rec.col.rating",
                            "rec.col.sent",
                        )
                    ]
                )
            ),
            rx.table.body(rx.foreach(RecruitingState.applications, _application_row)),
            width="100%",
            id="applications-table",
        ),
        class_name="cp-table-wrap",
    )


def recruiting_page() -> rx.Component:
    """The recruiting area."""
    return page_shell(
        rx.vstack(
            rx.flex(
                rx.heading(t("rec.dash.offers"), size="6", as_="h2"),
                rx.spacer(),
                rx.button(
                    t("rec.dash.new_offer"), on_click=RecruitingState.create_offer, size="3", id="new-offer"
                ),
                width="100%",
                align="center",
                gap="1em",
                wrap="wrap",
            ),
            _offers_table(),
            rx.heading(t("rec.dash.applications"), size="6", as_="h2", margin_top="1em"),
            _filters(),
            _applications_table(),
            spacing="3",
            width="100%",
        ),
        title_key="recruiting.title",
    )
