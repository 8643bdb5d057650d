"""status secret: a keyed hash of the six-digit secret that lets a child check on their
record from any phone or browser (the secret itself is never stored)

Records made before have no secret: they can still be checked from the same phone or
conversation, or by calling the council.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 16:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('representation',
                  sa.Column('status_secret_hash', sa.String(length=64), nullable=True))


def downgrade():
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would lose the WHERE
    # clause of the queue's partial indexes.
    op.drop_column('representation', 'status_secret_hash')
