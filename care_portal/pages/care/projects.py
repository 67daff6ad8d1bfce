"""The "Proyectos" tab: one project per beneficiary, and each project's page (views)."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.beneficiary_form import beneficiary_sections
from care_portal.components.care import consent_badge, file_picker
from care_portal.components.consent import representative_fields
from care_portal.components.fields import form_error_banner, form_field
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.components.report_view import timeline_link
from care_portal.pages.care.project_privacy import (
    access_card,
    erase_box,
    health_consent_box,
    notes_row,
    upload_purposes,
)
from care_portal.pages.care.projects_state import ProjectsState, ProjectState
from care_portal.pages.circle.project_circle import circle_section, followed_section
from care_portal.pages.plans.section import plans_section


def _project_card(project: dict) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(project["full_name"], size="5", as_="h2"),
                rx.cond(project["archived"], rx.badge(t("care.projects.archived"), color_scheme="gray")),
                wrap="wrap",
                align="center",
            ),
            consent_badge(project["consent_state"], class_name="project-consent"),
            rx.text(project["address"], class_name="project-address"),
            rx.text(
                t("care.projects.household"),
                ": ",
                project["household_size"],
                class_name="project-household",
            ),
            rx.cond(
                project["manager_name"] != "",
                rx.text(
                    t("care.projects.manager"),
                    ": ",
                    project["manager_name"],
                    " · ",
                    rx.link(project["manager_email"], href="mailto:" + project["manager_email"].to(str)),
                    rx.cond(project["manager_phone"] != "", " · " + project["manager_phone"].to(str), ""),
                ),
                rx.text(t("care.projects.no_manager"), color_scheme="gray"),
            ),
            rx.text(t("care.projects.open_tasks"), ": ", project["open_tasks"]),
            rx.link(rx.button(t("care.projects.open"), size="3", variant="soft"), href=project["url"]),
            spacing="2",
            align="start",
        ),
        class_name="cp-card project-card",
    )


def projects_page() -> rx.Component:
    """The list of the client's projects."""
    return page_shell(
        rx.text(t("care.projects.lead"), margin_bottom="1em"),
        rx.link(
            rx.button(rx.icon("user_plus"), t("care.projects.new"), size="3"),
            href=routes.ACCOUNT_REGISTER_BENEFICIARY,
        ),
        rx.cond(
            ProjectsState.loaded & (ProjectsState.projects.length() == 0),
            rx.text(t("care.projects.empty"), margin_top="1em", id="projects-empty"),
        ),
        rx.grid(
            rx.foreach(ProjectsState.projects, _project_card),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
            margin_top="1em",
        ),
        followed_section(),
        plans_section(),
        title_key="care.projects.title",
    )


def _data_row(label_key: str, value: rx.Var) -> rx.Component:
    return rx.cond(
        value != "",
        rx.box(
            rx.text(t(label_key), weight="bold", size="2", color_scheme="gray"),
            rx.text(value),
            margin_bottom="0.5em",
        ),
    )


def _data_card() -> rx.Component:
    p = ProjectState.project
    return rx.card(
        rx.heading(t("care.project.data"), size="5", as_="h2", margin_bottom="0.75em"),
        _data_row("care.view.nif", p["nif"].to(str)),
        _data_row("care.view.birth_date", p["birth_date"].to(str)),
        _data_row("care.field.relationship", p["relationship"].to(str)),
        _data_row("care.section.home", p["address"].to(str)),
        _data_row("care.field.phone", p["phone"].to(str)),
        _data_row("care.view.preferred_times", p["preferred_times"].to(str)),
        notes_row(),
        rx.cond(
            ProjectState.members.length() > 0,
            rx.box(
                rx.text(t("care.project.members"), weight="bold", size="2", color_scheme="gray"),
                rx.el.ul(
                    rx.foreach(
                        ProjectState.members,
                        lambda m: rx.el.li(
                            m["full_name"],
                            rx.cond(m["relationship"] != "", " (" + m["relationship"].to(str) + ")", ""),
                        ),
                    ),
                    id="project-members",
                ),
            ),
        ),
        rx.box(
            rx.text(t("care.projects.manager"), weight="bold", size="2", color_scheme="gray"),
            rx.cond(
                p["manager_name"] != "",
                rx.text(
                    p["manager_name"].to(str),
                    " · ",
                    rx.link(p["manager_email"].to(str), href="mailto:" + p["manager_email"].to(str)),
                    rx.cond(p["manager_phone"] != "", " · " + p["manager_phone"].to(str), ""),
                    id="project-manager",
                    style={"overflowWrap": "anywhere"},
                ),
                rx.text(t("care.projects.no_manager"), id="project-manager"),
            ),
            margin_y="0.5em",
        ),
        rx.text(t("care.project.tasks_invoices"), size="2", color_scheme="gray", margin_top="0.75em"),
        class_name="cp-card",
    )


