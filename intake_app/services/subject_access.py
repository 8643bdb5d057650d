"""Subject access: everything the service holds about one record, or about everyone's
records from one phone number, as one JSON document for a manager to send on.

Asked for by reference, or by phone number (found through the keyed lookup hash, never by
reading numbers): the records with their contact details decrypted, triage and its
corrections, notes, transcripts, callback requests, outbox messages, status updates from
the case store and the audit events about them; by phone also conversations from that
number that never became a record. Every column of every row is included (a new column is
exported without a change here). Each export is audited per record, and by phone once more
for the search itself; the number is never written to the audit trail.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import inspect, or_, select

from ..domain.draft import normalise_sender
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
    RepresentationContact,
    TriageCorrection,
)
from . import FieldErrors
from .audit import record_event
from .casework import find_record
from .protection import decrypt_json, lookup_hash
from .retention import is_purged
from .wall_clock import SYSTEM_CLOCK, WallClock

SCHEMA = "subject_access.v1"
EXPORTED = "record.subject_access_exported"
SEARCHED_BY_PHONE = "subject_access.phone_searched"
# Stand-ins for the person's details, never their own values.
HASH_COLUMNS = frozenset({"phone_lookup_hash"})


def export_by_reference(typed: str, *, actor: str,
                        clock: WallClock = SYSTEM_CLOCK) -> dict[str, Any]:
    record = find_record(typed)
    if record is None:
        raise FieldErrors({"reference": _("No record has that reference.")})
    document = _document(clock, asked_for={"reference": record.reference},
                         records=[record], conversations=[])
    record_event(actor, EXPORTED, record, after={"asked_by": "reference"}, at=clock.now())
    db.session.commit()
    return document


def export_by_phone(typed: str, *, actor: str,
                    clock: WallClock = SYSTEM_CLOCK) -> dict[str, Any]:
    phone = normalise_sender(typed)
    if phone is None:
        raise FieldErrors({"phone": _("Enter a phone number, like 07700 900123 or "
                                      "+44 7700 900123.")})
    digest = lookup_hash(phone)
    conversation_ids = list(db.session.scalars(
        select(Conversation.id).where(Conversation.phone_lookup_hash == digest)))
    records = list(db.session.scalars(
        select(Representation).outerjoin(Representation.contact)
        .where(or_(RepresentationContact.phone_lookup_hash == digest,
                   Representation.conversation_id.in_(conversation_ids)))
        .order_by(Representation.received_at)))
    recorded = {record.conversation_id for record in records}
    conversations = [db.session.get(Conversation, conversation_id)
                     for conversation_id in conversation_ids
                     if conversation_id not in recorded]
    document = _document(clock, asked_for={"phone": phone}, records=records,
                         conversations=[c for c in conversations if c is not None])
    for record in records:
        record_event(actor, EXPORTED, record, after={"asked_by": "phone"}, at=clock.now())
    record_event(actor, SEARCHED_BY_PHONE, after={
        "records": len(records), "conversations_without_record": len(conversations)},
        at=clock.now())
    db.session.commit()
    return document


def _document(clock: WallClock, *, asked_for: dict[str, str], records: list[Representation],
              conversations: list[Conversation]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "exported_at": clock.now().isoformat(),
        "asked_for": asked_for,
        "records": [_record(record) for record in records],
        "conversations_without_record": [_conversation(c) for c in conversations],
    }


def _record(record: Representation) -> dict[str, Any]:
    def rows(model: Any, *where: Any, order: Any) -> list[dict[str, Any]]:
        return [_row(row) for row in db.session.scalars(select(model).where(*where)
                                                        .order_by(order))]

    linked = [CallbackRequest.representation_id == record.id]
    if record.conversation_id is not None:
        linked.append(CallbackRequest.conversation_id == record.conversation_id)
    callbacks = list(db.session.scalars(select(CallbackRequest).where(or_(*linked))
                                        .order_by(CallbackRequest.id)))
    conversation = (db.session.get(Conversation, record.conversation_id)
                    if record.conversation_id else None)
    return {
        "reference": record.reference,
        "purged": is_purged(record),
        "record": _row(record),
        "contact": _row(record.contact) if record.contact is not None else None,
        "triage": _row(record.triage_detail) if record.triage_detail is not None else None,
        "triage_corrections": rows(TriageCorrection,
                                   TriageCorrection.representation_id == record.id,
                                   order=TriageCorrection.id),
        "notes": rows(RecordNote, RecordNote.representation_id == record.id,
                      order=RecordNote.id),
        "conversation": _conversation(conversation) if conversation is not None else None,
        "callback_requests": [_callback(callback) for callback in callbacks],
        "outbox_messages": rows(OutboxMessage, OutboxMessage.representation_id == record.id,
                                order=OutboxMessage.id),
        "status_updates": rows(CaseStatusUpdate,
                               CaseStatusUpdate.representation_id == record.id,
                               order=CaseStatusUpdate.id),
        "audit_events": rows(AuditEvent, AuditEvent.representation_id == record.id,
                             order=AuditEvent.id),
        # What an advocate told us for the child, added later, and the advocacy
        # referrals with the providers' answers.
        "advocate_submission": rows(AdvocateSubmission,
                                    AdvocateSubmission.representation_id == record.id,
                                    order=AdvocateSubmission.representation_id),
        "advocate_additions": rows(AdvocateAddition,
                                   AdvocateAddition.representation_id == record.id,
                                   order=AdvocateAddition.id),
        "advocacy_referrals": rows(AdvocacyReferral,
                                   AdvocacyReferral.representation_id == record.id,
                                   order=AdvocacyReferral.id),
    }


def _conversation(conversation: Conversation) -> dict[str, Any]:
    messages = db.session.scalars(select(ChannelMessage).where(
        ChannelMessage.conversation_id == conversation.id).order_by(ChannelMessage.id))
    return {**_row(conversation), "messages": [_row(message) for message in messages]}


def _callback(callback: CallbackRequest) -> dict[str, Any]:
    attempts = db.session.scalars(select(CallbackAttempt).where(
        CallbackAttempt.callback_request_id == callback.id).order_by(CallbackAttempt.id))
    return {**_row(callback), "attempts": [_row(attempt) for attempt in attempts]}


def _row(row: Any) -> dict[str, Any]:
    """Every column, JSON-safe; encrypted bytes decrypted under the name without
    ``_encrypted``; lookup hashes left out (they stand for a number the person knows)."""
    values: dict[str, Any] = {}
    for attribute in inspect(row).mapper.column_attrs:
        name, value = attribute.key, getattr(row, attribute.key)
        if name in HASH_COLUMNS:
            continue
        if name.endswith("_encrypted"):
            name, value = name.removesuffix("_encrypted"), decrypt_json(value)
        elif isinstance(value, date | datetime):
            value = value.isoformat()
        values[name] = value
    return values
