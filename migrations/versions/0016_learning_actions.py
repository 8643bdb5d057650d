"""learning actions: learning points from closed records (theme, action, owner, due
date), tracked to done by managers

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 16:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'learning_action',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('theme', sa.String(length=32), nullable=False),
        sa.Column('action', sa.Text(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('added_by_id', sa.Integer(), nullable=False),
        sa.Column('added_on', sa.Date(), nullable=False),
        sa.Column('done_on', sa.Date(), nullable=True),
        sa.Column('done_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.ForeignKeyConstraint(['owner_id'], ['staff_user.id']),
        sa.ForeignKeyConstraint(['added_by_id'], ['staff_user.id']),
        sa.ForeignKeyConstraint(['done_by_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_learning_action_representation_id', 'learning_action',
                    ['representation_id'])
    op.create_index('ix_learning_action_added_on', 'learning_action', ['added_on'])
    op.create_index('ix_learning_action_done_on', 'learning_action', ['done_on'])


def downgrade():
    op.drop_index('ix_learning_action_done_on', table_name='learning_action')
    op.drop_index('ix_learning_action_added_on', table_name='learning_action')
    op.drop_index('ix_learning_action_representation_id', table_name='learning_action')
    op.drop_table('learning_action')
