"""The unread-messages e-mail: after the delay, once per message, at most one an hour per recipient."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from care_portal.models import OutboxMessage
from care_portal.models.circle import CircleMessage
from care_portal.models.types import utcnow
from care_portal.services import messages
from tests.services.circle.helpers import build_family

DELAY = timedelta(minutes=30)  # the defaults: MESSAGE_UNREAD_EMAIL_MINUTES, MESSAGE_DIGEST_MINUTES
GAP = timedelta(minutes=60)


def _digests(db) -> list[OutboxMessage]:
    return list(
        db.exec(
            select(OutboxMessage)
            .where(OutboxMessage.kind == "messages_digest")
            .order_by(col(OutboxMessage.id))
        ).all()
    )


def _post(db, actor, beneficiary_id, at, body="Hola"):
    messages.post_message(db, actor=actor, beneficiary_id=beneficiary_id, body=body, now=at)
    db.commit()


def _run(db, at) -> int:
    sent = messages.send_unread_digests(db, now=at)
    db.commit()
    return sent


def test_a_message_left_unread_is_mailed_after_the_delay_and_only_once(db):
    family = build_family(db)
    t0 = utcnow()
    _post(db, family.manager, family.mother_id, t0, "La visita fue muy bien")
    assert _run(db, t0 + DELAY - timedelta(minutes=1)) == 0
    assert _run(db, t0 + DELAY) == 2  # the client and the brother; not the view-only sister, not the author
    mails = _digests(db)
    assert sorted(m.to_address for m in mails) == ["cliente@example.es", "hermano@example.es"]
    assert "Rosa Madre: 1" in mails[0].body_text
    assert "/mensajes/" in mails[0].body_text
    assert "La visita fue muy bien" not in mails[0].body_text  # the text stays in the app
    assert _run(db, t0 + DELAY + GAP * 3) == 0  # already told about this message


def test_a_message_read_in_time_is_not_mailed(db):
    family = build_family(db)
    t0 = utcnow()
    _post(db, family.manager, family.mother_id, t0)
    message_id = db.exec(select(CircleMessage.id)).one()
    messages.mark_read(db, actor=family.client, beneficiary_id=family.mother_id, up_to_id=message_id)
    db.commit()
    assert _run(db, t0 + DELAY) == 1
    assert [m.to_address for m in _digests(db)] == ["hermano@example.es"]


def test_at_most_one_digest_an_hour_per_recipient_gathering_what_came_meanwhile(db):
    family = build_family(db)
    t0 = utcnow()
    _post(db, family.client, family.mother_id, t0, "Primera")
    assert _run(db, t0 + DELAY) == 2  # the manager and the brother
    for minutes in (5, 10, 15):  # three more messages in the next quarter of an hour
        _post(db, family.client, family.mother_id, t0 + DELAY + timedelta(minutes=minutes))
    _post(db, family.client, family.father_id, t0 + DELAY + timedelta(minutes=20), "¿Y papá?")
    assert _run(db, t0 + DELAY + timedelta(minutes=59)) == 0  # the storm waits
    assert _run(db, t0 + DELAY + GAP) == 2
    to_manager = [m for m in _digests(db) if m.to_address == "gestor@example.es"]
    assert len(to_manager) == 2
    assert "Luis Padre: 1" in to_manager[1].body_text
    assert "Rosa Madre: 3" in to_manager[1].body_text


def test_removed_members_and_former_managers_get_no_mail(db):
    family = build_family(db)
    t0 = utcnow()
    _post(db, family.client, family.mother_id, t0)
    from care_portal.models import Beneficiary

    row = db.get(Beneficiary, family.mother_id)
    row.manager_id = family.previous_manager.id
    db.add(row)
    db.commit()
    _run(db, t0 + DELAY)
    assert sorted(m.to_address for m in _digests(db)) == ["antes@example.es", "hermano@example.es"]
