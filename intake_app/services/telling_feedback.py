""""How was it to tell us?": one optional question after an outcome, and its answers.

Sent once, by the child's chosen route, after the case store reports an outcome: by text
("reply EASY, OK or HARD"), or by email with a link to a one-question page. Answers are
kept apart from records (``TellingFeedback`` has no link to one, and only the day), so
reports can count them and nobody can tell which child said what. A text counts as an
answer only when it is the first message from that phone since the question was sent and
starts with one of the three words: anything else goes on to the bot as usual.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from ..domain.draft import clean_text
from ..extensions import db
from ..models import (
    ChannelMessage,
    Conversation,
    OutboxMessage,
    Representation,
    RepresentationContact,
    TellingFeedback,
)
from ..outbox.enqueue import enqueue
from .acknowledgement import reply_locale
from .wall_clock import SYSTEM_CLOCK, WallClock

EASE = ("easy", "ok", "hard")
# The answer page (public/feedback_views.py); the link is built from PUBLIC_BASE_URL, as
# the status page's is, since the question is often queued outside any request.
ANSWER_PAGE_PATH = "/how-was-it"
QUESTION_SUFFIX = "telling-feedback"
# How long a text answer or the email's link is taken after the question.
ANSWER_WITHIN = timedelta(days=14)
WORDS_MAX = 500
_ANSWER = re.compile(r"^\s*(?P<ease>easy|ok|okay|hard)\b[\s.,:;!-]*(?P<words>.*)$",
                     re.IGNORECASE | re.DOTALL)
_SALT = "telling-feedback"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def answer_link() -> str:
    """A link to the question page that proves only that an email asked it (no record,
    no person in it)."""
    token = _serializer().dumps({"asked": "email"})
    return f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}{ANSWER_PAGE_PATH}/{token}"


def link_is_valid(token: str) -> bool:
    try:
        _serializer().loads(token, max_age=int(ANSWER_WITHIN.total_seconds()))
    except BadSignature:
        return False
    return True


def ask(record: Representation, *, key: str, at: datetime) -> None:
    """Queue the question by the child's route (text or email); nothing otherwise."""
    route = record.contact.reply_channel
    if route not in ("sms", "email"):
        return
    with force_locale(reply_locale(record.language)):
        question = _("How was it to tell us? You do not have to answer.")
        if route == "sms":
            enqueue("sms", record, {"purpose": "telling_feedback", "body": " ".join((
                question, _("Reply EASY, OK or HARD, and a few words if you like.")))},
                key_suffix=f"{QUESTION_SUFFIX}:{key}", at=at)
        else:
            text = " ".join((question, _("Tell us here: %(link)s", link=answer_link())))
            enqueue("email", record, {"purpose": "telling_feedback", "text": text,
                                      "subject": _("How was it to tell us?")},
                    key_suffix=f"{QUESTION_SUFFIX}:{key}", at=at)


def save_answer(*, via: str, ease: str, words: str | None,
                clock: WallClock = SYSTEM_CLOCK) -> str | None:
    """Keep one answer; returns the words as kept (plain, at most ``WORDS_MAX``)."""
    if ease not in EASE:
        raise ValueError(ease)
    text = clean_text(words or "")[:WORDS_MAX] or None
    db.session.add(TellingFeedback(via=via, ease=ease, words=text,
                                   answered_on=clock.today()))
    db.session.commit()
    return text


def answer_by_text(conversation: Conversation, message_id: int, text: str, *,
                   clock: WallClock = SYSTEM_CLOCK) -> str | None:
    """Thanks for an answer texted after the question, or None when this message is not
    one (then it goes to the bot)."""
    found = _ANSWER.match(text)
    if found is None or conversation.channel != "sms" or not conversation.phone_lookup_hash:
        return None
    asked_at = db.session.scalar(
        select(OutboxMessage.created_at)
        .join(Representation, Representation.id == OutboxMessage.representation_id)
        .join(RepresentationContact,
              RepresentationContact.representation_id == Representation.id)
        .where(RepresentationContact.phone_lookup_hash == conversation.phone_lookup_hash,
               OutboxMessage.kind == "sms",
               OutboxMessage.idempotency_key.like(f"%:{QUESTION_SUFFIX}:%"),
               OutboxMessage.created_at >= clock.now() - ANSWER_WITHIN)
        .order_by(OutboxMessage.created_at.desc()).limit(1))
    if asked_at is None:
        return None
    # Only the first message since the question: a later "ok" belongs to a conversation.
    earlier = db.session.scalar(select(ChannelMessage.id).where(
        ChannelMessage.conversation_id == conversation.id, ChannelMessage.id != message_id,
        ChannelMessage.direction == "inbound", ChannelMessage.created_at >= asked_at)
        .limit(1))
    if earlier is not None:
        return None
    ease = found.group("ease").lower()
    save_answer(via="sms", ease="ok" if ease == "okay" else ease,
                words=found.group("words"), clock=clock)
    with force_locale(reply_locale(conversation.language)):
        return _("Thank you for telling us. It helps us do better.")
