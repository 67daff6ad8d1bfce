from datetime import timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import PermissionDenied
from care_portal.integrations.mailer import SmtpMailer
from care_portal.models import OutboxMessage, Role
from care_portal.models.types import utcnow
from care_portal.services import accounts, notifications
from tests.smtp_server import SmtpServer, free_port


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def _queue(db, n=1):
    for i in range(n):
        notifications.queue_email(
            db, to=f"persona{i}@example.es", subject=f"Aviso {i}", body="Hola", kind="test"
        )
    db.commit()


def test_queued_mail_is_delivered_through_smtp_once(db, smtp):
    _queue(db, 3)
    mailer = SmtpMailer(host="127.0.0.1", port=smtp.port, sender="Cuidado <no-responder@example.es>")
    assert notifications.deliver_due(mailer=mailer) == 3
    assert notifications.deliver_due(mailer=mailer) == 0
    assert sorted(m["To"] for m in smtp.messages) == [f"persona{i}@example.es" for i in range(3)]
    assert {row.status for row in db.exec(select(OutboxMessage)).all()} == {"sent"}


def test_mail_is_kept_and_retried_while_the_server_is_down(db):
    _queue(db)
    port = free_port()
    mailer = SmtpMailer(host="127.0.0.1", port=port, sender="no-responder@example.es", timeout=2)
    now = utcnow()
    assert notifications.deliver_due(mailer=mailer, now=now) == 0
    db.expire_all()
    message = db.exec(select(OutboxMessage)).one()
    assert (message.status, message.attempts) == ("pending", 1)
    assert message.last_error
    # Not due again before the backoff has passed.
    assert notifications.deliver_due(mailer=mailer, now=now + timedelta(seconds=1)) == 0
    server = SmtpServer(port=port).start()
    try:
        assert notifications.deliver_due(mailer=mailer, now=now + timedelta(seconds=10)) == 1
        assert [m["Subject"] for m in server.messages] == ["Aviso 0"]
    finally:
        server.stop()
    db.expire_all()
    assert db.exec(select(OutboxMessage)).one().status == "sent"


def test_message_is_marked_failed_after_the_last_attempt(db):
    _queue(db)
    mailer = SmtpMailer(host="127.0.0.1", port=free_port(), sender="no-responder@example.es", timeout=2)
    now = utcnow()
    for attempt in range(3):
        notifications.deliver_due(mailer=mailer, now=now + timedelta(hours=attempt), max_attempts=3)
    db.expire_all()
    assert db.exec(select(OutboxMessage)).one().status == "failed"


def test_a_claimed_message_is_not_sent_by_a_second_worker(db, smtp):
    _queue(db)
    message_id = db.exec(select(OutboxMessage.id)).one()
    now = utcnow()
    assert notifications._claim(None, message_id, now) is True
    assert notifications._claim(None, message_id, now) is False
    mailer = SmtpMailer(host="127.0.0.1", port=smtp.port, sender="no-responder@example.es")
    assert notifications.deliver_due(mailer=mailer, now=now) == 0
    assert smtp.messages == []


def test_backoff_grows_and_is_capped():
    assert [notifications.backoff_seconds(n) for n in (1, 2, 3)] == [5, 10, 20]
    assert notifications.backoff_seconds(30) == notifications.MAX_BACKOFF_SECONDS


def test_only_admins_read_the_outbox(db):
    client = accounts.sign_up(db, full_name="Cliente Uno", email="c@example.es", password="una frase segura")
    admin = accounts.sign_up(
        db, full_name="Admin Uno", email="a@example.es", password="una frase segura", role=Role.ADMIN
    )
    _queue(db)
    with pytest.raises(PermissionDenied):
        notifications.list_outbox(db, actor=client)
    assert [row.subject for row in notifications.list_outbox(db, actor=admin)] == ["Aviso 0"]
