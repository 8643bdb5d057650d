"""What happens after forwarding: the case store's status callbacks, and what a child is
told when they ask how their complaint is going.

A callback is recorded once per event (a replay changes nothing), kept as the record's
history with an audit event, and the child is told in plain words, in their language, by
the route they chose. The message goes through the outbox, whose SMS delivery checks STOP
at sending time; nobody who chose "no reply" is contacted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from flask import render_template
from flask_babel import force_locale, format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..domain.draft import clean_text
from ..domain.references import display, normalise
from ..extensions import db
from ..models import CaseStatusUpdate, Conversation, Representation
from ..outbox.enqueue import enqueue
from ..taxonomy import keys
from . import FieldErrors, advocate_following, complaint_stages, telling_feedback
from .audit import record_event
from .wall_clock import SYSTEM_CLOCK, WallClock

# Deadlines the case store may send; the first two are kept on the record itself.
RECORD_DEADLINES = ("stage1_due", "stage1_extended_due")
DEADLINE_NAMES = (*RECORD_DEADLINES, "stage2_due", "stage2_extended_due", "stage3_due")
MESSAGE_FOR_CHILD_MAX = 1000
# A deadline the case store sends must be within this of today: the case view counts the
# working days to it, so a year like 9999 would cost seconds on every view; no statutory
# timescale comes near two years.
DEADLINE_WITHIN = timedelta(days=2 * 366)
# Outcomes after which a child should hear that they can take it further.
CAN_ESCALATE = frozenset({"not_upheld", "partly_upheld", "no_finding"})

# One sentence per state, in plain words a child can read on a small screen.
INTAKE_STATUS_TEXT = {
    "received": _l("We have your message. A person will read it soon."),
    "triaged": _l("We have your message. A person will read it soon."),
    "needs_review": _l("We have your message. A person will read it soon."),
    # A failed hand-over is for staff to fix; the child's message is safe either way.
    "delivery_failed": _l("We have your message. A person will read it soon."),
    "forwarded": _l("Your message has gone to the complaints team."),
    "accepted": _l("The complaints team has your message and will look at it."),
    "withdrawn": _l("You told us you did not want to go on with this."),
}
CASE_STATUS_TEXT = {
    "stage1_in_progress": _l("We are looking into your complaint now."),
    "stage1_responded": _l("We have looked at your complaint and sent you our answer."),
    "stage2_in_progress": _l("Someone independent is now looking into your complaint."),
    "stage3_panel": _l("A panel of people will now look at your complaint again."),
    "resolved_informally": _l("We have sorted out your complaint together with you."),
    "closed": _l("We have finished looking at your complaint."),
}
OUTCOME_TEXT = {
    "upheld": _l("We agree with what you told us."),
    "partly_upheld": _l("We agree with some of what you told us."),
    "not_upheld": _l("We looked carefully, but we do not agree with what you told us."),
    "withdrawn": _l("You told us you did not want to go on with it."),
    "no_finding": _l("We could not decide either way."),
}


class UnknownRecord(LookupError):
    """No record with that reference (or not one this sender may see)."""


class InvalidStatusUpdate(FieldErrors):
    """The callback names a status, outcome or deadline we do not know; ``errors`` by field."""


@dataclass(frozen=True)
class StatusUpdateResult:
    reference: str
    event_id: str
    case_status: str
    recorded: bool  # False when the event had been recorded before (a replay)
    child_notified_by: str | None


@dataclass(frozen=True)
class ChildStatus:
    reference: str
    status: str
    status_text: str
    case_status: str | None
    updated_at: datetime


def _record(reference: str) -> Representation:
    canonical = normalise(reference)
    record = None
    if canonical is not None:
        record = db.session.scalar(
            select(Representation).where(Representation.reference == canonical))
    if record is None:
        raise UnknownRecord(reference)
    return record


def _check(case_status: str, outcome: str | None, deadlines: dict[str, str],
           message_for_child: str | None, today: date) -> dict[str, date]:
    errors: dict[str, str] = {}
    if case_status not in keys("case_statuses"):
        errors["case_status"] = "must be one of: " + ", ".join(keys("case_statuses"))
    if outcome is not None and outcome not in keys("outcomes"):
        errors["outcome"] = "must be one of: " + ", ".join(keys("outcomes"))
    parsed: dict[str, date] = {}
    for name, value in deadlines.items():
        if name not in DEADLINE_NAMES:
            errors[f"deadlines.{name}"] = "must be one of: " + ", ".join(DEADLINE_NAMES)
            continue
        try:
            deadline = date.fromisoformat(value)
        except (TypeError, ValueError):
            errors[f"deadlines.{name}"] = "must be a date (YYYY-MM-DD)"
            continue
        if abs(deadline - today) > DEADLINE_WITHIN:
            errors[f"deadlines.{name}"] = "must be within two years of today"
            continue
        parsed[name] = deadline
    if message_for_child is not None and len(message_for_child) > MESSAGE_FOR_CHILD_MAX:
        errors["message_for_child"] = f"must be at most {MESSAGE_FOR_CHILD_MAX} characters"
    if errors:
        raise InvalidStatusUpdate(errors)
    return parsed


def status_sentence(record: Representation) -> str:
    """The one-line status a child reads, in the current locale."""
    if record.case_status in CASE_STATUS_TEXT and record.type == "complaint":
        return str(CASE_STATUS_TEXT[record.case_status])
    return str(INTAKE_STATUS_TEXT.get(record.status, INTAKE_STATUS_TEXT["received"]))


def apply_case_status(
    reference: str,
    *,
    event_id: str,
    case_status: str,
    outcome: str | None = None,
    deadlines: dict[str, str] | None = None,
    message_for_child: str | None = None,
    actor: str,
    clock: WallClock = SYSTEM_CLOCK,
) -> StatusUpdateResult:
    """Record one case store event and tell the child; a replayed event changes nothing."""
    record = _record(reference)
    message = clean_text(message_for_child) or None
    parsed = _check(case_status, outcome, deadlines or {}, message, clock.today())
    event_key = f"{record.reference}:{event_id}"
    if _existing_event(event_key):
        return StatusUpdateResult(display(record.reference), event_id, case_status,
                                  recorded=False, child_notified_by=None)
    before = {"case_status": record.case_status, "outcome": record.outcome,
              **{name: _iso(getattr(record, name)) for name in RECORD_DEADLINES}}
    update = CaseStatusUpdate(
        representation_id=record.id,
        event_key=event_key,
        case_status=case_status,
        outcome=outcome,
        message_for_child=message,
        deadlines={name: value.isoformat() for name, value in parsed.items()},
        received_at=clock.now(),
    )
    record.case_status = case_status
    record.outcome = outcome or record.outcome
    if case_status == "stage1_responded" and record.stage1_responded_on is None:
        record.stage1_responded_on = clock.today()
    for name in RECORD_DEADLINES:
        if name in parsed:
            setattr(record, name, parsed[name])
    complaint_stages.follow_case_store(record, case_status, parsed, today=clock.today())
    try:
        db.session.add(update)
        db.session.flush()
        notified_by = _tell_child(record, update, at=clock.now())
        advocate_following.tell_advocate(record, update, at=clock.now())
        record_event(actor, "case_status_updated", record, before=before, after={
            "case_status": case_status, "outcome": record.outcome, "event_id": event_id,
            **{name: _iso(getattr(record, name)) for name in RECORD_DEADLINES},
            "child_notified_by": notified_by,
        }, at=clock.now())
        db.session.commit()
    except IntegrityError:
        # The same event arriving twice at once: the first one was recorded.
        db.session.rollback()
        if not _existing_event(event_key):
            raise
        return StatusUpdateResult(display(record.reference), event_id, case_status,
                                  recorded=False, child_notified_by=None)
    return StatusUpdateResult(display(record.reference), event_id, case_status,
                              recorded=True, child_notified_by=notified_by)


def _existing_event(event_key: str) -> bool:
    return db.session.scalar(
        select(CaseStatusUpdate.id).where(CaseStatusUpdate.event_key == event_key)) is not None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _tell_child(record: Representation, update: CaseStatusUpdate, *, at: datetime
                ) -> str | None:
    """Queue the plain-words update by the route the child chose: SMS or email. Phone and
    letter replies are for a person to make; "no reply" means no message at all."""
    if record.contact.reply_channel not in ("sms", "email"):
        return None
    with force_locale(record.language):
        context: dict[str, Any] = {
            "lang": record.language,
            "reference": display(record.reference),
            "status_sentence": status_sentence(record),
            "outcome_sentence": str(OUTCOME_TEXT[update.outcome]) if update.outcome else "",
            "can_escalate": update.outcome in CAN_ESCALATE,
            "look_again_by_text": record.contact.reply_channel == "sms",
            "reply_by": format_date(record.stage1_due, "EEEE d MMMM y")
            if update.case_status == "stage1_in_progress" and record.stage1_due else None,
            "message_for_child": update.message_for_child,
        }
        text = render_template("notifications/case_status.txt", **context).strip()
        key = f"status:{update.id}"
        if record.contact.reply_channel == "sms":
            enqueue("sms", record, {"purpose": "case_status", "body": " ".join(text.split())},
                    key_suffix=key, at=at)
        else:
            enqueue("email", record, {
                "purpose": "case_status",
                "subject": render_template("notifications/case_status_subject.txt",
                                           **context).strip(),
                "text": text,
                "html": render_template("notifications/case_status_email.html", **context),
            }, key_suffix=key, at=at)
    if update.outcome:
        # After an outcome, the one optional "how was it to tell us?" question.
        telling_feedback.ask(record, key=str(update.id), at=at)
    return record.contact.reply_channel


def status_for_child(reference: str, *, conversation_public_id: str) -> ChildStatus:
    """The status a child asks for from a conversation. Only the conversation that made the
    record, or one from the same phone, may see it: a guessed reference reveals nothing."""
    record = _record(reference)
    conversation = db.session.scalar(
        select(Conversation).where(Conversation.public_id == conversation_public_id))
    if conversation is None:
        raise UnknownRecord(reference)
    same_conversation = record.conversation_id == conversation.id
    same_phone = (record.contact.phone_lookup_hash is not None
                  and record.contact.phone_lookup_hash == conversation.phone_lookup_hash)
    if not (same_conversation or same_phone):
        raise UnknownRecord(reference)
    with force_locale(record.language):
        text = status_sentence(record)
    return ChildStatus(
        reference=display(record.reference),
        status=record.status,
        status_text=text,
        case_status=record.case_status,
        updated_at=record.updated_at,
    )
