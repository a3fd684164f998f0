"""panels: named groups of jurors with their entries and chair (issue 16)

Revision ID: 0005
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "panel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("chair", sa.String(length=200), nullable=False),
        sa.Column("db_role", sa.String(length=63), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel")),
        sa.UniqueConstraint("name", name=op.f("uq_panel_name")),
        sa.UniqueConstraint("db_role", name=op.f("uq_panel_db_role")),
    )
    op.create_table(
        "panel_juror",
        sa.Column("panel_id", sa.Integer(), nullable=False),
        sa.Column("juror_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["panel_id"],
            ["panel.id"],
            name=op.f("fk_panel_juror_panel_id_panel"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["juror_id"],
            ["juror.id"],
            name=op.f("fk_panel_juror_juror_id_juror"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("panel_id", "juror_id", name=op.f("pk_panel_juror")),
    )
    op.create_table(
        "panel_category",
        sa.Column("panel_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["panel_id"],
            ["panel.id"],
            name=op.f("fk_panel_category_panel_id_panel"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["category.id"],
            name=op.f("fk_panel_category_category_id_category"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("panel_id", "category_id", name=op.f("pk_panel_category")),
    )
    op.create_table(
        "panel_entry",
        sa.Column("panel_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["panel_id"],
            ["panel.id"],
            name=op.f("fk_panel_entry_panel_id_panel"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entry.id"],
            name=op.f("fk_panel_entry_entry_id_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("panel_id", "entry_id", name=op.f("pk_panel_entry")),
    )


def downgrade() -> None:
    op.drop_table("panel_entry")
    op.drop_table("panel_category")
    op.drop_table("panel_juror")
    op.drop_table("panel")
