"""Advocacy organisations and the advocates who work for them.

An advocate's account is a staff account (role ``advocate``: the same passwords, invites,
two-factor and audit) that belongs to one organisation through ``AdvocateMembership``.
What an advocate may see is decided by the organisation, never by the account alone, so
moving an advocate to another organisation moves what they see at once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import EncryptedJSON, EncryptedText, UTCDateTime, utcnow


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


class AdvocateSubmission(db.Model):
    """What an advocate told us with a record they made for a child (the child's own words
    are the record's text, what they want to happen its ``what_would_help``; the advocate's
    summary is kept apart here). Every free text is encrypted at rest."""

    __tablename__ = "advocate_submission"

    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"),
                                                   primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("advocacy_organisation.id"),
                                                 index=True)
    advocate_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    child_name: Mapped[str] = mapped_column(EncryptedText)  # first name or initials
    age_band: Mapped[str] = mapped_column(String(16))
    child_status: Mapped[str] = mapped_column(String(16))
    council_team: Mapped[str | None] = mapped_column(EncryptedText)
    # language, interpreter (bool), disability (text), preferred_way
    communication: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    advocate_summary: Mapped[str | None] = mapped_column(EncryptedText)
    consent_method: Mapped[str] = mapped_column(String(16))
    consent_given_on: Mapped[date] = mapped_column(Date)
    # What the child agreed may be shared, and with whom, in the advocate's words.
    sharing: Mapped[str] = mapped_column(EncryptedText)
    # child / advocate / both: exactly as the child chose.
    replies_to: Mapped[str] = mapped_column(String(8))
    advocate_type: Mapped[str | None] = mapped_column(String(16))
    advocate_categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    advocate_urgency: Mapped[str] = mapped_column(String(8), default="normal")
    safeguarding_known: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AdvocacyReferral(db.Model):
    """A child's request for an advocate, sent to a provider, and what the provider
    answered (through the API, or the advocates' area in the embedded default).

    state: sent -> accepted -> allocated, or declined (with a reason). A referral still
    ``sent`` a working day after it went raises one alert to the complaints team.
    """

    __tablename__ = "advocacy_referral"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    # The provider's key (help_me_choose already resolved to the council's default).
    provider: Mapped[str] = mapped_column(String(32))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("advocacy_organisation.id"), index=True)
    chosen_by_child: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(16), default="sent", index=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # One working day after it was sent: not accepted by then, the complaints team hears.
    accept_by: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The allocated advocate's organisation contact, as the provider gave it.
    allocated_contact: Mapped[str | None] = mapped_column(EncryptedText)
    decline_reason: Mapped[str | None] = mapped_column(EncryptedText)
    overdue_alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AdvocateAddition(db.Model):
    """Something an advocate added to an open record after sending it: a new entry, never
    an edit, screened for safeguarding like every text and audited."""

    __tablename__ = "advocate_addition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id"), index=True)
    advocate_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    body: Mapped[str] = mapped_column(EncryptedText)
    safeguarding_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
