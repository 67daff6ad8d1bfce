"""task indexes for the bounded dashboard and the paged «Tareas»

Revision ID: 0009_perf19
Revises: 0008
Create Date: 2026-12-03 04:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009_perf19"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_tasks_manager_state": ["manager_id", "state"],
    "ix_tasks_manager_created": ["manager_id", "created_at"],
    "ix_tasks_manager_appointment": ["manager_id", "appointment_start"],
    "ix_tasks_client_created": ["client_id", "created_at"],
}


def upgrade() -> None:
    """Apply this revision."""
    for name, columns in INDEXES.items():
        op.create_index(name, "tasks", columns, unique=False)


def downgrade() -> None:
    """Revert this revision."""
    for name in INDEXES:
        op.drop_index(name, table_name="tasks")
