"""Contracting a care plan (/cuenta/planes/nuevo): service, relative, days and times, start, billing."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import asdict
from datetime import timedelta

import reflex as rx

from care_portal import routes
from care_portal.components.fields import accept_terms_field, form_error_banner, form_field, text_area
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.legal_text import legal_text
from care_portal.components.loading import loading_state
from care_portal.db import session_scope
from care_portal.domain import plans as rules
from care_portal.domain.errors import DomainError
from care_portal.domain.formatting import format_euros
from care_portal.domain.terms import TERMS_TEXT_EN, TERMS_TEXT_ES
from care_portal.integrations.payments import get_provider
from care_portal.models import Role
from care_portal.models.types import utcnow
from care_portal.pages.shop.checkout import BILLING_FIELDS
from care_portal.services import beneficiaries, checkout, plans
from care_portal.services.authz import Viewer
from care_portal.state.session import FormMixin, SessionState, guarded

WEEKDAYS = range(7)
DEFAULT_TIME = "10:00"


def _start(viewer: Viewer, request: plans.PlanRequest) -> plans.PlanStart:
    with session_scope() as session:
        return plans.start_plan(session, actor=viewer, request=request, provider=get_provider())


class PlanFormState(FormMixin, SessionState):
    """The plan form; the monthly fee follows the service and the days ticked."""

    services: list[dict] = []
    beneficiary_options: list[dict] = []
    service_id: str = ""
    days: list[int] = []
    has_billing: bool = False
    billing_summary: str = ""
    earliest: str = ""
    loaded: bool = False
    _attempt_key: str = ""

    @rx.event
    @guarded(Role.CLIENT, off_loop=True)
    def load(self, viewer: Viewer):
        """Load the plannable services, the client's relatives and billing data."""
        self._clear_errors()
        self._attempt_key = secrets.token_hex(16)
        with session_scope() as session:
            services = plans.plannable_services(session, self.lang)
            options = beneficiaries.list_active_beneficiaries(session, actor=viewer)
            billing = checkout.get_billing(session, actor=viewer)
        self.services = [asdict(s) | {"price": format_euros(s.unit_price_cents)} for s in services]
        self.beneficiary_options = [asdict(o) for o in options]
        wanted = str(self.router.url.query_parameters.get("servicio", ""))
        ids = [str(s.id) for s in services]
        self.service_id = wanted if wanted in ids else (ids[0] if ids else "")
        self.days = []
        self.has_billing = billing is not None
        self.billing_summary = (
            self._t("shop.checkout.billing_saved", name=billing.billing_name, nif=billing.nif)
            if billing
            else ""
        )
        self.earliest = (rules.madrid_today(utcnow()) + timedelta(days=1)).isoformat()
        self.loaded = True

    @rx.event
    def choose_service(self, value: str):
        """The service picked in the list (for the monthly fee shown)."""
        self.service_id = str(value)

    @rx.event
    def toggle_day(self, weekday: int):
        """A day ticked or unticked (for the monthly fee shown)."""
        weekday = int(weekday)
        self.days = sorted(set(self.days) ^ {weekday})

    @rx.var
    def monthly(self) -> str:
        """The monthly fee for the service and days chosen so far."""
        chosen = next((s for s in self.services if str(s["id"]) == self.service_id), None)
        if chosen is None or not self.days:
            return ""
        return format_euros(rules.monthly_price_cents(int(chosen["unit_price_cents"]), len(self.days)))

    @rx.var
    def unit_price(self) -> str:
        """The chosen service's price per visit."""
        chosen = next((s for s in self.services if str(s["id"]) == self.service_id), None)
        return chosen["price"] if chosen else ""

    @rx.event
    @guarded(Role.CLIENT)
    async def submit(self, viewer: Viewer, form: dict):
        """Record the plan and go to its payment page (a double click opens one payment)."""
        self._clear_errors()
        schedule = {day: str(form.get(f"time_{day}", "")) for day in WEEKDAYS if form.get(f"day_{day}")}
        billing = None
        if not self.has_billing:
            billing = checkout.BillingData(**{f: str(form.get(f, "")) for f in BILLING_FIELDS})
        request = plans.PlanRequest(
            service_id=_as_int(form.get("service_id")),
            beneficiary_id=_as_int(form.get("beneficiary_id")),
            schedule=schedule,
            start_date=str(form.get("start_date", "")),
            observations=str(form.get("observations", "")),
            accept_terms=bool(form.get("accept_terms")),
            billing=billing,
            attempt_key=self._attempt_key or secrets.token_hex(16),
        )
        try:
            start = await asyncio.to_thread(_start, viewer, request)
        except DomainError as error:
            self._show_error(error)
            return None
        return rx.redirect(start.redirect_url)


