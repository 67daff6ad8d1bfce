"""Invoice PDFs still to render: a small job queue filled in the invoice's own transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class InvoicePdfJob(SQLModel, table=True):
    """An issued invoice whose PDF is not rendered yet (the row goes once it is stored).

    Issuing an invoice only adds this row; a background loop renders the PDF from the
    stored, immutable invoice later (``services.invoice_documents.render_queued``), and a
    download that comes first renders it itself. ``failed_at`` is the last failed
    rendering (it is tried again once its claim runs out); operators see the waiting,
    oldest and failed jobs in the metrics and on the admin's «Pagos» page.
    """

    __tablename__ = "invoice_pdf_jobs"
    __table_args__ = (Index("ix_invoice_pdf_jobs_queued", "queued_at", "failed_at"),)

    invoice_id: int = Field(foreign_key="invoices.id", primary_key=True)
    queued_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    attempts: int = Field(default=0)
    failed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # its last rendering failed
