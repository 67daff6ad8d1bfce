"""Record the help page's videos (``make demos``); not collected by a plain ``pytest`` run.

Each video is recorded on the real app (``reflex run --env prod`` on a fresh demo database,
served exactly as for the browser tests) at phone width, then encoded into ``assets/demos``.
Choose videos with ``DEMOS=compra,empleo``.
"""

from __future__ import annotations

import os
import shutil

import pytest

from care_portal.domain.help_catalog import ENTRIES_BY_SLUG, video_entries
from tests.demos import data
from tests.demos.flows import FLOWS
from tests.demos.recorder import MAX_BYTES, OVERLAY, PHONE, Demo, encode, frames_dir

CHOSEN = [s for s in os.environ.get("DEMOS", "").split(",") if s]


@pytest.mark.parametrize("slug", [entry.slug for entry in video_entries()])
def test_record(slug, app_url, browser, world):
    """Film one help entry's flow and write its video, poster, subtitles and hash."""
    if CHOSEN and slug not in CHOSEN:
        pytest.skip(f"not in DEMOS={','.join(CHOSEN)}")
    data.use_world(world)
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=1, locale="es-ES", timezone_id="Europe/Madrid"
    )
    context.set_default_timeout(20_000)
    context.add_init_script(path=str(OVERLAY))
    page = context.new_page()
    scratch = frames_dir(slug)
    try:
        flow = FLOWS[slug]
        flow.prepare(page, app_url)
        demo = Demo(page, ENTRIES_BY_SLUG[slug], frames_dir=scratch)
        flow.run(demo, app_url)
        demo.finish()
        meta = encode(demo)
    finally:
        context.close()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"\n{slug}: {meta['duration_seconds']:.0f} s, {meta['bytes'] / 1024:.0f} KiB")
    assert 30 <= meta["duration_seconds"] <= 90, "a demo video should last between 30 and 90 seconds"
    assert meta["bytes"] < MAX_BYTES
