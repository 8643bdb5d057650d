"""The conversation gateway: one turn of an SMS or web-chat conversation.

Both channels come here, so the rules hold for both (ARCHITECTURE "Safeguarding first",
"Nothing is lost"):

1. a retried provider message id (Twilio's MessageSid) changes nothing;
2. STOP words opt the sender out and nothing is sent after them; START words opt back in;
3. the message is stored before anything else can fail;
4. the safeguarding screen runs on it; a hit saves a record through ``submit()`` at once
   (which writes the urgent ``safeguarding_alert`` outbox row in the same transaction)
   and puts the safety reply at the top of this turn's answer; the conversation goes on;
5. the bot (Rasa) answers within the turn budget, or the gateway falls back to degraded
   mode: a ``needs_review`` record with the raw transcript and an honest acknowledgement;
6. the answer is stored as outbound messages, so the record's transcript is whole.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta

from flask import current_app, has_request_context
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from sqlalchemy import String, cast, literal, select, update
from sqlalchemy.exc import IntegrityError

from ..domain import sms_segments
from ..domain.draft import Contact, Draft, clean_text, fit_text
from ..domain.safeguarding import SafeguardingResult, screen
from ..extensions import db
from ..i18n import bot_languages, supported_locales
from ..models import ChannelMessage, Conversation, Representation, SmsOptOut
from ..outbox.enqueue import enqueue
from . import acknowledgement, look_again, telling_feedback
from .api_intake import conversation_phone
from .intake import InvalidDraft, SubmissionResult, submit
from .opt_outs import is_opted_out
from .protection import encrypt_json, lookup_hash
from .rasa_client import BotReply, BotUnavailable, RasaClient

logger = logging.getLogger(__name__)

STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
                        "OPTOUT"})
START_WORDS = frozenset({"START", "YES", "UNSTOP"})
GATEWAY_ACTOR = "gateway"
REPLY_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Inbound:
    """One message as a channel received it, before anything is decided about it."""

    channel: str  # "sms" or "chat"
    body: str
    provider_message_id: str | None
    phone: str | None = None  # E.164, SMS only
    public_id: str | None = None  # chat: the conversation this browser session holds


@dataclass(frozen=True)
class Turn:
    """What the channel sends back (the texts of this turn, in order), and what happened."""

    public_id: str | None
    replies: tuple[str, ...] = ()
    # The conversation's language, and for each reply the language it is in when that is
    # another (the Welsh half of a greeting offering both): a page marks them with lang.
    language: str | None = None
    reply_languages: tuple[str | None, ...] = ()
    duplicate: bool = False
    degraded: bool = False
    safeguarding: bool = False
    opted_out: bool = False
    bot_seconds: float = 0.0  # time spent waiting for Rasa: the rest is the gateway's

    @property
    def body(self) -> str:
        """The turn as one SMS body, inside Twilio's 1,600 characters."""
        return reply_body(self.replies)


def reply_body(replies: tuple[str, ...] | list[str]) -> str:
    return sms_segments.fit(REPLY_SEPARATOR.join(text for text in replies if text))


