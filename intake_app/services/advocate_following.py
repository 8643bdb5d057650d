"""Following the records an organisation's advocates made: the list (status, stage,
deadlines, RAG and history in plain words), adding information to an open record, and
withdrawing it at the child's request; and the advocate's email when the status changes.

Every record is found through the organisation (``advocates``), so another
organisation's reference finds nothing. Added information is a new, audited entry, never
an edit, and is screened for safeguarding like every text: a flagged addition makes the
record urgent and alerts the duty team through the outbox.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain import advocacy
from ..domain.draft import clean_text
from ..domain.rag import Rag, rag
from ..domain.references import display
from ..domain.reporting_periods import local_date
from ..domain.safeguarding import screen
from ..extensions import db
from ..models import (
    AdvocacyOrganisation,
    AdvocateAddition,
    AdvocateSubmission,
    CaseStatusUpdate,
    Representation,
    StaffUser,
)
from ..outbox.enqueue import enqueue
from . import FieldErrors, advocates, case_status, casework
from .audit import record_event
from .wall_clock import SYSTEM_CLOCK, WallClock


class FollowingRefused(FieldErrors):
    """The record's state does not allow it; ``errors`` maps the field to a message."""


@dataclass(frozen=True)
class HistoryLine:
    on: date
    words: str


@dataclass(frozen=True)
class CaseLine:
    """One record in the organisation's list."""

    reference: str
    reference_display: str
    child_name: str
    status_words: str
    stage: str | None
    acknowledgement_due: date | None
    stage1_due: date | None
    rag: Rag
    is_open: bool
    history: list[HistoryLine]


def is_open(record: Representation) -> bool:
    return (record.withdrawn_at is None and record.status != "withdrawn"
            and record.case_status != "closed" and record.duplicate_of_id is None)


def _history(record: Representation) -> list[HistoryLine]:
    """What happened to the record, each line dated by its London day: the advocate reads
    the dates as their own, and between midnight and 1am in summer the UTC date of a
    stored instant is still yesterday."""
    lines = [HistoryLine(local_date(record.received_at), _("Sent to the council."))]
    for update in db.session.scalars(
            select(CaseStatusUpdate).where(CaseStatusUpdate.representation_id == record.id)
            .order_by(CaseStatusUpdate.received_at, CaseStatusUpdate.id)):
        words = case_status.CASE_STATUS_TEXT.get(update.case_status)
        lines.append(HistoryLine(local_date(update.received_at),
                                 str(words) if words else update.case_status))
    for addition in additions(record):
        lines.append(HistoryLine(local_date(addition.created_at),
                                 _("You added information.")))
    if record.withdrawn_at is not None:
        lines.append(HistoryLine(local_date(record.withdrawn_at), _("Withdrawn.")))
    return sorted(lines, key=lambda line: line.on)


def case_line(record: Representation, details: AdvocateSubmission, *, today: date
              ) -> CaseLine:
    deadline = record.stage1_extended_due if record.stage1_extended else record.stage1_due
    return CaseLine(
        reference=record.reference, reference_display=display(record.reference),
        child_name=details.child_name, status_words=case_status.status_sentence(record),
        stage=record.case_status, acknowledgement_due=record.acknowledgement_due,
        stage1_due=deadline,
        rag=rag(deadline, today=today, paused=record.clock_paused_on is not None,
                nation=current_app.config["NATION"],
                responded=record.stage1_responded_on is not None,
                stopped=not is_open(record)),
        is_open=is_open(record), history=_history(record))


def case_list(organisation: AdvocacyOrganisation, *, clock: WallClock = SYSTEM_CLOCK
              ) -> list[CaseLine]:
    """The organisation's records, newest first, each with its status in plain words."""
    rows = db.session.execute(
        select(Representation, AdvocateSubmission)
        .join(AdvocateSubmission, AdvocateSubmission.representation_id == Representation.id)
        .where(AdvocateSubmission.organisation_id == organisation.id)
        .order_by(Representation.received_at.desc()))
    today = clock.today()
    return [case_line(record, details, today=today) for record, details in rows]


def additions(record: Representation) -> list[AdvocateAddition]:
    return list(db.session.scalars(
        select(AdvocateAddition).where(AdvocateAddition.representation_id == record.id)
        .order_by(AdvocateAddition.created_at, AdvocateAddition.id)))


