"""representation contact: how to reach the person (reply channel, encrypted contact and
helper details, phone lookup hash, safe times) moves from representation to a row of its
own, one per record

Every existing record gets its row, with the values it had. On SQLite the columns go by
ALTER TABLE ... DROP COLUMN (SQLite 3.35 or later), not by batch mode's copy of the table:
the foreign keys from outbox, audit and other rows to representation forbid dropping it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

MOVED = 'reply_channel, contact_encrypted, phone_lookup_hash, contact_safety, on_behalf_encrypted'


def upgrade():
    op.create_table('representation_contact',
    sa.Column('representation_id', sa.Integer(), nullable=False),
    sa.Column('reply_channel', sa.String(length=16), nullable=False),
    sa.Column('contact_encrypted', sa.LargeBinary(), nullable=True),
    sa.Column('phone_lookup_hash', sa.String(length=64), nullable=True),
    sa.Column('contact_safety', sa.JSON(), nullable=False),
    sa.Column('on_behalf_encrypted', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['representation_id'], ['representation.id'], ),
    sa.PrimaryKeyConstraint('representation_id')
    )
    with op.batch_alter_table('representation_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_representation_contact_phone_lookup_hash'),
                              ['phone_lookup_hash'], unique=False)

    op.execute(f"INSERT INTO representation_contact (representation_id, {MOVED}) "
               f"SELECT id, {MOVED} FROM representation")

    with op.batch_alter_table('representation', schema=None, recreate='never') as batch_op:
        batch_op.drop_index(batch_op.f('ix_representation_phone_lookup_hash'))
        batch_op.drop_column('contact_safety')
        batch_op.drop_column('phone_lookup_hash')
        batch_op.drop_column('contact_encrypted')
        batch_op.drop_column('reply_channel')
        batch_op.drop_column('on_behalf_encrypted')


def downgrade():
    # The server defaults stay: SQLite could only drop them by copying the table.
    with op.batch_alter_table('representation', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('on_behalf_encrypted', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('reply_channel', sa.String(length=16), nullable=False,
                                      server_default='none'))
        batch_op.add_column(sa.Column('contact_encrypted', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('phone_lookup_hash', sa.String(length=64),
                                      nullable=True))
        batch_op.add_column(sa.Column('contact_safety', sa.JSON(), nullable=False,
                                      server_default='{}'))
        batch_op.create_index(batch_op.f('ix_representation_phone_lookup_hash'),
                              ['phone_lookup_hash'], unique=False)

    for column in MOVED.split(', '):
        op.execute(f"UPDATE representation SET {column} = (SELECT {column} FROM "
                   f"representation_contact WHERE representation_id = representation.id) "
                   f"WHERE id IN (SELECT representation_id FROM representation_contact)")

    with op.batch_alter_table('representation_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_representation_contact_phone_lookup_hash'))
    op.drop_table('representation_contact')
