"""the live outbox's triggers in juror kits only, not in a chair's event file

Revision ID: 0007
Revises: 0006

A trigger on the score table costs every row written even when its WHEN is false (a national
workbook import paid 0.75 s for it). Event files drop the triggers; kits keep them, and a file
that becomes a kit gets them (core/store/outbox.py).
"""

from alembic import op
from sqlalchemy import text

from kolabik_desktop.core.store import outbox

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # a server-held event never had them
    kind = bind.execute(text("SELECT kind FROM event LIMIT 1")).scalar()
    if kind != "kit":  # an event file, or a new file (its event row comes after the schema)
        for statement in outbox.drop_statements():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in outbox.create_statements():
            op.execute(statement)
