"""STOP and START per sender: one question every sender of texts asks first."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import SmsOptOut


def is_opted_out(phone_lookup_hash: str) -> bool:
    """STOP was texted from this number (and no START since)."""
    return bool(db.session.scalar(
        select(SmsOptOut.opted_out).where(SmsOptOut.phone_lookup_hash == phone_lookup_hash)))
