"""Slowing down password guessing without locking anybody out of their own account.

Failures are counted in ``login_attempts`` and slow down only where they come from:

- per account *and* address: after ``PAIR_FREE_FAILURES`` failures the next try from that
  address on that account waits, doubling from 30 seconds up to 15 minutes;
- per address, over every account: a much higher ceiling (``ADDRESS_FREE_FAILURES``) stops
  one address from trying many accounts.

Someone guessing from elsewhere therefore never slows down the owner. Someone guessing
from the owner's own address (a shared office or mobile network) would; a browser that has
logged into the account before carries a signed *device proof* (an HttpOnly cookie given at
log-in) and is never slowed down by failures that are not its own.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.errors import TooManyAttempts
from care_portal.models import LoginAttempt
from care_portal.models.types import utcnow

PAIR_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 100
WINDOW = timedelta(minutes=15)
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60
DEVICE_PROOF_DAYS = 90
DEVICE_COOKIE = "cp_device"


def _wait(failures: list[datetime], free: int, now: datetime) -> int:
    """Seconds still to wait after these failures (newest first), given ``free`` free ones."""
    if len(failures) < free:
        return 0
    wait = min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (len(failures) - free))
    return max(0, int((failures[0] + timedelta(seconds=wait) - now).total_seconds()))


def _failures_since_success(session: Session, conditions: list, now: datetime) -> list[datetime]:
    since = now - WINDOW
    last_success = session.exec(
        select(func.max(LoginAttempt.created_at)).where(*conditions, LoginAttempt.succeeded == True)  # noqa: E712
    ).first()
    if last_success is not None:
        since = max(since, last_success)
    return list(
        session.exec(
            select(LoginAttempt.created_at)
            .where(*conditions, LoginAttempt.succeeded == False, col(LoginAttempt.created_at) > since)  # noqa: E712
            .order_by(col(LoginAttempt.created_at).desc())
        ).all()
    )


def seconds_to_wait(
    session: Session, *, email: str, client_ip: str, known_device: bool = False, now: datetime | None = None
) -> int:
    """Return how long this address must wait before trying this account again (0: go ahead).

    Args:
        session: Open session.
        email: The normalised e-mail typed.
        client_ip: The request's address ("" when unknown: only the account pair counts).
        known_device: Whether the browser proved an earlier log-in into this account.
        now: The current instant (for tests).

    Returns:
        Seconds to wait.
    """
    if known_device:
        return 0
    now = now or utcnow()
    pair = _failures_since_success(
        session, [LoginAttempt.email == email, LoginAttempt.client_ip == client_ip], now
    )
    wait = _wait(pair, PAIR_FREE_FAILURES, now)
    if client_ip:
        address = list(
            session.exec(
                select(LoginAttempt.created_at)
                .where(
                    LoginAttempt.client_ip == client_ip,
                    LoginAttempt.succeeded == False,  # noqa: E712
                    col(LoginAttempt.created_at) > now - WINDOW,
                )
                .order_by(col(LoginAttempt.created_at).desc())
                .limit(ADDRESS_FREE_FAILURES + 10)
            ).all()
        )
        wait = max(wait, _wait(address, ADDRESS_FREE_FAILURES, now))
    return wait


def check(
    session: Session, *, email: str, client_ip: str, known_device: bool = False, now: datetime | None = None
) -> None:
    """Raise when this address must wait before trying this account again.

    Raises:
        TooManyAttempts: With the seconds left.
    """
    wait = seconds_to_wait(session, email=email, client_ip=client_ip, known_device=known_device, now=now)
    if wait > 0:
        raise TooManyAttempts(wait)


def record(
    session: Session, *, email: str, client_ip: str, succeeded: bool, now: datetime | None = None
) -> None:
    """Count one attempt (the caller commits; a failure must be committed even when it raises)."""
    session.add(
        LoginAttempt(email=email, client_ip=client_ip, succeeded=succeeded, created_at=now or utcnow())
    )


def _signature(email: str, issued: int) -> str:
    key = get_settings().secret_key.encode()
    return hmac.new(key, f"device|{email}|{issued}".encode(), hashlib.sha256).hexdigest()


def device_proof(email: str, now: datetime | None = None) -> str:
    """Return the proof of a successful log-in into ``email``'s account, for an HttpOnly cookie."""
    issued = int((now or utcnow()).timestamp())
    return f"{issued}.{_signature(email, issued)}"


def is_known_device(proof: str, email: str, now: datetime | None = None) -> bool:
    """Whether ``proof`` was given to this browser at a log-in into ``email``'s account, recently."""
    issued_text, _, signature = (proof or "").partition(".")
    if not issued_text.isdigit() or len(issued_text) > 12 or not signature:
        return False
    issued = int(issued_text)
    age = (now or utcnow()).timestamp() - issued
    if age < 0 or age > DEVICE_PROOF_DAYS * 86400:
        return False
    return hmac.compare_digest(signature, _signature(email, issued))
