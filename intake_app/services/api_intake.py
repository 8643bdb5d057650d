"""The intake API's use-cases around ``submit``: linking a bot conversation to the record it
produced ("talk to a person" callback requests are ``services/callbacks``).

A conversation is named by its opaque public id (what Rasa knows as the sender), never by
a phone number; the phone stays encrypted on the conversation and is copied onto the
record only when the child chose to be answered by text.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from flask import current_app
from flask_babel import force_locale, format_date
from sqlalchemy import select

from ..domain.draft import Draft, fit_text, is_language_code, sanitised
from ..extensions import db
from ..models import ChannelMessage, Conversation, Representation
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


class IdempotencyConflict(Exception):
    """The caller's idempotency key was used before for a different representation."""


# Representation.submission_key is 64 characters; a longer namespaced key is hashed.
SUBMISSION_KEY_CHARS = 64


def partner_submission_key(token_id: int, idempotency_key: str | None) -> str | None:
    """The caller's idempotency key in the caller's own namespace: two partner apps that
    both send "1" must get two records, not each other's. ``api:<token id>:<key>``, or,
    when that is too long for the column, ``api:<token id>:sha256:<hash of the key>``."""
    if not idempotency_key:
        return None
    prefix = f"api:{token_id}:"
    key = prefix + idempotency_key
    if len(key) <= SUBMISSION_KEY_CHARS:
        return key
    digest = hashlib.sha256(idempotency_key.encode()).hexdigest()
    return (prefix + "sha256:" + digest)[:SUBMISSION_KEY_CHARS]


def _same_submission(record: Representation | None, draft: Draft) -> bool:
    """Is the record already saved under this key the one this request describes? There
    is no stored hash of the first body, so its free texts (as saved: sanitised) stand for
    it: a retry sends the same words, a different complaint does not."""
    if record is None:
        return True
    clean = sanitised(draft)
    return (record.text, record.what_would_help or "") == (clean.text,
                                                            clean.what_would_help or "")


def submit_from_api(draft: Draft, *, conversation_public_id: str | None, actor: str,
                    token_id: int) -> SubmissionResult:
    """Submit a draft from the API under the caller's own idempotency key; with a
    conversation, attach it, its transcript, and its phone number when the child wants a
    text reply and gave no other number. A key used before for different words is an
    ``IdempotencyConflict``, never someone else's record."""
    draft = replace(draft, submission_key=partner_submission_key(token_id,
                                                                 draft.submission_key))
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
    result = submit(draft, actor=actor)
    if not result.created and not _same_submission(
            db.session.get(Representation, result.representation_id), draft):
        raise IdempotencyConflict(draft.submission_key)
    return result
