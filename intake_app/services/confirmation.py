"""What the web confirmation page shows about a record just sent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..models import Representation
from .acknowledgement import facts


def details(reference: str) -> dict[str, Any] | None:
    record = db.session.scalars(
        select(Representation).where(Representation.reference == reference)).first()
    return facts(record) if record is not None else None
