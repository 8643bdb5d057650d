"""flagged inbound messages: a partial index the outbox worker's sweep for flagged messages
without a record reads (every poll), instead of scanning every message

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 12:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# The same clauses as FLAGGED_INBOUND_SQLITE / _POSTGRESQL in intake_app/models/conversation.py.
SQLITE_WHERE = "safeguarding_flag = 1 AND direction = 'inbound'"
POSTGRESQL_WHERE = "safeguarding_flag = true AND direction = 'inbound'"


def upgrade():
    with op.batch_alter_table('channel_message', schema=None) as batch_op:
        batch_op.create_index('ix_channel_message_flagged_inbound', ['id'], unique=False,
                              sqlite_where=sa.text(SQLITE_WHERE),
                              postgresql_where=sa.text(POSTGRESQL_WHERE))


def downgrade():
    with op.batch_alter_table('channel_message', schema=None) as batch_op:
        batch_op.drop_index('ix_channel_message_flagged_inbound')
