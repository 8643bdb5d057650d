"""Officers' decisions that move a record's stage 1 clock: extending it, pausing and
resuming it while an advocate is appointed, and deciding the procedure (with sufficient
interest), which sets which timescales apply.

Dates are computed by ``domain.clock`` on the council's working-day calendar; each
change is one transaction with its audit event.
"""

from __future__ import annotations

from datetime import date

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.calendar import compute_deadlines, date_in_words
from ..domain.clock import overlapped_restart, resume, stage1_limit, with_pauses
from ..domain.draft import clean_text
from ..extensions import db
from ..models import AuditEvent, RecordNote, Representation
from .audit import record_event
from .casework import CaseworkRefused, Officer, snapshot
from .child_news import tell_child
from .wall_clock import SYSTEM_CLOCK, WallClock

DEADLINE_FIELDS = ("clock_start", "acknowledgement_due", "stage1_due", "stage1_extended_due")
EXTENSION_FIELDS = ("stage1_extended", "stage1_extension_reason", "stage1_extension_agreed",
                    "stage1_due", "stage1_extended_due")
PAUSE_FIELDS = ("clock_paused_on", "clock_paused_working_days", "stage1_due",
                "stage1_extended_due")
DECISION_FIELDS = ("sufficient_interest", "procedure", "decision_reason_for_person",
                   *DEADLINE_FIELDS)


def _nation() -> str:
    return current_app.config["NATION"]


def recompute_deadlines(record: Representation) -> None:
    """Deadlines for the record's (new) procedure from its received time, moved on by the
    working days its clock has already been paused."""
    config = current_app.config
    base = compute_deadlines(
        record.received_at,
        procedure=record.procedure or "statutory",
        nation=config["NATION"],
        acknowledgement_days=config["ACKNOWLEDGEMENT_WORKING_DAYS"],
        corporate_stage1_days=config["CORPORATE_STAGE1_WORKING_DAYS"],
        corporate_stage1_extended_days=config["CORPORATE_STAGE1_EXTENDED_WORKING_DAYS"],
        cutoff=config["CUTOFF_TIME"],
    )
    moved = with_pauses(base, record.clock_paused_working_days or 0, nation=config["NATION"])
    record.clock_start = moved.clock_start
    record.acknowledgement_due = moved.acknowledgement_due
    record.stage1_due = moved.stage1_due
    record.stage1_extended_due = moved.stage1_extended_due


def extend_stage1(record: Representation, officer: Officer, reason: str, *,
                  reason_for_child: str | None = None, agreed: str = "not_asked",
                  clock: WallClock = SYSTEM_CLOCK) -> None:
    """Stage 1 may run to the extended limit (already on the record as
    ``stage1_extended_due``: 20 working days statutory in England, the council's own figure
    for corporate) once, with a reason and whether the child agreed (the regulations
    expect them to); the child is told the new date. Wales' local resolution has no
    extension: the formal investigation is stage 2."""
    if record.stage1_extended:
        raise CaseworkRefused({"reason": _("Stage 1 is already extended, to %(due)s.",
                                           due=record.stage1_extended_due.isoformat())})
    if record.stage1_extended_due is not None and record.stage1_extended_due == record.stage1_due:
        raise CaseworkRefused({"reason": _("Stage 1 cannot be extended here. If it needs "
                                           "longer, start stage 2.")})
    text = clean_text(reason)
    if not text:
        raise CaseworkRefused({"reason": _("Give the reason stage 1 needs longer.")})
    before = snapshot(record, EXTENSION_FIELDS)
    record.stage1_extended = True
    record.stage1_extension_reason = text
    record.stage1_extension_agreed = agreed
    notified_by = tell_child(record, "stage1_extended", due=record.stage1_extended_due,
                             reason=reason_for_child, at=clock.now())
    record_event(officer.actor, "record.stage1_extended", record, before=before,
                 after=snapshot(record, EXTENSION_FIELDS) | {"child_notified_by": notified_by},
                 at=clock.now())
    db.session.commit()


RESUMED = "record.clock_resumed"


def _restarts(record: Representation) -> list[date]:
    """The days the record's clock was restarted after a pause, from the audit rows
    ``resume_clock`` writes: the record keeps only the total of working days paused, and
    the audit trail is the one place that holds each restart (it is never edited)."""
    afters = db.session.scalars(select(AuditEvent.after).where(
        AuditEvent.representation_id == record.id, AuditEvent.action == RESUMED))
    return [date.fromisoformat(after["resumed_on"]) for after in afters
            if after and after.get("resumed_on")]


