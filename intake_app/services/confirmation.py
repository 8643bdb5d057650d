"""What the web confirmation page shows about a record just sent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..models import Representation
from .acknowledgement import facts


def details(reference: str, *, status_secret: str | None) -> dict[str, Any] | None:
    """The page's facts, with the secret number kept in the session since sending (only
    its hash is stored)."""
    record = db.session.scalars(
        select(Representation).where(Representation.reference == reference)).first()
    return facts(record, status_secret=status_secret) if record is not None else None
