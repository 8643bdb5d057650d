"""What happens after stage 1: a child's requests to look again, the stage 2 and stage 3
clocks, and how it felt to tell us."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import EncryptedText, UTCDateTime, utcnow


class LookAgainRequest(db.Model):
    """A child (or their helper) asked us to look again at a stage 1 response.

    Kept whatever happens next: within 20 working days of the response it starts stage 2
    at once; later, or with no response on record, it waits for an officer's decision
    (``decision`` is None until then). Never refused by the service itself.
    """

    __tablename__ = "look_again_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    via: Mapped[str] = mapped_column(String(16))  # web / sms / chat / officer
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The stage 1 response it was counted from, and whether it came within 20 working days.
    stage1_responded_on: Mapped[date | None] = mapped_column(Date)
    in_time: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the child added, if anything (encrypted like all free text).
    words: Mapped[str | None] = mapped_column(EncryptedText)
    # started (stage 2 began) / not_started (an officer decided not to, with a reason).
    decision: Mapped[str | None] = mapped_column(String(16))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    decision_reason: Mapped[str | None] = mapped_column(EncryptedText)


class ComplaintStage(db.Model):
    """The clock of stage 2 (the investigation) or stage 3 (the review panel, England) of
    one record, with its extension, pauses and the people involved.

    ``stage`` is the taxonomy's case status key (``stage2_in_progress`` or
    ``stage3_panel``). Stage 3 keeps the panel's, report's and response's dates in
    ``due``, ``report_due`` and ``response_due``.
    """

    __tablename__ = "complaint_stage"
    __table_args__ = (UniqueConstraint("representation_id", "stage",
                                       name="uq_complaint_stage_record_stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    stage: Mapped[str] = mapped_column(String(32))
    started_on: Mapped[date] = mapped_column(Date)
    started_by: Mapped[str] = mapped_column(String(16))  # child / officer
    start_reason: Mapped[str | None] = mapped_column(EncryptedText)
    due: Mapped[date] = mapped_column(Date)
    extended_due: Mapped[date | None] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_reason: Mapped[str | None] = mapped_column(EncryptedText)
    # Whether the child agreed the extension: agreed / not_asked / did_not_agree.
    extension_agreed: Mapped[str | None] = mapped_column(String(16))
    paused_on: Mapped[date | None] = mapped_column(Date)
    paused_working_days: Mapped[int] = mapped_column(Integer, default=0)
    # Stage 2 under the children's statutory procedure (England): who investigates, and
    # the independent person beside them. Names an officer typed: encrypted.
    investigating_officer: Mapped[str | None] = mapped_column(EncryptedText)
    independent_person: Mapped[str | None] = mapped_column(EncryptedText)
    # Stage 3: the panel's report and the council's response.
    report_due: Mapped[date | None] = mapped_column(Date)
    response_due: Mapped[date | None] = mapped_column(Date)
    finished_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def due_in_force(self) -> date:
        """The deadline that counts now: the extended one once extended."""
        return self.extended_due if self.extended and self.extended_due else self.due


class TellingFeedback(db.Model):
    """"How was it to tell us?": one optional answer after an outcome.

    Stored apart from the record on purpose (no link to it): the answer is about the
    service, reports only count it, and nobody reading a case sees how its child felt
    about complaining.
    """

    __tablename__ = "telling_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    via: Mapped[str] = mapped_column(String(16))  # web / sms
    ease: Mapped[str] = mapped_column(String(8))  # easy / ok / hard
    words: Mapped[str | None] = mapped_column(EncryptedText)
    # A day, not a moment, so the row cannot be matched to a record's events by time.
    answered_on: Mapped[date] = mapped_column(Date, index=True)
