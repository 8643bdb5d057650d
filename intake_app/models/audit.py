"""Audit trail: who did what to which record, when, with the before and after."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import EncryptedJSON, UTCDateTime, utcnow


class AuditEvent(db.Model):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # "web", "sms", "api:<token name>", "staff:<id>", "worker", "system"...
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    representation_id: Mapped[int | None] = mapped_column(
        ForeignKey("representation.id"), index=True)
    # Encrypted: a snapshot can hold an officer's words (a decision's reason, what was
    # done about an alert), which are encrypted on the record too.
    before: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON)
