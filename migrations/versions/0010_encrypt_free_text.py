"""encrypt free text: what people and officers write is stored as Fernet tokens

The columns keep their types (text columns hold the token, JSON columns hold it as a JSON
string), so no table is rebuilt, on SQLite or PostgreSQL: only the values change, in
batches, each row read and written once. It encrypts with the newest of the keys in force
(ENCRYPTION_KEYS, or ENCRYPTION_KEY), the same code the models use; downgrade decrypts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 15:30:00.000000

"""
import json

from alembic import op
import sqlalchemy as sa

from intake_app.services.protection import decrypt_text, encrypt_text


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

BATCH = 1000
# (table, primary key, column): text columns and JSON columns, as the models had them here.
TEXT_COLUMNS = (
    ('representation', 'id', 'text'),
    ('representation', 'id', 'what_would_help'),
    ('representation', 'id', 'stage1_extension_reason'),
    ('representation', 'id', 'decision_reason_for_person'),
    ('representation', 'id', 'safeguarding_action'),
    ('record_note', 'id', 'body'),
    ('channel_message', 'id', 'body'),
    ('callback_request', 'id', 'note'),
    ('callback_attempt', 'id', 'note'),
    ('case_status_update', 'id', 'message_for_child'),
)
JSON_COLUMNS = (
    ('representation', 'id', 'triage'),
    ('representation', 'id', 'triage_reasons'),
    ('representation', 'id', 'safeguarding_evidence'),
    ('representation_contact', 'representation_id', 'contact_safety'),
    ('audit_event', 'id', 'before'),
    ('audit_event', 'id', 'after'),
)


def _convert(table, key, name, column_type, change):
    connection = op.get_bind()
    key_column = sa.column(key, sa.Integer)
    value = sa.column(name, column_type)
    raw = sa.table(table, key_column, value)
    last = None
    while True:
        query = sa.select(key_column, value).select_from(raw).where(value.is_not(None))
        if last is not None:
            query = query.where(key_column > last)
        rows = connection.execute(query.order_by(key_column).limit(BATCH)).all()
        if not rows:
            return
        for row_key, old in rows:
            if old is not None:
                connection.execute(raw.update().where(key_column == row_key)
                                   .values({name: change(old)}))
        last = rows[-1][0]


def upgrade():
    for table, key, name in TEXT_COLUMNS:
        _convert(table, key, name, sa.Text, encrypt_text)
    for table, key, name in JSON_COLUMNS:
        _convert(table, key, name, sa.JSON,
                 lambda value: encrypt_text(json.dumps(value, ensure_ascii=False)))


def downgrade():
    for table, key, name in TEXT_COLUMNS:
        _convert(table, key, name, sa.Text, decrypt_text)
    for table, key, name in JSON_COLUMNS:
        _convert(table, key, name, sa.JSON, lambda token: json.loads(decrypt_text(token)))