def handle_inbound(inbound: Inbound) -> Turn:
    """Store, screen, ask the bot (or degrade), answer: one conversation turn."""
    body = clean_text(inbound.body)
    if inbound.provider_message_id and _already_stored(inbound.provider_message_id):
        return Turn(public_id=None, duplicate=True)

    conversation = _conversation_for(inbound)
    keyword = body.strip(" .!").upper()
    opted_out = inbound.channel == "sms" and _is_opted_out(conversation)
    if inbound.channel == "sms" and keyword in STOP_WORDS:
        return _opt_out(conversation, inbound, body, keyword)
    if inbound.channel == "sms" and opted_out and keyword in START_WORDS:
        return _opt_in(conversation, inbound, body, keyword)

    result = screen_inbound(inbound.body, body)
    # Read before the commit below, which expires the loaded conversation: reading them
    # after it would cost a SELECT each time (twice a turn), for values that never change.
    conversation_id, public_id = conversation.id, conversation.public_id
    metadata = _bot_metadata(conversation, result.flagged)
    language = conversation.language
    message = _store_inbound(conversation, inbound, body, result)
    if message is None:
        return Turn(public_id=public_id, duplicate=True)

    replies: list[str] = []
    reply_languages: list[str | None] = []
    if result.flagged:
        _raise_safeguarding_record(conversation, message, result)
        replies.append(_safety_reply(conversation))
        reply_languages.append(None)
    elif result.concern:
        _raise_concern_record(conversation, message, result)
    if opted_out:
        # The message is kept and screened, but a sender who texted STOP gets nothing.
        return Turn(public_id=public_id, safeguarding=result.flagged, opted_out=True)
    # An answer to "how was it to tell us?", and "LOOK AGAIN <reference>" (or "not happy"
    # after an outcome, handled as on the status page), are answered here, after the
    # safety reply when the message was flagged; anything else goes on to the bot.
    asked = ((None if result.flagged
              else telling_feedback.answer_by_text(conversation, message.id, body))
             or look_again.look_again_by_message(conversation, body))
    if asked is not None:
        replies.append(asked)
        reply_languages.append(None)
        if inbound.channel == "chat":
            _store_outbound(conversation_id, *replies)
        else:
            _store_outbound(conversation_id, reply_body(replies))
        return Turn(public_id=public_id, replies=tuple(replies), language=language,
                    reply_languages=tuple(reply_languages), safeguarding=result.flagged)

    degraded = False
    # Nothing is pending: end any read transaction so no database connection is held
    # while the bot thinks (a pool of 15 would otherwise cap concurrent conversations).
    db.session.rollback()
    asked_at = time.perf_counter()
    try:
        answer = _bot().send(public_id, body, metadata)
        bot_replies = [reply for reply in answer.replies if reply.text]
    except BotUnavailable as error:
        # The numeric id, never the public one: that is the chat's key to its conversation.
        logger.warning("bot unavailable for conversation %d: %s", conversation_id, error)
        degraded = True
        bot_replies = [BotReply(_degraded_reply(conversation, message))]
    else:
        language = _follow_chosen_language(conversation_id, language, answer.chosen_language)
    if not bot_replies:
        # The bot is up but said nothing (a flow it has no answer for): never leave the
        # child without an answer (ARCHITECTURE rule 8).
        degraded = True
        bot_replies = [BotReply(_unanswered_reply(conversation, message))]
    replies.extend(reply.text for reply in bot_replies)
    reply_languages.extend(reply.lang for reply in bot_replies)
    bot_seconds = time.perf_counter() - asked_at

    kept = [index for index, text in enumerate(replies) if text]
    turn = Turn(public_id=public_id, replies=tuple(replies[index] for index in kept),
                language=language,
                reply_languages=tuple(reply_languages[index] for index in kept),
                degraded=degraded, safeguarding=result.flagged, bot_seconds=bot_seconds)
    if inbound.channel == "chat":
        # The chat page shows each reply as a message of its own, and draws them again from
        # these rows on a reload; a text message is stored as the one body it was sent as.
        _store_outbound(conversation_id, *turn.replies)
    elif turn.body:
        _store_outbound(conversation_id, turn.body)
    return turn


def _bot_metadata(conversation: Conversation, flagged: bool) -> dict[str, object]:
    """What the bot needs besides the text: the channel; whether the gateway already gave
    the safety reply; ``languages`` when the council offers the bot more than English (when
    it is absent the bot speaks English and never asks); and for web chat ``language``, the
    page's language, which is the child's choice already."""
    metadata: dict[str, object] = {"channel": conversation.channel,
                                   "safety_reply_sent": flagged}
    languages = bot_languages(current_app.config)
    if len(languages) > 1:
        metadata["languages"] = languages
    if conversation.channel == "chat" and conversation.language in languages:
        metadata["language"] = conversation.language
    return metadata


def _follow_chosen_language(conversation_id: int, language: str,
                            chosen: str | None) -> str:
    """The child picked a language in the bot: the gateway's own texts from now on (the
    safety reply, degraded mode) are in it too. Only a language the council offers."""
    if not chosen or chosen == language or chosen not in bot_languages(current_app.config):
        return language
    db.session.execute(update(Conversation).where(Conversation.id == conversation_id)
                       .values(language=chosen))
    db.session.commit()
    return chosen


