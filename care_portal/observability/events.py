"""Reflex events: an id for the log lines each event causes, and a latency histogram."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from reflex.middleware import Middleware

from care_portal.observability import logs, metrics

logger = logging.getLogger("care_portal.events")


class EventIdMiddleware(Middleware):
    """Gives every event a fresh id before its handler runs (same task, so logs carry it)."""

    async def preprocess(self, app, state, event):
        """Set the event id; never changes the event."""
        logs.request_id.set(logs.new_request_id())
        logs.user_id.set(None)
        return None

    async def postprocess(self, app, state, event, update):
        """Leave updates as they are."""
        return update


@contextmanager
def observe_event(name: str) -> Iterator[None]:
    """Time one event handler: a histogram sample and a log line with its duration.

    Args:
        name: The handler's qualified name, e.g. ``CheckoutState.submit``.
    """
    started = time.perf_counter()
    outcome = "error"
    try:
        yield
        outcome = "ok"
    finally:
        seconds = time.perf_counter() - started
        metrics.EVENT_SECONDS.labels(event=name).observe(seconds)
        logger.info(
            "event", extra={"event": name, "outcome": outcome, "duration_ms": round(seconds * 1000, 1)}
        )
