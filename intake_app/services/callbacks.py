""""Talk to a person": callback requests, from the bot's request to an officer's outcome.

A request says how a person may reach the child (a call, a text, either, or no way at all)
and when it is safe to, and gets its own deadline: ``CALLBACK_WORKING_DAYS`` working days
from the clock start (0, the default: the same working day when asked before
``CUTOFF_TIME``), moved on to a working day on which one of the child's safe times is still
to come. It is saved with its audit event and the team's ``callback_alert`` outbox row in
one transaction. With no way to reach the child nobody can promise contact: the child is
given the council's number and opening hours instead (and an officer still reads the
conversation by the deadline).

Officers open a request from the queue (audited), show its number on a click (audited,
never the number itself in the audit row), and record each outcome: "called" and "closed"
close the request; "no answer" keeps it open with the attempt counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.calendar import add_working_days, clock_start, next_working_day
from ..domain.draft import CONTACT_TIMES, clean_text, normalise_mobile, normalise_phone
from ..extensions import db
from ..models import (
    CALLBACK_CLOSING_OUTCOMES,
    CALLBACK_METHODS,
    CALLBACK_OUTCOMES,
    CallbackAttempt,
    CallbackRequest,
    ChannelMessage,
    Conversation,
    OutboxMessage,
    Representation,
    StaffUser,
)
from ..outbox.contact_windows import DEFAULT_TIMES, allowed_windows, next_allowed
from ..outbox.enqueue import enqueue
from . import FieldErrors
from .api_intake import conversation_phone, find_conversation, words_for_date
from .audit import record_event
from .casework import Officer
from .council_contact import opening_hours_words
from .opt_outs import is_opted_out
from .protection import decrypt_json, encrypt_json, lookup_hash

LONDON = ZoneInfo("Europe/London")
NOTE_MAX = 1000
OUTCOME_NOTE_MAX = 2000
ALERT_KIND = "callback_alert"


class CallbackRefused(FieldErrors):
    """The request or the outcome cannot be taken; ``errors`` names the field."""


def now() -> datetime:
    """The clock requests are dated by (tests move it across the cut-off)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class ContactRoute:
    """How the child said a person may reach them: ``method`` (call, text, call_or_text or
    none), a number they typed (empty: this conversation's own number) and safe times."""

    method: str = "none"
    phone: str = ""
    times: tuple[str, ...] = DEFAULT_TIMES


@dataclass(frozen=True)
class CallbackResult:
    """What the bot tells the child: when a person will get in touch and how, or, when
    nobody can reach them, the council's number and when it is answered."""

    id: int
    created: bool
    reachable: bool
    method: str
    reply_by: date
    reply_by_words: str | None
    council_phone: str
    council_opening_hours: str


# ---------------------------------------------------------------------------------------
# The deadline


def _safe_time_left(day: date, after: datetime, times: tuple[str, ...]) -> bool:
    """Is there still a safe time on ``day`` later than ``after``?"""
    for window in allowed_windows(times):
        if window.weekdays_only and day.weekday() >= 5:
            continue
        if datetime.combine(day, window.end, tzinfo=LONDON) > after:
            return True
    return False


def callback_due(requested_at: datetime, *, times: tuple[str, ...], reachable: bool,
                 config: Any) -> date:
    """The working day a person gets in touch by: ``CALLBACK_WORKING_DAYS`` from the clock
    start, then on to the first working day with one of the child's safe times still to
    come (asked at 16:00 for mornings only: tomorrow, not a promise already broken)."""
    nation = config["NATION"]
    start = clock_start(requested_at, nation=nation, cutoff=config["CUTOFF_TIME"])
    due = add_working_days(start, config["CALLBACK_WORKING_DAYS"], nation=nation)
    if reachable:
        while not _safe_time_left(due, requested_at, times):
            due = next_working_day(due, nation=nation)
    return due


# ---------------------------------------------------------------------------------------
# The request, from the bot through the API


def _route(contact: ContactRoute, conversation: Conversation) -> tuple[str, str | None]:
    """(method, E.164 number or None) the request keeps; refused when it cannot work (a
    text to a landline, a text or call with no number at all)."""
    if contact.method not in CALLBACK_METHODS:
        raise CallbackRefused({"contact.method": "unknown"})
    if contact.method == "none":
        return "none", None
    if not contact.phone:
        phone = conversation_phone(conversation)
        if phone is None:
            raise CallbackRefused({"contact.phone": "required"})
        return contact.method, phone
    mobile = normalise_mobile(contact.phone)
    if contact.method == "text":
        if mobile is None:
            raise CallbackRefused({"contact.phone": "invalid_mobile"})
        return "text", mobile
    if mobile is not None:
        return contact.method, mobile
    landline = normalise_phone(contact.phone)
    if landline is None:
        raise CallbackRefused({"contact.phone": "invalid_phone"})
    return "call", landline  # a landline can be called, not texted


