"""The conversation per beneficiary: who takes part, attachments, read receipts, unread counts, paging."""

from __future__ import annotations

import pytest
from sqlmodel import select

from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.integrations.storage import read_private
from care_portal.models import Beneficiary
from care_portal.models.circle import CircleMessage
from care_portal.services import messages
from care_portal.services.care_documents import Attachment
from tests.services.care_helpers import EXE_BYTES, png_image
from tests.services.circle.helpers import build_family
from tests.services.scale_helpers import statements_for


def _post(db, actor, beneficiary_id, body="Hola", attachment=None):
    message_id = messages.post_message(
        db, actor=actor, beneficiary_id=beneficiary_id, body=body, attachment=attachment
    )
    db.commit()
    return message_id


def test_participants_write_and_read_everyone_else_gets_nothing(db):
    family = build_family(db)
    for actor in (family.client, family.messaging_member, family.manager, family.admin):
        _post(db, actor, family.mother_id, f"Mensaje de {actor.full_name}")
    for outsider in (
        family.viewer_member,
        family.removed_member,
        family.previous_manager,
        family.stranger,
        family.other_client,
    ):
        with pytest.raises(NotFound):
            messages.post_message(db, actor=outsider, beneficiary_id=family.mother_id, body="¿Hola?")
        with pytest.raises(NotFound):
            messages.read_conversation(db, actor=outsider, beneficiary_id=family.mother_id)
        with pytest.raises(NotFound):
            messages.pulse(db, actor=outsider, beneficiary_id=family.mother_id)
    with pytest.raises(NotFound):  # a member of the mother's circle is nobody for the father
        messages.post_message(db, actor=family.messaging_member, beneficiary_id=family.father_id, body="x")
    db.rollback()
    page = messages.read_conversation(db, actor=family.manager, beneficiary_id=family.mother_id)
    assert [m.author for m in page.messages] == [
        "Carmen Cliente",
        "Hugo Hermano",
        "Gema Gestora",
        "Ana Admin",
    ]
    assert [m.from_team for m in page.messages] == [False, False, True, True]
    assert len(db.exec(select(CircleMessage)).all()) == 4


def test_a_manager_replaced_loses_the_conversation(db):
    family = build_family(db)
    _post(db, family.client, family.mother_id)
    row = db.get(Beneficiary, family.mother_id)
    row.manager_id = family.previous_manager.id
    db.add(row)
    db.commit()
    with pytest.raises(NotFound):
        messages.read_conversation(db, actor=family.manager, beneficiary_id=family.mother_id)
    assert (
        len(
            messages.read_conversation(
                db, actor=family.previous_manager, beneficiary_id=family.mother_id
            ).messages
        )
        == 1
    )


def test_bad_messages_are_refused_at_the_field_and_nothing_is_stored(db):
    family = build_family(db)
    cases = [
        ("   ", None, {"body": "messages.empty"}),
        ("x" * (messages.MAX_BODY + 1), None, {"body": "messages.too_long"}),
        ("Mira", Attachment("virus.pdf", EXE_BYTES), {"attachment": "care.file_type"}),
        ("Mira", Attachment("../x.png", png_image()), {"attachment": "care.file_name_invalid"}),
    ]
    for body, attachment, errors in cases:
        with pytest.raises(ValidationFailed) as error:
            messages.post_message(
                db, actor=family.client, beneficiary_id=family.mother_id, body=body, attachment=attachment
            )
        assert error.value.errors == errors
    db.rollback()
    assert db.exec(select(CircleMessage)).first() is None


def test_an_attachment_is_stored_encrypted_and_served_to_participants_only(db):
    family = build_family(db)
    image = png_image()
    message_id = _post(db, family.messaging_member, family.mother_id, "", Attachment("receta.png", image))
    row = db.get(CircleMessage, message_id)
    assert row.attachment_name == "receta.png"
    assert row.attachment_type == "image/png"
    assert read_private(row.attachment_key) == image
    from care_portal.integrations.storage import _path

    assert image not in _path(row.attachment_key).read_bytes()  # encrypted at rest
    assert messages.open_attachment(db, actor=family.manager, message_id=message_id).data == image
    for outsider in (family.viewer_member, family.other_client, family.previous_manager):
        with pytest.raises(NotFound):
            messages.open_attachment(db, actor=outsider, message_id=message_id)


