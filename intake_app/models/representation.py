"""A representation: one complaint, compliment, comment or question, from any channel."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    and_,
    text,
    true,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from ..extensions import db
from .types import EncryptedJSON, EncryptedText, UTCDateTime, utcnow

# The officers' queue shows open records: partial indexes over just those keep it fast
# however many closed ones pile up. services/queue.py filters with this very clause, so
# the database can see that its query is covered (SQLite matches the terms one by one).
OPEN_RECORD = text("withdrawn_at IS NULL AND status != 'withdrawn' AND duplicate_of_id IS NULL "
                   "AND (case_status IS NULL OR case_status != 'closed')")
# Trailing columns make each index cover the queue's count and order queries.
_OPEN_COLUMNS = ("withdrawn_at", "status", "duplicate_of_id", "case_status")


class Representation(db.Model):
    __tablename__ = "representation"
    __table_args__ = (
        # Walked in deadline order by the queue: unextended records by stage1_due, extended
        # ones by stage1_extended_due (see services/queue.py).
        Index("ix_representation_queue_due", "stage1_extended", "stage1_due", "received_at",
              "priority", *_OPEN_COLUMNS, sqlite_where=OPEN_RECORD, postgresql_where=OPEN_RECORD),
        Index("ix_representation_queue_extended_due", "stage1_extended", "stage1_extended_due",
              "received_at", "priority", *_OPEN_COLUMNS, sqlite_where=OPEN_RECORD,
              postgresql_where=OPEN_RECORD),
        # Urgent records and their unhandled safeguarding alerts.
        Index("ix_representation_queue_urgent", "priority", "safeguarding_handled_at",
              *_OPEN_COLUMNS,
              sqlite_where=OPEN_RECORD, postgresql_where=OPEN_RECORD),
    )

    # Identity and arrival. Stays: every page, message and log names the reference, and
    # the queue orders by the received time (its indexes end in it).
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(8), unique=True, index=True)
    # Same key twice (double click, resubmit, API retry) returns the first record.
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(16))  # web / sms / chat / advocate / api
    language: Mapped[str] = mapped_column(String(8), default="en")
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversation.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # What was said, as plain text (markup stripped on the way in). Stays: it is the
    # record; the queue shows its type and first words and filters on type and advocacy.
    # Free text is encrypted at rest (EncryptedText, EncryptedJSON): SQL can neither read
    # nor search it.
    declared_type: Mapped[str | None] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(EncryptedText)
    what_would_help: Mapped[str | None] = mapped_column(EncryptedText)
    service_area: Mapped[str | None] = mapped_column(String(32))
    complainant_role: Mapped[str] = mapped_column(String(32))
    advocate_requested: Mapped[str] = mapped_column(String(16), default="no")
    advocate_provider: Mapped[str | None] = mapped_column(String(32))
    # How to reach the person and when it is safe to: a row of its own (below).
    contact: Mapped[RepresentationContact] = relationship(cascade="all, delete-orphan")

    # Triage's outcome. Stays: the queue filters on category, priority and the flag (its
    # urgent index starts with priority), reports count them and officers correct them.
    primary_category: Mapped[str | None] = mapped_column(String(32))
    secondary_categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=True)
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    procedure: Mapped[str | None] = mapped_column(String(16))
    safeguarding_flag: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    safeguarding_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    # What explains it (confidence, reasons, flags, model, the words behind the flag): a
    # row of its own (below), read by the case view and documents, never by the queue.
    triage_detail: Mapped[RepresentationTriage] = relationship(cascade="all, delete-orphan")

    # The stage 1 clock, in working days (stages 2 and 3 are ComplaintStage rows). Stays:
    # the queue's deadline indexes are on the due dates, and its RAG reads pause and answer.
    clock_start: Mapped[date | None] = mapped_column(Date)
    acknowledgement_due: Mapped[date | None] = mapped_column(Date)
    stage1_due: Mapped[date | None] = mapped_column(Date, index=True)
    stage1_extended_due: Mapped[date | None] = mapped_column(Date)
    # Set when the stage 1 limit is extended to 20 working days; the reason is kept.
    stage1_extended: Mapped[bool] = mapped_column(Boolean, default=False)
    stage1_extension_reason: Mapped[str | None] = mapped_column(EncryptedText)
    # Whether the child agreed the extension: agreed / not_asked / did_not_agree.
    stage1_extension_agreed: Mapped[str | None] = mapped_column(String(16))
    # The clock stops while an advocate is appointed; on resume the deadlines move on by
    # the working days it was paused, and the total is kept for reports.
    clock_paused_on: Mapped[date | None] = mapped_column(Date)
    clock_paused_working_days: Mapped[int] = mapped_column(Integer, default=0)
    # When the child was acknowledged (on screen, by SMS or by email): reports compare it
    # with acknowledgement_due.
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The first stage 1 response the case store reported (status callbacks).
    stage1_responded_on: Mapped[date | None] = mapped_column(Date)

    # Officers' handling. Stays: a withdrawn record and a duplicate leave the queue
    # (OPEN_RECORD, its partial indexes' condition), which filters on who has it too.
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    sufficient_interest: Mapped[str | None] = mapped_column(String(8))  # yes / no
    # What the person will be told about the procedure and sufficient interest.
    decision_reason_for_person: Mapped[str | None] = mapped_column(EncryptedText)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("representation.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # How the safeguarding alert was handled: who acted, when, and what was done. Stays:
    # the queue's urgent index holds the handled time (needs_safeguarding_handling, below).
    safeguarding_handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    safeguarding_handled_by: Mapped[str | None] = mapped_column(String(128))
    safeguarding_action: Mapped[str | None] = mapped_column(EncryptedText)
    safeguarding_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    # Where the case store says the case stands (its history: CaseStatusUpdate). Stays: a
    # closed case leaves the queue (case_status is in OPEN_RECORD).
    case_store_id: Mapped[str | None] = mapped_column(String(128))
    case_status: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(32))

    # Status. Stays: the queue filters on it and OPEN_RECORD reads it.
    status: Mapped[str] = mapped_column(String(24), default="received", index=True)
    # A keyed hash of the six-digit secret the child was given: with the reference it
    # shows how the record is going from any phone or browser (services/status_checks).
    status_secret_hash: Mapped[str | None] = mapped_column(String(64))

    @hybrid_property
    def needs_safeguarding_handling(self) -> bool:
        """Flagged for safeguarding and nobody has yet recorded how the alert was handled.

        The one test behind the queue's banner and rows and the case view's banner: priority
        is not part of it (an officer may mark a record urgent for other reasons), nor is
        the record's status (a withdrawn or closed record's alert still needs handling).
        """
        return bool(self.safeguarding_flag) and self.safeguarding_handled_at is None

    @needs_safeguarding_handling.inplace.expression
    @classmethod
    def _needs_safeguarding_handling(cls) -> ColumnElement[bool]:
        return and_(cls.safeguarding_flag == true(), cls.safeguarding_handled_at.is_(None))


class RepresentationContact(db.Model):
    """How to reach the person behind a record, and when it is safe to.

    Made with the record (services/intake.py) and kept apart from it: everything that could
    identify or reach the person is in this one row, so the record's history can be kept
    when the contact details are deleted, and the officers' queue, which never shows them,
    does not load them.
    """

    __tablename__ = "representation_contact"

    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"),
                                                   primary_key=True)
    reply_channel: Mapped[str] = mapped_column(String(16), default="none")
    contact_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_lookup_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # When it is safe to contact: times of day, whether a message may be left, and the
    # person's note (encrypted, like all free text).
    contact_safety: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    # Helper's name, organisation, relationship and how the young person agreed (encrypted).
    on_behalf_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)


class RepresentationTriage(db.Model):
    """What explains a record's triage: how sure the model was of the type, the whole
    result, its reasons and flags, which model it was, why the procedure, and the words
    that raised a safeguarding flag.

    Made with the record (services/intake.py) and kept apart from it, like the contact
    row: only the case view, the case document and subject access read it, while the
    officers' queue filters and sorts on triage's outcome, which stays on the record. The
    retention purge clears its words (reasons, evidence) and keeps its codes.
    """

    __tablename__ = "representation_triage"

    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"),
                                                   primary_key=True)
    type_confidence: Mapped[float | None] = mapped_column(Float)
    # The whole triage result, evidence with the person's words included.
    triage: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    # Reasons may quote the person (the words that raised a flag).
    triage_reasons: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    triage_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    model_version: Mapped[str | None] = mapped_column(String(64))
    procedure_reason: Mapped[str | None] = mapped_column(Text)
    # Each hit of the safeguarding screen: the answer it was in, its kind and the words.
    safeguarding_evidence: Mapped[list[dict[str, Any]]] = mapped_column(EncryptedJSON,
                                                                        default=list)


class CaseStatusUpdate(db.Model):
    """What the case store told us about a case, kept as the record's history."""

    __tablename__ = "case_status_update"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    # The case store's own id for this event, so a replayed callback changes nothing.
    event_key: Mapped[str] = mapped_column(String(128), unique=True)
    case_status: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(32))
    message_for_child: Mapped[str | None] = mapped_column(EncryptedText)
    deadlines: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordNote(db.Model):
    """An officer's internal note on a record; never shown to the person."""

    __tablename__ = "record_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    body: Mapped[str] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TriageCorrection(db.Model):
    """An officer's correction of the automatic triage, kept as labelled data so the model
    can be retrained from real use (``flask triage export-corrections``)."""

    __tablename__ = "triage_correction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    # type, primary_category, secondary_categories, safeguarding_kinds, procedure,
    # priority, service_area: as triage had them, and as the officer set them.
    before: Mapped[dict[str, Any]] = mapped_column(JSON)
    after: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
