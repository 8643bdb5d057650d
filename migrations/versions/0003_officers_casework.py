"""officers casework: assignment, decisions, clock pauses, notes, triage corrections,
staff two-factor and invites

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 17:35:24.724185

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('record_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('representation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['staff_user.id'], ),
    sa.ForeignKeyConstraint(['representation_id'], ['representation.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('record_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_note_representation_id'), ['representation_id'], unique=False)

    op.create_table('triage_correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('representation_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=False),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['representation_id'], ['representation.id'], ),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('triage_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_triage_correction_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_triage_correction_representation_id'), ['representation_id'], unique=False)

    with op.batch_alter_table('representation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stage1_extended', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('stage1_extension_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('clock_paused_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('clock_paused_working_days', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('stage1_responded_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('assigned_to_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sufficient_interest', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('decision_reason_for_person', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('duplicate_of_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('safeguarding_handled_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('safeguarding_handled_by', sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column('safeguarding_action', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('safeguarding_recorded_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_representation_assigned_to_id'), ['assigned_to_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_representation_received_at'), ['received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_representation_stage1_due'), ['stage1_due'], unique=False)
        batch_op.create_foreign_key('fk_representation_safeguarding_recorded_by', 'staff_user', ['safeguarding_recorded_by_id'], ['id'])
        batch_op.create_foreign_key('fk_representation_duplicate_of', 'representation', ['duplicate_of_id'], ['id'])
        batch_op.create_foreign_key('fk_representation_assigned_to', 'staff_user', ['assigned_to_id'], ['id'])

    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('totp_secret_encrypted', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('totp_enabled', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('invite_token_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('invite_expires_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column('password_hash',
               existing_type=sa.VARCHAR(length=256),
               nullable=True)
        batch_op.create_unique_constraint('uq_staff_user_invite_token_hash', ['invite_token_hash'])

    # Records made before this revision were acknowledged when they were saved.
    op.execute('UPDATE representation SET acknowledged_at = created_at WHERE acknowledged_at IS NULL')



def downgrade():
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.drop_constraint('uq_staff_user_invite_token_hash', type_='unique')
        batch_op.alter_column('password_hash',
               existing_type=sa.VARCHAR(length=256),
               nullable=False)
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('invite_expires_at')
        batch_op.drop_column('invite_token_hash')
        batch_op.drop_column('totp_enabled')
        batch_op.drop_column('totp_secret_encrypted')

    with op.batch_alter_table('representation', schema=None) as batch_op:
        batch_op.drop_constraint('fk_representation_assigned_to', type_='foreignkey')
        batch_op.drop_constraint('fk_representation_duplicate_of', type_='foreignkey')
        batch_op.drop_constraint('fk_representation_safeguarding_recorded_by', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_representation_stage1_due'))
        batch_op.drop_index(batch_op.f('ix_representation_received_at'))
        batch_op.drop_index(batch_op.f('ix_representation_assigned_to_id'))
        batch_op.drop_column('safeguarding_recorded_by_id')
        batch_op.drop_column('safeguarding_action')
        batch_op.drop_column('safeguarding_handled_by')
        batch_op.drop_column('safeguarding_handled_at')
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('duplicate_of_id')
        batch_op.drop_column('decision_reason_for_person')
        batch_op.drop_column('sufficient_interest')
        batch_op.drop_column('assigned_to_id')
        batch_op.drop_column('stage1_responded_on')
        batch_op.drop_column('acknowledged_at')
        batch_op.drop_column('clock_paused_working_days')
        batch_op.drop_column('clock_paused_on')
        batch_op.drop_column('stage1_extension_reason')
        batch_op.drop_column('stage1_extended')

    with op.batch_alter_table('triage_correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_triage_correction_representation_id'))
        batch_op.drop_index(batch_op.f('ix_triage_correction_created_at'))

    op.drop_table('triage_correction')
    with op.batch_alter_table('record_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_note_representation_id'))

    op.drop_table('record_note')
