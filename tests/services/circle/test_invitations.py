"""Invitations: sent by the client only, used once, before they expire, by the account invited."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import col, select

from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.models import OutboxMessage, User
from care_portal.models.circle import CircleInvitation, CircleMember
from care_portal.models.types import utcnow
from care_portal.services import signup
from care_portal.services.accounts.identity import to_viewer
from care_portal.services.care_access import load_readable
from care_portal.services.circle import invitations, members
from tests.services.care_helpers import make_user
from tests.services.circle.helpers import build_family

TOKEN = re.compile(r"token=([A-Za-z0-9_\-]+)")


def _invite(db, family, email="tia@example.es", **grants):
    invitations.invite(db, actor=family.client, beneficiary_id=family.mother_id, email=email, **grants)
    db.commit()
    mail = db.exec(select(OutboxMessage).order_by(col(OutboxMessage.id).desc())).first()
    return mail, TOKEN.search(mail.body_text).group(1)


def test_the_invitee_signs_up_with_the_link_and_reads_the_beneficiary(db):
    family = build_family(db)
    mail, token = _invite(db, family, "Tia@Example.es", can_message=True)
    assert mail.to_address == "tia@example.es"
    assert "Carmen Cliente" in mail.subject
    assert "Rosa" in mail.body_text
    assert db.exec(select(CircleInvitation)).one().token_hash != token  # only the hash is stored
    view = invitations.view_invitation(db, token=token)
    assert (view.email, view.inviter_name, view.beneficiary_first_name) == (
        "tia@example.es",
        "Carmen Cliente",
        "Rosa",
    )
    signup.register(db, full_name="Teresa Tía", email="tia@example.es", password="un paseo por el Retiro")
    db.commit()
    aunt = to_viewer(db.exec(select(User).where(User.email == "tia@example.es")).one())
    with pytest.raises(NotFound):
        load_readable(db, aunt, family.mother_id)
    assert invitations.accept_invitation(db, actor=aunt, token=token) == family.mother_id
    db.commit()
    reader = load_readable(db, aunt, family.mother_id)
    assert reader.member.can_message
    assert not reader.member.can_buy
    assert db.get(User, aunt.id).email_verified_at is not None  # the link proved the address
    with pytest.raises(NotFound):
        load_readable(db, aunt, family.father_id)


def test_a_used_link_cannot_be_used_again(db):
    family = build_family(db)
    _, token = _invite(db, family)
    aunt = make_user(db, "tia@example.es")
    invitations.accept_invitation(db, actor=aunt, token=token)
    db.commit()
    with pytest.raises(DomainError) as error:
        invitations.accept_invitation(db, actor=aunt, token=token)
    assert error.value.key == "circle.invitation_used"
    assert len(db.exec(select(CircleMember).where(CircleMember.user_id == aunt.id)).all()) == 1


def test_an_expired_link_adds_nobody(db):
    family = build_family(db)
    _, token = _invite(db, family)
    aunt = make_user(db, "tia@example.es")
    later = utcnow() + timedelta(days=7, minutes=1)
    with pytest.raises(DomainError) as error:
        invitations.accept_invitation(db, actor=aunt, token=token, now=later)
    assert error.value.key == "circle.invitation_expired"
    with pytest.raises(DomainError):
        invitations.view_invitation(db, token=token, now=later)
    assert db.exec(select(CircleMember).where(CircleMember.user_id == aunt.id)).first() is None


def test_another_account_cannot_take_the_invitation(db):
    family = build_family(db)
    _, token = _invite(db, family)
    with pytest.raises(DomainError) as error:
        invitations.accept_invitation(db, actor=family.stranger, token=token)
    assert error.value.key == "circle.wrong_account"
    assert error.value.params["email"] == "tia@example.es"
    db.rollback()
    aunt = make_user(db, "tia@example.es")
    assert invitations.accept_invitation(db, actor=aunt, token=token) == family.mother_id  # still usable


def test_a_wrong_or_revoked_token_is_refused(db):
    family = build_family(db)
    _, token = _invite(db, family)
    with pytest.raises(DomainError) as error:
        invitations.view_invitation(db, token=token + "x")
    assert error.value.key == "circle.invitation_invalid"
    pending = members.list_circle(db, actor=family.client, beneficiary_id=family.mother_id).pending
    with pytest.raises(NotFound):
        members.revoke_invitation(db, actor=family.other_client, invitation_id=pending[0].id)
    members.revoke_invitation(db, actor=family.client, invitation_id=pending[0].id)
    db.commit()
    aunt = make_user(db, "tia@example.es")
    with pytest.raises(DomainError) as error:
        invitations.accept_invitation(db, actor=aunt, token=token)
    assert error.value.key == "circle.invitation_invalid"


def test_only_the_client_invites_and_bad_addresses_are_refused_at_the_field(db):
    family = build_family(db)
    for actor in (family.messaging_member, family.manager, family.other_client, family.stranger):
        with pytest.raises(NotFound):
            invitations.invite(db, actor=actor, beneficiary_id=family.mother_id, email="x@example.es")
    for email, key in (
        ("no es un correo", "circle.email_invalid"),
        ("cliente@example.es", "circle.email_is_yours"),
        ("hermana@example.es", "circle.already_member"),
    ):
        with pytest.raises(ValidationFailed) as error:
            invitations.invite(db, actor=family.client, beneficiary_id=family.mother_id, email=email)
        assert error.value.errors == {"email": key}
    db.rollback()
    assert db.exec(select(CircleInvitation)).first() is None
    assert db.exec(select(OutboxMessage)).first() is None


def test_a_new_invitation_replaces_the_old_link(db):
    family = build_family(db)
    _, first = _invite(db, family)
    _, second = _invite(db, family)
    aunt = make_user(db, "tia@example.es")
    with pytest.raises(DomainError):
        invitations.accept_invitation(db, actor=aunt, token=first)
    invitations.accept_invitation(db, actor=aunt, token=second)


def test_the_client_sees_grants_and_removes_members(db):
    family = build_family(db)
    circle = members.list_circle(db, actor=family.client, beneficiary_id=family.mother_id)
    assert [m.full_name for m in circle.members] == ["Sara Hermana", "Hugo Hermano"]
    sister = circle.members[0]
    for outsider in (family.viewer_member, family.manager, family.other_client):
        with pytest.raises(NotFound):
            members.list_circle(db, actor=outsider, beneficiary_id=family.mother_id)
        with pytest.raises(NotFound):
            members.set_grants(db, actor=outsider, member_id=sister.id, can_buy=True, can_message=True)
        with pytest.raises(NotFound):
            members.remove_member(db, actor=outsider, member_id=sister.id)
    members.set_grants(db, actor=family.client, member_id=sister.id, can_buy=True, can_message=True)
    db.commit()
    assert load_readable(db, family.viewer_member, family.mother_id).member.can_buy
    members.remove_member(db, actor=family.client, member_id=sister.id)
    db.commit()
    with pytest.raises(NotFound):
        load_readable(db, family.viewer_member, family.mother_id)
    assert [c.full_name for c in members.my_circles(db, actor=family.viewer_member)] == []
    assert [c.full_name for c in members.my_circles(db, actor=family.messaging_member)] == ["Rosa Madre"]


def test_the_beneficiary_invited_themself_gets_large_text(db):
    family = build_family(db)
    _, token = _invite(db, family, "rosa@example.es", as_beneficiary=True)
    rosa = make_user(db, "rosa@example.es")
    assert not members.prefers_large_text(db, user_id=rosa.id)
    invitations.accept_invitation(db, actor=rosa, token=token)
    db.commit()
    assert members.prefers_large_text(db, user_id=rosa.id)
    assert not members.prefers_large_text(db, user_id=family.viewer_member.id)
