"""ops20: invoice PDF jobs remember their last failure; the queue's age and size from one index

Revision ID: ops20
Revises: 0015_confirm19
Create Date: 2026-12-03 17:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import care_portal.models.types

revision: str = "ops20"
down_revision: str | None = "0015_confirm19"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column(
        "invoice_pdf_jobs",
        sa.Column("failed_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=True),
    )
    # Waiting jobs, the oldest one and the failed ones for the metrics and the admin, read from
    # this index alone (an index-only scan on PostgreSQL), whatever else the table holds.
    op.create_index(
        "ix_invoice_pdf_jobs_queued", "invoice_pdf_jobs", ["queued_at", "failed_at"], unique=False
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_invoice_pdf_jobs_queued", table_name="invoice_pdf_jobs")
    op.drop_column("invoice_pdf_jobs", "failed_at")
