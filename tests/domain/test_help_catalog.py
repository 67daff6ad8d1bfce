"""The help catalogue: search, subtitles built from the steps, and links to real pages."""

from __future__ import annotations

import pytest

from care_portal import routes
from care_portal.domain.help_catalog import ENTRIES_BY_SLUG, HELP_ENTRIES, fold, search_entries
from care_portal.domain.webvtt import build_vtt, parse_vtt, vtt_time

STATIC_ROUTES = {value for name, value in vars(routes).items() if name.isupper() and isinstance(value, str)}


def test_search_ignores_case_and_accents_and_knows_both_languages():
    assert fold("Fácil ÁREA") == "facil area"
    assert search_entries("") == [entry.slug for entry in HELP_ENTRIES]
    assert "familiar" in search_entries("DOMICILIO")
    assert "familiar" in search_entries("domicilio varias personas")
    assert search_entries("curriculum") == ["empleo"]  # typed without the accent of «currículum»
    assert "area-privada" in search_entries("invoices")
    assert search_entries("factura empleo") == []  # every word must appear
    assert search_entries("xilófono") == []


def test_subtitles_have_one_cue_per_step_at_the_recorded_times():
    entry = ENTRIES_BY_SLUG["registro"]
    starts = [0.0, 8.25, 15.5, 24.0]
    for lang in ("es", "en"):
        text = build_vtt(entry, starts, 40.0, lang)
        assert text.startswith("WEBVTT\n")
        cues = parse_vtt(text)
        assert [c[0] for c in cues] == starts
        assert [c[1] for c in cues] == [8.25, 15.5, 24.0, 40.0]
        assert [c[2] for c in cues] == [getattr(step, lang) for step in entry.steps]
    assert "00:00:08.250 --> 00:00:15.500" in build_vtt(entry, starts, 40.0, "es")
    assert vtt_time(3723.5) == "01:02:03.500"
    with pytest.raises(ValueError, match="2 step times for 4 steps"):
        build_vtt(entry, starts[:2], 40.0, "es")


def test_every_step_links_to_a_page_of_the_app():
    for entry in HELP_ENTRIES:
        assert entry.steps
        for step in entry.steps:
            assert step.es
            assert step.en
            assert len(step.es) < 160
            if step.place is not None:
                assert step.place.route in STATIC_ROUTES
                assert step.place.es
                assert step.place.en


@pytest.mark.parametrize(
    ("spanish", "english", "slug"),
    [
        ("plan mensual", "monthly care plan", "planes"),
        ("invitar familiar", "invite relative", "familia"),
        ("mensajes gestor", "messages manager", "familia"),
        ("informe valora", "report rate", "informes"),
        ("desistir 14 días", "withdraw 14 days", "desistimiento"),
        ("descarga mis datos zip", "download data zip", "mis-datos"),
    ],
)
def test_plans_circle_reports_withdrawal_and_my_data_are_answered_in_both_languages(spanish, english, slug):
    assert slug in search_entries(spanish)
    assert slug in search_entries(english)
    entry = ENTRIES_BY_SLUG[slug]
    assert entry.question_es.startswith("¿")
    assert not entry.question_en.startswith("¿")
    assert entry.video  # each is also shown in a video (the files are checked in tests/demos)
