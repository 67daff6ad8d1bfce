"""An English reader sees a visit's service by its English name on the family page and the manager's pages."""

from __future__ import annotations

from datetime import date

import pytest

from care_portal.domain.formatting import use_language
from care_portal.services.circle.views import shared_project
from care_portal.services.visits import get_manager_task, manager_dashboard
from care_portal.services.visits.calendar import manager_calendar
from tests.services.report_helpers import VISIT_DAY, visited
from tests.services.visit_helpers import build_world

SPANISH, ENGLISH = "Visita de compañía", "Companion visit"  # the seeded catalogue's companion visit


@pytest.fixture
def world(db):
    world = build_world(db)
    visited(db, world)
    return world


def _family_page(db, world) -> list[str]:
    project = shared_project(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    return [visit.service for visit in project.visits]


def _manager_pages(db, world) -> list[str]:
    dashboard = manager_dashboard(db, actor=world.manager, beneficiary_id=world.beneficiary_id)
    task = get_manager_task(db, actor=world.manager, task_id=world.tasks[0])
    week = manager_calendar(db, actor=world.manager, first_day=date.fromisoformat(VISIT_DAY))
    return [
        *(row.service for row in dashboard.tasks),
        *(row.service for row in dashboard.today + dashboard.upcoming),
        task.service,
        *(entry.service for entry in week),
    ]


@pytest.mark.parametrize("page", [_family_page, _manager_pages])
def test_services_are_named_in_the_readers_language(db, world, page):
    spanish = page(db, world)
    assert spanish
    assert set(spanish) == {SPANISH}
    with use_language("en"):
        english = page(db, world)
    assert english == [ENGLISH] * len(spanish)
