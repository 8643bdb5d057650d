"""advocate additions: information an advocate adds to an open record after sending it

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 16:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'advocate_addition',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('advocate_id', sa.Integer(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('safeguarding_flag', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.ForeignKeyConstraint(['advocate_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_advocate_addition_representation_id', 'advocate_addition',
                    ['representation_id'])


def downgrade():
    op.drop_index('ix_advocate_addition_representation_id', table_name='advocate_addition')
    op.drop_table('advocate_addition')
