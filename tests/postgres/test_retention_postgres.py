"""``flask retention purge`` on a real PostgreSQL server, with the bot's tracker store on
PostgreSQL too (as in production): the words go from the record, its notes, its transcript,
its audit snapshots and the tracker; a second run changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from sqlalchemy import create_engine, select, text

from intake_app.extensions import db
from intake_app.models import AuditEvent
from intake_app.outbox.worker import run_once

from ..outbox.conftest import SAFE_TO_TEXT, set_delivery_clock
from ..test_retention import (
    DISCLOSURE,
    accepted_days_ago,
    audit_snapshots,
    new_officer,
    officer_works_on,
    record,
    record_from_chat,
)

pytestmark = pytest.mark.postgres

# What is left of the record's words where PostgreSQL holds them in plain text (the notes
# and transcript rows, the tracker's events); the encrypted columns are read through the
# model.
PLAIN_ROWS = text("SELECT (SELECT count(*) FROM record_note WHERE representation_id = :id), "
                  "(SELECT count(*) FROM channel_message m JOIN representation r "
                  "ON r.conversation_id = m.conversation_id WHERE r.id = :id)")


def make_tracker(url: str) -> None:
    """Rasa 3.6's SQL tracker store layout (table ``events``), holding two conversations."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            "CREATE TABLE events (id SERIAL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, data TEXT)"))
        for sender in ("old-chat", "old-chat", "other-chat"):
            connection.execute(text("INSERT INTO events (sender_id, type_name, data) "
                                    "VALUES (:sender, 'user', :data)"),
                               {"sender": sender, "data": DISCLOSURE})
    engine.dispose()


def tracker_senders(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.scalars(text("SELECT sender_id FROM events ORDER BY id")))
    finally:
        engine.dispose()


def test_purge_on_postgresql_clears_the_words_and_a_second_run_changes_nothing(
        pg_app: Callable[..., Flask], pg_database: Callable[[], str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    set_delivery_clock(monkeypatch, SAFE_TO_TEXT)
    tracker = pg_database()
    make_tracker(tracker)
    app = pg_app(RASA_TRACKER_DB_URL=tracker, FORWARD_BEFORE_REVIEW=True)
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        reference = record_from_chat("old-chat", DISCLOSURE)
        officer = new_officer()
    run_once(app)
    with app.app_context():
        accepted_days_ago(reference, 91)
        officer_works_on(reference, officer)
        record_id = record(reference).id
        with db.engine.connect() as connection:
            assert tuple(connection.execute(PLAIN_ROWS, {"id": record_id}).one()) == (1, 1)
        assert "marguerite" in " ".join(snapshot for *_, snapshot in
                                        audit_snapshots(reference))

    result = app.test_cli_runner().invoke(args=["retention", "purge"])
    assert result.exit_code == 0, result.output
    assert f"purged 1 records accepted more than 90 days ago: {reference}" in result.output

    with app.app_context():
        purged = record(reference)
        assert purged.text == "" and purged.safeguarding_action is None
        assert purged.contact.contact_encrypted is None
        with db.engine.connect() as connection:
            assert tuple(connection.execute(PLAIN_ROWS, {"id": record_id}).one()) == (0, 0)
        trail = audit_snapshots(reference)
        assert [action for _, action, _ in trail][-1] == "record.purged"
        assert "record.triage_corrected" in [action for _, action, _ in trail]
        assert [action for _, action, snapshot in trail
                if "marguerite" in snapshot or "foster" in snapshot] == []
        assert tracker_senders(tracker) == ["other-chat"]

    again = app.test_cli_runner().invoke(args=["retention", "purge"])
    assert again.exit_code == 0 and "purged 0 records" in again.output
    with app.app_context():
        assert audit_snapshots(reference) == trail
        assert db.session.scalar(select(db.func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "record.purged")) == 1
    assert tracker_senders(tracker) == ["other-chat"]
