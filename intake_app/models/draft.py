"""Unsent web-form drafts, kept server-side so the back link never loses what was typed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class WebDraft(db.Model):
    __tablename__ = "web_draft"

    # Random token held in the signed session cookie.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The answers so far, encrypted: a draft may hold contact details before it is sent.
    answers_encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
