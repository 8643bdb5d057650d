"""``flask retention purge``: a record's words, contact details and transcripts go
RETENTION_DAYS after the case store accepted it, here and in the bot's tracker store;
what reports need stays; nothing goes while an alert waits or before the store has it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select, update

from intake_app.domain.draft import Contact, Draft
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    ChannelMessage,
    Conversation,
    OutboxMessage,
    RecordNote,
    Representation,
    StaffUser,
)
from intake_app.outbox.worker import run_once
from intake_app.services import casework
from intake_app.services.intake import submit
from intake_app.services.triage_corrections import TriageChoice, correct_triage

from .conftest import dispose, make_app
from .outbox.conftest import SAFE_TO_TEXT, set_delivery_clock

WORDS = "Nobody from the leaving care team has answered me since the summer fair"
DISCLOSURE = "my foster carer hits me when nobody is looking"
# Words officers type about a record, each with a name in it the audit must not keep.
OFFICER_WORDS = {"note": "Rang Marguerite at the leaving care team",
                 "action": "Strategy discussion held with Marguerite's school",
                 "reason": "Marguerite says her social worker sorted it"}


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    """The bot's SQL tracker store as Rasa 3.6 lays it out (table ``events``), holding two
    conversations."""
    path = tmp_path / "tracker.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) "
                       "NOT NULL, type_name VARCHAR(255) NOT NULL, timestamp FLOAT, "
                       "intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)")
    for sender, count in (("old-chat", 3), ("other-chat", 2)):
        for number in range(count):
            connection.execute("INSERT INTO events (sender_id, type_name, timestamp, data) "
                               "VALUES (?, 'user', ?, ?)",
                               (sender, number, '{"text": "' + WORDS + '"}'))
    connection.commit()
    connection.close()
    return path


@pytest.fixture
def purge_app(tmp_path: Path, tracker: Path,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    set_delivery_clock(monkeypatch, SAFE_TO_TEXT)  # the acknowledgement texts go at once
    # Flagged records reach the case store at once here, so the purge's own refusal
    # (an unhandled alert) is what keeps them, not a hold for review.
    app = make_app(tmp_path, RASA_TRACKER_DB_URL=f"sqlite:///{tracker}",
                   FORWARD_BEFORE_REVIEW=True)
    yield app
    dispose(app)


def tracker_senders(tracker: Path) -> list[str]:
    connection = sqlite3.connect(tracker)
    try:
        return [sender for (sender,) in connection.execute(
            "SELECT sender_id FROM events ORDER BY id")]
    finally:
        connection.close()


def record_from_chat(public_id: str, text: str = WORDS) -> str:
    conversation = Conversation(public_id=public_id, channel="chat")
    db.session.add(conversation)
    db.session.flush()
    db.session.add(ChannelMessage(conversation_id=conversation.id, direction="inbound",
                                  body=text))
    db.session.commit()
    return submit(Draft(text=text, channel="chat", declared_type="complaint",
                        reply_channel="sms", contact=Contact(phone="07911 123456"),
                        conversation_id=conversation.id), actor="web").reference


def accepted_days_ago(reference: str, days: int) -> None:
    """The case store accepted this record ``days`` ago (as the worker records it)."""
    record_id = db.session.scalar(select(Representation.id).where(
        Representation.reference == reference))
    db.session.execute(update(OutboxMessage).where(
        OutboxMessage.representation_id == record_id, OutboxMessage.kind == "case",
        OutboxMessage.state == "delivered").values(
        delivered_at=datetime.now(UTC) - timedelta(days=days)))
    db.session.commit()


def record(reference: str) -> Representation:
    db.session.expire_all()
    return db.session.scalars(select(Representation).where(
        Representation.reference == reference)).one()


def purged_events(reference: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(
        AuditEvent.representation_id == record(reference).id,
        AuditEvent.action == "record.purged")))


def new_officer() -> casework.Officer:
    """A complaints officer's account, made inside an app context."""
    staff = StaffUser(email="officer@council.example", name="Officer", role="officer")
    db.session.add(staff)
    db.session.commit()
    return casework.Officer(staff.id, f"staff:{staff.id}")


