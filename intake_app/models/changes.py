""""You said, we did": changes made because children spoke up, for the public page."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import EncryptedText, UTCDateTime, utcnow


class ChangeStory(db.Model):
    """One change, written by an officer and shown publicly only once a manager approved
    it (``approved_at``). Its words are in ``ChangeStoryText``, one row per language."""

    __tablename__ = "change_story"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    written_by_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


class ChangeStoryText(db.Model):
    """A change's words in one language: what children said and what we did."""

    __tablename__ = "change_story_text"
    __table_args__ = (UniqueConstraint("story_id", "language",
                                       name="uq_change_story_text_language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("change_story.id"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    said: Mapped[str] = mapped_column(EncryptedText)
    did: Mapped[str] = mapped_column(EncryptedText)