def _times(contact: ContactRoute) -> tuple[str, ...]:
    unknown = [time for time in contact.times if time not in CONTACT_TIMES]
    if unknown:
        raise CallbackRefused({"contact_safety.times": "unknown"})
    return tuple(dict.fromkeys(contact.times)) or DEFAULT_TIMES


def stored_contact(callback: CallbackRequest) -> tuple[str | None, tuple[str, ...]]:
    """(number, safe times) of a request; a request from before numbers were kept on it
    (migration 0006) is texted back on its conversation's number."""
    contact = decrypt_json(callback.contact_encrypted) or {}
    phone = contact.get("phone")
    if phone is None and callback.method != "none" and callback.conversation_id:
        conversation = db.session.get(Conversation, callback.conversation_id)
        phone = conversation_phone(conversation) if conversation is not None else None
    return phone, tuple(contact.get("times") or DEFAULT_TIMES)


def _result(callback: CallbackRequest, created: bool, language: str) -> CallbackResult:
    config = current_app.config
    reachable = callback.method != "none"
    return CallbackResult(
        id=callback.id, created=created, reachable=reachable, method=callback.method,
        reply_by=callback.due_on,
        reply_by_words=words_for_date(callback.due_on, language) if reachable else None,
        council_phone=config["COUNCIL_PHONE"],
        council_opening_hours=opening_hours_words(config["COUNCIL_OPENING_HOURS"], language))


def _snapshot(callback: CallbackRequest) -> dict[str, Any]:
    """What the audit trail keeps of a request: never the number or the times."""
    return {"callback_request_id": callback.id, "method": callback.method,
            "due_on": callback.due_on.isoformat(), "status": callback.status,
            "attempts": callback.attempts, "last_outcome": callback.last_outcome}


def request_callback(conversation_public_id: str, *, note: str | None, contact: ContactRoute,
                     actor: str) -> CallbackResult:
    """Ask for a person to call or text back. An open request for the same conversation is
    returned again rather than doubled (the bot may retry); when the child has since given
    a way to reach them, or a new one, the open request takes it."""
    conversation = find_conversation(conversation_public_id)
    method, phone = _route(contact, conversation)
    times = _times(contact) if method != "none" else DEFAULT_TIMES
    config = current_app.config
    asked_at = now()
    existing = db.session.scalar(
        select(CallbackRequest)
        .where(CallbackRequest.conversation_id == conversation.id,
               CallbackRequest.status == "open")
        .order_by(CallbackRequest.id.desc()))
    if existing is not None:
        if method != "none" and (method, phone, times) != (existing.method,
                                                             *stored_contact(existing)):
            before = _snapshot(existing)
            # Reachable from now on: the deadline runs from when a way to reach them came.
            since = existing.created_at if existing.method != "none" else asked_at
            existing.method = method
            existing.contact_encrypted = encrypt_json({"phone": phone, "times": list(times)})
            existing.due_on = callback_due(since, times=times, reachable=True, config=config)
            record_event(actor, "callback.contact_changed", _linked_record(existing),
                         before=before, after=_snapshot(existing))
            db.session.commit()
        return _result(existing, False, conversation.language)
    record_id = db.session.scalar(
        select(Representation.id)
        .where(Representation.conversation_id == conversation.id)
        .order_by(Representation.id.desc()))
    record = db.session.get(Representation, record_id) if record_id else None
    callback = CallbackRequest(
        conversation_id=conversation.id,
        representation_id=record_id,
        note=clean_text(note or "")[:NOTE_MAX] or None,
        method=method,
        contact_encrypted=(encrypt_json({"phone": phone, "times": list(times)})
                           if method != "none" else None),
        due_on=callback_due(asked_at, times=times, reachable=method != "none", config=config),
        created_at=asked_at,
    )
    db.session.add(callback)
    db.session.flush()
    record_event(actor, "callback_requested", record,
                 after={**_snapshot(callback), "conversation": conversation.public_id})
    enqueue(ALERT_KIND, record, {"callback_request_id": callback.id},
            key_suffix=str(callback.id), urgent=True)
    db.session.commit()
    return _result(callback, True, conversation.language)


