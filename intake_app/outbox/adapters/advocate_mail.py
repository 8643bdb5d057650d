"""Emails to the advocate who made a record for a child, when the child chose replies to
go to them (alone or as well as to the child)."""

from __future__ import annotations

from flask import current_app

from ...models import OutboxMessage, Representation
from ...services.advocate_intake import advocates_address
from ..outcomes import Delivered, Outcome, PermanentError, Skipped
from .mail import send_email


def deliver_advocate_email(message: OutboxMessage, record: Representation | None) -> Outcome:
    """The address is read at sending time: an advocate whose account was disabled since
    gets nothing (the officers see the row skipped and can reach the organisation)."""
    if record is None:
        raise PermanentError("advocate_email message without a record")
    address = advocates_address(record)
    if address is None:
        return Skipped("the advocate's account is no longer active")
    payload = message.payload
    send_email(current_app.config, to=address, subject=payload["subject"],
               text=payload["text"], html=payload.get("html"),
               headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)
