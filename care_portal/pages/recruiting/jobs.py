"""Public job offers: the list and each offer's page."""

from __future__ import annotations

import dataclasses

import reflex as rx

from care_portal import routes
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.db import session_scope
from care_portal.domain.errors import NotFound
from care_portal.services import recruiting
from care_portal.state.session import SessionState, off_loop


class JobsState(SessionState):
    """The open offers (public data)."""

    offers: list[dict] = []
    offer: dict = {}
    offer_found: bool = True

    @rx.event
    @off_loop
    def load_list(self):
        """Read the open offers."""
        with session_scope() as session:
            self.offers = [dataclasses.asdict(o) for o in recruiting.list_open_offers(session)]

    @rx.event
    @off_loop
    def load_offer(self):
        """Read one offer; closed and draft offers are shown only to recruiters."""
        offer_id = routes.path_number(self.router.url.path, 1)
        self.offer, self.offer_found = {}, False
        if offer_id is None:
            return
        try:
            with session_scope() as session:
                offer = recruiting.get_offer(session, offer_id=offer_id, actor=self._resolve_viewer())
        except NotFound:
            return
        self.offer, self.offer_found = dataclasses.asdict(offer), True

    @rx.var
    def apply_href(self) -> str:
        """Where the apply button leads."""
        return routes.job_apply_url(self.offer.get("id", ""))

    @rx.var
    def login_href(self) -> str:
        """Log in and come back to the application."""
        return routes.login_url(self.apply_href)

    @rx.var
    def signup_href(self) -> str:
        """Sign up and come back to the application."""
        return f"{routes.SIGNUP}?next={self.apply_href}"


def _fact(label_key: str, value: rx.Var) -> rx.Component:
    return rx.cond(
        value != "",
        rx.hstack(rx.text(t(label_key), ":", weight="bold"), rx.text(value), spacing="1", wrap="wrap"),
    )


def _offer_card(offer: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(offer["title"], size="5", as_="h2"),
            _fact("rec.offer.area", offer["area"].to(str)),
            _fact("rec.offer.schedule", offer["schedule"].to(str)),
            _fact("rec.offer.contract", offer["contract_type"].to(str)),
            rx.text(offer["description"], white_space="pre-line", no_of_lines=3),
            rx.link(
                rx.button(t("rec.offer.see"), size="3"),
                href=routes.job_offer_url(offer["id"]),
                aria_label=offer["title"],
            ),
            spacing="2",
            align="start",
        ),
        class_name="cp-card",
    )


def jobs_page() -> rx.Component:
    """The list of open offers."""
    return page_shell(
        rx.text(t("rec.jobs.lead"), size="4", max_width="760px", margin_bottom="1em"),
        rx.cond(
            JobsState.offers.length() > 0,
            rx.grid(
                rx.foreach(JobsState.offers, _offer_card),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="4",
                width="100%",
            ),
            rx.callout(t("rec.jobs.none"), icon="info"),
        ),
        title_key="rec.jobs.title",
    )


def _section(title_key: str, value: rx.Var) -> rx.Component:
    return rx.cond(
        value != "",
        rx.box(
            rx.heading(t(title_key), size="4", as_="h2", margin_top="1em"),
            rx.text(value, white_space="pre-line", margin_top="0.3em"),
        ),
    )


def offer_page() -> rx.Component:
    """One offer with its apply button."""
    offer = JobsState.offer
    return page_shell(
        rx.link(t("rec.offer.back"), href=routes.JOBS),
        rx.cond(
            JobsState.offer_found,
            rx.vstack(
                rx.heading(offer["title"].to(str), size="7", as_="h1"),
                _fact("rec.offer.area", offer["area"].to(str)),
                _fact("rec.offer.schedule", offer["schedule"].to(str)),
                _fact("rec.offer.contract", offer["contract_type"].to(str)),
                _section("rec.offer.description", offer["description"].to(str)),
                _section("rec.offer.requirements", offer["requirements"].to(str)),
                rx.cond(
                    SessionState.is_logged_in,
                    rx.link(rx.button(t("rec.offer.apply"), size="4", id="apply"), href=JobsState.apply_href),
                    rx.vstack(
                        rx.text(t("rec.offer.login_first")),
                        rx.flex(
                            rx.link(
                                rx.button(t("nav.login"), size="3", id="apply-login"),
                                href=JobsState.login_href,
                            ),
                            rx.link(
                                rx.button(t("nav.signup"), size="3", variant="outline"),
                                href=JobsState.signup_href,
                            ),
                            gap="1em",
                            wrap="wrap",
                        ),
                    ),
                ),
                spacing="3",
                align="start",
                margin_top="1em",
                max_width="760px",
            ),
            rx.callout(t("errors.not_found"), icon="info", margin_top="1em", id="offer-missing"),
        ),
    )
