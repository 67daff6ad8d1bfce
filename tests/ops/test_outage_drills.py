"""Outages of what the app talks to: SMTP for an hour and a full disk.

The AEAT stand-in outage is proved in tests/services/test_aeat_sending.py.

Each drill runs in simulated time on the suite's database (SQLite, or PostgreSQL in the
PostgreSQL pass), with two "workers" as two threads where it matters.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from care_portal.config import get_settings
from care_portal.domain.errors import StorageUnavailable
from care_portal.i18n import tr
from care_portal.integrations import storage
from care_portal.integrations.mailer import SmtpMailer
from care_portal.models import Beneficiary, BeneficiaryDocument, OutboxMessage
from care_portal.models.types import utcnow
from care_portal.services import beneficiaries, notifications
from care_portal.services.care_documents import Attachment
from tests.services.care_helpers import admin_viewer, form, make_user, manager_covering
from tests.smtp_server import SmtpServer, free_port


def _two_workers_pass(mailer, now) -> None:
    """Both workers run their outbox pass at the same simulated instant."""
    max_attempts = get_settings().outbox_max_attempts
    threads = [
        threading.Thread(
            target=notifications.deliver_due,
            kwargs={"mailer": mailer, "now": now, "max_attempts": max_attempts},
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)


def test_smtp_down_for_an_hour_then_every_message_is_delivered_once(db):
    recipients = [f"persona{i}@example.es" for i in range(6)]
    for address in recipients:
        notifications.queue_email(db, to=address, subject="Aviso", body="Hola", kind="test")
    db.commit()
    port = free_port()
    mailer = SmtpMailer(host="127.0.0.1", port=port, sender="Cuidado <no-responder@example.es>", timeout=2)
    start = utcnow()

    for minute in range(0, 61, 2):  # the server is down for an hour
        _two_workers_pass(mailer, start + timedelta(minutes=minute))
    rows = db.exec(select(OutboxMessage).execution_options(populate_existing=True)).all()
    assert {row.status for row in rows} == {"pending"}  # none given up on
    assert min(row.attempts for row in rows) >= 5

    server = SmtpServer(port=port).start()
    try:
        for minute in range(62, 62 + 61, 2):  # back up: within the longest back-off all are sent
            _two_workers_pass(mailer, start + timedelta(minutes=minute))
            if len(server.messages) == len(recipients):
                break
        delivered = sorted(message["To"] for message in server.messages)
    finally:
        server.stop()
    assert delivered == recipients  # every message, none twice
    rows = db.exec(select(OutboxMessage).execution_options(populate_existing=True)).all()
    assert {row.status for row in rows} == {"sent"}


@contextlib.contextmanager
def _full_disk(folder: Path, monkeypatch):
    """A real 64 KiB file system when we may mount one; otherwise writes fail half-way with ENOSPC."""
    folder.mkdir(parents=True)
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, check=False
        ).returncode
        == 0
    )
    if not mounted:
        real_write = os.write

        def half_then_full(descriptor, data):
            if len(data) > 1024:
                real_write(descriptor, bytes(data[: len(data) // 2]))
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(descriptor, data)

        monkeypatch.setattr(storage.os, "write", half_then_full)
    try:
        yield
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_refuses_the_upload_clearly_and_stores_nothing(db, tmp_path, monkeypatch):
    admin = admin_viewer(db)
    manager_covering(db, "gestor@example.es", "28", admin)
    client = make_user(db, "carmen@example.es")
    data_dir = tmp_path / "data"
    monkeypatch.setattr(get_settings(), "data_dir", data_dir)
    large = b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n"
    with _full_disk(data_dir, monkeypatch):
        with pytest.raises(StorageUnavailable) as caught:
            beneficiaries.register_beneficiary(
                db, actor=client, data=form(), attachments=[Attachment("informe.pdf", large)]
            )
        db.rollback()
        leftovers = [p for p in data_dir.rglob("*") if p.is_file()]
    assert caught.value.key == "errors.storage_full"
    assert "almacenamiento está lleno" in tr(caught.value.key, "es")
    assert "storage is full" in tr(caught.value.key, "en")
    assert db.exec(select(Beneficiary)).all() == []
    assert db.exec(select(BeneficiaryDocument)).all() == []
    assert leftovers == []
