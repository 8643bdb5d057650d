""""you said, we did": changes made because children spoke up, approved by a manager,
with their words per language

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 16:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'change_story',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('written_by_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('approved_by_id', sa.Integer(), nullable=True),
        sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['written_by_id'], ['staff_user.id']),
        sa.ForeignKeyConstraint(['approved_by_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_change_story_approved_at', 'change_story', ['approved_at'])
    op.create_table(
        'change_story_text',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('story_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('said', sa.Text(), nullable=False),
        sa.Column('did', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['story_id'], ['change_story.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('story_id', 'language', name='uq_change_story_text_language'),
    )
    op.create_index('ix_change_story_text_story_id', 'change_story_text', ['story_id'])


def downgrade():
    op.drop_index('ix_change_story_text_story_id', table_name='change_story_text')
    op.drop_table('change_story_text')
    op.drop_index('ix_change_story_approved_at', table_name='change_story')
    op.drop_table('change_story')
