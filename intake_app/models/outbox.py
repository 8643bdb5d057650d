"""Transactional outbox: everything that leaves the service is a row here first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow

OUTBOX_STATES = ("pending", "sending", "delivered", "delivery_failed", "cancelled")


class OutboxMessage(db.Model):
    __tablename__ = "outbox_message"
    # The worker's claim query (pending, due, urgent first, oldest first) reads this index
    # in order instead of sorting the whole backlog.
    __table_args__ = (
        Index("ix_outbox_message_claim", "state", "urgent", "next_attempt_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # case, safeguarding_alert, advocacy_referral, sms, email, manager_alert...
    kind: Mapped[str] = mapped_column(String(32), index=True)
    representation_id: Mapped[int | None] = mapped_column(
        ForeignKey("representation.id"), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The record's reference plus the kind: the receiver de-duplicates on it.
    idempotency_key: Mapped[str] = mapped_column(String(160), unique=True)
    urgent: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locked_by: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
