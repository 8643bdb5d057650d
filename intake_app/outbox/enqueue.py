"""Writing outbox rows: the only way anything leaves the service (ARCHITECTURE rule 2).

Rows are added to the caller's session, so they commit or roll back with the record.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..extensions import db
from ..models import OutboxMessage, Representation


def enqueue(
    kind: str,
    record: Representation | None,
    payload: dict[str, Any] | None = None,
    *,
    key_suffix: str = "",
    urgent: bool = False,
    at: datetime | None = None,
) -> OutboxMessage:
    """Add one message, due at once (or, in a replay, made and due ``at``); its idempotency
    key is the record's reference plus the kind."""
    owner = record.reference if record is not None else "service"
    key = f"{owner}:{kind}" + (f":{key_suffix}" if key_suffix else "")
    message = OutboxMessage(
        kind=kind,
        representation_id=record.id if record is not None else None,
        payload=payload or {},
        idempotency_key=key,
        urgent=urgent,
    )
    if at is not None:
        message.created_at = message.next_attempt_at = at
    db.session.add(message)
    return message
