"""staff approval: an account an admin made (or reset to neither password nor two-factor)
waits for a different admin's approval before it can sign in

Accounts that exist before this migration were made by the command line or approved in
practice, so none of them waits.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approval_requested_by', sa.String(length=128),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.drop_column('approval_requested_by')
