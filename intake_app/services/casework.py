"""An officer's work on one record: opening it, revealing contact details, assigning,
notes, safeguarding handling, forwarding now and withdrawal.

Every function here is one transaction with its audit event (who, what, before and after)
so the record and its history cannot disagree. Contact details never enter an audit row:
the reveal records which details were shown, not what they were. Refusals that depend on
the record's state (not on what was typed) raise ``CaseworkRefused`` with a message per
form field, for the view to show beside the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..domain import references
from ..domain.draft import clean_text
from ..extensions import db
from ..models import OutboxMessage, RecordNote, Representation, StaffUser
from . import FieldErrors
from .audit import record_event
from .protection import decrypt_json
from .wall_clock import LONDON, SYSTEM_CLOCK, WallClock

LOCAL_TIME = LONDON
CONTACT_FIELDS = ("name", "phone", "email", "address")
# Case outbox states an officer may hurry along; "sending" is in a worker's hands and
# "delivered" is done.
FORWARDABLE_NOW = frozenset({"pending", "delivery_failed"})


@dataclass(frozen=True)
class Officer:
    """Who acts: the staff id kept on notes and corrections, and the name the audit trail
    gives them (``officers.access.staff_actor``). Passed in by the views, so these services
    need nothing from the officers' package, whose views import them."""

    id: int
    actor: str


class CaseworkRefused(FieldErrors):
    """The record's state does not allow the action; ``errors`` maps a form field to the
    message to show beside it."""


def now() -> datetime:
    return SYSTEM_CLOCK.now()


def local_today() -> date:
    """Today in the council's time zone: deadlines are local working days."""
    return SYSTEM_CLOCK.today()


def find_record(text: str) -> Representation | None:
    """The record for a reference as typed (any case, with or without the dash)."""
    reference = references.normalise(text)
    if reference is None:
        return None
    return db.session.scalars(
        select(Representation).where(Representation.reference == reference)).first()


