"""Reflex middleware timing every event: a latency histogram and one log line per event."""

from __future__ import annotations

import logging
import time

from reflex.middleware import Middleware

from care_portal.observability import logs, metrics

logger = logging.getLogger("care_portal.events")
_MAX_OPEN = 10_000


class EventTimingMiddleware(Middleware):
    """Measures the time from an event's arrival to its first state update."""

    def __init__(self) -> None:
        """Start with no event in flight."""
        self._started: dict[int, tuple[float, str]] = {}

    async def preprocess(self, app, state, event):
        """Note the start of an event and give it an id for the log lines it causes."""
        if len(self._started) > _MAX_OPEN:
            self._started.clear()
        self._started[id(event)] = (time.perf_counter(), logs.new_request_id())
        return None

    async def postprocess(self, app, state, event, update):
        """Record the event's duration once, at its first update."""
        started = self._started.pop(id(event), None)
        if started is None:
            return update
        seconds = time.perf_counter() - started[0]
        name = event.name.rsplit(".", 1)[-1] if "." in event.name else event.name
        handler = event.name if len(event.name) < 120 else name
        metrics.EVENT_SECONDS.labels(event=handler).observe(seconds)
        logger.info(
            "event",
            extra={"event": handler, "event_id": started[1], "duration_ms": round(seconds * 1000, 1)},
        )
        return update
