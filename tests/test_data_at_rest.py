"""Free text is encrypted at rest: the raw database holds none of a child's words, and a
key can be replaced (``flask keys rotate``) without losing anything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from flask import Flask
from sqlalchemy import select

from intake_app.domain.draft import Contact, ContactSafety, Draft
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    ChannelMessage,
    Conversation,
    RecordNote,
    Representation,
    StaffUser,
)
from intake_app.outbox.adapters.case_store import case_store_engine, intake_case
from intake_app.outbox.worker import run_once
from intake_app.services import case_deadlines, casework
from intake_app.services.intake import submit
from intake_app.services.protection import decrypt_json

from .conftest import dispose, make_app, sqlite_only

# Words a child (and the officers after them) wrote, each found nowhere else.
TEXT = "My foster carer Marmaduke hits me and locks the pantry at night"
WHAT_WOULD_HELP = "a trampoline and my own key"
SAFE_NOTE = "only text when gooseberry is out"
NOTE = "Spoke to the quokka team about this"
REASON = "You can complain about the wombat placement"
TRANSCRIPT = "can i tell you about the platypus house"
SECRET_WORDS = ("marmaduke", "pantry", "trampoline", "gooseberry", "quokka", "wombat",
                "platypus", "persephone")


def child_record() -> Representation:
    """A record with every kind of free text: from the web form, an officer's note and
    decision, and a conversation's transcript."""
    staff = StaffUser(email="officer@council.example", name="Officer", role="officer")
    db.session.add(staff)
    conversation = Conversation(public_id="rest-conversation", channel="chat")
    db.session.add(conversation)
    db.session.flush()
    db.session.add(ChannelMessage(conversation_id=conversation.id, direction="inbound",
                                  body=TRANSCRIPT))
    db.session.commit()
    result = submit(Draft(
        text=TEXT, channel="web", declared_type="complaint", what_would_help=WHAT_WOULD_HELP,
        service_area="children_in_care", reply_channel="sms",
        contact=Contact(name="Persephone", phone="07911 123456"),
        contact_safety=ContactSafety(times=("after_school",), note=SAFE_NOTE),
        conversation_id=conversation.id), actor="web")
    record = db.session.get(Representation, result.representation_id)
    officer = casework.Officer(id=staff.id, actor=f"staff:{staff.id}")
    casework.add_note(record, officer, NOTE)
    case_deadlines.decide_procedure(record, officer, sufficient_interest="yes",
                                    procedure="statutory", reason_for_person=REASON)
    return record


def raw_dump(database: Path) -> str:
    """Every value of every row of every table, read with plain SQL, lower-cased."""
    connection = sqlite3.connect(database)
    try:
        values = []
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in tables:
            for row in connection.execute(f'SELECT * FROM "{name}"'):
                values.extend(value.decode("latin-1") if isinstance(value, bytes)
                              else str(value) for value in row)
    finally:
        connection.close()
    return "\n".join(values).lower()


@sqlite_only("reads the SQLite file itself; tests/postgres/test_encryption_postgres.py reads "
             "PostgreSQL's rows with plain SQL")
def test_the_raw_database_holds_none_of_a_childs_words(app: Flask, tmp_path: Path) -> None:
    record = child_record()
    reference = record.reference
    db.session.remove()

    dump = raw_dump(tmp_path / "intake.db")
    assert reference.lower() in dump  # the dump is the database the record is in
    assert [word for word in SECRET_WORDS if word in dump] == []

    # ...and the service still reads every word, and screened them.
    record = db.session.scalars(select(Representation).where(
        Representation.reference == reference)).one()
    assert (record.text, record.what_would_help) == (TEXT, WHAT_WOULD_HELP)
    assert record.contact.contact_safety["note"] == SAFE_NOTE
    assert record.decision_reason_for_person == REASON
    assert record.safeguarding_flag
    assert any("hits" in item["text"] for item in record.triage_detail.safeguarding_evidence)
    assert db.session.scalars(select(RecordNote.body)).all() == [NOTE]
    assert db.session.scalars(select(ChannelMessage.body)).all() == [TRANSCRIPT]


def test_rotating_the_key_leaves_everything_readable_with_only_the_new_key(
        tmp_path: Path) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app = make_app(tmp_path, ENCRYPTION_KEYS=(old,))
    try:
        with app.app_context():
            reference = child_record().reference
            events_before = len(db.session.scalars(select(AuditEvent)).all())
            db.session.remove()

        app.config["ENCRYPTION_KEYS"] = (new, old)
        runner = app.test_cli_runner()
        first = runner.invoke(args=["keys", "rotate", "--batch-size", "2"])
        assert first.exit_code == 0, first.output
        again = runner.invoke(args=["keys", "rotate"])
        assert "re-encrypted 0 values" in again.output

        app.config["ENCRYPTION_KEYS"] = (new,)
        with app.app_context():
            record = db.session.scalars(select(Representation).where(
                Representation.reference == reference)).one()
            assert (record.text, record.what_would_help) == (TEXT, WHAT_WOULD_HELP)
            assert decrypt_json(record.contact.contact_encrypted)["name"] == "Persephone"
            assert record.contact.contact_safety["note"] == SAFE_NOTE
            assert record.decision_reason_for_person == REASON
            assert any("hits" in item["text"]
                       for item in record.triage_detail.safeguarding_evidence)
            assert db.session.scalars(select(RecordNote.body)).all() == [NOTE]
            assert db.session.scalars(select(ChannelMessage.body)).all() == [TRANSCRIPT]
            events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
            assert [event.action for event in events].count("keys.rotated") == 2
            assert len(events) == events_before + 2
            assert [word for word in SECRET_WORDS if word in raw_dump(tmp_path / "intake.db")
                    ] == []
    finally:
        dispose(app)


def test_a_value_under_a_key_no_longer_listed_cannot_be_read(tmp_path: Path) -> None:
    """Why the rotation matters: drop the old key without it and the text is lost."""
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app = make_app(tmp_path, ENCRYPTION_KEYS=(old,))
    try:
        with app.app_context():
            reference = submit(Draft(text=TEXT, channel="web"), actor="web").reference
            db.session.remove()
        app.config["ENCRYPTION_KEYS"] = (new,)
        with app.app_context(), pytest.raises(InvalidToken):
            db.session.scalars(select(Representation).where(
                Representation.reference == reference)).one()
    finally:
        dispose(app)


def test_the_stand_in_case_store_keeps_its_copy_encrypted_too(tmp_path: Path) -> None:
    # The text is flagged (so it needs review): sent at once, not held for an officer.
    app = make_app(tmp_path, FORWARD_BEFORE_REVIEW=True)
    try:
        with app.app_context():
            reference = submit(Draft(text=TEXT, channel="web", declared_type="complaint",
                                     what_would_help=WHAT_WOULD_HELP), actor="web").reference
        run_once(app)
        with app.app_context():
            with case_store_engine().connect() as connection:
                (document,) = connection.scalars(select(intake_case.c.document)).all()
            assert (document["reference"], document["text"]) == (reference, TEXT)
            store = Path(case_store_engine().url.database)
        dump = raw_dump(store)
        assert reference.lower() in dump  # the case is there, its document unreadable
        assert [word for word in SECRET_WORDS if word in dump] == []
    finally:
        dispose(app)
