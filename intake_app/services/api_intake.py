"""The intake API's use-cases around ``submit``: linking a bot conversation to the record it
produced, and "talk to a person" callback requests.

A conversation is named by its opaque public id (what Rasa knows as the sender), never by
a phone number; the phone stays encrypted on the conversation and is copied onto the
record only when the child chose to be answered by text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from flask import current_app
from flask_babel import force_locale, format_date
from sqlalchemy import select

from ..domain.calendar import add_working_days, clock_start
from ..domain.draft import Draft, clean_text, is_language_code
from ..extensions import db
from ..models import CallbackRequest, ChannelMessage, Conversation, Representation
from .audit import record_event
from .intake import InvalidDraft, SubmissionResult, submit
from .protection import decrypt_json

CALLBACK_NOTE_MAX = 1000


class UnknownConversation(LookupError):
    """No conversation with that public id."""


@dataclass(frozen=True)
class CallbackResult:
    id: int
    created: bool
    reply_by: date
    reply_by_words: str


def words_for_date(value: date, language: str) -> str:
    """"Friday 4 December 2026", in the person's language."""
    with force_locale(language):
        return format_date(value, "EEEE d MMMM y")


def callback_reply_by(requested_at: datetime) -> date:
    """A person gets back within the same working days as an acknowledgement."""
    config = current_app.config
    start = clock_start(requested_at, nation=config["NATION"], cutoff=config["CUTOFF_TIME"])
    return add_working_days(start, config["ACKNOWLEDGEMENT_WORKING_DAYS"],
                            nation=config["NATION"])


def _conversation(public_id: str) -> Conversation:
    conversation = db.session.scalar(
        select(Conversation).where(Conversation.public_id == public_id))
    if conversation is None:
        raise UnknownConversation(public_id)
    return conversation


def conversation_phone(conversation: Conversation) -> str | None:
    """The conversation's phone number (E.164), stored with ``encrypt_json``; None for chat."""
    if conversation.phone_encrypted is None:
        return None
    return decrypt_json(conversation.phone_encrypted) or None


def submit_from_api(draft: Draft, *, conversation_public_id: str | None, actor: str
                    ) -> SubmissionResult:
    """Submit a draft from the API; with a conversation, attach it, its transcript, and its
    phone number when the child wants a text reply and gave no other number."""
    if conversation_public_id is not None:
        try:
            conversation = _conversation(conversation_public_id)
        except UnknownConversation:
            raise InvalidDraft({"conversation_id": "unknown"}) from None
        messages = db.session.scalars(
            select(ChannelMessage)
            .where(ChannelMessage.conversation_id == conversation.id)
            .order_by(ChannelMessage.created_at, ChannelMessage.id))
        draft = replace(
            draft,
            conversation_id=conversation.id,
            transcript=tuple({"direction": message.direction, "body": message.body}
                             for message in messages),
        )
        if draft.reply_channel == "sms" and not draft.contact.phone:
            draft = replace(draft, contact=replace(
                draft.contact, phone=conversation_phone(conversation) or ""))
        if is_language_code(draft.language) and conversation.language != draft.language:
            # The gateway's own replies (safety, degraded mode) follow the chosen language.
            conversation.language = draft.language
    return submit(draft, actor=actor)


def request_callback(conversation_public_id: str, *, note: str | None, actor: str
                     ) -> CallbackResult:
    """Ask for a person to call or text back; an open request for the same conversation is
    returned again rather than doubled (the bot may retry)."""
    conversation = _conversation(conversation_public_id)
    existing = db.session.scalar(
        select(CallbackRequest)
        .where(CallbackRequest.conversation_id == conversation.id,
               CallbackRequest.status == "open")
        .order_by(CallbackRequest.id.desc()))
    if existing is not None:
        reply_by = callback_reply_by(existing.created_at)
        return CallbackResult(existing.id, False, reply_by,
                              words_for_date(reply_by, conversation.language))
    record_id = db.session.scalar(
        select(Representation.id)
        .where(Representation.conversation_id == conversation.id)
        .order_by(Representation.id.desc()))
    callback = CallbackRequest(
        conversation_id=conversation.id,
        representation_id=record_id,
        note=clean_text(note)[:CALLBACK_NOTE_MAX] or None,
    )
    db.session.add(callback)
    db.session.flush()
    record_event(actor, "callback_requested",
                 db.session.get(Representation, record_id) if record_id else None,
                 after={"callback_request_id": callback.id, "conversation": conversation.public_id})
    db.session.commit()
    reply_by = callback_reply_by(callback.created_at)
    return CallbackResult(callback.id, True, reply_by,
                          words_for_date(reply_by, conversation.language))
