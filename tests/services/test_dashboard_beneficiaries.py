"""«Tus beneficiarios» on the manager's dashboard is paged by name, at a constant statement count."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from care_portal.models import AccessLogEntry
from care_portal.models.care import Beneficiary
from care_portal.services.visits import manager_dashboard
from care_portal.services.visits.dashboard import BENEFICIARY_PAGE
from tests.services.scale_helpers import clone, statements_for
from tests.services.visit_helpers import World, build_world

NOW = datetime(2026, 6, 8, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(db) -> World:
    return build_world(db)


def _more_beneficiaries(db, world: World, count: int) -> None:
    """``count`` more people looked after by the manager, «Persona 000»…, notes readable."""
    row = db.get(Beneficiary, world.beneficiary_id)
    clone(
        db,
        row,
        count,
        lambda i: {"full_name": f"Persona {i:03d}", "care_notes": "Usa andador.", "health_consent": True},
    )


def _board(world: World, **kwargs):
    return lambda s: manager_dashboard(s, actor=world.manager, now=NOW, **kwargs)


def test_the_beneficiary_list_costs_the_same_statements_for_1_and_100(db, world):
    one, board = statements_for(db, _board(world))
    assert [c.name for c in board.beneficiaries] == ["Carmen López"]
    assert board.beneficiaries.pages == 1
    _more_beneficiaries(db, world, 99)
    many, board = statements_for(db, _board(world))
    assert many == one <= 10
    assert len(board.beneficiaries) == BENEFICIARY_PAGE
    assert (board.beneficiaries.total, board.beneficiaries.pages) == (100, 10)
    assert [c.name for c in board.beneficiaries][:2] == ["Carmen López", "Persona 000"]
    # The filter still offers everyone, by name only.
    assert len(board.beneficiary_options) == 100
    assert board.beneficiary_options[1] == {"id": str(board.beneficiaries[1].id), "name": "Persona 000"}


def test_a_later_page_and_past_the_end(db, world):
    _more_beneficiaries(db, world, 24)  # 25 people: pages of 10, 10 and 5
    third = manager_dashboard(db, actor=world.manager, now=NOW, beneficiary_page=3)
    assert [c.name for c in third.beneficiaries] == [f"Persona {i:03d}" for i in range(19, 24)]
    assert third.beneficiaries.number == 3
    beyond = manager_dashboard(db, actor=world.manager, now=NOW, beneficiary_page=99)
    assert beyond.beneficiaries.number == 3
    assert [c.name for c in beyond.beneficiaries] == [c.name for c in third.beneficiaries]


def test_only_the_page_shown_is_logged_as_a_read_of_health_notes(db, world):
    _more_beneficiaries(db, world, 30)
    db.commit()
    before = db.query(AccessLogEntry).count()
    manager_dashboard(db, actor=world.manager, now=NOW, beneficiary_page=2)
    db.flush()
    assert db.query(AccessLogEntry).count() - before == BENEFICIARY_PAGE


def test_another_manager_and_an_admin_see_none_of_them_in_the_list(db, world):
    _more_beneficiaries(db, world, 5)
    other = manager_dashboard(db, actor=world.other_manager, now=NOW)
    assert [c.name for c in other.beneficiaries] == ["Ajeno Pérez"]  # only their own
    assert [o["name"] for o in other.beneficiary_options] == ["Ajeno Pérez"]
    admin = manager_dashboard(db, actor=world.admin, search="visita", now=NOW)
    assert list(admin.beneficiaries) == []
    assert admin.beneficiary_options == []
