"""advocacy organisations (seeded from the taxonomy's advocacy providers) and which
organisation each advocate's account belongs to

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 15:45:00.000000

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# The taxonomy's advocacy_providers when this migration was written (help_me_choose is a
# choice, not an organisation); a council adds its own later.
PROVIDERS = (
    ('nyas', 'NYAS (National Youth Advocacy Service)'),
    ('barnardos', "Barnardo's"),
    ('coram_voice', 'Coram Voice'),
    ('action_for_children', 'Action for Children'),
    ('local', "The council's own advocacy service"),
)


def upgrade():
    organisation = op.create_table(
        'advocacy_organisation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=128), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    op.create_table(
        'advocate_membership',
        sa.Column('staff_user_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id']),
        sa.ForeignKeyConstraint(['organisation_id'], ['advocacy_organisation.id']),
        sa.PrimaryKeyConstraint('staff_user_id'),
    )
    op.create_index('ix_advocate_membership_organisation_id', 'advocate_membership',
                    ['organisation_id'])
    now = datetime.now(UTC)
    op.bulk_insert(organisation, [{'key': key, 'name': name, 'active': True,
                                   'created_at': now} for key, name in PROVIDERS])


def downgrade():
    op.drop_index('ix_advocate_membership_organisation_id', table_name='advocate_membership')
    op.drop_table('advocate_membership')
    op.drop_table('advocacy_organisation')
