"""Free text encrypted at rest on a real PostgreSQL server: migration 0010 turns existing
rows into ciphertext (and back on downgrade), and ``flask keys rotate`` leaves everything
readable with only the new key."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from flask_migrate import downgrade, upgrade
from sqlalchemy import TextClause, select, text

from intake_app.domain.draft import Contact, ContactSafety, Draft
from intake_app.extensions import db
from intake_app.models import AuditEvent, Representation
from intake_app.services.intake import submit

pytestmark = pytest.mark.postgres

TEXT = "My social worker Hildegard moved me without asking and my hamster stayed behind"
SAFE_NOTE = "only ring when the kettle is on"
# Every column a person's or an officer's words may be in, read as the database holds it:
# triage's words in their own row (RAW), or on the record itself before migration 0021.
_CONTACT_AND_AUDIT = ("c.contact_safety::text, "
                      "(SELECT string_agg(a.after::text, ' ') FROM audit_event a) "
                      "FROM representation r JOIN representation_contact c "
                      "ON c.representation_id = r.id")
RAW = text("SELECT r.text, t.triage::text, t.triage_reasons::text, "
           f"t.safeguarding_evidence::text, {_CONTACT_AND_AUDIT} "
           "JOIN representation_triage t ON t.representation_id = r.id")
RAW_BEFORE_0021 = text("SELECT r.text, r.triage::text, r.triage_reasons::text, "
                       f"r.safeguarding_evidence::text, {_CONTACT_AND_AUDIT}")


def raw_values(query: TextClause = RAW) -> str:
    with db.engine.connect() as connection:
        return " ".join(str(value) for value in connection.execute(query).one()).lower()


def test_migration_encrypts_existing_rows_and_rotation_moves_them_to_a_new_key(pg_app):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app = pg_app(ENCRYPTION_KEYS=(old,))
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        reference = submit(Draft(
            text=TEXT, channel="web", declared_type="complaint", reply_channel="sms",
            contact=Contact(phone="07911 123456"),
            contact_safety=ContactSafety(note=SAFE_NOTE)), actor="web").reference
        db.session.remove()
        assert "hildegard" not in raw_values()

        downgrade(revision="0009")  # as the rows were before free text was encrypted
        before = raw_values(RAW_BEFORE_0021)
        assert "hildegard" in before and "hamster" in before

        upgrade()
        assert [word for word in ("hildegard", "hamster", "kettle")
                if word in raw_values()] == []

    app.config["ENCRYPTION_KEYS"] = (new, old)
    result = app.test_cli_runner().invoke(args=["keys", "rotate", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "re-encrypted 0 values" in app.test_cli_runner().invoke(
        args=["keys", "rotate"]).output

    app.config["ENCRYPTION_KEYS"] = (new,)
    with app.app_context():
        record = db.session.scalars(select(Representation).where(
            Representation.reference == reference)).one()
        assert record.text == TEXT
        assert record.contact.contact_safety["note"] == SAFE_NOTE
        assert record.triage_detail.triage["type"] == "complaint"
        events = db.session.scalars(select(AuditEvent)).all()
        assert [event.action for event in events].count("keys.rotated") == 2
        assert all(event.after is None or isinstance(event.after, dict) for event in events)
