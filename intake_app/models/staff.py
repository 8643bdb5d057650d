"""Staff who work the intake queue, and service tokens for partner apps and the bot."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow

# advocate accounts belong to the advocates' area; they never see officers' pages.
STAFF_ROLES = ("officer", "manager", "admin", "advocate")


class StaffUser(UserMixin, db.Model):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    # argon2id; None until an invited user sets a password.
    password_hash: Mapped[str | None] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16), default="officer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # TOTP secret, encrypted at rest; enabled once the user has proved a code from it.
    totp_secret_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    totp_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # A one-time invite link: only its SHA-256 is stored.
    invite_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    invite_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The last 30-second TOTP step accepted, so a code works once even when two requests
    # race with it (accepted only by an UPDATE that finds a smaller step).
    last_totp_step: Mapped[int | None] = mapped_column(Integer)
    # Part of the signed-in session's id: raising it ends every session of this account
    # (sign-out, disabling, a new password or two-factor), copies of the cookie included.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set while the account waits for an admin's approval: the audit actor ("staff:<id>")
    # who made it (an invite, a two-factor reset, or a password reset without two-factor).
    # A different admin must approve before it can sign in; None when nothing waits.
    approval_requested_by: Mapped[str | None] = mapped_column(String(128))

    @property
    def is_active(self) -> bool:  # Flask-Login asks this to refuse disabled accounts.
        return self.active

    @property
    def awaiting_approval(self) -> bool:
        return self.approval_requested_by is not None

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: ``auth.load_staff_user`` refuses it once
        the account's session_version has moved on."""
        return f"{self.id}:{self.session_version or 0}"


class ServiceToken(db.Model):
    """A bearer token for the intake API; only its SHA-256 is stored."""

    __tablename__ = "service_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # intake (bot, partner apps) or case_store (status callbacks)
    scope: Mapped[str] = mapped_column(String(16), default="intake")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
