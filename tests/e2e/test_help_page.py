"""The help page on a phone: search, «Ir a …» links and each video playing with subtitles."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from care_portal.domain.help_catalog import ENTRIES_BY_SLUG, HELP_ENTRIES, video_entries
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import open_page, switch_language

PLAY_AND_READ = """async (id) => {
  const video = document.getElementById(id);
  video.muted = true;
  const track = [...video.textTracks].find((t) => t.language === "es");
  track.mode = "showing";
  await video.play();
  const started = Date.now();
  while ((video.currentTime < 1.2 || !track.activeCues || track.activeCues.length === 0)
         && Date.now() - started < 15000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  video.pause();
  return {time: video.currentTime, cue: track.activeCues && track.activeCues.length
          ? track.activeCues[0].text : "", error: video.error && video.error.code};
}"""


@pytest.fixture
def viewport():
    """At 390 px, as most relatives will open it."""
    return "phone"


def test_each_video_plays_with_spanish_subtitles(page, app_url):
    open_page(page, f"{app_url}/ayuda")
    snapshot(page, "help")
    for entry in video_entries():
        video = page.locator(f"#video-{entry.slug}")
        expect(video).to_have_attribute("poster", entry.poster_url())
        expect(video.locator("track[srclang=es]")).to_have_attribute("src", entry.track_url("es"))
        expect(video.locator("track[srclang=en]")).to_have_attribute("src", entry.track_url("en"))
        video.scroll_into_view_if_needed()
        result = page.evaluate(PLAY_AND_READ, f"video-{entry.slug}")
        assert result["error"] is None, entry.slug
        assert result["time"] >= 1.2, entry.slug
        assert result["cue"] == entry.steps[0].es, entry.slug


def test_search_filters_the_questions_and_steps_link_to_their_pages(page, app_url):
    open_page(page, f"{app_url}/ayuda")
    expect(page.locator(".help-entry:visible")).to_have_count(len(HELP_ENTRIES))
    page.get_by_label("Buscar una pregunta").fill("curriculum")
    expect(page.locator(".help-entry:visible")).to_have_count(1)
    expect(page.locator("#ayuda-empleo")).to_be_visible()
    page.get_by_label("Buscar una pregunta").fill("zanahoria")
    expect(page.locator("#help-none")).to_be_visible()
    expect(page.locator(".help-entry:visible")).to_have_count(0)
    page.get_by_label("Buscar una pregunta").fill("")
    expect(page.locator(".help-entry:visible")).to_have_count(len(HELP_ENTRIES))

    links = page.locator("#ayuda-familiar .help-go")
    expect(links.first).to_have_text("Ir a Alta de familiar →")
    expect(links.first).to_have_attribute("href", "/cuenta/alta-familiar")
    # The shop's link is named as in the menu, «Servicios», as the videos' captions call it.
    expect(page.locator("#ayuda-compra .help-go").first).to_have_text("Ir a Servicios →")
    page.locator("#ayuda-compra .help-go").first.click()
    expect(page).to_have_url(re.compile(r"/tienda/?$"))
    open_page(page, f"{app_url}/ayuda")
    page.locator("#ayuda-empleo .help-go").first.click()
    expect(page).to_have_url(re.compile(r"/empleo/?$"))


def test_in_english_the_english_subtitles_are_chosen(page, app_url):
    open_page(page, f"{app_url}/ayuda")
    switch_language(page)
    entry = ENTRIES_BY_SLUG["familiar"]
    expect(page.get_by_role("heading", name=entry.question_en)).to_be_visible()
    expect(page.locator("#ayuda-familiar .help-go").first).to_have_text("Go to Register a relative →")
    default = page.locator("#video-familiar track[default]")
    expect(default).to_have_attribute("srclang", "en")


def test_plans_circle_reports_withdrawal_and_my_data_are_answered_and_the_tab_follows_the_language(
    page, app_url
):
    open_page(page, f"{app_url}/ayuda")
    expect(page).to_have_title("Ayuda · Cuidado en Casa")
    withdrawal = ENTRIES_BY_SLUG["desistimiento"]
    expect(page.get_by_role("heading", name=withdrawal.question_es)).to_be_visible()
    expect(page.locator("#ayuda-desistimiento .help-go").first).to_have_attribute(
        "href", "/cuenta/desistimiento"
    )
    expect(page.locator("#video-desistimiento")).to_have_count(0)  # text only, nothing re-recorded
    page.locator("#lang-switch").first.click()
    expect(page).to_have_title("Help · Cuidado en Casa")
    for slug in ("planes", "familia", "informes", "desistimiento", "mis-datos"):
        expect(page.get_by_role("heading", name=ENTRIES_BY_SLUG[slug].question_en)).to_be_visible()
    expect(page.locator("#ayuda-mis-datos .help-go").first).to_have_text("Go to My details →")
