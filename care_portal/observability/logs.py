"""JSON log lines with the request/event id and the user id, and error references.

Never log tokens, passwords or health data: only ids, names of routes/events and durations.
"""

from __future__ import annotations

import contextvars
import json
import logging
import secrets
import string
import sys
import time
from datetime import UTC, datetime

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
user_id: contextvars.ContextVar[int | None] = contextvars.ContextVar("user_id", default=None)

_REFERENCE_ALPHABET = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"
_STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}
_SECRET_WORDS = ("password", "token", "secret", "cookie", "authorization", "dni", "nif", "health")


def new_reference() -> str:
    """Return a short code users can quote to support, e.g. ``K7QX2M``."""
    return "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def new_request_id() -> str:
    """Return a fresh id that ties together the log lines of one request or event."""
    return secrets.token_hex(8)


def bind_user(uid: int | None) -> None:
    """Remember which user the current request or event acts for (id only)."""
    user_id.set(uid)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, ids and any safe extras."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as a JSON line."""
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if rid := request_id.get():
            line["request_id"] = rid
        if (uid := user_id.get()) is not None:
            line["user_id"] = uid
        for key, value in record.__dict__.items():
            if key in _STANDARD_ATTRS or key.startswith("_"):
                continue
            if any(word in key.lower() for word in _SECRET_WORDS):
                continue
            line[key] = value if isinstance(value, str | int | float | bool | type(None)) else str(value)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure_logging(log_format: str, level: str = "INFO") -> None:
    """Send the app's logs to stderr, as JSON lines (``json``) or plain text (``text``).

    Args:
        log_format: ``json`` or ``text``.
        level: Minimum level name.
    """
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._care_portal = True  # type: ignore[attr-defined]
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not getattr(h, "_care_portal", False)]
    root.addHandler(handler)
    root.setLevel(level.upper())


class Timer:
    """Measure a duration in seconds (``with Timer() as t: …; t.seconds``)."""

    def __enter__(self) -> Timer:
        """Start the clock."""
        self.started = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop the clock."""
        self.seconds = time.perf_counter() - self.started