def _as_int(value: object) -> int:
    try:
        return int(str(value or "0"))
    except ValueError:
        return 0


def _service_select() -> rx.Component:
    return rx.box(
        rx.el.label(t("plans.new.service"), html_for="field-service_id", class_name="cp-label"),
        rx.el.select(
            rx.foreach(
                PlanFormState.services,
                lambda s: rx.el.option(
                    s["name"].to(str) + " · " + s["price"].to(str), value=s["id"].to_string()
                ),
            ),
            id="field-service_id",
            name="service_id",
            value=PlanFormState.service_id,
            on_change=PlanFormState.choose_service,
            class_name="cp-select",
            aria_describedby="field-service_id-error",
        ),
        rx.text(
            PlanFormState.field_errors.get("service_id", ""),
            id="field-service_id-error",
            class_name="cp-field-error",
            role="alert",
            size="2",
        ),
        width="100%",
        margin_bottom="0.75em",
    )


def _beneficiary_choice(option: dict) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="radio",
            name="beneficiary_id",
            value=option["id"].to_string(),
            default_checked=PlanFormState.beneficiary_options.length() == 1,
        ),
        rx.text(option["full_name"], weight="bold"),
        class_name="cp-check cp-choice",
    )


def _beneficiaries() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(rx.text(t("plans.new.beneficiary"), class_name="cp-label")),
        rx.cond(
            PlanFormState.beneficiary_options.length() > 0,
            rx.vstack(rx.foreach(PlanFormState.beneficiary_options, _beneficiary_choice), spacing="2"),
            rx.link(t("plans.new.no_beneficiary"), href=routes.register_beneficiary_url(routes.PLAN_NEW)),
        ),
        rx.text(
            PlanFormState.field_errors.get("beneficiary_id", ""),
            id="field-beneficiary_id-error",
            class_name="cp-field-error",
            role="alert",
            size="2",
        ),
        style={"border": "none", "padding": 0, "margin": "0 0 0.75em 0"},
    )


def _day_row(day: int) -> rx.Component:
    errors = PlanFormState.field_errors
    return rx.hstack(
        rx.el.label(
            rx.el.input(
                type="checkbox",
                name=f"day_{day}",
                id=f"field-day_{day}",
                on_click=PlanFormState.toggle_day(day),
                style={"width": "22px", "height": "22px"},
            ),
            rx.text(t(f"plans.day.{day}"), as_="span", min_width="6.5em"),
            class_name="cp-check",
            style={"display": "flex", "gap": "0.5em", "alignItems": "center", "minHeight": "40px"},
        ),
        rx.el.input(
            type="time",
            name=f"time_{day}",
            id=f"field-time_{day}",
            default_value=DEFAULT_TIME,
            min="07:00",
            max="21:00",
            aria_label=rx.cond(SessionState.is_en, "Time", "Hora") + " · " + t(f"plans.day.{day}"),
            aria_describedby=f"field-time_{day}-error",
            class_name="cp-time",
            style={"minHeight": "40px", "fontSize": "16px", "padding": "0 0.5em"},
        ),
        rx.text(
            errors.get(f"time_{day}", ""),
            id=f"field-time_{day}-error",
            class_name="cp-field-error",
            role="alert",
            size="2",
        ),
        align="center",
        wrap="wrap",
        spacing="3",
    )


