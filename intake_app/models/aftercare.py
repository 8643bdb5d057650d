"""What came of a record after the answer: what the council did to put things right, an
Ombudsman's enquiry into it, and what the council learnt. Tables of their own beside
``representation`` (never new columns on it: SQLite cannot copy that table in batch mode
while others point at it)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import EncryptedText, UTCDateTime, utcnow


class Resolution(db.Model):
    """One thing done to put a complaint right (the taxonomy's ``resolutions`` key); a
    record can have several. A financial remedy carries its amount in pence."""

    __tablename__ = "record_resolution"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    amount_pence: Mapped[int | None] = mapped_column(Integer)
    # An officer's words about what was done: encrypted like all free text.
    details: Mapped[str | None] = mapped_column(EncryptedText)
    # The UK day it was done, which is what reports count by.
    done_on: Mapped[date] = mapped_column(Date, index=True)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OmbudsmanEnquiry(db.Model):
    """The Ombudsman (``ombudsmen`` key: LGSCO in England, PSOW in Wales) looked into a
    record: when they asked, and their decision and remedy once made (``decision`` is None
    until then)."""

    __tablename__ = "ombudsman_enquiry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"),
                                                   unique=True)
    ombudsman: Mapped[str] = mapped_column(String(8))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    decision: Mapped[str | None] = mapped_column(String(24))
    decided_on: Mapped[date | None] = mapped_column(Date)
    remedy: Mapped[str | None] = mapped_column(EncryptedText)
    remedy_amount_pence: Mapped[int | None] = mapped_column(Integer)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LearningAction(db.Model):
    """A learning point from a closed record: the theme (a complaint category key), what
    will change, who owns it and by when; managers track it to done. The owner is
    reminded through the outbox as the day nears and while it is overdue."""

    __tablename__ = "learning_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    theme: Mapped[str] = mapped_column(String(32))
    # An officer's words: encrypted like all free text.
    action: Mapped[str] = mapped_column(EncryptedText)
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    due_on: Mapped[date] = mapped_column(Date)
    added_by_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    added_on: Mapped[date] = mapped_column(Date, index=True)
    # Open while None; the day a manager marked it done.
    done_on: Mapped[date | None] = mapped_column(Date, index=True)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