def _starting_language(inbound: Inbound) -> str:
    """A web chat starts in the page's language (chosen on the site, or the browser's);
    a text starts in the default language, and the bot asks when there is a choice."""
    if inbound.channel == "chat" and has_request_context():
        locale = str(get_locale() or "")
        if locale in supported_locales():
            return locale
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def _bot() -> RasaClient:
    """One client per app, so connections to Rasa are kept alive between turns."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    client = app.extensions.get("rasa_client")
    if client is None:
        client = RasaClient(app.config["RASA_URL"], app.config["RASA_CHANNEL_SECRET"],
                            app.config["RASA_TURN_BUDGET_SECONDS"])
        app.extensions["rasa_client"] = client
    return client


def _already_stored(provider_message_id: str) -> bool:
    return db.session.scalar(
        select(ChannelMessage.id).where(ChannelMessage.provider_message_id == provider_message_id)
    ) is not None


def _conversation_for(inbound: Inbound) -> Conversation:
    """The open conversation of this phone (SMS) or browser session (chat), or a new one."""
    conversation: Conversation | None = None
    phone_hash = lookup_hash(inbound.phone) if inbound.phone else None
    if inbound.channel == "sms" and phone_hash:
        conversation = db.session.scalars(
            select(Conversation)
            .where(Conversation.phone_lookup_hash == phone_hash,
                   Conversation.channel == "sms", Conversation.state == "open")
            .order_by(Conversation.id.desc())
        ).first()
    elif inbound.public_id:
        conversation = db.session.scalars(
            select(Conversation).where(Conversation.public_id == inbound.public_id,
                                       Conversation.channel == inbound.channel)
        ).first()
    if conversation is not None:
        return conversation
    conversation = Conversation(
        public_id=new_public_id(),
        channel=inbound.channel,
        phone_encrypted=encrypt_json(inbound.phone) if inbound.phone else None,
        phone_lookup_hash=phone_hash,
        language=_starting_language(inbound),
    )
    db.session.add(conversation)
    db.session.commit()
    return conversation


def new_public_id() -> str:
    """An opaque id for Rasa's ``sender``: unguessable and unrelated to the phone."""
    return "c-" + secrets.token_urlsafe(18)


def _is_opted_out(conversation: Conversation) -> bool:
    return bool(conversation.phone_lookup_hash) and is_opted_out(conversation.phone_lookup_hash)


def _record_opt_choice(conversation: Conversation, opted_out: bool, keyword: str) -> None:
    assert conversation.phone_lookup_hash is not None  # SMS conversations always have one
    choice = db.session.get(SmsOptOut, conversation.phone_lookup_hash)
    if choice is None:
        choice = SmsOptOut(phone_lookup_hash=conversation.phone_lookup_hash)
        db.session.add(choice)
    choice.opted_out = opted_out
    choice.keyword = keyword


def _opt_out(conversation: Conversation, inbound: Inbound, body: str, keyword: str) -> Turn:
    """STOP: remembered per sender; Twilio confirms it to the phone, we send nothing."""
    _record_opt_choice(conversation, True, keyword)
    if _store_inbound(conversation, inbound, body, screen(body)) is None:
        return Turn(public_id=conversation.public_id, duplicate=True)
    return Turn(public_id=conversation.public_id, opted_out=True)


def _opt_in(conversation: Conversation, inbound: Inbound, body: str, keyword: str) -> Turn:
    """START after STOP: messages may be sent again, and we say how to begin."""
    _record_opt_choice(conversation, False, keyword)
    if _store_inbound(conversation, inbound, body, screen(body)) is None:
        return Turn(public_id=conversation.public_id, duplicate=True)
    with force_locale(conversation.language):
        reply = _("You will get our texts again. Text HI to tell us something.")
    _store_outbound(conversation.id, reply)
    return Turn(public_id=conversation.public_id, replies=(reply,))


