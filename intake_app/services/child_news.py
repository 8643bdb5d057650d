"""Keeping the child informed: a short message each time a date on their complaint moves.

The regulations expect the complainant to be kept informed (and to agree an extension),
so every change an officer makes to a clock (an extension, a pause, a restart, a new
stage) is told to the child, or whoever they chose to hear back, by the route they chose:
a text or an email through the outbox. Texts wait for the child's safe times (the SMS
delivery checks them at sending time) and never go after STOP; "no reply" sends nothing,
and the status page shows the same dates. The words are fixed, plain sentences in the
child's language with the new date and a reason chosen from a short list: never an
officer's own words, so no person is named and nothing the child wrote is repeated.
"""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from ..domain.references import display
from ..models import Representation
from ..outbox.enqueue import enqueue
from .acknowledgement import reply_locale
from .council_contact import council_contact

# What changed, in one sentence; %(date)s is the new date, in the child's language.
NEWS: dict[str, LazyString] = {
    "stage1_extended": _l("We need more time to answer your complaint. We will answer by "
                          "%(date)s."),
    "clock_paused": _l("We have stopped the clock on your complaint for now. We will tell "
                       "you when it starts again."),
    "clock_resumed": _l("The clock on your complaint has started again. We will answer by "
                        "%(date)s."),
    "stage2_started": _l("Someone new will now look again at your complaint. They will "
                         "finish by %(date)s."),
    "stage2_extended": _l("Looking again at your complaint needs more time. We will finish "
                          "by %(date)s."),
    "stage3_started": _l("A group of people will look at your complaint. They will meet "
                         "by %(date)s."),
    "stage3_response": _l("The panel has met. We will send you our answer by %(date)s."),
    "look_again_waiting": _l("We have your request to look again. A person will decide what "
                             "happens next by %(date)s."),
    "look_again_not_started": _l("A person has looked at your request to look again. They "
                                 "will get in touch to explain what you can do."),
    # A compliment held for review is passed on only once an officer has looked, so the
    # acknowledgement could not promise it (``compliments``): this says it happened.
    "compliment_passed_on": _l("Thank you for your kind words. We have now passed them on "
                               "to the team you told us about."),
}
# Why, chosen by the officer from this list (the keys are the forms' choices).
REASONS_FOR_CHILD: dict[str, LazyString] = {
    "more_time": _l("This is because we want to look at everything properly."),
    "waiting_information": _l("This is because we are waiting for some information."),
    "advocate": _l("This is because we are finding you an advocate."),
    "child_asked": _l("This is because you asked us to wait."),
}
REPLY_ROUTES = ("sms", "email")


def tell_child(record: Representation, news: str, *, due: date | None = None,
               reason: str | None = None, at: datetime) -> str | None:
    """Queue the news by the child's chosen route; returns that route, or None when they
    chose no message (phone, letter and "no reply" are for a person, or for nobody)."""
    route = record.contact.reply_channel
    if route not in REPLY_ROUTES:
        return None
    with force_locale(reply_locale(record.language)):
        contact = council_contact(reply_locale(record.language))
        when = format_date(due, "EEEE d MMMM y") if due is not None else ""
        parts = [str(NEWS[news]) % {"date": when}]
        if reason in REASONS_FOR_CHILD:
            parts.append(str(REASONS_FOR_CHILD[reason]))
        parts.append(_("Questions? Call us on %(phone)s (%(hours)s).", phone=contact.phone,
                       hours=contact.opening_hours))
        parts.append(_("Your reference is %(reference)s.",
                       reference=display(record.reference)))
        text = " ".join(parts)
        key = f"news:{news}:{at.isoformat()}"
        if route == "sms":
            enqueue("sms", record, {"purpose": news, "body": text}, key_suffix=key, at=at)
        else:
            enqueue("email", record, {
                "purpose": news, "text": text,
                "subject": _("News about your message %(reference)s",
                             reference=display(record.reference))},
                key_suffix=key, at=at)
    return route
