"""Audit events, written in the caller's transaction so history and change can't diverge."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..extensions import db
from ..models import AuditEvent, Representation


def record_event(
    actor: str,
    action: str,
    record: Representation | None = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """``at`` is when it happened, for a replay; by default the row's own time (now)."""
    event = AuditEvent(
        actor=actor,
        action=action,
        representation_id=record.id if record is not None else None,
        before=before,
        after=after,
    )
    if at is not None:
        event.occurred_at = at
    db.session.add(event)
    return event
