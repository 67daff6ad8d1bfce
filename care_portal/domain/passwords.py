"""Password policy: minimum length and a refusal of the most common passwords."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 128


@lru_cache
def _common_passwords() -> frozenset[str]:
    path = Path(__file__).with_name("common_passwords.txt")
    return frozenset(line.strip().lower() for line in path.read_text().splitlines() if line.strip())


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Return the message key of the first rule the password breaks, or None.

    Args:
        password: The candidate password.
        email: The account's e-mail, which the password must not contain.
        name: The account holder's name, which must not be the password.

    Returns:
        A message key such as ``"password.too_short"``, or None when acceptable.
    """
    if len(password) < MIN_LENGTH:
        return "password.too_short"
    if len(password) > MAX_LENGTH:
        return "password.too_long"
    lowered = password.lower()
    if lowered in _common_passwords() or len(set(lowered)) <= 2:
        return "password.too_common"
    local_part = email.split("@")[0].lower()
    if (local_part and len(local_part) >= 4 and local_part in lowered) or (
        name and lowered == name.lower().replace(" ", "")
    ):
        return "password.too_personal"
    return None