def _store_inbound(conversation: Conversation, inbound: Inbound, body: str,
                   result: SafeguardingResult) -> ChannelMessage | None:
    """Persist the message first; None when a concurrent retry stored it already."""
    message = ChannelMessage(
        conversation_id=conversation.id,
        direction="inbound",
        body=body,
        provider_message_id=inbound.provider_message_id,
        safeguarding_flag=result.flagged,
    )
    db.session.add(message)
    if result.flagged:
        conversation.safeguarding_flag = True
    conversation.updated_at = datetime.now(UTC)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return message


def _store_outbound(conversation_id: int, *bodies: str) -> None:
    for body in bodies:
        db.session.add(ChannelMessage(conversation_id=conversation_id, direction="outbound",
                                      body=body))
    db.session.commit()


def _safety_reply(conversation: Conversation) -> str:
    return acknowledgement.safety_reply(conversation.language)


def screen_inbound(typed: str, cleaned: str) -> SafeguardingResult:
    """The screen reads what the child typed as well as the stored plain text, so no
    cleaning step can ever hide a disclosure from it."""
    result = screen(cleaned)
    if result.flagged or typed == cleaned:
        return result
    return screen(typed)


def _unsent_text(conversation: Conversation) -> str:
    """What the child has sent since this conversation's last record, oldest first."""
    last_record_at = db.session.scalar(
        select(Representation.created_at)
        .where(Representation.conversation_id == conversation.id)
        .order_by(Representation.created_at.desc()).limit(1))
    query = (select(ChannelMessage.body)
             .where(ChannelMessage.conversation_id == conversation.id,
                    ChannelMessage.direction == "inbound")
             .order_by(ChannelMessage.created_at, ChannelMessage.id))
    if last_record_at is not None:
        query = query.where(ChannelMessage.created_at > last_record_at)
    return "\n".join(body for body in db.session.scalars(query) if body)


def fit_for_record(text: str, *, around: int | None = None) -> str:
    """A text no record can refuse for its length (ARCHITECTURE rule 7): see
    ``draft.fit_text``; by default the latest part, the one the gateway has not saved."""
    return fit_text(text, limit=current_app.config["TEXT_MAX_CHARS"],
                    around=len(text) if around is None else around)


def _gateway_draft(conversation: Conversation, text: str, submission_key: str,
                   reason: str) -> Draft:
    """A draft made by the gateway itself (safety or degraded mode), not by the bot,
    held for a person to read.

    For SMS the reply goes back to the number that texted; web chat has no contact.
    """
    phone = conversation_phone(conversation)
    return Draft(
        text=text,
        channel=conversation.channel,
        reply_channel="sms" if phone else "none",
        contact=Contact(phone=phone or ""),
        language=conversation.language,
        submission_key=submission_key,
        conversation_id=conversation.id,
        needs_review_reason=reason,
    )


def _submit_for_review(conversation: Conversation, text: str, submission_key: str,
                       reason: str) -> SubmissionResult:
    """Save a record an officer must look at, in one transaction with its outbox rows."""
    draft = _gateway_draft(conversation, text, submission_key, reason)
    try:
        return submit(draft, actor=GATEWAY_ACTOR)
    except InvalidDraft as error:
        # A number the draft rules refuse (e.g. not a UK mobile): keep it, without a reply.
        logger.warning("gateway draft refused (%s); saving without a reply route", error)
        return submit(replace(draft, reply_channel="none", contact=Contact()),
                      actor=GATEWAY_ACTOR)


def safeguarding_key(message_id: int) -> str:
    """The submission key of the record a flagged message makes: one per message."""
    return f"safeguarding:{message_id}"


def _raise_safeguarding_record(conversation: Conversation, message: ChannelMessage,
                               result: SafeguardingResult) -> None:
    """A record from the flagged message alone, so the urgent alert (which needs one)
    leaves at once and nothing else the conversation holds can make it refused; the
    transcript stays linked through the conversation."""
    around = message.body.find(result.evidence[0].text) if result.evidence else -1
    text = fit_for_record(message.body, around=around if around >= 0 else None)
    try:
        _submit_for_review(conversation, text, safeguarding_key(message.id),
                           "Possible safeguarding concern in a conversation: read the "
                           "whole transcript")
    except Exception:
        # The message and its flag are stored: the alert still leaves (without a
        # reference), the queue lists the message, and the outbox worker keeps trying to
        # make its record. Never let this stop the safety reply reaching the child.
        db.session.rollback()
        logger.exception("could not save the safeguarding record for message %s", message.id)
        _alert_without_record(conversation, message, result)


