""""How is my message going?": the answer a child gets on the status page, by text or in
the chat, and the secret that lets them ask from anywhere.

A reference alone shows nothing to a stranger: it is printed on letters and read out on
the phone. With the six-digit secret given only to the child (``issue_secret``, at
submit) anyone holding both may ask from any phone or browser; the same phone or
conversation still asks without it (``case_status.status_for_child``). Only a keyed hash
of the secret is kept, bound to its reference.

An unknown reference and a wrong secret get the very same answer (``NoMatch``), after the
same work, so asking reveals nothing about which references exist. Every look-up is
audited, with the record when there is one, so officers can see attempts on it. The
answer says the stage, the next date and what happens next, with how to reach the
council; it never names a person or repeats what the child wrote.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import force_locale, format_date, format_datetime
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.references import display, normalise
from ..domain.status_secrets import new_secret, normalise_secret
from ..extensions import db
from ..models import Conversation, Representation
from .acknowledgement import reply_locale
from .aftercare import ombudsman_signpost
from .audit import record_event
from .case_status import UnknownRecord, status_for_child, status_sentence
from .complaint_stages import can_look_again, decision_due, stage_of, waiting_request
from .council_contact import CouncilContact, council_contact
from .protection import keyed_digest
from .wall_clock import LONDON, SYSTEM_CLOCK, WallClock

SECRET_PURPOSE = "status-secret"
FINISHED = frozenset({"closed", "resolved_informally"})
LOOKED_UP = "status.looked_up"


class NoMatch(LookupError):
    """No record with that reference and secret: said the same way for either mistake."""


@dataclass(frozen=True)
class StatusAnswer:
    """What a child is told about one record, in their language."""

    reference: str  # ABCD-EFGH
    status: str
    case_status: str | None
    updated_at: datetime
    stage: str
    next_step: str
    next_date: date | None
    contact: CouncilContact
    text: str  # the answer as one message after the reference, for a text or the chat
    # A complaint answered at stage 1 with no stage 2 yet: the page offers "look again".
    can_look_again: bool = False
    # After the council's last stage: the Ombudsman, in plain words ("" before then).
    ombudsman: str = ""


def secret_hash(reference: str, secret: str) -> str:
    """Bound to the reference, so one record's hash says nothing about another's."""
    return keyed_digest(f"{reference}:{secret}", purpose=SECRET_PURPOSE)


def issue_secret(record: Representation) -> str:
    """A new secret for a record being made: its hash is kept, the secret is returned once
    to be shown and sent to the child."""
    secret = new_secret()
    record.status_secret_hash = secret_hash(record.reference, secret)
    return secret


def check_with_secret(reference_text: str, secret_text: str, *, actor: str, via: str,
                      language: str, clock: WallClock = SYSTEM_CLOCK) -> StatusAnswer:
    """The answer for a reference and secret typed anywhere; ``NoMatch`` otherwise."""
    reference = normalise(reference_text)
    secret = normalise_secret(secret_text)
    record = _by_reference(reference) if reference else None
    # Hashed whether or not the record exists: the same work for either mistake.
    given = secret_hash(reference or "", secret or "")
    expected = record.status_secret_hash if record is not None else None
    matched = (expected is not None and secret is not None
               and hmac.compare_digest(expected, given))
    record_event(actor, LOOKED_UP, record, after={
        "via": via, "with_secret": True, "matched": matched, "reference": reference,
    }, at=clock.now())
    db.session.commit()
    if not matched or record is None:
        raise NoMatch(reference_text)
    return answer_for(record, language, clock=clock)


def check_in_conversation(reference_text: str, *, conversation_public_id: str,
                          secret_text: str | None, actor: str,
                          clock: WallClock = SYSTEM_CLOCK) -> StatusAnswer:
    """STATUS in a text or chat conversation: with a secret, from anywhere; without one,
    only the conversation that made the record or one from the same phone (as before)."""
    conversation = _conversation(conversation_public_id)
    if conversation is None:
        raise NoMatch(reference_text)
    if secret_text:
        return check_with_secret(reference_text, secret_text, actor=actor,
                                 via=conversation.channel, language=conversation.language,
                                 clock=clock)
    reference = normalise(reference_text)
    record = _by_reference(reference) if reference else None
    try:
        status_for_child(reference_text, conversation_public_id=conversation_public_id)
    except UnknownRecord:
        matched = False
    else:
        matched = record is not None
    record_event(actor, LOOKED_UP, record, after={
        "via": conversation.channel, "with_secret": False, "matched": matched,
        "reference": reference,
    }, at=clock.now())
    db.session.commit()
    if not matched or record is None:
        raise NoMatch(reference_text)
    return answer_for(record, conversation.language, clock=clock)


def sender_key(conversation_public_id: str) -> str:
    """Who is asking, for the rate limit: the phone (by its keyed hash) of a text
    conversation, so a new conversation from the same phone buys no new tries; the
    conversation itself in the chat."""
    conversation = _conversation(conversation_public_id)
    if conversation is None:
        return f"conversation:{keyed_digest(conversation_public_id, purpose='status-sender')}"
    if conversation.phone_lookup_hash:
        return f"phone:{conversation.phone_lookup_hash}"
    return f"conversation:{conversation.id}"


def reference_limit_key(reference_text: str | None) -> str:
    """The key of the per-reference limit, the same for the status page and STATUS by text
    or chat (so switching gives no new tries); hashed, since the limiter logs its key."""
    reference = normalise(reference_text or "") or ""
    return "status-reference:" + keyed_digest(reference, purpose="status-reference")


def limited_text(conversation_public_id: str, again_at: datetime) -> str:
    """Too many look-ups that found nothing, said kindly in the conversation's language:
    when to try again (UK time) and who to call meanwhile."""
    conversation = _conversation(conversation_public_id)
    language = reply_locale(conversation.language if conversation else "en")
    with force_locale(language):
        contact = council_contact(language)
        return " ".join((
            _("You have tried a lot of times. To keep your message safe, you can try again "
              "from %(time)s.", time=format_datetime(again_at.astimezone(LONDON),
                                                      "EEEE HH:mm", rebase=False)),
            _("You can call us on %(phone)s (%(hours)s).", phone=contact.phone,
              hours=contact.opening_hours),
        ))


def answer_for(record: Representation, language: str, *,
               clock: WallClock = SYSTEM_CLOCK) -> StatusAnswer:
    locale = reply_locale(language)
    with force_locale(locale):
        stage = status_sentence(record)
        next_step, next_date = _next_step(record, clock.today())
        contact = council_contact(locale)
        reference = display(record.reference)
        ombudsman = ombudsman_signpost(record) or ""
        parts = [stage, next_step, *([ombudsman] if ombudsman else []),
                 _("Questions? Call us on %(phone)s (%(hours)s).", phone=contact.phone,
                   hours=contact.opening_hours)]
        if contact.sms_number:
            parts.append(_("To check again, text STATUS %(reference)s and your secret number "
                           "to %(number)s, or go to %(link)s.", reference=reference,
                           number=contact.sms_number, link=contact.status_url))
        else:
            parts.append(_("To check again, go to %(link)s.", link=contact.status_url))
        return StatusAnswer(
            reference=reference, status=record.status, case_status=record.case_status,
            updated_at=record.updated_at, stage=stage, next_step=next_step,
            next_date=next_date, contact=contact, text=" ".join(parts),
            can_look_again=can_look_again(record), ombudsman=ombudsman)


def _by_reference(reference: str) -> Representation | None:
    return db.session.scalar(select(Representation).where(Representation.reference == reference))


def _conversation(public_id: str) -> Conversation | None:
    return db.session.scalar(select(Conversation).where(Conversation.public_id == public_id))


def _next_step(record: Representation, today: date) -> tuple[str, date | None]:
    """What happens next and by when, honestly: a date only when one is kept, and a late
    one said to be late."""
    if record.status == "withdrawn" or record.withdrawn_at is not None:
        return _("We will not do any more unless you ask us to."), None
    if record.case_status in FINISHED:
        return _("You can tell us something new at any time."), None
    waiting = waiting_request(record)
    if waiting is not None:
        due = decision_due(waiting)
        return _("We have your request to look again. A person will decide what happens "
                 "next by %(date)s.", date=format_date(due, "EEEE d MMMM y")), due
    if record.case_status == "stage1_responded":
        return _("Not happy with our answer? Call us and we will tell you what you can do "
                 "next."), None
    if record.case_status in ("stage2_in_progress", "stage3_panel"):
        stage = stage_of(record, record.case_status)
        if stage is not None and stage.paused_on is None and stage.due_in_force >= today:
            return _("They will finish by %(date)s.",
                     date=format_date(stage.due_in_force, "EEEE d MMMM y")), stage.due_in_force
        return _("We will tell you when they have finished."), None
    if record.clock_paused_on is not None:
        return _("We have stopped the clock while we find you an advocate. We will tell you "
                 "when it starts again."), None
    if record.type == "complaint":
        due = record.stage1_extended_due if record.stage1_extended else record.stage1_due
    else:
        due = record.acknowledgement_due
    if (due is None or due < today) and record.type == "complaint":
        return _("We are late, and we are sorry. Please call us and we will tell you what "
                 "is going on."), None
    if due is None or due < today:
        return _("Still waiting for an answer? Please call us."), None
    when = format_date(due, "EEEE d MMMM y")
    if record.type == "complaint":
        return _("We will try to sort it out by %(date)s.", date=when), due
    return _("A person will look at it by %(date)s.", date=when), due
