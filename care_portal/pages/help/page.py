"""The help page: each FAQ question with its steps, «Ir a …» links and its video with subtitles."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t
from care_portal.components.layout import page_shell
from care_portal.domain.help_catalog import HELP_ENTRIES, HelpEntry, HelpStep
from care_portal.pages.help.state import HelpState
from care_portal.state.session import SessionState


def _tr(es: str, en: str) -> rx.Var:
    return rx.cond(SessionState.is_en, en, es)


def _step(step: HelpStep, previous: HelpStep | None) -> rx.Component:
    link = rx.fragment()
    # Consecutive steps on the same page share one link: the first one.
    if step.place is not None and (previous is None or previous.place != step.place):
        link = rx.link(
            _tr(step.place.es, step.place.en),
            " →",
            href=step.place.route,
            class_name="help-go",
            display="inline-block",
            padding_y="0.35em",
        )
    return rx.el.li(rx.text(_tr(step.es, step.en)), link, margin_bottom="0.6em")


def _video(entry: HelpEntry) -> rx.Component:
    return rx.box(
        rx.heading(t("help.video"), size="3", as_="h3", margin_top="0.8em", margin_bottom="0.4em"),
        rx.el.video(
            rx.el.track(
                kind="subtitles",
                src=entry.track_url("es"),
                src_lang="es",
                label="Español",
                default=~SessionState.is_en,
            ),
            rx.el.track(
                kind="subtitles",
                src=entry.track_url("en"),
                src_lang="en",
                label="English",
                default=SessionState.is_en,
            ),
            src=entry.video_url(),
            poster=entry.poster_url(),
            controls=True,
            plays_inline=True,
            preload="none",
            id=f"video-{entry.slug}",
            aria_describedby=f"steps-{entry.slug}",
            # Re-created when the language changes, so the right subtitles start showing.
            key=rx.cond(SessionState.is_en, f"{entry.slug}-en", f"{entry.slug}-es"),
            style={
                "width": "100%",
                "maxWidth": "390px",
                "aspectRatio": "390 / 844",
                "background": "var(--gray-3)",
                "borderRadius": "8px",
                "display": "block",
            },
        ),
        rx.text(t("help.video_note"), size="2", color_scheme="gray", margin_top="0.4em"),
    )


def _entry(entry: HelpEntry) -> rx.Component:
    return rx.card(
        rx.heading(_tr(entry.question_es, entry.question_en), size="5", as_="h2"),
        rx.el.ol(
            *[_step(step, before) for before, step in zip((None, *entry.steps), entry.steps, strict=False)],
            id=f"steps-{entry.slug}",
            style={"paddingLeft": "1.4em", "marginTop": "0.6em"},
        ),
        _video(entry) if entry.video else rx.fragment(),
        id=f"ayuda-{entry.slug}",
        class_name="cp-card help-entry",
        display=rx.cond(HelpState.matches.contains(entry.slug), "block", "none"),
    )


def _search_box() -> rx.Component:
    return rx.box(
        rx.el.label(t("help.search"), html_for="help-search", class_name="cp-label"),
        rx.input(
            id="help-search",
            type="search",
            value=HelpState.query,
            on_change=HelpState.search.debounce(250),
            placeholder=t("help.search_hint"),
            size="3",
            width="100%",
        ),
        width="100%",
        max_width="520px",
        margin_bottom="1em",
    )


def help_page() -> rx.Component:
    """Every question of the FAQ, answered step by step, each with its video."""
    return page_shell(
        rx.text(t("help.lead"), size="4", margin_bottom="1em"),
        _search_box(),
        rx.cond(
            HelpState.matches.length() == 0,
            rx.callout(t("help.none"), icon="search_x", id="help-none", margin_bottom="1em"),
        ),
        rx.vstack(*[_entry(entry) for entry in HELP_ENTRIES], spacing="4", width="100%"),
        title_key="help.title",
    )