def alert_key(callback: CallbackRequest, record: Representation | None) -> str:
    """The idempotency key ``enqueue`` gave the request's alert."""
    owner = record.reference if record is not None else "service"
    return f"{owner}:{ALERT_KIND}:{callback.id}"


def _linked_record(callback: CallbackRequest) -> Representation | None:
    if callback.representation_id is None:
        return None
    return db.session.get(Representation, callback.representation_id)


# ---------------------------------------------------------------------------------------
# Officers


@dataclass(frozen=True)
class CallbackFile:
    """Everything the officers' page shows about one request, except the number."""

    callback: CallbackRequest
    conversation: Conversation | None
    record: Representation | None
    transcript: list[ChannelMessage]
    attempts: list[tuple[CallbackAttempt, str]]
    times: tuple[str, ...]
    # None: one of the safe times is now; otherwise when the next one starts.
    next_safe_time: datetime | None
    has_phone: bool
    # The number texted STOP (and no START since): do not text it.
    texted_stop: bool
    alert: OutboxMessage | None


def find_callback(callback_id: int) -> CallbackRequest | None:
    return db.session.get(CallbackRequest, callback_id)


def load(callback: CallbackRequest) -> CallbackFile:
    conversation = (db.session.get(Conversation, callback.conversation_id)
                    if callback.conversation_id else None)
    transcript = (list(db.session.scalars(
        select(ChannelMessage).where(ChannelMessage.conversation_id == conversation.id)
        .order_by(ChannelMessage.created_at, ChannelMessage.id)))
        if conversation is not None else [])
    attempts = [(attempt, name) for attempt, name in db.session.execute(
        select(CallbackAttempt, StaffUser.name)
        .join(StaffUser, StaffUser.id == CallbackAttempt.staff_id)
        .where(CallbackAttempt.callback_request_id == callback.id)
        .order_by(CallbackAttempt.created_at, CallbackAttempt.id))]
    phone, times = stored_contact(callback)
    record = _linked_record(callback)
    alert = db.session.scalar(select(OutboxMessage).where(
        OutboxMessage.idempotency_key == alert_key(callback, record)))
    return CallbackFile(
        callback=callback,
        conversation=conversation,
        record=record,
        transcript=transcript,
        attempts=attempts,
        times=times,
        next_safe_time=next_allowed(now(), times),
        has_phone=phone is not None,
        texted_stop=phone is not None and is_opted_out(lookup_hash(phone)),
        alert=alert,
    )


def callback_viewed(callback: CallbackRequest, officer: Officer) -> None:
    record_event(officer.actor, "callback.viewed", _linked_record(callback),
                 after={"callback_request_id": callback.id})
    db.session.commit()


def reveal_phone(callback: CallbackRequest, officer: Officer) -> str | None:
    """The number to call or text, decrypted for one page; the audit row says it was
    shown, never what it is."""
    phone, _times = stored_contact(callback)
    record_event(officer.actor, "callback.contact_revealed", _linked_record(callback),
                 after={"callback_request_id": callback.id, "method": callback.method,
                        "shown": phone is not None})
    db.session.commit()
    return phone


def record_outcome(callback: CallbackRequest, officer: Officer, *, outcome: str,
                   note: str) -> CallbackAttempt:
    """One try at reaching the child, and what came of it."""
    if outcome not in CALLBACK_OUTCOMES:
        raise CallbackRefused({"outcome": _("Choose what happened.")})
    if callback.status != "open":
        raise CallbackRefused({"outcome": _("This request is already closed.")})
    text = clean_text(note or "")[:OUTCOME_NOTE_MAX]
    if outcome == "closed" and not text:
        raise CallbackRefused({"note": _("Say why it is closed without speaking to them.")})
    before = _snapshot(callback)
    moment = now()
    attempt = CallbackAttempt(callback_request_id=callback.id, staff_id=officer.id,
                              outcome=outcome, note=text or None, created_at=moment)
    db.session.add(attempt)
    callback.attempts = (callback.attempts or 0) + 1
    callback.last_outcome = outcome
    if outcome in CALLBACK_CLOSING_OUTCOMES:
        callback.status = "closed"
        callback.closed_at = moment
    db.session.flush()
    # The note's words stay in the attempt (people write names in them), not in the audit.
    record_event(officer.actor, "callback.outcome_recorded", _linked_record(callback),
                 before=before, after={**_snapshot(callback), "attempt_id": attempt.id,
                                       "note_length": len(text)})
    db.session.commit()
    return attempt
