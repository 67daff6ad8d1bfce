"""The dashboard reads the manager's beneficiaries once and names them by id: constant statements, same rule.

A manager with one beneficiary and a manager with a hundred (one of them blocked,
one archived) get the same number of statements; the blocked one's visits are
counted nowhere, the archived one is not offered in the filter, and the visits a
manager finished for a beneficiary now looked after by someone else stay in their
history. Runs on SQLite and, with ``tests/tools/with_postgres``, on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task
from care_portal.services.visits import manager_dashboard
from tests.services.scale_helpers import clone, statements_for
from tests.services.visit_helpers import World, build_world

NOW = datetime(2026, 6, 8, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(db) -> World:
    return build_world(db)


def _hundred_beneficiaries(db, world: World) -> list[Beneficiary]:
    """99 more beneficiaries of the manager, each with one waiting visit; the first blocked, the second
    archived; and one done visit of the manager for a beneficiary another manager looks after now."""
    people = clone(
        db,
        db.get(Beneficiary, world.beneficiary_id),
        99,
        lambda i: {"full_name": f"Persona {i:03d}", "manager_id": world.manager.id},
    )
    people[0].blocked_at = NOW - timedelta(days=1)
    people[1].archived_at = NOW - timedelta(days=1)
    task = db.get(Task, world.tasks[0])
    clone(db, task, 99, lambda i: {"visit_code": f"S{i:07d}", "beneficiary_id": people[i].id})
    other = db.get(Task, world.other_tasks[0])
    clone(db, other, 1, lambda i: {"visit_code": "F0000001", "state": "done", "manager_id": world.manager.id})
    return people


def test_a_hundred_beneficiaries_cost_the_statements_of_one_and_follow_the_rule(db, world):
    def read(session):
        return manager_dashboard(session, actor=world.manager, now=NOW)

    one, before = statements_for(db, read)
    people = _hundred_beneficiaries(db, world)
    many, board = statements_for(db, read)
    assert many == one
    # 99 more waiting visits, the blocked beneficiary's left out
    assert board.counts["pending_appointment"] == before.counts["pending_appointment"] + 98
    assert board.counts["done"] == 1  # finished for another manager's beneficiary: still in their history
    assert [r.beneficiary for r in board.tasks] == ["Ajeno Pérez"]
    waiting_ids = {g.beneficiary_id for g in board.waiting}
    assert people[0].id not in waiting_ids
    assert board.waiting.total == 99  # Carmen López's own group and 98 people; the blocked one is left out
    offered = {o["id"] for o in board.beneficiary_options}
    assert str(people[1].id) not in offered
    assert str(people[2].id) in offered
    assert len(board.beneficiary_options) == 99  # 100 looked after, one archived


def test_the_admins_dashboard_costs_the_same_with_and_without_blocked_beneficiaries(db, world):
    def read(session):
        return manager_dashboard(session, actor=world.admin, state="pending_appointment", now=NOW)

    clean, before = statements_for(db, read)
    _hundred_beneficiaries(db, world)
    blocked, board = statements_for(db, read)
    assert blocked == clean
    assert board.counts["pending_appointment"] == before.counts["pending_appointment"] + 98
    assert board.tasks.total == before.tasks.total + 98


def test_the_lists_total_read_from_the_counts_matches_the_rows(db, world):
    _hundred_beneficiaries(db, world)
    db.commit()
    history = manager_dashboard(db, actor=world.manager, now=NOW)
    assert (history.tasks.total, len(history.tasks)) == (1, 1)  # the finished visit only
    waiting = manager_dashboard(db, actor=world.manager, state="pending_appointment", page=9, now=NOW)
    assert waiting.tasks.total == waiting.counts["pending_appointment"] == 100
    assert (waiting.tasks.number, len(waiting.tasks)) == (4, 25)  # past the end: the last page
    one = manager_dashboard(
        db, actor=world.manager, state="pending_appointment", beneficiary_id=world.beneficiary_id, now=NOW
    )
    assert one.tasks.total == 2  # Carmen López's two visits, counted in SQL
