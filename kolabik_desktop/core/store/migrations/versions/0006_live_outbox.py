"""the live link's unsent-changes queue in juror kits

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Every save in a kit enqueues the saved cell in the same transaction, whatever code wrote it
# (window, CLI, update-kit): the queue cannot miss a save, and survives a crash with the save.
_IN_KIT = "(SELECT kind FROM event LIMIT 1) = 'kit'"
_TRIGGERS = {
    "score": "'score', NEW.id, 0, 0",
    "comment": "'comment', NEW.juror_id, NEW.entry_id, NEW.stage_id",
    "submission": "'submission', NEW.juror_id, NEW.stage_id, 0",
}


def upgrade() -> None:
    op.create_table(
        "live_outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("key_a", sa.Integer(), nullable=False),
        sa.Column("key_b", sa.Integer(), nullable=False),
        sa.Column("key_c", sa.Integer(), nullable=False),
        sa.Column("queued_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_live_outbox")),
        sqlite_autoincrement=True,
    )
    if op.get_bind().dialect.name != "sqlite":
        return  # kits are SQLite files; a server-held event never queues
    for table, values in _TRIGGERS.items():
        for when in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER live_outbox_{table}_{when.lower()} AFTER {when} ON {table} "
                f"WHEN {_IN_KIT} BEGIN "
                "INSERT INTO live_outbox (kind, key_a, key_b, key_c, queued_at) "
                f"VALUES ({values}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END"
            )


def downgrade() -> None:
    for table in _TRIGGERS if op.get_bind().dialect.name == "sqlite" else ():
        for when in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS live_outbox_{table}_{when}")
    op.drop_table("live_outbox")