def _documents_card() -> rx.Component:
    return rx.card(
        rx.heading(t("care.project.documents"), size="5", as_="h2", margin_bottom="0.75em"),
        rx.cond(
            ProjectState.documents.length() > 0,
            rx.el.ul(
                rx.foreach(
                    ProjectState.documents,
                    lambda d: rx.el.li(
                        rx.link(d["name"], href=d["url"], is_external=True, class_name="document-link"),
                        rx.cond(
                            d["kind"] == "representation",
                            rx.badge(t("care.doc_kind.representation"), margin_left="0.4em"),
                        ),
                        rx.text(
                            " · ", d["size"], " · ", d["uploaded"], as_="span", size="2", color_scheme="gray"
                        ),
                        style={"overflowWrap": "anywhere", "marginBottom": "0.4em"},
                    ),
                ),
                id="project-documents",
            ),
            rx.text(t("care.project.no_documents")),
        ),
        rx.cond(
            ProjectState.project["can_edit"],
            file_picker(
                "document",
                "care.project.attach",
                ProjectState.attach,
                ProjectState.field_errors.get("document", ""),
                multiple=False,
                refused=ProjectState.files_refused,
            ),
        ),
        class_name="cp-card",
    )


def _signer_radio(value: str, label_key: str) -> rx.Component:
    field_id = f"p-signer-{value}"
    return rx.el.label(
        rx.el.input(
            type="radio",
            id=field_id,
            name="signer_role",
            value=value,
            checked=ProjectState.signer_role == value,
            on_change=lambda _: ProjectState.set_signer_role(value),
            style={"width": "22px", "height": "22px", "marginRight": "0.6em"},
        ),
        t(label_key),
        html_for=field_id,
        style={"display": "flex", "alignItems": "center", "minHeight": "44px"},
    )


def _consent_upload_form() -> rx.Component:
    errors = ProjectState.field_errors
    return rx.form(
        file_picker(
            "consent_file",
            "care.field.consent_file",
            ProjectState.stage_consent,
            errors.get("consent_file", ""),
            multiple=False,
            refused=ProjectState.files_refused,
        ),
        rx.cond(
            ProjectState.consent_name != "", rx.text(t("care.upload.ready"), " ", ProjectState.consent_name)
        ),
        form_field("signer_name", "care.field.signer_name", errors),
        rx.el.fieldset(
            rx.el.legend(t("care.field.signer_role"), class_name="cp-label"),
            _signer_radio("beneficiary", "care.signer.beneficiary"),
            _signer_radio("representative", "care.signer.representative"),
            style={"border": "none", "padding": "0", "margin": "0 0 0.75em"},
        ),
        rx.cond(
            ProjectState.signer_role == "representative",
            representative_fields(
                errors,
                ProjectState.stage_authority_document,
                ProjectState.authority_document_name,
                refused=ProjectState.files_refused,
            ),
        ),
        upload_purposes(),
        form_error_banner(ProjectState.form_error),
        rx.button(t("care.consent.upload"), type="submit", size="3", id="consent-submit"),
        on_submit=ProjectState.submit_consent,
        reset_on_submit=False,
    )


