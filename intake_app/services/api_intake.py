"""The intake API's use-cases around ``submit``: linking a bot conversation to the record it
produced ("talk to a person" callback requests are ``services/callbacks``).

A conversation is named by its opaque public id (what Rasa knows as the sender), never by
a phone number; the phone stays encrypted on the conversation and is copied onto the
record only when the child chose to be answered by text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask import current_app
from flask_babel import force_locale, format_date
from sqlalchemy import select

from ..domain.draft import Draft, fit_text, is_language_code
from ..extensions import db
from ..models import ChannelMessage, Conversation
from .intake import InvalidDraft, SubmissionResult, submit
from .protection import decrypt_json


class UnknownConversation(LookupError):
    """No conversation with that public id."""


def words_for_date(value: date, language: str) -> str:
    """"Friday 4 December 2026", in the person's language."""
    with force_locale(language):
        return format_date(value, "EEEE d MMMM y")


def find_conversation(public_id: str) -> Conversation:
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
            conversation = find_conversation(conversation_public_id)
        except UnknownConversation:
            raise InvalidDraft({"conversation_id": "unknown"}) from None
        messages = db.session.scalars(
            select(ChannelMessage)
            .where(ChannelMessage.conversation_id == conversation.id)
            .order_by(ChannelMessage.created_at, ChannelMessage.id))
        draft = replace(
            draft,
            # Everything a child texted is kept in the transcript; the record's own text is
            # cut to what one record holds, from the start, rather than refused.
            text=fit_text(draft.text, limit=current_app.config["TEXT_MAX_CHARS"]),
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
