"""The manager dashboard's «Mensajes de las familias»: the inbox's first page, only what waits unread."""

from __future__ import annotations

from care_portal.models import Beneficiary
from care_portal.models.circle import CircleMessage
from care_portal.services import messages
from care_portal.services.paging import PAGE_SIZE
from tests.services.circle.helpers import build_family
from tests.services.scale_helpers import clone, statements_for


def _post(db, actor, beneficiary_id, body="Hola") -> int:
    message_id = messages.post_message(db, actor=actor, beneficiary_id=beneficiary_id, body=body)
    db.commit()
    return message_id


def _waiting(session, actor):
    return messages.waiting_conversations(session, actor=actor)


def test_waiting_conversations_are_the_unread_rows_of_the_inbox_first_page(db):
    family = build_family(db)
    read_id = _post(db, family.client, family.mother_id, "Sobre mamá")
    _post(db, family.client, family.father_id, "Sobre papá")
    messages.mark_read(db, actor=family.manager, beneficiary_id=family.mother_id, up_to_id=read_id)
    db.commit()
    waiting = messages.waiting_conversations(db, actor=family.manager)
    assert [(r.beneficiary_name, r.unread, r.last_author, r.last_preview) for r in waiting] == [
        ("Luis Padre", 1, "Carmen Cliente", "Sobre papá")
    ]
    inbox = messages.list_conversations(db, actor=family.manager, page=1)
    assert waiting == [r for r in inbox if r.unread > 0]
    # the manager replaced on the father's file no longer sees his conversation
    father = db.get(Beneficiary, family.father_id)
    father.manager_id = family.previous_manager.id
    db.add(father)
    db.commit()
    assert messages.waiting_conversations(db, actor=family.manager) == []
    now_theirs = messages.waiting_conversations(db, actor=family.previous_manager)
    assert [r.beneficiary_name for r in now_theirs] == ["Luis Padre"]


def test_waiting_conversations_cost_the_same_statements_for_1_and_100_beneficiaries(db):
    family = build_family(db)
    _post(db, family.client, family.mother_id)
    one, rows = statements_for(db, lambda s: _waiting(s, family.manager))
    assert len(rows) == 1
    mother = db.get(Beneficiary, family.mother_id)
    people = clone(db, mother, 99, lambda i: {"full_name": f"Persona {i:02d}"})
    for person in people:
        db.add(CircleMessage(beneficiary_id=person.id, author_id=family.client.id, body=f"para {person.id}"))
    many, rows = statements_for(db, lambda s: _waiting(s, family.manager))
    assert many == one == 1
    assert len(rows) == PAGE_SIZE  # only the first page, latest activity first
    assert rows[0].beneficiary_name == "Persona 98"
    inbox = messages.list_conversations(db, actor=family.manager, page=1)
    assert rows == [r for r in inbox if r.unread > 0]
    assert statements_for(db, lambda s: _waiting(s, family.previous_manager)) == (1, [])  # nothing waits


def test_waiting_conversations_for_every_role_match_their_inbox(db):
    family = build_family(db)
    _post(db, family.client, family.mother_id, "De Carmen")
    _post(db, family.manager, family.father_id, "De Gema")
    _post(db, family.admin, family.mother_id, "De Ana")
    for actor in (
        family.client,
        family.messaging_member,
        family.viewer_member,
        family.manager,
        family.previous_manager,
        family.admin,
        family.stranger,
    ):
        inbox = messages.list_conversations(db, actor=actor, page=1)
        unread = [r for r in inbox if r.unread > 0]
        assert messages.waiting_conversations(db, actor=actor) == unread, actor.email
    assert [r.beneficiary_name for r in messages.waiting_conversations(db, actor=family.client)] == [
        "Rosa Madre",
        "Luis Padre",
    ]