def _raise_concern_record(conversation: Conversation, message: ChannelMessage,
                          result: SafeguardingResult) -> None:
    """A concern (past harm going well now, an unclear worry) is read by an officer the same
    working day (ARCHITECTURE rule 9): a record from the message, held for review, without
    waking the duty team. The conversation goes on as usual."""
    evidence = result.concern_evidence
    around = message.body.find(evidence[0].text) if evidence else -1
    try:
        _submit_for_review(conversation,
                           fit_for_record(message.body, around=around if around >= 0 else None),
                           f"concern:{message.id}",
                           "Possible safeguarding concern in a conversation (not urgent): "
                           "read it today, with the whole transcript")
    except Exception:
        db.session.rollback()
        logger.exception("could not save the concern record for message %s", message.id)


def _alert_without_record(conversation: Conversation, message: ChannelMessage,
                          result: SafeguardingResult) -> None:
    """The duty team's alert for a flagged message that has no record yet."""
    case = {
        "reference_display": f"none yet (conversation {conversation.public_id})",
        "received_at": message.created_at.isoformat(),
        "channel": conversation.channel,
        "priority": "urgent",
        "safeguarding": {"kinds": list(result.kinds),
                         "evidence": [{"field": "text", **asdict(item)}
                                      for item in result.evidence]},
        "text": message.body,
        "reply": {"channel": "none", "contact": None, "contact_safety": None},
        "transcript": [],
    }
    try:
        enqueue("safeguarding_alert", None, {"case": case}, urgent=True,
                key_suffix=f"message:{message.id}")
        db.session.commit()
    except Exception:
        db.session.rollback()
        logger.exception("could not queue the alert for flagged message %s", message.id)


def unrecorded_disclosures(limit: int = 100, saved_before: datetime | None = None
                           ) -> list[ChannelMessage]:
    """Flagged inbound messages that have no record of their own: each is shown to
    officers and made into a record by ``record_unrecorded_disclosures``."""
    key = literal("safeguarding:") + cast(ChannelMessage.id, String)
    recovered = literal("recovered:") + cast(ChannelMessage.id, String)
    query = (
        select(ChannelMessage)
        .outerjoin(Representation, Representation.submission_key.in_([key, recovered]))
        # "= true", as the partial index ix_channel_message_flagged_inbound says it.
        .where(ChannelMessage.safeguarding_flag == True,  # noqa: E712
               ChannelMessage.direction == "inbound",
               Representation.id.is_(None)))
    if saved_before is not None:
        query = query.where(ChannelMessage.created_at < saved_before)
    return list(db.session.scalars(query.order_by(ChannelMessage.id).limit(limit)))


# The gateway saves a flagged message, then makes its record in a second transaction: a
# sweep in between would make a second record and a second alert. Messages younger than
# this are the gateway's to record; a fault that stopped it is still found a minute later.
SWEEP_GRACE = timedelta(minutes=1)


def record_unrecorded_disclosures(now: datetime | None = None) -> int:
    """Make the missing record of every flagged message (run by the outbox worker): a fault
    that stopped it at the time does not stop it for good. Returns how many were made."""
    made = 0
    now = now or datetime.now(UTC)
    for message in unrecorded_disclosures(saved_before=now - SWEEP_GRACE):
        conversation = db.session.get(Conversation, message.conversation_id)
        if conversation is None:
            continue
        try:
            evidence = screen(message.body).evidence
            around = message.body.find(evidence[0].text) if evidence else -1
            _submit_for_review(conversation,
                               fit_for_record(message.body,
                                              around=around if around >= 0 else None),
                               safeguarding_key(message.id),
                               "Possible safeguarding concern, saved after a fault: act "
                               "today and read the whole transcript")
        except Exception:
            db.session.rollback()
            logger.exception("still no record for flagged message %s", message.id)
            continue
        made += 1
    return made


