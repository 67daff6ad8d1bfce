"""confirm19: invoice PDFs rendered by a job after the confirmation, not inside its request

Revision ID: 0015_confirm19
Revises: 0015_dash19
Create Date: 2026-12-03 14:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import care_portal.models.types

revision: str = "0015_confirm19"
down_revision: str | None = "0015_dash19"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "invoice_pdf_jobs",
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("queued_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", care_portal.models.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"]),
        sa.PrimaryKeyConstraint("invoice_id"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("invoice_pdf_jobs")