def officer_works_on(reference: str, officer: casework.Officer) -> None:
    """What an officer writes on an alert: a note, how the alert was handled and a triage
    correction (which snapshots the handling), each holding words the purge must take out."""
    casework.add_note(record(reference), officer, OFFICER_WORDS["note"])
    casework.record_safeguarding_handling(
        record(reference), officer, handled_by="Duty team",
        handled_at=datetime.now(UTC), action=OFFICER_WORDS["action"])
    flagged = record(reference)
    correct_triage(flagged, officer, TriageChoice(
        type="complaint", primary_category="contact", secondary_categories=(),
        safeguarding_kinds=tuple(flagged.safeguarding_kinds), procedure="statutory",
        priority="normal", service_area=None))


def test_purge_removes_words_contact_and_transcript_and_keeps_what_reports_need(
        purge_app: Flask, tracker: Path) -> None:
    with purge_app.app_context():
        officer = new_officer()
        old = record_from_chat("old-chat")
        casework.add_note(record(old), officer, "Rang the leaving care team")
        recent = record_from_chat("other-chat")
        alert = submit(Draft(text=DISCLOSURE, channel="web"), actor="web").reference
    run_once(purge_app)
    with purge_app.app_context():
        assert record(old).status == "accepted" and record(alert).status == "accepted"
        not_accepted = submit(Draft(text=WORDS, channel="web"), actor="web").reference
        accepted_days_ago(old, 91)
        accepted_days_ago(recent, 89)
        accepted_days_ago(alert, 400)
        before = record(old)
        kept = (before.reference, before.type, before.primary_category, before.priority,
                before.status, before.received_at, before.stage1_due, before.procedure)

    result = purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    assert result.exit_code == 0, result.output
    assert f"purged 1 records accepted more than 90 days ago: {old}" in result.output

    with purge_app.app_context():
        purged = record(old)
        assert purged.text == "" and purged.triage_detail.triage_reasons == []
        assert purged.contact.contact_encrypted is None
        assert purged.contact.phone_lookup_hash is None
        assert (purged.reference, purged.type, purged.primary_category, purged.priority,
                purged.status, purged.received_at, purged.stage1_due,
                purged.procedure) == kept
        assert db.session.scalars(select(RecordNote).where(
            RecordNote.representation_id == purged.id)).all() == []
        conversation = db.session.get(Conversation, purged.conversation_id)
        assert conversation.phone_encrypted is None
        assert db.session.scalars(select(ChannelMessage.body).where(
            ChannelMessage.conversation_id == conversation.id)).all() == []
        assert tracker_senders(tracker) == ["other-chat", "other-chat"]
        (event,) = purged_events(old)
        assert event.actor == "cli" and event.after["tracker_events"] == 3
        assert event.after["transcript_messages"] == 1

        for untouched, text in ((recent, WORDS), (alert, DISCLOSURE), (not_accepted, WORDS)):
            assert record(untouched).text == text
            assert purged_events(untouched) == []

    again = purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    assert "purged 0 records" in again.output
    with purge_app.app_context():
        assert len(purged_events(old)) == 1


def test_a_handled_alert_is_purged_like_any_other_record(purge_app: Flask) -> None:
    with purge_app.app_context():
        alert = submit(Draft(text=DISCLOSURE, channel="web"), actor="web").reference
        officer = new_officer()
    run_once(purge_app)
    with purge_app.app_context():
        accepted_days_ago(alert, 120)
        flagged = record(alert)
        casework.record_safeguarding_handling(
            flagged, officer,
            handled_by="Duty team", handled_at=datetime.now(UTC),
            action="Strategy discussion held.")

    result = purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    assert f"purged 1 records accepted more than 90 days ago: {alert}" in result.output
    with purge_app.app_context():
        purged = record(alert)
        assert purged.text == "" and purged.triage_detail.safeguarding_evidence == []
        assert purged.safeguarding_action is None
        assert purged.safeguarding_flag and purged.safeguarding_kinds
        assert purged.safeguarding_handled_at is not None


