"""Advocacy organisations and the advocates who work for them.

An advocate's account is a staff account (role ``advocate``: the same passwords, invites,
two-factor and audit) that belongs to one organisation through ``AdvocateMembership``.
What an advocate may see is decided by the organisation, never by the account alone, so
moving an advocate to another organisation moves what they see at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class AdvocacyOrganisation(db.Model):
    """An advocacy provider the council works with (seeded from the taxonomy's
    ``advocacy_providers``; ``key`` is the taxonomy's key, as referrals name it)."""

    __tablename__ = "advocacy_organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AdvocateMembership(db.Model):
    """Which organisation an advocate's account belongs to (one at a time)."""

    __tablename__ = "advocate_membership"

    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("advocacy_organisation.id"),
                                                 index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
