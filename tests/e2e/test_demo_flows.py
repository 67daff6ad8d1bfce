"""The help videos' recording scripts run against today's app (without filming), at phone width.

When a flow changes (a renamed button, a new required field), this fails before anyone tries to
re-record the videos with ``make demos``.
"""

from __future__ import annotations

import pytest

from care_portal.domain.help_catalog import ENTRIES_BY_SLUG
from tests.demos import data
from tests.demos.flows import FLOWS
from tests.demos.recorder import Demo


@pytest.fixture
def viewport():
    """The videos are filmed at phone width."""
    return "phone"


@pytest.mark.parametrize("slug", list(FLOWS))
def test_the_recording_script_runs(slug, page, app_url, world):
    data.use_world(world)
    flow = FLOWS[slug]
    flow.prepare(page, app_url)
    demo = Demo(page, ENTRIES_BY_SLUG[slug])
    flow.run(demo, app_url)
    demo.finish()
