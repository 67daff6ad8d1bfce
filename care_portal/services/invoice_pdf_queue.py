"""How the invoice PDF queue is doing, for Prometheus and the admin: waiting, oldest, failed.

Every issued invoice queues a job (``models.invoice_pdfs``) that a background loop per
worker renders within seconds. If the loops stop (workers down, rendering broken) families'
invoices have no PDF until they download them; these figures make that visible. They are
read with one statement over ``ix_invoice_pdf_jobs_queued`` (an index-only scan on
PostgreSQL), and the queue only holds invoices not rendered yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.models import InvoicePdfJob, Role
from care_portal.models.types import utcnow
from care_portal.services.authz import Viewer, ensure_role

# A job normally waits a few seconds (longer only while webhooks are applied, at most
# ``INVOICE_PDF_MAX_DEFER_SECONDS``); older than this, the loops are not keeping up. The
# Prometheus alert (``deploy/prometheus/alerts.yml``) uses the same threshold.
STALE_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class PdfQueueHealth:
    """The invoice PDF queue at one instant.

    Attributes:
        waiting: Invoices whose PDF is not rendered yet (failed ones included).
        failed: Of those, the ones whose last rendering failed (retried automatically).
        oldest_seconds: How long the oldest one has waited (0 when none waits).
    """

    waiting: int
    failed: int
    oldest_seconds: float

    @property
    def stale(self) -> bool:
        """Whether the oldest job has waited longer than ``STALE_AFTER``."""
        return self.oldest_seconds > STALE_AFTER.total_seconds()

    @property
    def needs_attention(self) -> bool:
        """Whether someone should look at the workers: a stale queue or a failed rendering."""
        return self.stale or self.failed > 0


def queue_health(session: Session, *, now: datetime | None = None) -> PdfQueueHealth:
    """Return the queue's size, failures and oldest age (one statement, no permission check).

    For the metrics endpoint, which only a scraper on the machine reaches; pages use
    :func:`queue_status`.

    Args:
        session: A database session.
        now: The current instant (tests).
    """
    waiting, oldest, failed = session.exec(
        select(func.count(), func.min(col(InvoicePdfJob.queued_at)), func.count(col(InvoicePdfJob.failed_at)))
    ).one()
    age = max(((now or utcnow()) - oldest).total_seconds(), 0.0) if oldest is not None else 0.0
    return PdfQueueHealth(waiting=waiting, failed=failed, oldest_seconds=age)


def queue_status(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> PdfQueueHealth:
    """Return the queue's health for an admin (anyone else is refused).

    Args:
        session: A database session.
        actor: Who asks; must be an admin.
        now: The current instant (tests).
    """
    ensure_role(actor, Role.ADMIN)
    return queue_health(session, now=now)