def snapshot(record: Representation, fields: tuple[str, ...]) -> dict[str, Any]:
    """Chosen fields of a record in JSON-safe form, for an audit row's before or after."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(record, name)
        values[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return values


def record_viewed(record: Representation, officer: Officer) -> None:
    record_event(officer.actor, "record.viewed", record)
    db.session.commit()


def reveal_contact(record: Representation, officer: Officer) -> dict[str, str]:
    """The person's contact details, decrypted for one page; the audit row names the
    details shown, never their values."""
    contact = decrypt_json(record.contact.contact_encrypted) or {}
    shown = [name for name in CONTACT_FIELDS if contact.get(name)]
    record_event(officer.actor, "record.contact_revealed", record,
                 after={"fields": shown, "reply_channel": record.contact.reply_channel})
    db.session.commit()
    return {name: contact[name] for name in shown}


def assignable_staff(roles: tuple[str, ...]) -> list[StaffUser]:
    """Active staff with one of ``roles`` (the roles that work cases)."""
    return list(db.session.scalars(
        select(StaffUser)
        .where(StaffUser.active.is_(True), StaffUser.role.in_(roles))
        .order_by(StaffUser.name, StaffUser.id)))


def staff_name(user_id: int) -> str:
    user = db.session.get(StaffUser, user_id)
    return user.name if user is not None else ""


def assign(record: Representation, officer: Officer, assignee_id: int | None, *,
           roles: tuple[str, ...], clock: WallClock = SYSTEM_CLOCK) -> None:
    """Give the record to active staff with one of ``roles``, or to nobody."""
    if assignee_id is not None and assignee_id not in {
            user.id for user in assignable_staff(roles)}:
        raise CaseworkRefused({"assignee": _("Choose an officer or manager whose account is "
                                             "active.")})
    before = snapshot(record, ("assigned_to_id",))
    record.assigned_to_id = assignee_id
    record_event(officer.actor, "record.assigned", record, before=before,
                 after=snapshot(record, ("assigned_to_id",)), at=clock.now())
    db.session.commit()


def add_note(record: Representation, officer: Officer, body: str, *,
             clock: WallClock = SYSTEM_CLOCK) -> RecordNote:
    """An internal note, kept as plain text like everything people type."""
    text = clean_text(body)
    if not text:
        raise CaseworkRefused({"body": _("Write the note (it cannot be only markup).")})
    earlier = db.session.scalar(select(func.count()).select_from(RecordNote)
                                .where(RecordNote.representation_id == record.id))
    note = RecordNote(representation_id=record.id, author_id=officer.id, body=text,
                      created_at=clock.now())
    db.session.add(note)
    db.session.flush()
    # The note's words stay in the note (people write names in them), not in the audit.
    record_event(officer.actor, "record.note_added", record, before={"notes": earlier},
                 after={"notes": earlier + 1, "note_id": note.id, "length": len(text)},
                 at=clock.now())
    db.session.commit()
    return note


SAFEGUARDING_HANDLING_FIELDS = ("safeguarding_handled_at", "safeguarding_handled_by",
                                "safeguarding_action", "safeguarding_recorded_by_id")


def record_safeguarding_handling(record: Representation, officer: Officer, *,
                                 handled_by: str, handled_at: datetime, action: str,
                                 clock: WallClock = SYSTEM_CLOCK) -> None:
    """Who acted on the urgent alert, when and what they did; this lifts the banner."""
    if not record.safeguarding_flag:
        raise CaseworkRefused({"handled_by": _("This record has no safeguarding flag, so "
                                               "there is no alert to record handling for.")})
    if handled_at > clock.now():
        raise CaseworkRefused({"handled_on": _("The time it was handled cannot be in the "
                                               "future.")})
    if handled_at < record.received_at.replace(second=0, microsecond=0):
        raise CaseworkRefused({"handled_on": _("The time it was handled cannot be before "
                                               "the record was received.")})
    before = snapshot(record, SAFEGUARDING_HANDLING_FIELDS)
    record.safeguarding_handled_by = clean_text(handled_by)
    record.safeguarding_handled_at = handled_at
    record.safeguarding_action = clean_text(action)
    record.safeguarding_recorded_by_id = officer.id
    record_event(officer.actor, "record.safeguarding_handled", record, before=before,
                 after=snapshot(record, SAFEGUARDING_HANDLING_FIELDS), at=clock.now())
    db.session.commit()


def case_message(record: Representation) -> OutboxMessage | None:
    return db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.representation_id == record.id, OutboxMessage.kind == "case")
        .order_by(OutboxMessage.id.desc())).first()


def forward_now(record: Representation, officer: Officer) -> None:
    """Make the record's case message due now: a waiting one skips its backoff, a failed
    one goes back to pending with its attempts kept (so the history of tries stays true).
    The worker picks it up on its next poll; the record leaves ``delivery_failed``."""
    message = case_message(record)
    if record.status == "withdrawn":
        raise CaseworkRefused({"forward": _("This record is withdrawn, so it is not "
                                            "forwarded.")})
    if message is None or message.state not in FORWARDABLE_NOW:
        state = message.state if message is not None else "none"
        raise CaseworkRefused({"forward": _("The case cannot be forwarded now: its "
                                            "forwarding state is %(state)s.", state=state)})
    before = {"state": message.state, "next_attempt_at": message.next_attempt_at.isoformat(),
              "attempts": message.attempts, "status": record.status}
    message.state = "pending"
    message.next_attempt_at = now()
    message.locked_by = None
    message.lease_expires_at = None
    if record.status == "delivery_failed":
        record.status = "needs_review" if record.needs_review else "triaged"
    record_event(officer.actor, "record.forward_now", record, before=before,
                 after={"state": message.state, "outbox_message_id": message.id,
                        "next_attempt_at": message.next_attempt_at.isoformat(),
                        "attempts": message.attempts, "status": record.status})
    db.session.commit()


WITHDRAWAL_FIELDS = ("status", "withdrawn_at")


def withdraw(record: Representation, officer: Officer, reason: str, *,
             clock: WallClock = SYSTEM_CLOCK) -> None:
    """The person withdrew: the record keeps everything, its status says so, and the
    reason is kept as a note officers can read."""
    if record.status == "withdrawn":
        raise CaseworkRefused({"reason": _("This record is already withdrawn.")})
    text = clean_text(reason)
    if not text:
        raise CaseworkRefused({"reason": _("Give the reason it was withdrawn.")})
    before = snapshot(record, WITHDRAWAL_FIELDS)
    record.status = "withdrawn"
    record.withdrawn_at = clock.now()
    db.session.add(RecordNote(representation_id=record.id, author_id=officer.id,
                              body=_("Withdrawn: %(reason)s", reason=text),
                              created_at=clock.now()))
    record_event(officer.actor, "record.withdrawn", record, before=before,
                 after=snapshot(record, WITHDRAWAL_FIELDS) | {"reason": text}, at=clock.now())
    db.session.commit()
