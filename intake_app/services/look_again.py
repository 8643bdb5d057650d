"""Asking us to look again by text or chat: ``LOOK AGAIN <reference>`` from the phone or
conversation the record came from, with the secret number from anywhere, or a plain "not
happy" reply to the outcome text; and the status page's request after its secret check.

Each ends in ``complaint_stages.ask_to_look_again``, so the request is handled the same
way whichever route it came by. The gateway asks here before the bot, after the message
is stored and screened: a message with a safeguarding flag never comes here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import or_, select

from ..domain.draft import Contact, Draft
from ..domain.references import display, normalise
from ..domain.safeguarding import screen
from ..domain.status_secrets import normalise_secret
from ..extensions import db
from ..models import (
    AuditEvent,
    Conversation,
    Representation,
    RepresentationContact,
)
from . import status_checks
from .acknowledgement import reply_locale, safety_reply
from .casework import CONTACT_FIELDS
from .complaint_stages import LookAgainAnswer, ask_to_look_again
from .council_contact import council_contact
from .intake import InvalidDraft, submit
from .protection import decrypt_json, keyed_digest
from .wall_clock import SYSTEM_CLOCK, WallClock

# "LOOK AGAIN ABCD-EFGH" (and the secret, from another phone), in Welsh "EDRYCH ETO", or,
# from the phone or conversation an outcome went to, a plain reply that says the same.
LOOK_AGAIN_COMMAND = re.compile(r"^\s*(?:look\s+again|edrych\s+eto)\b[\s.,:!-]*(?P<rest>.*)$",
                                re.IGNORECASE | re.DOTALL)
# As many wrong secrets as STATUS_REFERENCE_RATE_LIMIT's default allows in an hour.
WRONG_SECRETS_PER_HOUR = 10
PLAIN_REPLIES = frozenset({
    "look again", "look again please", "please look again", "not happy", "im not happy",
    "i am not happy", "i'm not happy", "i want you to look again", "can you look again",
    "edrych eto", "edrychwch eto", "edrych eto plis", "plis edrychwch eto",
    "dw i ddim yn hapus", "dwi ddim yn hapus", "dydw i ddim yn hapus", "ddim yn hapus",
    "dw i isio i chi edrych eto", "dw i eisiau i chi edrych eto",
})


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w' ]", " ", text.lower().replace("’", "'")).split())


def _own_records(conversation: Conversation) -> list[Representation]:
    """Records made by this conversation or sent from the same phone, newest first."""
    mine = Representation.conversation_id == conversation.id
    if conversation.phone_lookup_hash:
        mine = or_(mine, Representation.contact.has(
            RepresentationContact.phone_lookup_hash == conversation.phone_lookup_hash))
    return list(db.session.scalars(select(Representation).where(mine)
                                   .order_by(Representation.id.desc())))


def look_again_by_message(conversation: Conversation, text: str, *,
                          clock: WallClock = SYSTEM_CLOCK) -> str | None:
    """The answer to a text or chat message asking to look again, or None when the message
    is not such a request (it goes on to the bot as usual).

    ``LOOK AGAIN <reference>`` works from the phone or conversation the record came from;
    with the secret number after it, from anywhere (checked and audited like STATUS). A
    plain "look again" or "not happy" counts only where this phone or conversation has a
    stage 1 response to look again at.
    """
    command = LOOK_AGAIN_COMMAND.match(text)
    language = conversation.language
    if command is None:
        if _words(text) not in PLAIN_REPLIES:
            return None
        answered = [record for record in _own_records(conversation)
                    if record.stage1_responded_on is not None and record.type == "complaint"]
        if not answered:
            return None
        return ask_to_look_again(answered[0], via=conversation.channel, language=language,
                                 clock=clock).text
    rest = command.group("rest").split()
    reference = normalise(rest[0]) if rest else None
    secret = normalise_secret("".join(rest[1:])) if len(rest) > 1 else None
    with force_locale(reply_locale(language)):
        if reference is None:
            own = [record for record in _own_records(conversation)
                   if record.stage1_responded_on is not None and record.type == "complaint"]
            if len(own) == 1:
                return ask_to_look_again(own[0], via=conversation.channel,
                                         language=language, clock=clock).text
            return _("Please send LOOK AGAIN and your reference, like LOOK AGAIN ABCD-EFGH. "
                     "From another phone, add your secret number.")
        record = next((record for record in _own_records(conversation)
                       if record.reference == reference), None)
        if record is None and secret is not None and not _guessed_too_often(reference, clock):
            try:
                status_checks.check_with_secret(reference, secret, actor=conversation.channel,
                                                via=conversation.channel, language=language,
                                                clock=clock)
            except status_checks.NoMatch:
                pass
            else:
                record = db.session.scalar(select(Representation).where(
                    Representation.reference == reference))
        if record is None:
            contact = council_contact(reply_locale(language))
            return _("We could not find that. Check your reference and secret number, or "
                     "call us on %(phone)s (%(hours)s).", phone=contact.phone,
                     hours=contact.opening_hours)
    return ask_to_look_again(record, via=conversation.channel, language=language,
                             clock=clock).text


def _guessed_too_often(reference: str, clock: WallClock) -> bool:
    """Wrong secrets for this reference in the last hour, from any channel (STATUS and the
    status page audit theirs the same way): past the limit a text gets the same "could not
    find that", so six digits cannot be guessed by texting."""
    since = clock.now() - timedelta(hours=1)
    record_id = db.session.scalar(select(Representation.id).where(
        Representation.reference == reference))
    if record_id is None:
        return False
    afters = db.session.scalars(select(AuditEvent.after).where(
        AuditEvent.representation_id == record_id,
        AuditEvent.action == status_checks.LOOKED_UP, AuditEvent.occurred_at >= since))
    misses = sum(1 for after in afters if after and after.get("with_secret")
                 and not after.get("matched"))
    return misses >= WRONG_SECRETS_PER_HOUR


def look_again_from_status_page(reference: str, *, language: str, words: str | None,
                                clock: WallClock = SYSTEM_CLOCK) -> LookAgainAnswer:
    """The status page's request, for a reference whose secret was just checked."""
    record = db.session.scalar(select(Representation).where(
        Representation.reference == reference))
    if record is None:
        raise LookupError(reference)
    screened = screen(words) if words else None
    answer = ask_to_look_again(record, via="web", language=language, words=words,
                               clock=clock)
    if screened is not None and (screened.flagged or screened.concern):
        _record_disclosure(record, words or "")
    if screened is not None and screened.flagged:
        # The safety reply first, as everywhere a disclosure is read.
        answer = replace(answer, text=f"{safety_reply(language)} {answer.text}")
    return answer


def _record_disclosure(record: Representation, words: str) -> None:
    """What the child added is screened like every message: a possible disclosure makes a
    record of its own (ARCHITECTURE rule 7), with the child's reply route, so its alert or
    concern goes through ``submit`` like any other. Keyed by a keyed hash of the words, so
    a double click makes one record and new words another."""
    key = keyed_digest(f"{record.reference}:{words}", purpose="look-again-words")
    details = decrypt_json(record.contact.contact_encrypted) or {}
    draft = Draft(
        text=words, channel="web", reply_channel=record.contact.reply_channel,
        contact=Contact(**{name: details.get(name, "") for name in CONTACT_FIELDS}),
        language=record.language, submission_key=f"look-again:{key[:40]}",
        needs_review_reason=f"Written when asking to look again at "
                            f"{display(record.reference)}: read it with that record")
    try:
        submit(draft, actor="look-again")
    except InvalidDraft:
        submit(replace(draft, reply_channel="none", contact=Contact()), actor="look-again")
