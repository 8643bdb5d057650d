"""``flask retention purge``: what a person told us is kept only as long as it is needed.

``RETENTION_DAYS`` after the case store accepted a record (its ``case`` outbox message
was delivered: the store said yes), the record's free text, contact details and
transcripts are removed, here and in the bot's tracker store; what reports need stays
(the reference, triage codes, dates, statuses, deadlines). A record is never purged while
its safeguarding alert waits for a person, or before the case store has it. Each record is
purged in its own transaction with one audit event (``record.purged``), which is also how
a second run knows to leave it alone. The audit trail itself is kept (who did what to the
record, when, and the codes, dates and states it changed), but its snapshots lose the
words and contact details the purge takes from the record: encrypted is not deleted, and
a snapshot that kept a reason or an alert's action would outlive the column it mirrors.

A conversation (its messages, the number it came from, the bot's tracker events for its
sender id) goes with the last of its records to be purged, and never while one of its
flagged messages still has no record of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import Engine, column, create_engine, delete, exists, inspect, select, table
from sqlalchemy.engine import make_url

from ..extensions import db
from ..models import (
    AdvocacyReferral,
    AdvocateAddition,
    AdvocateSubmission,
    AuditEvent,
    CallbackAttempt,
    CallbackRequest,
    CaseStatusUpdate,
    ChannelMessage,
    Conversation,
    OutboxMessage,
    RecordNote,
    Representation,
)
from .audit import record_event
from .conversations import unrecorded_disclosures
from .wall_clock import SYSTEM_CLOCK, WallClock

PURGED = "record.purged"
# Outbox messages still to be sent keep what they need to be sent.
FINISHED_OUTBOX_STATES = ("delivered", "cancelled", "delivery_failed")
# What a finished outbox message keeps of its payload: why it was sent, not what it said.
KEPT_PAYLOAD_KEYS = ("purpose", "provider")
# Audit snapshot keys whose values are words or contact details (see
# ``_remove_audit_words``), each the name the snapshot gives a column the purge clears:
# the record's own text columns (``casework.snapshot`` copies them by column name);
# "reason", an officer's typed reason (a withdrawal's is also kept as a note, which goes);
# "note"/"body", a note's or callback note's words; and the contact columns.
AUDIT_WORD_KEYS = frozenset({
    "text", "what_would_help", "decision_reason_for_person", "stage1_extension_reason",
    "safeguarding_action", "safeguarding_evidence", "triage_reasons", "reasons", "evidence",
    "message_for_child", "reason", "note", "body", "contact", "on_behalf", "contact_safety",
    "phone", "email", "address", "name", "child_name", "sharing", "council_team",
    "advocate_summary", "safeguarding_known", "communication", "allocated_contact",
    "decline_reason",
})
# Rasa's SQL tracker store keeps a conversation's events in this table, by sender id.
TRACKER_EVENTS = table("events", column("sender_id"))


@dataclass
class PurgeReport:
    purged: list[str] = field(default_factory=list)
    # Records kept this time because the tracker store could not be reached: tried again
    # on the next run.
    failed: list[str] = field(default_factory=list)


def purge(*, actor: str, clock: WallClock = SYSTEM_CLOCK) -> PurgeReport:
    """Purge every record due; returns the references purged and those that failed."""
    days = current_app.config["RETENTION_DAYS"]
    accepted_before = clock.now() - timedelta(days=days)
    report = PurgeReport()
    tracker = tracker_engine()
    due = due_record_ids(accepted_before)
    try:
        for record_id in due:
            record = db.session.get(Representation, record_id)
            if record is None:
                continue
            try:
                _purge_record(record, actor=actor, days=days, tracker=tracker,
                              due=frozenset(due))
            except Exception:
                db.session.rollback()
                current_app.logger.exception("retention purge of record %s failed",
                                             record.reference)
                report.failed.append(record.reference)
                continue
            report.purged.append(record.reference)
    finally:
        tracker.dispose()
    return report


def _already_purged() -> Any:
    return exists().where(AuditEvent.representation_id == Representation.id,
                          AuditEvent.action == PURGED)


def _due() -> Any:
    """Records whose time may have come: not purged, no alert waiting for a person."""
    return (~_already_purged()) & ~Representation.needs_safeguarding_handling


def due_record_ids(accepted_before: datetime) -> list[int]:
    accepted = exists().where(OutboxMessage.representation_id == Representation.id,
                              OutboxMessage.kind == "case",
                              OutboxMessage.state == "delivered",
                              OutboxMessage.delivered_at <= accepted_before)
    return list(db.session.scalars(
        select(Representation.id).where(accepted, _due()).order_by(Representation.id)))


def is_purged(record: Representation) -> bool:
    return db.session.scalar(select(exists().where(
        AuditEvent.representation_id == record.id, AuditEvent.action == PURGED))) or False


def _purge_record(record: Representation, *, actor: str, days: int, tracker: Engine,
                  due: frozenset[int]) -> None:
    removed = _remove_free_text(record)
    removed += _remove_contact(record)
    removed += _remove_advocacy_words(record)
    notes = db.session.execute(delete(RecordNote).where(
        RecordNote.representation_id == record.id)).rowcount
    transcript = tracker_events = 0
    conversation = (db.session.get(Conversation, record.conversation_id)
                    if record.conversation_id else None)
    if conversation is not None and _conversation_may_go(conversation, record, due):
        transcript = _remove_conversation(conversation)
        # Last, so a tracker store that cannot be reached leaves everything to the next run.
        tracker_events = forget_in_tracker(tracker, conversation.public_id)
    audit_events = _remove_audit_words(record)
    record_event(actor, PURGED, record, after={
        "retention_days": days, "removed": removed, "notes": notes,
        "transcript_messages": transcript, "tracker_events": tracker_events,
        "audit_events_cleared": audit_events})
    db.session.commit()


def _remove_free_text(record: Representation) -> list[str]:
    record.text = ""
    for name in ("what_would_help", "decision_reason_for_person", "stage1_extension_reason",
                 "safeguarding_action"):
        setattr(record, name, None)
    # Triage keeps its codes; its evidence and reasons quoted the person's words.
    detail = record.triage_detail
    detail.safeguarding_evidence = []
    detail.triage_reasons = []
    triage = {**(detail.triage or {}), "reasons": []}
    if isinstance(triage.get("safeguarding"), dict):
        triage["safeguarding"] = {**triage["safeguarding"], "evidence": []}
    detail.triage = triage
    for update in db.session.scalars(select(CaseStatusUpdate).where(
            CaseStatusUpdate.representation_id == record.id)):
        update.message_for_child = None
    for message in db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.representation_id == record.id,
            OutboxMessage.state.in_(FINISHED_OUTBOX_STATES))):
        message.payload = {key: value for key, value in (message.payload or {}).items()
                           if key in KEPT_PAYLOAD_KEYS}
    return ["text", "what_would_help", "decision_reason_for_person",
            "stage1_extension_reason", "safeguarding_action", "safeguarding_evidence",
            "triage_reasons", "case_status_messages", "outbox_payloads"]


def _remove_contact(record: Representation) -> list[str]:
    contact = record.contact
    if contact is not None:
        contact.contact_encrypted = None
        contact.on_behalf_encrypted = None
        contact.phone_lookup_hash = None
        contact.contact_safety = {}
    callbacks = list(db.session.scalars(select(CallbackRequest).where(
        CallbackRequest.representation_id == record.id)))
    for callback in callbacks:
        _remove_callback_words(callback)
    return ["contact", "on_behalf", "contact_safety", "callback_requests"]


def _remove_advocacy_words(record: Representation) -> list[str]:
    """What an advocate wrote for the child and added later, and what a provider answered
    (a contact, a reason); the codes (age band, consent method, who replies go to, the
    referral's states) stay for reports."""
    details = db.session.get(AdvocateSubmission, record.id)
    if details is not None:
        details.child_name = details.sharing = ""
        details.council_team = details.advocate_summary = details.safeguarding_known = None
        details.communication = {}
    for addition in db.session.scalars(select(AdvocateAddition).where(
            AdvocateAddition.representation_id == record.id)):
        addition.body = ""
    for referral in db.session.scalars(select(AdvocacyReferral).where(
            AdvocacyReferral.representation_id == record.id)):
        referral.allocated_contact = referral.decline_reason = None
    return ["advocate_submission", "advocate_additions", "advocacy_referral_answers"]


def _remove_audit_words(record: Representation) -> int:
    """Blank the words in the record's audit snapshots; returns how many events changed.

    The event stays (actor, time, action, and every non-text value such as codes, dates,
    states and ids), so the trail still shows who did what and when. A value goes when its
    key is in ``AUDIT_WORD_KEYS``, at any depth (a triage snapshot nests its reasons); the
    key stays with ``None``, so the trail shows a reason was given without saying what.
    Keys are matched rather than values guessed at: a name or a number in free text has no
    shape a pattern could be trusted to find."""
    changed = 0
    for event in db.session.scalars(select(AuditEvent).where(
            AuditEvent.representation_id == record.id)):
        before, after = _without_words(event.before), _without_words(event.after)
        if before != event.before or after != event.after:
            # New objects, not edits in place: the encrypted column only sees assignment.
            event.before, event.after = before, after
            changed += 1
    return changed


def _without_words(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: None if key in AUDIT_WORD_KEYS else _without_words(item)
                for key, item in value.items()}
    if isinstance(value, list):
        return [_without_words(item) for item in value]
    return value


def _remove_callback_words(callback: CallbackRequest) -> None:
    callback.contact_encrypted = None
    callback.note = None
    for attempt in db.session.scalars(select(CallbackAttempt).where(
            CallbackAttempt.callback_request_id == callback.id)):
        attempt.note = None


def _conversation_may_go(conversation: Conversation, record: Representation,
                         due: frozenset[int]) -> bool:
    """Only with the last of its records to be kept (others due now go in this run), and
    never with a disclosure still unrecorded."""
    others = db.session.scalars(select(Representation.id).where(
        Representation.conversation_id == conversation.id,
        Representation.id != record.id,
        ~_already_purged()))
    if any(other not in due for other in others):
        return False
    return all(message.conversation_id != conversation.id
               for message in unrecorded_disclosures(limit=10_000))


def _remove_conversation(conversation: Conversation) -> int:
    messages = db.session.execute(delete(ChannelMessage).where(
        ChannelMessage.conversation_id == conversation.id)).rowcount
    conversation.phone_encrypted = None
    conversation.phone_lookup_hash = None
    for callback in db.session.scalars(select(CallbackRequest).where(
            CallbackRequest.conversation_id == conversation.id)):
        _remove_callback_words(callback)
    return messages


def tracker_engine() -> Engine:
    """The bot's tracker store (``RASA_TRACKER_DB_URL``); a relative SQLite path is read
    from the project folder, as ``make -C bot`` writes ``bot/.rasa/tracker.db`` there."""
    url = make_url(current_app.config["RASA_TRACKER_DB_URL"])
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        if not path.is_absolute():
            url = url.set(database=str(Path(current_app.root_path).parent / path))
    return create_engine(url)


def forget_in_tracker(engine: Engine, sender_id: str) -> int:
    """Delete the bot's tracker events of one conversation; a store that was never made
    (no SQLite file, no events table yet) holds nothing to delete."""
    url = engine.url
    if (url.get_backend_name() == "sqlite" and url.database
            and not Path(url.database).exists()):
        return 0
    with engine.begin() as connection:
        if not inspect(connection).has_table("events"):
            return 0
        return connection.execute(delete(TRACKER_EVENTS).where(
            TRACKER_EVENTS.c.sender_id == sender_id)).rowcount
