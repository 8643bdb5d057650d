"""Everything the case view shows about one record, gathered in one place.

Read-only: the view writes its own audit event. Contact details are not here; they are
decrypted only by ``casework.reveal_contact``, on an officer's explicit click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from flask import current_app
from sqlalchemy import or_, select

from ..domain.clock import stage1_limit, working_days_left
from ..domain.stages import stage_timescales
from ..extensions import db
from ..models import (
    AdvocacyReferral,
    AdvocateAddition,
    AdvocateSubmission,
    CallbackRequest,
    CaseStatusUpdate,
    ChannelMessage,
    ComplaintStage,
    LookAgainRequest,
    OutboxMessage,
    RecordNote,
    Representation,
    StaffUser,
)
from . import advocacy_referrals, advocate_following, complaint_stages, duplicates
from .casework import local_today
from .protection import decrypt_json


@dataclass(frozen=True)
class DeadlineSummary:
    """The dates in force and how long is left, for the page."""

    acknowledgement_due: date | None
    stage1_due: date | None
    stage1_extended_due: date | None
    stage1_limit: date | None
    working_days_left: int | None
    paused_on: date | None
    paused_working_days: int


@dataclass(frozen=True)
class CaseFile:
    record: Representation
    transcript: list[ChannelMessage]
    outbox: list[OutboxMessage]
    status_history: list[CaseStatusUpdate]
    notes: list[tuple[RecordNote, str]]
    staff_names: dict[int, str]
    on_behalf: dict[str, Any] | None
    deadlines: DeadlineSummary
    duplicate_of: Representation | None
    linked_duplicates: list[Representation]
    suggestions: list[duplicates.Suggestion]
    needs_safeguarding_handling: bool
    # "Talk to a person" requests from this record's conversation, newest first.
    callbacks: list[CallbackRequest]
    # Stage 2 and 3 clocks, and the child's requests to look again.
    stages: list[ComplaintStage]
    look_again_requests: list[LookAgainRequest]
    has_stage3: bool
    # The child's advocacy referrals with each one's state and age, and what an advocate
    # told us when they made the record (None when the child or someone else did).
    referrals: list[ReferralLine] = field(default_factory=list)
    advocate_submission: AdvocateSubmission | None = None
    # What the advocate added after sending, oldest first.
    advocate_additions: list[AdvocateAddition] = field(default_factory=list)


@dataclass(frozen=True)
class ReferralLine:
    referral: AdvocacyReferral
    hours_since_sent: int
    # Not accepted within a working day of being sent.
    overdue: bool


def _deadlines(record: Representation) -> DeadlineSummary:
    limit = (stage1_limit(record.stage1_due, record.stage1_extended_due,
                          extended=record.stage1_extended)
             if record.stage1_due and record.stage1_extended_due else None)
    left = None
    counting = (record.clock_paused_on is None and record.stage1_responded_on is None
                and record.status != "withdrawn")
    if limit is not None and counting:
        left = working_days_left(local_today(), limit, nation=current_app.config["NATION"])
    return DeadlineSummary(record.acknowledgement_due, record.stage1_due,
                           record.stage1_extended_due, limit, left, record.clock_paused_on,
                           record.clock_paused_working_days or 0)


def load(record: Representation) -> CaseFile:
    transcript = (list(db.session.scalars(
        select(ChannelMessage).where(ChannelMessage.conversation_id == record.conversation_id)
        .order_by(ChannelMessage.created_at, ChannelMessage.id)))
        if record.conversation_id else [])
    outbox = list(db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.representation_id == record.id)
        .order_by(OutboxMessage.created_at, OutboxMessage.id)))
    history = list(db.session.scalars(
        select(CaseStatusUpdate).where(CaseStatusUpdate.representation_id == record.id)
        .order_by(CaseStatusUpdate.received_at, CaseStatusUpdate.id)))
    notes = list(db.session.scalars(
        select(RecordNote).where(RecordNote.representation_id == record.id)
        .order_by(RecordNote.created_at, RecordNote.id)))
    staff_ids = {note.author_id for note in notes} | {
        record.assigned_to_id, record.safeguarding_recorded_by_id} - {None}
    names = {user.id: user.name for user in db.session.scalars(
        select(StaffUser).where(StaffUser.id.in_(staff_ids)))} if staff_ids else {}
    return CaseFile(
        record=record,
        transcript=transcript,
        outbox=outbox,
        status_history=history,
        notes=[(note, names.get(note.author_id, "")) for note in notes],
        staff_names=names,
        on_behalf=decrypt_json(record.contact.on_behalf_encrypted),
        deadlines=_deadlines(record),
        duplicate_of=(db.session.get(Representation, record.duplicate_of_id)
                      if record.duplicate_of_id else None),
        linked_duplicates=duplicates.linked_duplicates(record),
        suggestions=duplicates.suggestions(record),
        needs_safeguarding_handling=record.needs_safeguarding_handling,
        callbacks=_callbacks(record),
        stages=complaint_stages.stages_of(record),
        look_again_requests=complaint_stages.requests_of(record),
        has_stage3=stage_timescales(current_app.config["NATION"]).has_stage3,
        referrals=_referrals(record),
        advocate_submission=db.session.get(AdvocateSubmission, record.id),
        advocate_additions=advocate_following.additions(record),
    )


def _referrals(record: Representation) -> list[ReferralLine]:
    now = datetime.now(UTC)
    return [ReferralLine(referral,
                         hours_since_sent=int((now - referral.sent_at).total_seconds() // 3600),
                         overdue=referral.state == "sent" and referral.accept_by <= now)
            for referral in advocacy_referrals.of_record(record)]


def _callbacks(record: Representation) -> list[CallbackRequest]:
    linked = CallbackRequest.representation_id == record.id
    if record.conversation_id:
        linked = or_(linked, CallbackRequest.conversation_id == record.conversation_id)
    return list(db.session.scalars(
        select(CallbackRequest).where(linked).order_by(CallbackRequest.id.desc())))
