"""E-mails name a visit's service in their recipient's language, as delivered through a real SMTP server."""

from __future__ import annotations

import pytest
from sqlmodel import select

from care_portal.integrations.mailer import SmtpMailer
from care_portal.models import OutboxMessage, User
from care_portal.services import client_tasks, notifications
from tests.services.visit_helpers import PROVIDER, build_world, buy
from tests.smtp_server import SmtpServer

SPANISH, ENGLISH = "Visita de compañía", "Companion visit"  # the seeded catalogue's companion visit


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def world(db):
    world = build_world(db)
    for message in db.exec(select(OutboxMessage)).all():  # the set-up's e-mails are not read here
        db.delete(message)
    db.commit()
    return world


def _speaks(db, viewer, lang: str) -> None:
    db.get(User, viewer.id).language = lang
    db.commit()


def _delivered(smtp) -> dict[str, str]:
    """Deliver the outbox through SMTP; return each recipient's subject and body as one text."""
    mailer = SmtpMailer(host="127.0.0.1", port=smtp.port, sender="Cuidado <no-responder@example.es>")
    notifications.deliver_due(mailer=mailer)
    received: dict[str, str] = {}
    for message in smtp.messages:
        text = f"{message['Subject']}\n{message.get_body(('plain',)).get_content()}"
        received[message["To"]] = received.get(message["To"], "") + text
    return received


def test_an_english_manager_reads_new_visits_by_their_english_names(db, world, smtp):
    _speaks(db, world.manager, "en")
    buy(db, world.client, world.beneficiary_id, {"visita-compania": 1}, "attempt-3")

    received = _delivered(smtp)
    assert ENGLISH in received[world.manager.email]
    assert SPANISH not in received[world.manager.email]
    assert SPANISH in received[world.client.email]  # the client reads Spanish
    assert ENGLISH not in received[world.client.email]


def test_a_suggestion_reaches_an_english_manager_with_the_english_name(db, world, smtp):
    _speaks(db, world.manager, "en")
    client_tasks.submit_suggestion(
        db,
        actor=world.client,
        message="¿Podría venir por la tarde?",
        kind="change",
        task_id=world.tasks[0],
        provider=PROVIDER,
    )
    db.commit()

    received = _delivered(smtp)
    assert ENGLISH in received[world.manager.email]
    assert SPANISH not in received[world.manager.email]


def test_an_english_client_and_a_spanish_manager_each_read_their_own_language(db, world, smtp):
    _speaks(db, world.client, "en")
    buy(db, world.client, world.beneficiary_id, {"visita-compania": 1}, "attempt-3")

    received = _delivered(smtp)
    assert ENGLISH in received[world.client.email]
    assert SPANISH not in received[world.client.email]
    assert SPANISH in received[world.manager.email]
    assert ENGLISH not in received[world.manager.email]
