"""Log-in throttling slows down guessing where it comes from, never the owner elsewhere."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import DomainError, TooManyAttempts
from care_portal.domain.sessions import session_ref
from care_portal.models import OutboxMessage
from care_portal.models.types import utcnow
from care_portal.services import accounts, request_throttle
from care_portal.services import login_throttle as throttle

VICTIM = "maria@example.es"
ATTACKER_IP = "198.51.100.7"
VICTIM_IP = "203.0.113.20"
PASSWORD = "una clave larga de prueba"


def _fail(db, email: str, ip: str, now, times: int = 1) -> None:
    for _ in range(times):
        throttle.record(db, email=email, client_ip=ip, succeeded=False, now=now)
    db.commit()


def test_guessing_one_account_slows_down_only_the_guessing_address(db):
    now = utcnow()
    _fail(db, VICTIM, ATTACKER_IP, now, times=throttle.PAIR_FREE_FAILURES + 3)
    assert throttle.seconds_to_wait(db, email=VICTIM, client_ip=ATTACKER_IP, now=now) > 0
    assert throttle.seconds_to_wait(db, email=VICTIM, client_ip=VICTIM_IP, now=now) == 0


def test_a_few_mistakes_are_free_and_the_wait_doubles(db):
    now = utcnow()
    _fail(db, VICTIM, VICTIM_IP, now, times=throttle.PAIR_FREE_FAILURES - 1)
    assert throttle.seconds_to_wait(db, email=VICTIM, client_ip=VICTIM_IP, now=now) == 0
    _fail(db, VICTIM, VICTIM_IP, now)
    first = throttle.seconds_to_wait(db, email=VICTIM, client_ip=VICTIM_IP, now=now)
    _fail(db, VICTIM, VICTIM_IP, now)
    assert throttle.seconds_to_wait(db, email=VICTIM, client_ip=VICTIM_IP, now=now) == 2 * first == 60


def test_trying_many_accounts_from_one_address_hits_the_higher_ceiling(db):
    now = utcnow()
    for n in range(throttle.ADDRESS_FREE_FAILURES - 1):
        throttle.record(db, email=f"user{n}@example.es", client_ip=ATTACKER_IP, succeeded=False, now=now)
    db.commit()
    assert throttle.seconds_to_wait(db, email="new@example.es", client_ip=ATTACKER_IP, now=now) == 0
    _fail(db, "last@example.es", ATTACKER_IP, now)
    assert throttle.seconds_to_wait(db, email="new@example.es", client_ip=ATTACKER_IP, now=now) > 0
    assert throttle.seconds_to_wait(db, email="new@example.es", client_ip=VICTIM_IP, now=now) == 0


def test_a_known_device_is_not_slowed_by_someone_else_on_the_same_address(db):
    now = utcnow()
    proof = throttle.device_proof(VICTIM, now=now - timedelta(days=3))
    _fail(db, VICTIM, VICTIM_IP, now, times=throttle.PAIR_FREE_FAILURES + 5)
    assert throttle.seconds_to_wait(db, email=VICTIM, client_ip=VICTIM_IP, now=now) > 0
    known = throttle.is_known_device(proof, VICTIM, now=now)
    assert known
    assert throttle.seconds_to_wait(db, email=VICTIM, client_ip=VICTIM_IP, known_device=known, now=now) == 0


def test_a_device_proof_belongs_to_one_account_and_expires(db):
    now = utcnow()
    proof = throttle.device_proof(VICTIM, now=now)
    assert not throttle.is_known_device(proof, "other@example.es", now=now)
    assert not throttle.is_known_device(proof[:-1] + ("0" if proof[-1] != "0" else "1"), VICTIM, now=now)
    assert not throttle.is_known_device("", VICTIM, now=now)
    later = now + timedelta(days=throttle.DEVICE_PROOF_DAYS + 1)
    assert not throttle.is_known_device(proof, VICTIM, now=later)


def test_failures_older_than_the_window_no_longer_count(db):
    now = utcnow()
    _fail(db, VICTIM, VICTIM_IP, now - throttle.WINDOW - timedelta(minutes=1), times=10)
    assert throttle.seconds_to_wait(db, email=VICTIM, client_ip=VICTIM_IP, now=now) == 0


def _user(db):
    accounts.sign_up(db, full_name="María López", email=VICTIM, password=PASSWORD)
    db.commit()


def test_wrong_passwords_from_elsewhere_never_lock_the_owner_out(db):
    _user(db)
    now = utcnow()
    for _ in range(throttle.PAIR_FREE_FAILURES + 5):
        with pytest.raises(DomainError):
            accounts.log_in(db, email=VICTIM, password="adivinanza mala", client_ip=ATTACKER_IP, now=now)
    with pytest.raises(TooManyAttempts):
        accounts.log_in(db, email=VICTIM, password=PASSWORD, client_ip=ATTACKER_IP, now=now)
    assert (
        accounts.log_in(db, email=VICTIM, password=PASSWORD, client_ip=VICTIM_IP, now=now).viewer.email
        == VICTIM
    )


def test_a_browser_that_logged_in_before_is_not_locked_out_from_a_shared_address(db):
    _user(db)
    now = utcnow()
    proof = throttle.device_proof(VICTIM, now=now - timedelta(days=1))
    for _ in range(throttle.PAIR_FREE_FAILURES + 5):  # someone in the same office
        with pytest.raises(DomainError):
            accounts.log_in(db, email=VICTIM, password="adivinanza mala", client_ip=VICTIM_IP, now=now)
    with pytest.raises(TooManyAttempts):
        accounts.log_in(db, email=VICTIM, password=PASSWORD, client_ip=VICTIM_IP, now=now)
    result = accounts.log_in(
        db, email=VICTIM, password=PASSWORD, client_ip=VICTIM_IP, device_proof=proof, now=now
    )
    assert result.viewer.email == VICTIM


def test_changing_the_password_ends_every_other_session(db):
    _user(db)
    here = accounts.log_in(db, email=VICTIM, password=PASSWORD).token
    elsewhere = accounts.log_in(db, email=VICTIM, password=PASSWORD).token
    db.commit()
    viewer = accounts.resolve_session(db, token=here)
    ended = accounts.change_password(
        db,
        actor=viewer,
        current_password=PASSWORD,
        new_password="otra frase larga y nueva",
        keep_session_ref=session_ref(here),
    )
    db.commit()
    assert ended == 1
    assert accounts.resolve_session(db, token=elsewhere) is None
    assert accounts.resolve_session(db, token=here) is not None


def test_fifty_reset_requests_queue_only_a_few_e_mails_with_the_same_answer(db):
    _user(db)
    for n in range(50):
        assert accounts.request_password_reset(db, email=VICTIM, client_ip=f"10.0.{n}.1") is None
        db.commit()
    resets = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "password_reset")).all()
    assert len(resets) == request_throttle.PER_EMAIL
