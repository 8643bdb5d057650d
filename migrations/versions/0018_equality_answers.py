"""equality monitoring answers, kept apart from records (no record id, only the day)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 16:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'equality_answer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('answered_on', sa.Date(), nullable=False),
        sa.Column('age_band', sa.String(length=24), nullable=True),
        sa.Column('gender', sa.String(length=24), nullable=True),
        sa.Column('disability', sa.String(length=24), nullable=True),
        sa.Column('ethnicity', sa.String(length=24), nullable=True),
        sa.Column('sexual_orientation', sa.String(length=24), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_equality_answer_answered_on', 'equality_answer', ['answered_on'])


def downgrade():
    op.drop_index('ix_equality_answer_answered_on', table_name='equality_answer')
    op.drop_table('equality_answer')