def _has_words_for_a_person(text: str) -> bool:
    """More than a short answer ("yes", "1", "hello??"): something a person should read."""
    return len(_WORD.findall(text)) >= WORDS_FOR_A_PERSON


WORDS_FOR_A_PERSON = 4
_WORD = re.compile(r"[^\W\d_]+")  # letters only: "[picture - not kept]" is three words


def _unanswered_reply(conversation: Conversation, message: ChannelMessage) -> str:
    """The bot answered nothing. What the child told us and the bot left unanswered goes
    to a person (as in degraded mode); a short answer the bot did not expect gets a way on."""
    if _has_words_for_a_person(message.body):
        return _degraded_reply(conversation, message, bot_down=False)
    with force_locale(conversation.language):
        return _("Sorry, I did not understand that. Send HI to tell us something new, or "
                 "ask to talk to a person. In danger now? Call 999. Childline: 0800 1111.")


def _degraded_reply(conversation: Conversation, message: ChannelMessage, *,
                    bot_down: bool = True) -> str:
    """Degraded mode: save what the child sent for a person, and say so honestly (the bot
    is down, or it had no answer to what they said).

    Keyed by this message, so every turn while the bot is down makes a record of what
    came since the last one, and nothing sent later is left out of the case store."""
    key = f"degraded:{message.id}"
    text = fit_for_record(_unsent_text(conversation))
    reason = ("The bot was unavailable: read the transcript" if bot_down
              else "The bot had no answer to this: read the transcript")
    result = None
    if text:
        try:
            result = _submit_for_review(conversation, text, key, reason)
        except Exception:
            db.session.rollback()
            logger.exception("degraded mode could not save a record for conversation %d",
                             conversation.id)
    with force_locale(conversation.language):
        sorry = (_("Sorry, our text helper is not working right now.") if bot_down
                 else _("Sorry, I did not understand that."))
        if result is None and text:
            return " ".join((sorry, _("We could not pass your message on just now. "
                                      "Please send it again in a few minutes. "
                                      "In danger now? Call 999. Childline: 0800 1111.")))
        if result is None:
            # Nothing new to save: what they sent is already with a person.
            return " ".join((sorry, _("Your message is saved. A person will read it. "
                                      "In danger now? Call 999. Childline: 0800 1111.")))
        return " ".join((sorry, _("Your message is saved."), result.acknowledgement_sms))


def record_recovered(inbound: Inbound) -> None:
    """A text that got no answer at the time (see ``inbound_spool``): store it, screen it and
    hold it for a person, without asking the bot. Idempotent on the provider's id."""
    body = clean_text(inbound.body)
    if inbound.provider_message_id and _already_stored(inbound.provider_message_id):
        return
    conversation = _conversation_for(inbound)
    result = screen_inbound(inbound.body, body)
    message = _store_inbound(conversation, inbound, body, result)
    if message is None:
        return
    reason = "Saved after a fault: this text got no answer at the time. Please reply."
    if result.flagged:
        reason = "Possible safeguarding concern, saved after a fault: act today."
    _submit_for_review(conversation, fit_for_record(_unsent_text(conversation) or body),
                       f"recovered:{message.id}", reason)


def reply_after_fault(inbound: Inbound) -> str:
    """The answer when a turn failed outright (the database down or locked): the text is
    spooled first, then the child is told honestly what happens next, with the safety reply
    when it needs one. Never an empty answer (ARCHITECTURE rule 8)."""
    from . import inbound_spool  # the spool replays through this module

    db.session.rollback()  # whatever the failed turn left half-done
    kept = inbound_spool.keep(inbound)
    language = current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(language):
        parts = [_("Sorry, something went wrong.")]
        parts.append(_("We saved your message. A person will read it.") if kept
                     else _("Please send it again later."))
        if screen_inbound(inbound.body, clean_text(inbound.body)).flagged:
            parts.append(acknowledgement.safety_reply(language))
        else:
            parts.append(_("In danger now? Call 999. Childline: 0800 1111."))
    return " ".join(parts)