def _pause_refusal(record: Representation, paused_on: date, today: date) -> str | None:
    """Why the clock cannot be paused from ``paused_on``, if it cannot."""
    if record.status == "withdrawn":
        return _("This record is withdrawn, so its clock cannot be paused.")
    if record.stage1_responded_on is not None:
        return _("Stage 1 was responded to on %(day)s, so its clock can no longer be "
                 "paused.", day=date_in_words(record.stage1_responded_on))
    if record.clock_paused_on is not None:
        return _("The clock is already paused, since %(day)s.",
                 day=record.clock_paused_on.isoformat())
    if paused_on > today:
        return _("The clock cannot be paused from a day in the future.")
    if record.clock_start is not None and paused_on < record.clock_start:
        return _("The clock cannot be paused before it started on %(day)s.",
                 day=record.clock_start.isoformat())
    restarted = overlapped_restart(paused_on, _restarts(record))
    if restarted is not None:
        return _("The clock restarted on %(day)s after the last pause, and the days before "
                 "were counted then: a new pause can start on that day or later.",
                 day=date_in_words(restarted))
    return None


def pause_clock(record: Representation, officer: Officer, *, paused_on: date,
                reason: str, reason_for_child: str | None = None,
                clock: WallClock = SYSTEM_CLOCK) -> None:
    """Stop the clock from ``paused_on`` (while an advocate is being appointed), only
    while stage 1 is still running and never over days an earlier pause counted."""
    refusal = _pause_refusal(record, paused_on, clock.today())
    if refusal is not None:
        raise CaseworkRefused({"paused_on": refusal})
    text = clean_text(reason)
    if not text:
        raise CaseworkRefused({"reason": _("Give the reason for pausing the clock.")})
    before = snapshot(record, PAUSE_FIELDS)
    record.clock_paused_on = paused_on
    db.session.add(RecordNote(representation_id=record.id, author_id=officer.id,
                              body=_("Clock paused: %(reason)s", reason=text),
                              created_at=clock.now()))
    tell_child(record, "clock_paused", reason=reason_for_child, at=clock.now())
    record_event(officer.actor, "record.clock_paused", record, before=before,
                 after=snapshot(record, PAUSE_FIELDS) | {"reason": text}, at=clock.now())
    db.session.commit()


def resume_clock(record: Representation, officer: Officer, *, resumed_on: date,
                 clock: WallClock = SYSTEM_CLOCK) -> int:
    """Restart the clock; both stage 1 deadlines move on by the working days it was paused.
    Returns that number of working days."""
    paused_on = record.clock_paused_on
    if paused_on is None:
        raise CaseworkRefused({"resumed_on": _("The clock is not paused.")})
    if resumed_on > clock.today():
        raise CaseworkRefused({"resumed_on": _("The clock cannot be restarted from a day in "
                                               "the future.")})
    if resumed_on < paused_on:
        raise CaseworkRefused({"resumed_on": _("The clock cannot restart before it was "
                                               "paused on %(day)s.", day=paused_on.isoformat())})
    before = snapshot(record, PAUSE_FIELDS)
    moved = resume(stage1_due=record.stage1_due, stage1_extended_due=record.stage1_extended_due,
                   paused_on=paused_on, resumed_on=resumed_on, nation=_nation())
    record.stage1_due = moved.stage1_due
    record.stage1_extended_due = moved.stage1_extended_due
    record.clock_paused_working_days = (record.clock_paused_working_days or 0) + \
        moved.paused_working_days
    record.clock_paused_on = None
    tell_child(record, "clock_resumed", due=stage1_limit(
        record.stage1_due, record.stage1_extended_due, extended=record.stage1_extended),
        at=clock.now())
    record_event(officer.actor, RESUMED, record, before=before,
                 after=snapshot(record, PAUSE_FIELDS) | {"resumed_on": resumed_on.isoformat()},
                 at=clock.now())
    db.session.commit()
    return moved.paused_working_days


def decide_procedure(record: Representation, officer: Officer, *, sufficient_interest: str,
                     procedure: str, reason_for_person: str,
                     clock: WallClock = SYSTEM_CLOCK) -> None:
    """Whether the person has sufficient interest, which procedure applies, and what they
    will be told; a change of procedure changes the timescales."""
    if sufficient_interest == "no" and procedure == "statutory":
        raise CaseworkRefused({"procedure": _("Someone without sufficient interest cannot "
                                              "use the statutory procedure: choose "
                                              "corporate.")})
    text = clean_text(reason_for_person)
    if not text:
        raise CaseworkRefused({"reason_for_person": _("Write what the person will be told.")})
    before = snapshot(record, DECISION_FIELDS)
    record.sufficient_interest = sufficient_interest
    record.decision_reason_for_person = text
    if procedure != record.procedure:
        record.procedure = procedure
        recompute_deadlines(record)
    record_event(officer.actor, "record.procedure_decided", record, before=before,
                 after=snapshot(record, DECISION_FIELDS), at=clock.now())
    db.session.commit()
