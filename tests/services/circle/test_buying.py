"""A member granted «buy» may pick the beneficiary at checkout; nobody else in the circle may."""

from __future__ import annotations

import pytest
from sqlmodel import select

from care_portal.domain.errors import NotFound
from care_portal.models.circle import CircleMember
from care_portal.services import beneficiaries
from care_portal.services.circle import members
from tests.services.circle.helpers import build_family


def _names(db, actor) -> list[str]:
    return [o.full_name for o in beneficiaries.list_active_beneficiaries(db, actor=actor)]


def test_only_members_granted_buy_may_buy_for_the_beneficiary(db):
    family = build_family(db)
    assert _names(db, family.client) == ["Luis Padre", "Rosa Madre"]
    assert _names(db, family.viewer_member) == []
    with pytest.raises(NotFound):
        beneficiaries.get_own_active_beneficiary(
            db, actor=family.viewer_member, beneficiary_id=family.mother_id
        )
    sister = db.exec(select(CircleMember).where(CircleMember.user_id == family.viewer_member.id)).one()
    members.set_grants(db, actor=family.client, member_id=sister.id, can_buy=True, can_message=False)
    db.commit()
    assert _names(db, family.viewer_member) == ["Rosa Madre"]
    option = beneficiaries.get_own_active_beneficiary(
        db, actor=family.viewer_member, beneficiary_id=family.mother_id
    )
    assert option.full_name == "Rosa Madre"
    for beneficiary_id in (family.father_id, family.other_id):
        with pytest.raises(NotFound):
            beneficiaries.get_own_active_beneficiary(
                db, actor=family.viewer_member, beneficiary_id=beneficiary_id
            )
    members.remove_member(db, actor=family.client, member_id=sister.id)
    db.commit()
    assert _names(db, family.viewer_member) == []
    assert _names(db, family.removed_member) == []
