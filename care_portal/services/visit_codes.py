"""Visit codes: short secrets the beneficiary uses to recognise the real manager at the door."""

from __future__ import annotations

import secrets

from sqlmodel import Session, select

from care_portal.models.visits import Task

ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"  # no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G)
LENGTH = 6


def new_visit_code(session: Session) -> str:
    """Return a random code no other task has (codes are read aloud on the phone)."""
    pending = {obj.visit_code for obj in session.new if isinstance(obj, Task)}
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if code in pending:
            continue
        if session.exec(select(Task.id).where(Task.visit_code == code)).first() is None:
            return code
