"""Who may read a beneficiary through the circle rule: every role against own and other beneficiaries."""

from __future__ import annotations

import pytest
from sqlalchemy import Integer, bindparam

from care_portal.domain.errors import NotFound
from care_portal.models import Beneficiary
from care_portal.models.types import utcnow
from care_portal.services.care_access import (
    CirclePermission,
    list_readable_beneficiary_ids,
    load_readable,
    load_visible,
    readable_beneficiary_ids_for,
)
from tests.services.circle.helpers import build_family

VIEW, BUY, MESSAGE = CirclePermission.VIEW, CirclePermission.BUY, CirclePermission.MESSAGE

# who → (mother: permissions granted, father: readable?, other client's beneficiary: readable?)
MATRIX = {
    "client": ({VIEW, BUY, MESSAGE}, True, False),
    "viewer_member": ({VIEW}, False, False),
    "messaging_member": ({VIEW, MESSAGE}, False, False),
    "removed_member": (set(), False, False),
    "manager": ({VIEW, BUY, MESSAGE}, True, True),
    "previous_manager": (set(), False, False),
    "admin": ({VIEW, BUY, MESSAGE}, True, True),
    "stranger": (set(), False, False),
    "other_client": (set(), False, True),
}


@pytest.mark.parametrize("who", sorted(MATRIX))
def test_each_role_reads_exactly_what_the_rule_allows(db, who):
    family = build_family(db)
    actor = getattr(family, who)
    granted, father_readable, other_readable = MATRIX[who]
    for permission in (VIEW, BUY, MESSAGE):
        if permission in granted:
            reader = load_readable(db, actor, family.mother_id, need=permission)
            assert reader.beneficiary.id == family.mother_id
        else:
            with pytest.raises(NotFound):
                load_readable(db, actor, family.mother_id, need=permission)
    for beneficiary_id, readable in ((family.father_id, father_readable), (family.other_id, other_readable)):
        if readable:
            load_readable(db, actor, beneficiary_id)
        else:
            with pytest.raises(NotFound):
                load_readable(db, actor, beneficiary_id)
    expected = {family.mother_id} if granted else set()
    expected |= {family.father_id} if father_readable else set()
    expected |= {family.other_id} if other_readable else set()
    assert set(list_readable_beneficiary_ids(db, actor)) == expected


@pytest.mark.parametrize("need", [VIEW, BUY, MESSAGE])
def test_one_statement_per_role_with_the_reader_as_a_parameter_reads_what_each_reader_may(db, need):
    family = build_family(db)
    statements = {}  # built once per role, as the cached «Tareas» and inbox statements are
    for who in sorted(MATRIX):
        actor = getattr(family, who)
        if actor.role not in statements:
            statements[actor.role] = readable_beneficiary_ids_for(
                actor.role, bindparam("reader", type_=Integer), need=need
            )
        rows = db.exec(statements[actor.role], params={"reader": actor.id}).all()
        assert sorted(rows) == list_readable_beneficiary_ids(db, actor, need=need), who


def test_members_never_reach_the_whole_file(db):
    family = build_family(db)
    for member in (family.viewer_member, family.messaging_member):
        with pytest.raises(NotFound):
            load_visible(db, member, family.mother_id)


def test_the_member_list_filters_by_permission(db):
    family = build_family(db)
    assert list_readable_beneficiary_ids(db, family.viewer_member, need=MESSAGE) == []
    assert list_readable_beneficiary_ids(db, family.messaging_member, need=MESSAGE) == [family.mother_id]
    assert list_readable_beneficiary_ids(db, family.messaging_member, need=BUY) == []


def test_a_blocked_beneficiary_is_read_by_nobody(db):
    family = build_family(db)
    row = db.get(Beneficiary, family.mother_id)
    row.blocked_at = utcnow()
    db.add(row)
    db.commit()
    for actor in (family.client, family.messaging_member, family.manager, family.admin):
        with pytest.raises(NotFound):
            load_readable(db, actor, family.mother_id)
        assert family.mother_id not in list_readable_beneficiary_ids(db, actor)


def test_a_manager_who_stops_looking_after_the_beneficiary_loses_it(db):
    family = build_family(db)
    row = db.get(Beneficiary, family.mother_id)
    row.manager_id = family.previous_manager.id
    db.add(row)
    db.commit()
    with pytest.raises(NotFound):
        load_readable(db, family.manager, family.mother_id)
    assert load_readable(db, family.previous_manager, family.mother_id).is_staff
