"""Password hashing with passlib (libpass) and argon2."""

from __future__ import annotations

from passlib.context import CryptContext

_context = CryptContext(
    schemes=["argon2"],
    deprecated="auto",
    argon2__type="ID",
    argon2__memory_cost=19456,
    argon2__time_cost=2,
    argon2__parallelism=1,
)


def hash_password(password: str) -> str:
    """Hash a password with the current argon2 parameters."""
    return _context.hash(password)


def verify_password(password: str, password_hash: str) -> tuple[bool, str | None]:
    """Check a password and tell whether its hash should be upgraded.

    Args:
        password: The password typed by the user.
        password_hash: The stored hash.

    Returns:
        ``(matches, new_hash)``: new_hash is set when the stored hash used old
        parameters and the password matched.
    """
    try:
        return _context.verify_and_update(password, password_hash)
    except (ValueError, TypeError):
        return False, None


DUMMY_HASH = hash_password("timing-equaliser-not-a-password")
