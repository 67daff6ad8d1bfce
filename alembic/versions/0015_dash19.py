"""dash19: indexes for the manager dashboard's waiting groups and the admin's counts

Revision ID: 0015_dash19
Revises: 0014_week16
Create Date: 2026-12-03 14:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0015_dash19"
down_revision: str | None = "0014_week16"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WAITING = sa.text("state = 'pending_appointment'")


def upgrade() -> None:
    """Apply this revision."""
    # Waiting visits grouped by beneficiary and series, oldest first, with the first-contact
    # deadline: an index-only scan over the waiting visits instead of the task table.
    op.create_index(
        "ix_tasks_waiting",
        "tasks",
        ["beneficiary_id", "order_line_id", "created_at", "id"],
        unique=False,
        postgresql_include=["first_contact_at", "service_name"],
        postgresql_where=WAITING,
        sqlite_where=WAITING,
    )
    # The admin's visits per state with blocked beneficiaries left out, from the index alone.
    op.create_index("ix_tasks_state_beneficiary", "tasks", ["state", "beneficiary_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_tasks_state_beneficiary", table_name="tasks")
    op.drop_index("ix_tasks_waiting", table_name="tasks")
