"""sec11: session activity (idle timeout), e-mail verification

Revision ID: 0008_sec11
Revises: 0009_perf19
Create Date: 2026-12-03 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import care_portal.models.types

revision: str = "0008_sec11"
down_revision: str | None = "0009_perf19"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_seen_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email_verified_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=True)
        )
    # Accounts that exist already keep buying as before.
    op.execute("UPDATE users SET email_verified_at = created_at")
    op.create_table(
        "email_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("email_verifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_email_verifications_token_hash"), ["token_hash"], unique=True)
        batch_op.create_index(batch_op.f("ix_email_verifications_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("email_verifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_verifications_user_id"))
        batch_op.drop_index(batch_op.f("ix_email_verifications_token_hash"))
    op.drop_table("email_verifications")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("email_verified_at")
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.drop_column("last_seen_at")
