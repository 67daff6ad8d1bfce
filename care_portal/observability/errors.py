"""Error-tracking hook (Sentry), off unless ``SENTRY_DSN`` is set, with personal data removed."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_KEEP_HEADERS = {"user-agent", "content-type", "content-length", "x-request-id", "host"}


def scrub_event(event: dict, _hint: dict | None = None) -> dict:
    """Remove personal data from a Sentry event: keep the user id, drop everything else.

    Drops cookies, request bodies, query strings, IP addresses, all headers but a few
    harmless ones, local variables of stack frames, and e-mail addresses in messages.

    Args:
        event: The event Sentry is about to send.
        _hint: Sentry's hint (unused).

    Returns:
        The same event, scrubbed.
    """
    user = event.get("user") or {}
    event["user"] = {"id": user["id"]} if "id" in user else {}
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("cookies", None)
        request.pop("data", None)
        request.pop("query_string", None)
        request.pop("env", None)
        headers = request.get("headers") or {}
        request["headers"] = {k: v for k, v in headers.items() if k.lower() in _KEEP_HEADERS}
    for exception in (event.get("exception") or {}).get("values", []) or []:
        if exception.get("value"):
            exception["value"] = _EMAIL.sub("[email]", exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames", []) or []:
            frame.pop("vars", None)
    if isinstance(event.get("logentry"), dict) and event["logentry"].get("message"):
        event["logentry"]["message"] = _EMAIL.sub("[email]", event["logentry"]["message"])
    event.pop("breadcrumbs", None)
    return event


def init_error_tracking(dsn: str, environment: str) -> bool:
    """Start Sentry when a DSN is configured.

    Args:
        dsn: ``SENTRY_DSN``; empty means off.
        environment: Deployment name reported with each event.

    Returns:
        Whether error tracking is on.
    """
    if not dsn:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        include_local_variables=False,
        max_breadcrumbs=0,
        before_send=scrub_event,
        traces_sample_rate=0.0,
    )
    logger.info("error tracking on")
    return True
