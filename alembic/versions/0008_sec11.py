"""sec11: last activity of a log-in session (idle timeout)

Revision ID: 0008_sec11
Revises: 0007
Create Date: 2026-12-03 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import care_portal.models.types

revision: str = "0008_sec11"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_seen_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.drop_column("last_seen_at")
