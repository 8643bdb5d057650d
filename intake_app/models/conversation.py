"""SMS and web-chat conversations, their messages, opt-outs and callback requests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import EncryptedText, UTCDateTime, utcnow


class Conversation(db.Model):
    __tablename__ = "conversation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Opaque id sent to Rasa as the sender: never the phone number.
    public_id: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(16))  # sms / chat
    phone_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_lookup_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    state: Mapped[str] = mapped_column(String(16), default="open")  # open / submitted / closed
    safeguarding_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


# Flagged inbound messages, which the outbox worker's sweep reads every poll (see
# services/conversations.unrecorded_disclosures): a partial index, not a scan of every text.
FLAGGED_INBOUND_SQLITE = "safeguarding_flag = 1 AND direction = 'inbound'"
FLAGGED_INBOUND_POSTGRESQL = "safeguarding_flag = true AND direction = 'inbound'"


class ChannelMessage(db.Model):
    __tablename__ = "channel_message"
    __table_args__ = (
        Index("ix_channel_message_flagged_inbound", "id",
              sqlite_where=text(FLAGGED_INBOUND_SQLITE),
              postgresql_where=text(FLAGGED_INBOUND_POSTGRESQL)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversation.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))  # inbound / outbound
    body: Mapped[str] = mapped_column(EncryptedText)
    # Twilio's MessageSid (or the chat client's message id): a retry must not store twice.
    provider_message_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    safeguarding_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SmsOptOut(db.Model):
    """STOP / START per sender, keyed by the phone's lookup hash."""

    __tablename__ = "sms_opt_out"

    phone_lookup_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=True)
    keyword: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


# How a person may reach a child who asked to talk to one.
CALLBACK_METHODS = ("call", "text", "call_or_text", "none")
# What an officer records after trying: "called" (they spoke) and "closed" (ended without
# speaking, with the reason in the note) close the request; "no_answer" keeps it open.
CALLBACK_OUTCOMES = ("called", "no_answer", "closed")
CALLBACK_CLOSING_OUTCOMES = frozenset({"called", "closed"})


class CallbackRequest(db.Model):
    """"Talk to a person": an officer calls or texts back by ``due_on``.

    The number and the safe times are in ``contact_encrypted`` (``encrypt_json`` of
    ``{"phone": E.164 or null, "times": [contact-time keys]}``); only how (``method``),
    which says nothing about the child, is in clear for the queue.
    """

    __tablename__ = "callback_request"
    # The queue reads open requests by deadline.
    __table_args__ = (Index("ix_callback_request_queue", "status", "due_on", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversation.id"))
    representation_id: Mapped[int | None] = mapped_column(ForeignKey("representation.id"))
    note: Mapped[str | None] = mapped_column(EncryptedText)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / closed
    method: Mapped[str] = mapped_column(String(16), default="none")
    contact_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The working day by which a person gets in touch (or, with no way to reach the
    # child, reads the conversation).
    due_on: Mapped[date] = mapped_column(Date)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_outcome: Mapped[str | None] = mapped_column(String(16))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CallbackAttempt(db.Model):
    """One outcome an officer recorded on a callback request, with their note."""

    __tablename__ = "callback_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    callback_request_id: Mapped[int] = mapped_column(ForeignKey("callback_request.id"),
                                                     index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