def test_the_retention_period_is_a_setting(purge_app: Flask) -> None:
    with purge_app.app_context():
        reference = submit(Draft(text=WORDS, channel="web"), actor="web").reference
    run_once(purge_app)
    with purge_app.app_context():
        accepted_days_ago(reference, 31)
    purge_app.config["RETENTION_DAYS"] = 30
    result = purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    assert f"purged 1 records accepted more than 30 days ago: {reference}" in result.output


def test_a_conversation_stays_while_another_of_its_records_is_kept(purge_app: Flask,
                                                                   tracker: Path) -> None:
    with purge_app.app_context():
        first = record_from_chat("old-chat")
        conversation_id = record(first).conversation_id
        later = submit(Draft(text="and another thing about my flat", channel="chat",
                             conversation_id=conversation_id), actor="web").reference
    run_once(purge_app)
    with purge_app.app_context():
        accepted_days_ago(first, 100)
        accepted_days_ago(later, 10)

    purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    with purge_app.app_context():
        assert record(first).text == ""
        assert db.session.scalars(select(ChannelMessage.body).where(
            ChannelMessage.conversation_id == conversation_id)).all() == [WORDS]
        assert tracker_senders(tracker).count("old-chat") == 3


def test_a_tracker_store_out_of_reach_leaves_the_record_for_the_next_run(
        purge_app: Flask) -> None:
    with purge_app.app_context():
        reference = record_from_chat("old-chat")
    run_once(purge_app)
    with purge_app.app_context():
        accepted_days_ago(reference, 100)
    # Nothing listens on port 1: the tracker store cannot be reached.
    purge_app.config["RASA_TRACKER_DB_URL"] = "postgresql+psycopg://rasa@127.0.0.1:1/rasa"

    result = purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    assert result.exit_code == 1
    assert f"not purged this time (see the log; run again): {reference}" in result.output
    with purge_app.app_context():
        assert record(reference).text == WORDS
        assert purged_events(reference) == []


def audit_snapshots(reference: str) -> list[tuple[str, str, str]]:
    """Each audit event of a record as (actor, action, its before and after decrypted)."""
    db.session.expire_all()
    return [(event.actor, event.action, f"{event.before} {event.after}".lower())
            for event in db.session.scalars(select(AuditEvent).where(
                AuditEvent.representation_id == record(reference).id)
                .order_by(AuditEvent.id))]


def test_the_purge_takes_the_words_out_of_the_audit_trail_and_keeps_the_events(
        purge_app: Flask) -> None:
    with purge_app.app_context():
        reference = submit(Draft(text=DISCLOSURE, channel="web"), actor="web").reference
        officer = new_officer()
    run_once(purge_app)
    with purge_app.app_context():
        accepted_days_ago(reference, 91)
        officer_works_on(reference, officer)
        casework.withdraw(record(reference), officer, OFFICER_WORDS["reason"])
        before = audit_snapshots(reference)
        # The trail held the officer's words (the correction snapshots the alert's action).
        assert "marguerite" in " ".join(snapshot for _, _, snapshot in before)

    result = purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    assert f"purged 1 records accepted more than 90 days ago: {reference}" in result.output

    with purge_app.app_context():
        after = audit_snapshots(reference)
        assert [(actor, action) for actor, action, _ in after] == [
            *((actor, action) for actor, action, _ in before), ("cli", "record.purged")]
        for _actor, action, snapshot in after:
            assert "marguerite" not in snapshot and "foster" not in snapshot, action
        corrected = next(event for event in db.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "record.triage_corrected")))
        # Codes and states stay: what was changed, and that an action was recorded.
        assert (corrected.before["priority"], corrected.after["priority"]) == ("urgent", "normal")
        assert corrected.after["safeguarding_handled_by"] == "Duty team"
        assert corrected.after["safeguarding_action"] is None
        assert "safeguarding_action" in corrected.after
        assert purged_events(reference)[0].after["audit_events_cleared"] >= 3

    purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    with purge_app.app_context():
        assert audit_snapshots(reference) == after