def _consent_card() -> rx.Component:
    p = ProjectState.project
    return rx.card(
        rx.heading(t("care.section.consent"), size="5", as_="h2", margin_bottom="0.75em"),
        consent_badge(p["consent_state"].to(str), id="consent-state"),
        rx.box(
            rx.link(
                rx.button(rx.icon("download"), t("care.consent.download"), variant="outline", size="3"),
                href=p["consent_pdf"].to(str),
                is_external=True,
            ),
            margin_y="0.75em",
        ),
        rx.cond(
            p["can_edit"],
            rx.cond(
                p["consent_state"] == "signed",
                rx.box(
                    rx.text(t("care.consent.withdraw_help"), size="2", color_scheme="gray"),
                    rx.button(
                        t("care.consent.withdraw"),
                        on_click=ProjectState.withdraw,
                        color_scheme="red",
                        variant="outline",
                        size="3",
                        id="consent-withdraw",
                        margin_top="0.5em",
                    ),
                    health_consent_box(),
                ),
                _consent_upload_form(),
            ),
        ),
        rx.cond(
            ProjectState.consents.length() > 0,
            rx.box(
                rx.heading(t("care.consent.history"), size="3", as_="h3", margin_top="1em"),
                rx.el.ul(
                    rx.foreach(
                        ProjectState.consents,
                        lambda c: rx.el.li(
                            c["when"],
                            " · ",
                            c["action_label"],
                            " · ",
                            c["signer_name"],
                            " · ",
                            c["purposes_label"],
                            " · ",
                            c["channel_label"],
                            " · v",
                            c["text_version"],
                        ),
                    ),
                    id="consent-history",
                ),
            ),
        ),
        class_name="cp-card",
    )


def _edit_form() -> rx.Component:
    return rx.form(
        *beneficiary_sections(
            ProjectState.field_errors,
            ProjectState.household_size,
            ProjectState.set_household_size,
            ProjectState.member_numbers,
            values=ProjectState.project,
            members=ProjectState.members,
            notes_locked=ProjectState.project["notes_state"] == "locked",
        ),
        form_error_banner(ProjectState.form_error),
        rx.hstack(
            rx.button(t("common.save"), type="submit", size="3", id="edit-save"),
            rx.button(
                t("common.cancel"), type="button", variant="soft", size="3", on_click=ProjectState.cancel_edit
            ),
            wrap="wrap",
        ),
        on_submit=ProjectState.save,
        reset_on_submit=False,
        margin_top="1em",
        width="100%",
    )


def _archive_box() -> rx.Component:
    return rx.box(
        rx.text(t("care.project.archive_help"), size="2", color_scheme="gray"),
        rx.button(
            t("care.project.archive"),
            on_click=ProjectState.archive,
            variant="soft",
            color_scheme="gray",
            size="3",
            margin_top="0.5em",
        ),
        margin_top="1.5em",
    )


def _project_body() -> rx.Component:
    can_edit = ProjectState.project["can_edit"]
    return rx.box(
        rx.cond(
            can_edit,
            rx.flex(
                # Registered: what comes next is booking services for this relative.
                rx.link(
                    rx.button(rx.icon("shopping_cart"), t("care.project.book"), size="3"),
                    href=routes.SHOP,
                    id="project-book",
                ),
                rx.button(
                    rx.icon("pencil"),
                    t("care.project.edit"),
                    on_click=ProjectState.start_edit,
                    variant="outline",
                    size="3",
                    id="edit-start",
                ),
                gap="0.75em",
                wrap="wrap",
                margin_top="0.5em",
            ),
        ),
        rx.grid(
            _data_card(),
            rx.vstack(
                _consent_card(),
                _documents_card(),
                rx.cond(can_edit, access_card()),
                spacing="4",
                width="100%",
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
            margin_top="1em",
        ),
        rx.cond(can_edit, circle_section()),
        rx.cond(can_edit, _archive_box()),
        rx.cond(can_edit, erase_box()),
    )


def project_page() -> rx.Component:
    """One beneficiary's project."""
    return page_shell(
        rx.link(t("care.project.back"), href=routes.ACCOUNT_PROJECTS),
        rx.cond(
            ProjectState.not_found,
            rx.callout(
                t("errors.not_found"), icon="triangle_alert", color_scheme="amber", id="project-not-found"
            ),
            rx.cond(
                ProjectState.project.contains("id"),
                rx.box(
                    rx.heading(
                        ProjectState.project["full_name"].to(str), size="7", as_="h1", id="project-name"
                    ),
                    timeline_link(ProjectState.project["id"]),
                    rx.cond(ProjectState.editing, _edit_form(), _project_body()),
                ),
                rx.spinner(),
            ),
        ),
    )
