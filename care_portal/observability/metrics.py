"""Prometheus metrics: event and route latency, backlogs read from the database, payments.

Each worker keeps its own counters; scrape every worker directly on its local port (the
proxy refuses ``/api/metrics``). Backlogs are counted in the database at scrape time, so any
worker reports the same numbers.
"""

from __future__ import annotations

import re
from datetime import timedelta

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func
from sqlmodel import select

REGISTRY = CollectorRegistry()
_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

EVENT_SECONDS = Histogram(
    "care_event_duration_seconds",
    "Time to process a Reflex event, by handler.",
    ["event"],
    buckets=_BUCKETS,
    registry=REGISTRY,
)
ROUTE_SECONDS = Histogram(
    "care_http_request_duration_seconds",
    "Time to answer an HTTP request, by route and status class.",
    ["route", "method", "status"],
    buckets=_BUCKETS,
    registry=REGISTRY,
)
PAYMENT_CONFIRMATIONS = Counter(
    "care_payment_confirmations",
    "Payment webhooks processed, by outcome.",
    ["outcome"],
    registry=REGISTRY,
)
ERRORS = Counter(
    "care_errors", "Unhandled errors shown to a user with a reference.", ["where"], registry=REGISTRY
)

_NUMBER = re.compile(r"/\d+(?=/|\.|$)")


def route_label(path: str) -> str:
    """Return a low-cardinality label for a path: ids become ``{id}``, pages are ``page``."""
    if path.startswith("/api/"):
        return _NUMBER.sub("/{id}", path)
    if path.startswith(("/_event", "/_upload", "/ping", "/_health", "/_all_routes")):
        return "/" + path.strip("/").split("/")[0]
    return "page"


class DatabaseBacklogCollector:
    """Gauges counted in the database when Prometheus scrapes."""

    def collect(self):
        """Yield the outbox and VeriFactu backlogs, recent failed log-ins and the invoice PDF queue."""
        from care_portal.db import session_scope
        from care_portal.models.accounts import LoginAttempt
        from care_portal.models.messaging import OutboxMessage
        from care_portal.models.types import utcnow
        from care_portal.services import aeat_submission, invoice_pdf_queue

        outbox = GaugeMetricFamily(
            "care_outbox_backlog", "E-mails not delivered yet, by status.", labels=["status"]
        )
        verifactu = GaugeMetricFamily("care_verifactu_backlog", "VeriFactu records not sent to the AEAT yet.")
        logins = GaugeMetricFamily("care_failed_logins_last_hour", "Failed log-in attempts in the last hour.")
        pdf_waiting = GaugeMetricFamily(
            "care_invoice_pdf_jobs_waiting", "Invoices whose PDF is not rendered yet."
        )
        pdf_oldest = GaugeMetricFamily(
            "care_invoice_pdf_oldest_waiting_seconds", "How long the oldest invoice has waited for its PDF."
        )
        pdf_failed = GaugeMetricFamily(
            "care_invoice_pdf_jobs_failed", "Waiting invoice PDFs whose last rendering failed."
        )
        try:
            with session_scope() as session:
                rows = session.exec(
                    select(OutboxMessage.status, func.count())
                    .where(OutboxMessage.status != "sent")
                    .group_by(OutboxMessage.status)
                ).all()
                unsent = aeat_submission.count_pending(session)
                failed = session.exec(
                    select(func.count())
                    .select_from(LoginAttempt)
                    .where(LoginAttempt.succeeded.is_(False))
                    .where(LoginAttempt.created_at > utcnow() - timedelta(hours=1))
                ).one()
                pdfs = invoice_pdf_queue.queue_health(session)
        except Exception:  # noqa: BLE001 - a database outage must not break the scrape
            return
        counts = dict(rows)
        for status in ("pending", "failed"):
            outbox.add_metric([status], counts.get(status, 0))
        verifactu.add_metric([], unsent)
        logins.add_metric([], failed)
        pdf_waiting.add_metric([], pdfs.waiting)
        pdf_oldest.add_metric([], pdfs.oldest_seconds)
        pdf_failed.add_metric([], pdfs.failed)
        yield from (outbox, verifactu, logins, pdf_waiting, pdf_oldest, pdf_failed)


REGISTRY.register(DatabaseBacklogCollector())


def render() -> bytes:
    """Return every metric in Prometheus' text format."""
    return generate_latest(REGISTRY)
