"""Names and references of the log-in session cookie.

The browser keeps the opaque session token in an HttpOnly cookie (``cp_session``) that
scripts cannot read. The database keeps only its SHA-256, the session *reference*. On the
event websocket the edge replaces the token by that reference (``cp_sid``), so the app's
state — in Redis with several workers — never holds a usable token.
"""

from __future__ import annotations

import hashlib

SESSION_COOKIE = "cp_session"
SESSION_REF_COOKIE = "cp_sid"
DEVICE_COOKIE = "cp_device"


def session_ref(token: str) -> str:
    """Return the reference (SHA-256 hex) under which a session token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def read_cookie(header: str, name: str) -> str:
    """Return one cookie's value from a ``Cookie`` header ("" when absent)."""
    for part in (header or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""
