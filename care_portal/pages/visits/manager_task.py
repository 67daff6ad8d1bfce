"""One task for its manager (/gestor/tareas/[task_id]): contact, appointment, code, visit, report (views)."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.consent import authority_select, purpose_ticks
from care_portal.components.fields import form_error_banner, form_field, text_area
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.report_form import photo_section, report_parts_fields
from care_portal.components.report_view import timeline_link
from care_portal.components.signature import signature_pad
from care_portal.components.visits import ordinal_badge, state_badge
from care_portal.pages.visits.manager_task_state import ManagerTaskState

S = ManagerTaskState


def _card(title_key: str, *children: rx.Component, card_id: str) -> rx.Component:
    return rx.card(
        rx.vstack(rx.heading(t(title_key), size="4", as_="h2"), *children, spacing="2", width="100%"),
        class_name="cp-card",
        id=card_id,
        width="100%",
    )


def _summary() -> rx.Component:
    b = S.beneficiary
    return _card(
        "visits.summary",
        rx.hstack(
            rx.text(S.task["service"], weight="bold"),
            ordinal_badge(rx.cond(S.is_en, S.week["ordinal_en"], S.week["ordinal_es"])),
            rx.spacer(),
            state_badge(S.task["state"]),
            width="100%",
            wrap="wrap",
        ),
        rx.text(b["name"], weight="bold"),
        rx.link(
            rx.hstack(rx.icon("phone", size=14), rx.text(b["phone"]), spacing="1", align="center"),
            href="tel:" + b["phone"],
        ),
        rx.text(b["address"], size="2"),
        rx.cond(b["notes"] != "", rx.text(t("manager.notes"), ": ", b["notes"], size="2")),
        rx.cond(
            b["notes_hidden"] == "True",
            rx.text(t("care.notes_hidden"), size="2", color_scheme="gray", id="notes-hidden"),
        ),
        rx.cond(
            b["consent"] == "withdrawn",
            rx.callout(t("visits.consent_withdrawn"), icon="ban", color_scheme="red", id="consent-withdrawn"),
        ),
        rx.cond(
            S.task["notes"] != "", rx.text(t("visits.observations_client"), ": ", S.task["notes"], size="2")
        ),
        _family_notes(),
        rx.box(
            rx.text(t("visits.code_label"), size="2"),
            rx.code(S.task["visit_code"], size="6", id="visit-code"),
            rx.text(t("visits.code_hint"), size="2", color_scheme="gray"),
        ),
        rx.cond(
            S.task["appointment"] != "",
            rx.text(t("visits.appointment"), ": ", rx.text.strong(S.task["appointment"], id="appointment")),
        ),
        rx.cond(
            S.task["deadline"] != "",
            rx.text(t("visits.deadline"), ": ", S.task["deadline"], size="2", color_scheme="gray"),
        ),
        card_id="task-summary",
    )


def _fact(label_key: str, value: rx.Var, fact_id: str) -> rx.Component:
    return rx.cond(value != "", rx.text(t(label_key), ": ", value, size="2", id=fact_id))


def _family_notes() -> rx.Component:
    """Everything the family wrote at checkout and at the alta, and where the visit stands."""
    return rx.vstack(
        _fact("week.family_observations", S.family["observations"], "family-observations"),
        _fact("week.family_dates", S.family["preferred_dates"], "family-dates"),
        _fact("week.family_times", S.family["preferred_times"], "family-times"),
        _fact("week.family_household", S.family["household"], "family-household"),
        _fact("week.series_position", S.week["series_position"], "series-position"),
        _fact("week.length", S.week["minutes"], "visit-length"),
        rx.cond(
            S.week["incident_kind"] != "",
            rx.callout(
                rx.text(t("task.state.incident"), ": ", S.week["incident_reason"], as_="span"),
                icon="triangle_alert",
                color_scheme="red",
                id="incident-shown",
            ),
        ),
        spacing="1",
        width="100%",
        id="family-notes",
    )


def _contact_form() -> rx.Component:
    return _card(
        "visits.contact_log",
        rx.form(
            rx.el.label(t("visits.contact_channel"), html_for="field-contact_channel", class_name="cp-label"),
            rx.el.select(
                rx.el.option(t("visits.channel.phone"), value="phone"),
                rx.el.option(t("visits.channel.message"), value="message"),
                rx.el.option(t("visits.channel.email"), value="email"),
                rx.el.option(t("visits.channel.visit"), value="visit"),
                id="field-contact_channel",
                name="contact_channel",
                class_name="cp-native-select",
            ),
            text_area("contact_note", "visits.contact_note", S.field_errors, rows="4"),
            rx.button(t("visits.contact_save"), type="submit", size="3", id="contact-save"),
            on_submit=S.log_contact,
            reset_on_submit=True,
            width="100%",
        ),
        rx.foreach(
            S.contacts,
            lambda c: rx.box(
                rx.text(c["when"], " · ", t_channel(c["channel"]), size="1", color_scheme="gray"),
                rx.text(c["note"], size="2"),
                class_name="cp-log-entry",
            ),
        ),
        card_id="contact-log",
    )


def t_channel(channel: rx.Var) -> rx.Component:
    """The translated name of a contact channel."""
    return rx.match(
        channel,
        *[(c, t(f"visits.channel.{c}")) for c in ("phone", "message", "email", "visit")],
        channel,
    )


def _appointment_form() -> rx.Component:
    return _card(
        "visits.agree_appointment",
        rx.text(t("visits.madrid_time_hint"), size="2", color_scheme="gray"),
        rx.form(
            rx.flex(
                rx.box(
                    form_field("appointment_day", "visits.day", S.field_errors, type_="date"),
                    flex="1 1 160px",
                ),
                rx.box(
                    form_field("appointment_time", "visits.time", S.field_errors, type_="time"),
                    flex="1 1 120px",
                ),
                rx.box(
                    form_field(
                        "duration",
                        "visits.duration",
                        S.field_errors,
                        type_="number",
                        default_value=S.week["minutes"],
                        required=False,
                    ),
                    flex="1 1 100px",
                ),
                wrap="wrap",
                spacing="3",
                width="100%",
            ),
            rx.button(t("visits.agree"), type="submit", size="3", id="appointment-save"),
            on_submit=S.schedule,
            reset_on_submit=False,
            width="100%",
        ),
        rx.link(
            rx.icon("calendar_days", size=14),
            " ",
            t("week.schedule_series"),
            href=routes.MANAGER_WEEK + "?serie=" + S.task["id"],
            id="to-series",
        ),
        rx.text(t("visits.other_appointments"), weight="bold", size="2"),
        rx.cond(
            S.others.length() > 0,
            rx.foreach(
                S.others,
                lambda o: rx.text(
                    o["start"], "–", o["end"], " · ", o["service"], size="2", class_name="other-appt"
                ),
            ),
            rx.text(t("visits.no_other_appointments"), size="2", color_scheme="gray"),
        ),
        card_id="appointment-card",
    )


def _visit_card() -> rx.Component:
    return _card(
        "visits.at_the_visit",
        rx.cond(
            S.task["checked_in"] == "",
            rx.form(
                rx.cond(
                    S.week["check_in_opens"] != "",
                    rx.text(
                        t("week.window"),
                        " ",
                        S.week["check_in_opens"],
                        " – ",
                        S.week["check_in_closes"],
                        size="2",
                        color_scheme="gray",
                        id="check-in-window",
                    ),
                ),
                form_field("code", "visits.code_input", S.field_errors, autocomplete="off"),
                rx.button(t("visits.check_in"), type="submit", size="3", id="check-in"),
                on_submit=S.check_in,
                reset_on_submit=True,
                width="100%",
            ),
            rx.text(t("visits.checked_in_at"), ": ", S.task["checked_in"], id="checked-in"),
        ),
        rx.cond(
            S.consent_pending,
            rx.form(
                rx.callout(t("visits.consent_pending_hint"), icon="signature", color_scheme="amber"),
                form_field("signer_name", "visits.signer_name", S.field_errors),
                rx.el.label(t("visits.signer_role"), html_for="field-signer_role", class_name="cp-label"),
                rx.el.select(
                    rx.el.option(t("visits.signer.beneficiary"), value="beneficiary"),
                    rx.el.option(t("visits.signer.representative"), value="representative"),
                    id="field-signer_role",
                    name="signer_role",
                    class_name="cp-native-select",
                ),
                form_field("relationship", "visits.signer_relationship", S.field_errors, required=False),
                authority_select(S.field_errors),
                purpose_ticks(S.toggle_health_ticked, S.field_errors),
                signature_pad(S.field_errors),
                rx.button(
                    t("visits.consent_save"), type="submit", size="3", id="consent-save", variant="soft"
                ),
                on_submit=S.record_consent,
                reset_on_submit=False,
                width="100%",
            ),
            rx.text(
                rx.icon("circle_check", size=14), " ", t("manager.consent_signed"), size="2", id="consent-ok"
            ),
        ),
        rx.cond(
            (S.task["checked_in"] != "") & (S.task["checked_out"] == ""),
            rx.button(
                t("visits.check_out"), on_click=S.check_out, size="3", id="check-out", color_scheme="green"
            ),
        ),
        rx.cond(
            S.task["checked_out"] != "", rx.text(t("visits.checked_out_at"), ": ", S.task["checked_out"])
        ),
        card_id="visit",
    )


def _incident_card() -> rx.Component:
    """«Incidencia»: the person was not at home, or the visit had to stop; an admin's check-in exception."""
    return _card(
        "week.incident_title",
        rx.cond(
            (S.task["state"] == "scheduled") | (S.task["state"] == "in_progress"),
            rx.form(
                rx.el.label(t("week.incident_kind"), html_for="field-incident_kind", class_name="cp-label"),
                rx.el.select(
                    rx.el.option(t("week.incident.absent"), value="absent"),
                    rx.el.option(t("week.incident.interrupted"), value="interrupted"),
                    id="field-incident_kind",
                    name="incident_kind",
                    class_name="cp-native-select",
                ),
                text_area("incident_reason", "week.incident_reason", S.field_errors, rows="3"),
                rx.button(
                    t("week.incident_save"),
                    type="submit",
                    size="3",
                    color_scheme="red",
                    variant="soft",
                    id="incident-save",
                ),
                on_submit=S.record_incident,
                reset_on_submit=True,
                width="100%",
            ),
            rx.text(t("week.incident_not_now"), size="2", color_scheme="gray"),
        ),
        rx.cond(
            (S.viewer_role == "admin") & (S.task["state"] == "scheduled"),
            rx.form(
                text_area("exception_reason", "week.exception_reason", S.field_errors, rows="2"),
                rx.button(t("week.exception_save"), type="submit", variant="soft", id="exception-save"),
                on_submit=S.grant_exception,
                reset_on_submit=True,
                width="100%",
            ),
        ),
        _fact("week.exception_shown", S.week["exception"], "exception-shown"),
        card_id="incident",
    )


