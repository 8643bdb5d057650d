"""complaint stages: requests to look again, the stage 2 and stage 3 clocks, whether the
child agreed a stage 1 extension, and "how was it to tell us?" answers (kept apart from
records)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 16:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('representation',
                  sa.Column('stage1_extension_agreed', sa.String(length=16), nullable=True))
    op.create_table(
        'look_again_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('via', sa.String(length=16), nullable=False),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('stage1_responded_on', sa.Date(), nullable=True),
        sa.Column('in_time', sa.Boolean(), nullable=False),
        sa.Column('words', sa.Text(), nullable=True),
        sa.Column('decision', sa.String(length=16), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('decision_reason', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.ForeignKeyConstraint(['decided_by_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_look_again_request_representation_id', 'look_again_request',
                    ['representation_id'])
    op.create_table(
        'complaint_stage',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('stage', sa.String(length=32), nullable=False),
        sa.Column('started_on', sa.Date(), nullable=False),
        sa.Column('started_by', sa.String(length=16), nullable=False),
        sa.Column('start_reason', sa.Text(), nullable=True),
        sa.Column('due', sa.Date(), nullable=False),
        sa.Column('extended_due', sa.Date(), nullable=True),
        sa.Column('extended', sa.Boolean(), nullable=False),
        sa.Column('extension_reason', sa.Text(), nullable=True),
        sa.Column('extension_agreed', sa.String(length=16), nullable=True),
        sa.Column('paused_on', sa.Date(), nullable=True),
        sa.Column('paused_working_days', sa.Integer(), nullable=False),
        sa.Column('investigating_officer', sa.Text(), nullable=True),
        sa.Column('independent_person', sa.Text(), nullable=True),
        sa.Column('report_due', sa.Date(), nullable=True),
        sa.Column('response_due', sa.Date(), nullable=True),
        sa.Column('finished_on', sa.Date(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('representation_id', 'stage', name='uq_complaint_stage_record_stage'),
    )
    op.create_index('ix_complaint_stage_representation_id', 'complaint_stage',
                    ['representation_id'])
    op.create_table(
        'telling_feedback',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('via', sa.String(length=16), nullable=False),
        sa.Column('ease', sa.String(length=8), nullable=False),
        sa.Column('words', sa.Text(), nullable=True),
        sa.Column('answered_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_telling_feedback_answered_on', 'telling_feedback', ['answered_on'])


def downgrade():
    op.drop_index('ix_telling_feedback_answered_on', table_name='telling_feedback')
    op.drop_table('telling_feedback')
    op.drop_index('ix_complaint_stage_representation_id', table_name='complaint_stage')
    op.drop_table('complaint_stage')
    op.drop_index('ix_look_again_request_representation_id', table_name='look_again_request')
    op.drop_table('look_again_request')
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would lose the WHERE
    # clause of the queue's partial indexes.
    op.drop_column('representation', 'stage1_extension_agreed')