def test_read_receipts_and_unread_counts(db):
    family = build_family(db)
    first = _post(db, family.client, family.mother_id, "¿Cómo fue la visita?")
    second = _post(db, family.messaging_member, family.mother_id, "Yo también pregunto")
    _post(db, family.client, family.father_id, "¿Y papá?")
    assert messages.unread_total(db, actor=family.manager) == 3
    assert messages.unread_total(db, actor=family.client) == 1  # the brother's message
    assert messages.unread_total(db, actor=family.messaging_member) == 0  # writing, he read what came before
    _post(db, family.client, family.mother_id, "Gracias")
    assert messages.unread_total(db, actor=family.messaging_member) == 1  # not the father's message
    assert messages.unread_total(db, actor=family.viewer_member) == 0
    assert messages.unread_total(db, actor=family.admin) == 0  # admins count what they took part in
    page = messages.read_conversation(db, actor=family.client, beneficiary_id=family.mother_id)
    assert page.messages[0].read_by == ["Hugo Hermano"]  # he wrote after it: he has read it
    messages.mark_read(db, actor=family.manager, beneficiary_id=family.mother_id, up_to_id=first)
    db.commit()
    page = messages.read_conversation(db, actor=family.client, beneficiary_id=family.mother_id)
    assert sorted(page.messages[0].read_by) == ["Gema Gestora", "Hugo Hermano"]
    assert page.messages[1].read_by == ["Carmen Cliente"]  # not the manager yet
    assert messages.unread_total(db, actor=family.manager) == 3
    messages.mark_read(db, actor=family.manager, beneficiary_id=family.mother_id, up_to_id=10**6)
    messages.mark_read(
        db, actor=family.manager, beneficiary_id=family.mother_id, up_to_id=first
    )  # never back
    db.commit()
    assert messages.unread_total(db, actor=family.manager) == 1  # the father's
    assert (
        "Gema Gestora"
        in messages.read_conversation(db, actor=family.client, beneficiary_id=family.mother_id)
        .messages[1]
        .read_by
    )
    pulse = messages.pulse(db, actor=family.client, beneficiary_id=family.mother_id)
    assert pulse.latest_id > second
    assert pulse.others_read_up_to == pulse.latest_id


def test_the_inbox_lists_conversations_with_their_unread_counts(db):
    family = build_family(db)
    _post(db, family.client, family.mother_id, "Primero")
    _post(db, family.client, family.father_id, "Sobre papá, un mensaje bastante largo " * 5)
    inbox = messages.list_conversations(db, actor=family.manager)
    assert [(r.beneficiary_name, r.unread) for r in inbox] == [
        ("Luis Padre", 1),
        ("Rosa Madre", 1),
        ("Olga Otra", 0),
    ]
    assert inbox[0].last_preview.endswith("…")
    assert inbox[0].last_author == "Carmen Cliente"
    assert [r.beneficiary_name for r in messages.list_conversations(db, actor=family.messaging_member)] == [
        "Rosa Madre"
    ]
    assert list(messages.list_conversations(db, actor=family.viewer_member)) == []
    assert [r.beneficiary_name for r in messages.list_conversations(db, actor=family.admin)] == [
        "Luis Padre",
        "Rosa Madre",
    ]


def test_reading_a_long_conversation_costs_the_same_statements_and_pages_back(db):
    family = build_family(db)
    _post(db, family.client, family.mother_id, "uno")

    def read(session):
        return messages.read_conversation(
            session, actor=family.messaging_member, beneficiary_id=family.mother_id
        )

    one, _ = statements_for(db, read)
    for i in range(70):
        db.add(CircleMessage(beneficiary_id=family.mother_id, author_id=family.manager.id, body=f"m{i}"))
    many, page = statements_for(db, read)
    assert many == one <= 5
    assert len(page.messages) == 30
    assert page.has_older
    assert page.messages[-1].body == "m69"
    older = messages.read_conversation(
        db, actor=family.messaging_member, beneficiary_id=family.mother_id, before_id=page.oldest_id
    )
    assert older.messages[-1].id < page.oldest_id
    assert len(older.messages) == 30
    pulse_one, _ = statements_for(
        db, lambda s: messages.pulse(s, actor=family.messaging_member, beneficiary_id=family.mother_id)
    )
    assert pulse_one <= 3
    inbox_many, _ = statements_for(db, lambda s: messages.list_conversations(s, actor=family.manager))
    unread_many, _ = statements_for(db, lambda s: messages.unread_total(s, actor=family.manager))
    assert inbox_many <= 3
    assert unread_many == 1
