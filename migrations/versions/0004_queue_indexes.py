"""queue indexes: partial indexes over open records for the officers' queue

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 18:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# The same clause as OPEN_RECORD in intake_app/models/representation.py (the queue filters
# with it, so the database can match its terms to these indexes).
OPEN_RECORD = ("withdrawn_at IS NULL AND status != 'withdrawn' AND duplicate_of_id IS NULL "
               "AND (case_status IS NULL OR case_status != 'closed')")
OPEN_COLUMNS = ['withdrawn_at', 'status', 'duplicate_of_id', 'case_status']
INDEXES = {
    'ix_representation_queue_due': ['stage1_extended', 'stage1_due', 'received_at',
                                    'priority'],
    'ix_representation_queue_extended_due': ['stage1_extended', 'stage1_extended_due',
                                             'received_at', 'priority'],
    'ix_representation_queue_urgent': ['priority', 'safeguarding_handled_at'],
}


def upgrade():
    with op.batch_alter_table('representation', schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns + OPEN_COLUMNS, unique=False,
                                  sqlite_where=sa.text(OPEN_RECORD),
                                  postgresql_where=sa.text(OPEN_RECORD))


def downgrade():
    with op.batch_alter_table('representation', schema=None) as batch_op:
        for name in reversed(list(INDEXES)):
            batch_op.drop_index(name)
