"""Requests that e-mail a typed address are limited per address typed and per requester."""

from __future__ import annotations

from datetime import timedelta

from care_portal.models.types import utcnow
from care_portal.services import request_throttle as throttle

ACTION = "auth.reset_asked"


def _admitted(db, email: str, ip: str, times: int, now) -> int:
    admitted = sum(
        throttle.admit(db, action=ACTION, email=email, client_ip=ip, now=now) for _ in range(times)
    )
    db.commit()
    return admitted


def test_one_address_typed_many_times_gets_only_a_few_e_mails(db):
    now = utcnow()
    admitted = sum(
        _admitted(db, "maria@example.es", f"10.0.0.{n}", 1, now) for n in range(50)
    )  # from many addresses
    assert admitted == throttle.PER_EMAIL


def test_one_requester_cannot_flood_many_addresses(db):
    now = utcnow()
    admitted = sum(
        _admitted(db, f"user{n}@example.es", "10.0.0.9", 1, now) for n in range(throttle.PER_ADDRESS + 10)
    )
    assert admitted == throttle.PER_ADDRESS
    assert _admitted(db, "other@example.es", "10.0.0.10", 1, now) == 1


def test_the_limits_reopen_after_the_window(db):
    now = utcnow()
    _admitted(db, "maria@example.es", "10.0.0.1", 10, now)
    assert _admitted(db, "maria@example.es", "10.0.0.1", 1, now + throttle.WINDOW + timedelta(minutes=1)) == 1


def test_the_log_keeps_no_e_mail_address(db):
    throttle.admit(db, action=ACTION, email="maria@example.es", client_ip="10.0.0.1")
    db.commit()
    from sqlmodel import select

    from care_portal.models import AuditEvent

    row = db.exec(select(AuditEvent).where(AuditEvent.action == ACTION)).one()
    assert "maria" not in str(row.model_dump())
