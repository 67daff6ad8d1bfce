"""rgpd-13b: withdrawals from orders (desistimiento)

Revision ID: 0013_rgpd13b
Revises: 0011_plans16
Create Date: 2026-12-03 07:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import care_portal.models.types

revision: str = "0013_rgpd13b"
down_revision: str | None = "0011_plans16"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "order_withdrawals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), server_default="", nullable=False),
        sa.Column("express_start", sa.Boolean(), nullable=False),
        sa.Column("refund_cents", sa.Integer(), nullable=False),
        sa.Column("kept_cents", sa.Integer(), nullable=False),
        sa.Column("refund_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("rectifying_invoice_id", sa.Integer(), nullable=True),
        sa.Column("created_at", care_portal.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.ForeignKeyConstraint(["rectifying_invoice_id"], ["invoices.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("order_withdrawals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_withdrawals_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_withdrawals_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_withdrawals_order_id"), ["order_id"], unique=True)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("order_withdrawals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_withdrawals_order_id"))
        batch_op.drop_index(batch_op.f("ix_order_withdrawals_created_at"))
        batch_op.drop_index(batch_op.f("ix_order_withdrawals_client_id"))
    op.drop_table("order_withdrawals")