def _report_form() -> rx.Component:
    return _card(
        "visits.report",
        rx.cond(
            S.task["checked_in"] == "",
            rx.text(t("visits.report_after_check_in"), size="2", color_scheme="gray"),
            rx.form(
                text_area(
                    "work_done",
                    "visits.work_done",
                    S.field_errors,
                    default_value=S.report["work_done"],
                    rows="4",
                ),
                text_area(
                    "observations",
                    "visits.report_observations",
                    S.field_errors,
                    default_value=S.report["observations"],
                    rows="4",
                ),
                text_area(
                    "next_steps",
                    "visits.next_steps",
                    S.field_errors,
                    default_value=S.report["next_steps"],
                    rows="4",
                ),
                report_parts_fields(S.parts, S.field_errors),
                rx.button(t("visits.report_save"), type="submit", size="3", id="report-save"),
                on_submit=S.save_report,
                reset_on_submit=False,
                width="100%",
            ),
        ),
        rx.cond(
            S.task["checked_in"] != "",
            photo_section(
                S.photos,
                S.upload_photos,
                S.remove_photo,
                S.field_errors.get("photos", ""),
                S.photos_refused,
            ),
        ),
        timeline_link(S.beneficiary["id"]),
        card_id="report",
    )


def manager_task_page() -> rx.Component:
    """Everything the manager does for one visit, top to bottom in the order it happens."""
    return page_shell(
        rx.link(rx.icon("arrow_left", size=16), " ", t("visits.back_to_dashboard"), href=routes.MANAGER),
        rx.cond(
            S.not_found,
            rx.callout(t("errors.not_found"), icon="circle_alert", color_scheme="red", margin_top="1em"),
            rx.cond(
                S.loaded,
                rx.vstack(
                    form_error_banner(S.form_error),
                    _summary(),
                    _contact_form(),
                    _appointment_form(),
                    _visit_card(),
                    _incident_card(),
                    _report_form(),
                    spacing="3",
                    width="100%",
                    max_width="760px",
                    margin_top="1em",
                ),
                rx.text(t("common.loading")),
            ),
        ),
        title_key="visits.task_title",
    )
