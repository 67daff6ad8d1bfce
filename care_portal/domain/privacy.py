"""Data-protection rules as plain functions: deadlines and retention periods."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

INVOICE_RETENTION_YEARS = 6
"""Invoices and billing records: Código de Comercio art. 30 and Ley General Tributaria art. 66–70."""

CONSENT_PROOF_YEARS = 3
"""Consent records and other blocked data: the longest limitation period of RGPD infringements
(LOPDGDD art. 72)."""

STAGED_UPLOAD_HOURS = 24
RIGHTS_KINDS = ("access", "rectification", "erasure", "objection", "portability")


def add_months(instant: datetime, months: int) -> datetime:
    """Return the same day ``months`` later, clipped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = instant.month - 1 + months
    year, month = instant.year + month_index // 12, month_index % 12 + 1
    day = min(instant.day, calendar.monthrange(year, month)[1])
    return instant.replace(year=year, month=month, day=day)


def request_due(received: datetime) -> datetime:
    """Return when a rights request must be answered: one month after it arrived (RGPD art. 12.3)."""
    return add_months(received, 1)


def is_overdue(due: datetime, closed: datetime | None, now: datetime) -> bool:
    """Return whether an open request has passed its due date."""
    return closed is None and now > due


def blocked_until(now: datetime, last_invoice: datetime | None) -> datetime:
    """Return when blocked data may be purged.

    Blocked data is kept for the longest duty that applies: six years from the
    last invoice, and at least the consent-proof period from now.
    """
    candidates = [add_months(now, 12 * CONSENT_PROOF_YEARS)]
    if last_invoice is not None:
        candidates.append(add_months(last_invoice, 12 * INVOICE_RETENTION_YEARS))
    return max(candidates)


def staged_upload_expired(created: datetime, now: datetime) -> bool:
    """Return whether an upload that was never saved is older than the staging period."""
    return now - created > timedelta(hours=STAGED_UPLOAD_HOURS)
