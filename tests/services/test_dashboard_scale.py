"""The manager dashboard stays bounded with a long history: constant statements, small lists, SQL paging."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

import pytest

from care_portal.models.visits import Task
from care_portal.services.paging import PAGE_SIZE
from care_portal.services.visits import manager_dashboard
from tests.services.scale_helpers import clone, statements_for
from tests.services.visit_helpers import World, build_world

NOW = datetime(2026, 6, 8, 9, 0, tzinfo=UTC)  # 11:00 in Madrid
MAX_BYTES = 100_000


@pytest.fixture
def world(db) -> World:
    return build_world(db)


def _long_history(db, world: World, count: int = 1_200) -> None:
    """``count`` more tasks of the manager: done, scheduled today and later, and waiting."""
    task = db.get(Task, world.tasks[0])
    states = ["done", "done", "scheduled", "pending_appointment", "cancelled"]

    def change(i: int) -> dict:
        state = states[i % len(states)]
        start = NOW + timedelta(hours=2) if i % 50 == 2 else NOW + timedelta(days=i % 40 - 20)
        return {
            "visit_code": f"D{i:07d}",
            "state": state,
            "created_at": NOW - timedelta(days=400) + timedelta(hours=i),
            "appointment_start": start if state in ("scheduled", "done") else None,
            "appointment_end": start + timedelta(hours=1) if state in ("scheduled", "done") else None,
        }

    clone(db, task, count, change)


def test_the_dashboard_sends_the_same_statements_for_2_and_1200_tasks(db, world):
    one, _ = statements_for(db, lambda s: manager_dashboard(s, actor=world.manager, now=NOW))
    _long_history(db, world)
    many, board = statements_for(db, lambda s: manager_dashboard(s, actor=world.manager, now=NOW))
    assert many == one <= 10
    assert sum(v for k, v in board.counts.items() if k != "contact_overdue") == 1_202
    assert board.counts["done"] == 480
    assert board.counts["contact_overdue"] == 240  # the waiting copies, bought long before NOW
    # Unfiltered, the full list is the finished history (480 done + 240 cancelled): open visits are above.
    assert (len(board.tasks), board.tasks.total, board.tasks.pages) == (PAGE_SIZE, 720, 29)
    # The 240 waiting copies and the 2 originals share one order line: one group, shown once.
    assert [(g.count, g.contact_overdue) for g in board.waiting] == [(242, True)]
    assert board.waiting[0].waiting_es == "hace 13 meses"  # the oldest copy, bought 400 days before
    assert all(r.appointment.startswith("08/06/2026") for r in board.today)
    assert len(board.upcoming) == 20


def test_the_dashboard_delta_stays_under_100_kb_however_long_the_history(db, world):
    _long_history(db, world, 3_000)
    board = manager_dashboard(db, actor=world.manager, now=NOW)
    size = len(json.dumps(dataclasses.asdict(board), default=str).encode())
    assert size < MAX_BYTES, f"{size} bytes"
    admin = manager_dashboard(db, actor=world.admin, search="visita", now=NOW)
    assert len(json.dumps(dataclasses.asdict(admin), default=str).encode()) < MAX_BYTES


def test_the_admins_full_list_is_a_search_never_everything(db, world):
    _long_history(db, world, 100)
    board = manager_dashboard(db, actor=world.admin, now=NOW)
    assert board.tasks == []
    assert board.counts["pending_appointment"] == 23  # every manager's, counted in SQL
    assert board.beneficiaries == []
    found = manager_dashboard(db, actor=world.admin, search="ajeno", now=NOW)
    assert [r.id for r in found.tasks] == world.other_tasks
    page_two = manager_dashboard(db, actor=world.admin, search="visita", page=2, now=NOW)
    assert (page_two.tasks.number, page_two.tasks.total) == (2, 103)
