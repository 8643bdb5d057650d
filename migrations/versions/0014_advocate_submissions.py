"""advocate submissions: what an advocate told us with a record made for a child (the
child's details, how they agreed, who receives replies, the advocate's own view)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 16:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'advocate_submission',
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('advocate_id', sa.Integer(), nullable=False),
        sa.Column('child_name', sa.Text(), nullable=False),
        sa.Column('age_band', sa.String(length=16), nullable=False),
        sa.Column('child_status', sa.String(length=16), nullable=False),
        sa.Column('council_team', sa.Text(), nullable=True),
        sa.Column('communication', sa.JSON(), nullable=False),
        sa.Column('advocate_summary', sa.Text(), nullable=True),
        sa.Column('consent_method', sa.String(length=16), nullable=False),
        sa.Column('consent_given_on', sa.Date(), nullable=False),
        sa.Column('sharing', sa.Text(), nullable=False),
        sa.Column('replies_to', sa.String(length=8), nullable=False),
        sa.Column('advocate_type', sa.String(length=16), nullable=True),
        sa.Column('advocate_categories', sa.JSON(), nullable=False),
        sa.Column('advocate_urgency', sa.String(length=8), nullable=False),
        sa.Column('safeguarding_known', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.ForeignKeyConstraint(['organisation_id'], ['advocacy_organisation.id']),
        sa.ForeignKeyConstraint(['advocate_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('representation_id'),
    )
    op.create_index('ix_advocate_submission_organisation_id', 'advocate_submission',
                    ['organisation_id'])


def downgrade():
    op.drop_index('ix_advocate_submission_organisation_id', table_name='advocate_submission')
    op.drop_table('advocate_submission')
