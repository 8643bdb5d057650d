"""representation triage: what explains a record's triage (type confidence, the whole
result, reasons, flags, model version, procedure reason, safeguarding evidence) moves from
representation to a row of its own, one per record

What the officers' queue filters and sorts on (categories, priority, procedure, the
safeguarding flag and kinds, needs_review) stays on the record. Every existing record gets
its row with the values it had, copied in SQL as the database holds them: encrypted values
move as the same ciphertext, no key is needed. On SQLite the columns go by ALTER TABLE ...
DROP COLUMN, as in 0009: the foreign keys pointing at representation forbid batch mode's
copy of the table.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 18:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

MOVED = ('type_confidence, triage, triage_reasons, triage_flags, model_version, '
         'procedure_reason, safeguarding_evidence')


def upgrade():
    op.create_table('representation_triage',
    sa.Column('representation_id', sa.Integer(), nullable=False),
    sa.Column('type_confidence', sa.Float(), nullable=True),
    sa.Column('triage', sa.JSON(), nullable=False),
    sa.Column('triage_reasons', sa.JSON(), nullable=False),
    sa.Column('triage_flags', sa.JSON(), nullable=False),
    sa.Column('model_version', sa.String(length=64), nullable=True),
    sa.Column('procedure_reason', sa.Text(), nullable=True),
    sa.Column('safeguarding_evidence', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['representation_id'], ['representation.id'], ),
    sa.PrimaryKeyConstraint('representation_id')
    )

    op.execute(f"INSERT INTO representation_triage (representation_id, {MOVED}) "
               f"SELECT id, {MOVED} FROM representation")

    with op.batch_alter_table('representation', schema=None, recreate='never') as batch_op:
        for column in MOVED.split(', '):
            batch_op.drop_column(column)


def downgrade():
    # The server defaults stay: SQLite could only drop them by copying the table. No value
    # is left at its default: every record has its triage row (submit makes it with the
    # record, the upgrade made one for each record before it).
    with op.batch_alter_table('representation', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('type_confidence', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('triage', sa.JSON(), nullable=False,
                                      server_default='{}'))
        batch_op.add_column(sa.Column('triage_reasons', sa.JSON(), nullable=False,
                                      server_default='[]'))
        batch_op.add_column(sa.Column('triage_flags', sa.JSON(), nullable=False,
                                      server_default='[]'))
        batch_op.add_column(sa.Column('model_version', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('procedure_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('safeguarding_evidence', sa.JSON(), nullable=False,
                                      server_default='[]'))

    for column in MOVED.split(', '):
        op.execute(f"UPDATE representation SET {column} = (SELECT {column} FROM "
                   f"representation_triage WHERE representation_id = representation.id) "
                   f"WHERE id IN (SELECT representation_id FROM representation_triage)")

    op.drop_table('representation_triage')
