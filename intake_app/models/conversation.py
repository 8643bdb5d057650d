"""SMS and web-chat conversations, their messages, opt-outs and callback requests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


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


class ChannelMessage(db.Model):
    __tablename__ = "channel_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversation.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))  # inbound / outbound
    body: Mapped[str] = mapped_column(Text)
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


class CallbackRequest(db.Model):
    """"Talk to a person": an officer calls or texts back."""

    __tablename__ = "callback_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversation.id"))
    representation_id: Mapped[int | None] = mapped_column(ForeignKey("representation.id"))
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
