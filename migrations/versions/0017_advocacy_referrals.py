"""advocacy referrals: each child's request for an advocate, the provider's answer
(accepted, allocated with a contact, declined with a reason) and the alert when none came
within a working day

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 16:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'advocacy_referral',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('representation_id', sa.Integer(), nullable=False),
        sa.Column('provider', sa.String(length=32), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=True),
        sa.Column('chosen_by_child', sa.Boolean(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('accept_by', sa.DateTime(timezone=True), nullable=False),
        sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('state_changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('allocated_contact', sa.Text(), nullable=True),
        sa.Column('decline_reason', sa.Text(), nullable=True),
        sa.Column('overdue_alerted_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['representation_id'], ['representation.id']),
        sa.ForeignKeyConstraint(['organisation_id'], ['advocacy_organisation.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_advocacy_referral_representation_id', 'advocacy_referral',
                    ['representation_id'])
    op.create_index('ix_advocacy_referral_organisation_id', 'advocacy_referral',
                    ['organisation_id'])
    op.create_index('ix_advocacy_referral_state', 'advocacy_referral', ['state'])


def downgrade():
    op.drop_index('ix_advocacy_referral_state', table_name='advocacy_referral')
    op.drop_index('ix_advocacy_referral_organisation_id', table_name='advocacy_referral')
    op.drop_index('ix_advocacy_referral_representation_id', table_name='advocacy_referral')
    op.drop_table('advocacy_referral')