def _schedule() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(rx.heading(t("plans.new.days"), size="4", as_="h2")),
        rx.text(t("plans.new.days_hint"), size="2", color_scheme="gray", margin_bottom="0.5em"),
        rx.vstack(*[_day_row(day) for day in WEEKDAYS], spacing="1", class_name="plan-days"),
        rx.text(
            PlanFormState.field_errors.get("schedule", ""),
            id="field-schedule-error",
            class_name="cp-field-error",
            role="alert",
            size="2",
        ),
        style={"border": "none", "padding": 0, "margin": 0},
    )


def _fee() -> rx.Component:
    return rx.cond(
        PlanFormState.monthly != "",
        rx.callout(
            rx.text(
                t("plans.new.monthly"),
                ": ",
                rx.text.strong(PlanFormState.monthly, id="plan-monthly"),
                " · ",
                PlanFormState.unit_price,
                " × ",
                PlanFormState.days.length().to_string(),
                rx.cond(SessionState.is_en, " a week × 52 ÷ 12", " por semana × 52 ÷ 12"),
                as_="span",  # the callout's text is already a <p>
            ),
            icon="euro",
            color_scheme="green",
            width="100%",
        ),
    )


def _billing() -> rx.Component:
    errors = PlanFormState.field_errors
    return rx.cond(
        PlanFormState.has_billing,
        rx.text(PlanFormState.billing_summary, id="billing-saved"),
        rx.box(
            rx.heading(t("shop.checkout.billing"), size="4", as_="h2", margin_bottom="0.5em"),
            form_field("nif", "billing.nif", errors, autocomplete="off"),
            form_field("billing_name", "billing.name", errors, autocomplete="name"),
            form_field("address", "billing.address", errors, autocomplete="street-address"),
            form_field("postal_code", "billing.postal_code", errors, autocomplete="postal-code"),
            form_field("town", "billing.town", errors, autocomplete="address-level2"),
            form_field("phone", "field.phone", errors, type_="tel", autocomplete="tel"),
        ),
    )


def _terms() -> rx.Component:
    return rx.box(
        legal_text(
            TERMS_TEXT_ES,
            TERMS_TEXT_EN,
            text_id="plan-terms-text",
            size="1",
            color_scheme="gray",
            margin_bottom="0.5em",
        ),
        accept_terms_field("plans.new.accept", PlanFormState.field_errors),
    )


def plan_form_page() -> rx.Component:
    """The plan form: everything on one card, the fee shown as the days are ticked."""
    errors = PlanFormState.field_errors
    return page_shell(
        rx.text(t("plans.new.lead"), margin_bottom="1em"),
        rx.cond(
            PlanFormState.loaded,
            rx.form(
                rx.vstack(
                    form_error_banner(PlanFormState.form_error),
                    rx.card(
                        _service_select(),
                        _beneficiaries(),
                        _schedule(),
                        class_name="cp-card",
                        width="100%",
                    ),
                    rx.card(
                        form_field(
                            "start_date",
                            "plans.new.start",
                            errors,
                            type_="date",
                            default_value=PlanFormState.earliest,
                        ),
                        text_area("observations", "plans.new.observations", errors, max_length=1000),
                        class_name="cp-card",
                        width="100%",
                    ),
                    _fee(),
                    rx.card(_billing(), _terms(), class_name="cp-card", width="100%"),
                    rx.button(
                        rx.icon("lock"),
                        t("plans.new.submit"),
                        type="submit",
                        size="4",
                        width="100%",
                        id="plan-submit",
                    ),
                    spacing="4",
                    width="100%",
                    max_width="760px",
                ),
                on_submit=PlanFormState.submit,
                no_validate=True,
                reset_on_submit=False,
            ),
            loading_state(),
        ),
        title_key="plans.new.title",
    )
