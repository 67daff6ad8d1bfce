"""«Mensajes» with the team about one beneficiary: the conversation page (phone first)."""

from __future__ import annotations

import reflex as rx

from care_portal import routes
from care_portal.components.care import file_picker
from care_portal.components.fields import form_error_banner
from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.pages.circle.conversation_state import ConversationState


def _message(item: dict) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text(item["author"], weight="bold", size="2"),
            rx.cond(item["from_team"], rx.badge(t("messages.team"), color_scheme="teal", size="1")),
            rx.text(item["sent"], size="1", color_scheme="gray"),
            wrap="wrap",
            spacing="2",
            align="center",
        ),
        rx.cond(item["body"] != "", rx.text(item["body"], class_name="cp-msg-body", size="3")),
        rx.cond(
            item["attachment_name"] != "",
            rx.link(
                rx.icon("paperclip", size=16),
                item["attachment_name"],
                href=item["attachment_url"],
                is_external=True,
                class_name="message-attachment",
            ),
        ),
        rx.cond(
            item["mine"].to(bool) & (item["read_label"].to(str) != ""),
            rx.text(
                rx.icon("check_check", size=14),
                " ",
                t("messages.read_by"),
                " ",
                item["read_label"],
                size="1",
                color_scheme="gray",
                class_name="message-read",
            ),
        ),
        class_name=rx.cond(
            item["mine"],
            "cp-msg cp-msg-mine message",
            rx.cond(item["from_team"], "cp-msg cp-msg-team message", "cp-msg message"),
        ),
    )


def _composer() -> rx.Component:
    state = ConversationState
    return rx.vstack(
        form_error_banner(state.form_error),
        rx.form(
            rx.el.label(t("messages.write"), html_for="message-body", class_name="cp-label"),
            rx.text_area(
                id="message-body",
                name="body",
                rows="3",
                width="100%",
                max_length=4000,
                aria_invalid=rx.cond(state.field_errors.contains("body"), "true", "false"),
                aria_describedby="field-body-error",
            ),
            rx.text(
                state.field_errors.get("body", ""),
                id="field-body-error",
                class_name="cp-field-error",
                role="alert",
                size="2",
            ),
            rx.cond(
                state.staged_name != "",
                rx.hstack(
                    rx.icon("paperclip", size=16),
                    rx.text(state.staged_name, id="staged-attachment"),
                    rx.button(
                        t("messages.remove_file"),
                        on_click=state.remove_attachment,
                        variant="ghost",
                        type="button",
                    ),
                    align="center",
                    wrap="wrap",
                ),
            ),
            rx.button(
                rx.icon("send", size=18), t("messages.send"), type="submit", size="3", id="message-send"
            ),
            on_submit=state.send,
            width="100%",
        ),
        file_picker(
            "message-file",
            "messages.attach",
            state.attach,
            state.field_errors.get("attachment", ""),
            multiple=False,
            refused=state.attachment_refused,
        ),
        width="100%",
        spacing="2",
    )


def _conversation() -> rx.Component:
    state = ConversationState
    return rx.vstack(
        rx.link(t("messages.all"), href=routes.MESSAGES),
        rx.heading(t("messages.title_about"), " ", state.beneficiary_name, size="6", as_="h1"),
        rx.text(
            rx.cond(state.is_team, t("messages.lead_team"), t("messages.lead_family")), color_scheme="gray"
        ),
        rx.cond(
            state.has_older,
            rx.button(t("messages.older"), on_click=state.load_older, variant="soft", id="messages-older"),
        ),
        rx.vstack(
            rx.foreach(state.items, _message),
            rx.cond(state.items.length() == 0, rx.text(t("messages.none"), color_scheme="gray")),
            width="100%",
            spacing="3",
            id="message-list",
            aria_live="polite",
        ),
        _composer(),
        rx.el.button(
            "poll",
            on_click=state.poll,
            data_poll_ms=state.poll_ms,
            hidden=True,
            aria_hidden="true",
            tab_index=-1,
            id="conversation-poll",
            type="button",
        ),
        width="100%",
        spacing="4",
        max_width="720px",
    )


def conversation_page() -> rx.Component:
    """The conversation of one beneficiary (participants only; anyone else reads «not found»)."""
    return page_shell(
        rx.box(
            rx.cond(
                ConversationState.not_found,
                rx.callout(t("messages.not_found"), icon="info", id="conversation-not-found"),
                _conversation(),
            ),
            class_name=rx.cond(ConversationState.large_text, "cp-large-text", ""),
            width="100%",
        ),
    )