class RecordNotFound(LookupError):
    """Not one of this organisation's records (or none at all)."""


def _organisation_record(organisation: AdvocacyOrganisation, reference: str
                         ) -> Representation:
    found = advocates.find_submission(organisation, reference)
    if found is None:
        raise RecordNotFound(reference)
    return found[0]


def add_information(organisation: AdvocacyOrganisation, reference: str, advocate: StaffUser,
                    text: str, *, clock: WallClock = SYSTEM_CLOCK) -> AdvocateAddition:
    """A new entry on one of the organisation's open records."""
    record = _organisation_record(organisation, reference)
    body = clean_text(text)
    if not body:
        raise FollowingRefused({"information": "required"})
    if len(body) > current_app.config["TEXT_MAX_CHARS"]:
        raise FollowingRefused({"information": "too_long"})
    if not is_open(record):
        raise FollowingRefused({"information": "closed"})
    result = screen(body)
    now = clock.now()
    addition = AdvocateAddition(representation_id=record.id, advocate_id=advocate.id,
                                body=body, safeguarding_flag=result.flagged, created_at=now)
    db.session.add(addition)
    db.session.flush()
    if result.flagged:
        # Like a disclosure in any answer: urgent, for a person now, the duty team alerted.
        record.safeguarding_flag = True
        record.safeguarding_kinds = sorted(set(record.safeguarding_kinds or ())
                                           | set(result.kinds))
        detail = record.triage_detail
        detail.safeguarding_evidence = [*(detail.safeguarding_evidence or ()),
                                        *({"field": f"advocate_addition:{addition.id}",
                                           **asdict(item)} for item in result.evidence)]
        record.safeguarding_handled_at = None
        record.priority = "urgent"
        record.needs_review = True
        enqueue("safeguarding_alert", record, urgent=True,
                key_suffix=f"addition:{addition.id}", at=now)
    record_event(f"staff:{advocate.id}", "advocate.information_added", record,
                 after={"addition_id": addition.id, "safeguarding_flag": result.flagged},
                 at=now)
    db.session.commit()
    return addition


def withdraw_for_child(organisation: AdvocacyOrganisation, reference: str,
                       advocate: StaffUser, reason: str, *,
                       clock: WallClock = SYSTEM_CLOCK) -> None:
    """The child asked their advocate to withdraw it: the same withdrawal officers make,
    with the advocate as the one who acted (audited; the reason kept as a note)."""
    record = _organisation_record(organisation, reference)
    if not clean_text(reason):
        raise FollowingRefused({"reason": "required"})
    if record.status == "withdrawn":
        raise FollowingRefused({"reason": "closed"})
    casework.withdraw(record, casework.Officer(id=advocate.id, actor=f"staff:{advocate.id}"),
                      reason, clock=clock)


def tell_advocate(record: Representation, update: CaseStatusUpdate, *, at: datetime) -> None:
    """An email to the advocate who made the record when its status changes, through the
    outbox. Where the child chose replies to go to the advocate it says what changed;
    otherwise only that something did (the words are the child's to receive)."""
    details = db.session.get(AdvocateSubmission, record.id)
    if details is None:
        return
    with force_locale("en"):
        text = render_template(
            "notifications/advocate_status.txt", reference=display(record.reference),
            child_name=details.child_name,
            status=(case_status.status_sentence(record)
                    if advocacy.replies_reach_advocate(details.replies_to) else None),
            link=current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/") + "/advocates/")
    enqueue("advocate_email", record, {
        "purpose": "case_status",
        "subject": f"Record {display(record.reference)}: its status changed",
        "text": text}, key_suffix=f"status:{update.id}", at=at)


@dataclass(frozen=True)
class FollowedRecord:
    """One of the organisation's records, as its advocates follow it."""

    seen: advocates.SubmissionView
    line: CaseLine
    additions: list[AdvocateAddition]


def view(organisation: AdvocacyOrganisation, reference: str, *, actor: str,
         clock: WallClock = SYSTEM_CLOCK) -> FollowedRecord | None:
    """The record with its status, history and added information (the view audited);
    None for any other organisation's."""
    seen = advocates.view_submission(organisation, reference, actor=actor)
    if seen is None:
        return None
    return FollowedRecord(seen=seen, line=case_line(seen.record, seen.details,
                                                    today=clock.today()),
                          additions=additions(seen.record))
