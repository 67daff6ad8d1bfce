"""The help videos on disk match the help page: file, poster, both subtitle tracks, up-to-date hash.

No browser and no ffmpeg: this reads the files in ``assets/demos`` that ``make demos`` wrote.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from care_portal.domain.help_catalog import HELP_ENTRIES, steps_fingerprint, video_entries
from care_portal.domain.webvtt import parse_vtt
from care_portal.i18n import tr
from tests.demos.flows import FLOWS
from tests.demos.recorder import DEMOS_DIR, MAX_BYTES, script_source

SLUGS = [entry.slug for entry in video_entries()]
RERECORD = "steps or recording script changed since the video was made: run `make demos DEMOS={}`"


def test_every_faq_flow_named_in_the_issue_has_a_video_and_a_script():
    assert set(SLUGS) == {"compra", "registro", "familiar", "area-privada", "empleo"}
    assert set(FLOWS) == set(SLUGS)


@pytest.mark.parametrize("entry", video_entries(), ids=SLUGS)
def test_video_poster_and_size(entry):
    video = DEMOS_DIR / f"{entry.slug}.webm"
    poster = DEMOS_DIR / f"{entry.slug}.jpg"
    assert video.read_bytes()[:4] == b"\x1a\x45\xdf\xa3", "not a WebM (Matroska) file"
    assert b"V_VP9" in video.read_bytes()[:4096], "the video is not VP9"
    assert 20_000 < video.stat().st_size < MAX_BYTES
    assert poster.read_bytes()[:3] == b"\xff\xd8\xff", "the poster is not a JPEG"
    assert entry.video_url() == f"/demos/{entry.slug}.webm"  # same origin: assets/ is served at /


@pytest.mark.parametrize("entry", video_entries(), ids=SLUGS)
def test_subtitles_follow_the_steps_in_both_languages(entry):
    meta = json.loads((DEMOS_DIR / f"{entry.slug}.json").read_text())
    assert 30 <= meta["duration_seconds"] <= 90
    for lang in ("es", "en"):
        cues = parse_vtt((DEMOS_DIR / f"{entry.slug}.{lang}.vtt").read_text())
        assert [text for _, _, text in cues] == [getattr(step, lang) for step in entry.steps]
        assert [start for start, _, _ in cues] == pytest.approx(meta["step_starts"], abs=0.002)
        assert all(start < end for start, end, _ in cues)
        assert cues[-1][1] == pytest.approx(meta["duration_seconds"], abs=0.002)


@pytest.mark.parametrize("entry", video_entries(), ids=SLUGS)
def test_the_video_was_recorded_from_the_current_steps_and_script(entry):
    meta = json.loads((DEMOS_DIR / f"{entry.slug}.json").read_text())
    current = steps_fingerprint(entry, script_source(entry.slug))
    assert meta["steps_sha256"] == current, RERECORD.format(entry.slug)


def test_the_fingerprint_notices_a_changed_step():
    entry = video_entries()[0]
    changed = replace(entry, steps=(replace(entry.steps[0], es="Otro texto"), *entry.steps[1:]))
    assert steps_fingerprint(changed) != steps_fingerprint(entry)
    assert steps_fingerprint(entry, "script A") != steps_fingerprint(entry, "script B")


def test_the_steps_call_the_shop_as_the_menu_does():
    """The menu says «Servicios» / "Services": no caption may send a user looking for a «tienda»."""
    assert tr("nav.shop", "es") == "Servicios"
    assert tr("nav.shop", "en") == "Services"
    for entry in HELP_ENTRIES:
        for step in entry.steps:
            assert "tienda" not in step.es.lower(), (entry.slug, step.key)
            assert "shop" not in step.en.lower(), (entry.slug, step.key)


def test_entries_have_unique_slugs_and_step_keys():
    assert len({entry.slug for entry in HELP_ENTRIES}) == len(HELP_ENTRIES)
    for entry in HELP_ENTRIES:
        assert len({step.key for step in entry.steps}) == len(entry.steps)
