"""resolutions (what was done to put a complaint right) and Ombudsman enquiries, in
tables of their own beside representation

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 16:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'record_resolution',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('amount_pence', sa.Integer(), nullable=True),
        sa.Column('details', sa.Text(), nullable=True),
        sa.Column('done_on', sa.Date(), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_record_resolution_representation_id', 'record_resolution',
                    ['representation_id'])
    op.create_index('ix_record_resolution_done_on', 'record_resolution', ['done_on'])
    op.create_table(
        'ombudsman_enquiry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('ombudsman', sa.String(length=8), nullable=False),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.Column('decision', sa.String(length=24), nullable=True),
        sa.Column('decided_on', sa.Date(), nullable=True),
        sa.Column('remedy', sa.Text(), nullable=True),
        sa.Column('remedy_amount_pence', sa.Integer(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('representation_id'),
    )
    op.create_index('ix_ombudsman_enquiry_received_on', 'ombudsman_enquiry', ['received_on'])


def downgrade():
    op.drop_index('ix_ombudsman_enquiry_received_on', table_name='ombudsman_enquiry')
    op.drop_table('ombudsman_enquiry')
    op.drop_index('ix_record_resolution_done_on', table_name='record_resolution')
    op.drop_index('ix_record_resolution_representation_id', table_name='record_resolution')
    op.drop_table('record_resolution')
