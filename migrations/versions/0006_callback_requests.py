"""callback requests officers can see: how to reach the child (method, encrypted number and
safe times), the deadline, attempts and closing; and each outcome an officer records

Requests made before this migration were never seen by anyone: each gets the day it was
made as its deadline (so it shows at once, overdue, at the top of the queue), and those
from a text conversation can be texted back on that conversation's number.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('callback_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('method', sa.String(length=16), nullable=False,
                                      server_default='none'))
        batch_op.add_column(sa.Column('contact_encrypted', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('due_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('last_outcome', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))

    if op.get_bind().dialect.name == 'postgresql':
        made_on = "(created_at AT TIME ZONE 'Europe/London')::date"
    else:
        made_on = "date(created_at)"
    op.execute(f"UPDATE callback_request SET due_on = {made_on}")
    op.execute("UPDATE callback_request SET method = 'text' WHERE conversation_id IN "
               "(SELECT id FROM conversation WHERE phone_encrypted IS NOT NULL)")

    with op.batch_alter_table('callback_request', schema=None) as batch_op:
        batch_op.alter_column('due_on', existing_type=sa.Date(), nullable=False)
        batch_op.create_index('ix_callback_request_queue', ['status', 'due_on', 'created_at'],
                              unique=False)

    op.create_table('callback_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('callback_request_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['callback_request_id'], ['callback_request.id'], ),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('callback_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_callback_attempt_callback_request_id'),
                              ['callback_request_id'], unique=False)


def downgrade():
    with op.batch_alter_table('callback_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callback_attempt_callback_request_id'))

    op.drop_table('callback_attempt')
    with op.batch_alter_table('callback_request', schema=None) as batch_op:
        batch_op.drop_index('ix_callback_request_queue')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('last_outcome')
        batch_op.drop_column('attempts')
        batch_op.drop_column('due_on')
        batch_op.drop_column('contact_encrypted')
        batch_op.drop_column('method')
