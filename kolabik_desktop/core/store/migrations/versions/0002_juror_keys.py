"""juror signing keys and kept signed packages

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 05:50:00

juror.public_key: the Ed25519 public key the chair's event trusts for the juror (recorded from
the juror's first signed package). package_receipt.document: the exact bytes of a juror-signed
package, kept so that every juror-signed score can be re-verified by `kolabik check`.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("juror", schema=None) as batch_op:
        batch_op.add_column(sa.Column("public_key", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("package_receipt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("package_receipt", schema=None) as batch_op:
        batch_op.drop_column("document")
    with op.batch_alter_table("juror", schema=None) as batch_op:
        batch_op.drop_column("public_key")
