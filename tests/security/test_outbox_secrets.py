"""Admins reading «Correo saliente» cannot use anybody's password-reset link."""

from __future__ import annotations

import re

from sqlmodel import select

from care_portal.models import OutboxMessage, Role
from care_portal.services import accounts, notifications

PASSWORD = "una clave larga de prueba"


def test_reset_links_are_shown_without_their_token(db):
    admin = accounts.sign_up(
        db, full_name="Ana Admin", email="admin@example.es", password=PASSWORD, role=Role.ADMIN
    )
    accounts.sign_up(db, full_name="María López", email="maria@example.es", password=PASSWORD)
    accounts.request_password_reset(db, email="maria@example.es")
    db.commit()
    stored = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "password_reset")).one()
    token = re.search(r"token=([\w-]+)", stored.body_text).group(1)  # the e-mail itself keeps the link
    shown = next(row for row in notifications.list_outbox(db, actor=admin) if row.id == stored.id)
    assert token not in shown.body_text
    assert "/restablecer?token=" in shown.body_text
