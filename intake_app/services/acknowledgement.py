"""The instant acknowledgement, in the person's language, for every channel.

The words live in templates and translation catalogues, not here: this module only picks
the facts (reference, dates, safety reply) and renders them in the record's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app, render_template
from flask_babel import force_locale, format_date, get_locale

from ..domain.references import display
from ..models import Representation
from . import compliments
from .council_contact import council_contact

# "You said, we did" (public.changes_views), linked from every acknowledgement.
CHANGES_PAGE_PATH = "/you-said-we-did"


@dataclass(frozen=True)
class Acknowledgement:
    text: str
    sms: str
    email_subject: str
    email_html: str


def reply_by(record: Representation) -> date:
    """The date a person will have been in touch: staff acknowledge within the
    configured working days of the clock start."""
    return record.acknowledgement_due


def facts(record: Representation, *, status_secret: str | None = None
          ) -> dict[str, object]:
    """What every acknowledgement template is given: with the secret (only when the record
    was just made) and the council's phone, hours, number to text and status page, so what
    happens next comes with the means to check on it."""
    contact = council_contact(str(get_locale() or record.language))
    return {
        "reference": display(record.reference),
        "lang": record.language,
        "type": record.type,
        "reply_by": format_date(reply_by(record), "EEEE d MMMM y"),
        "reply_by_short": format_date(reply_by(record), "EEE d MMM"),
        "stage1_due": format_date(record.stage1_due, "EEEE d MMMM y"),
        "can_reply": record.contact.reply_channel != "none",
        "reply_channel": record.contact.reply_channel,
        "safeguarding": record.safeguarding_flag,
        "advocate_requested": record.advocate_requested != "no",
        "out_of_hours": current_app.config["OUT_OF_HOURS_NUMBER"],
        "council": current_app.config["COUNCIL_NAME"],
        "sms_number": current_app.config.get("TWILIO_FROM_NUMBER", ""),
        "council_phone": contact.phone,
        "opening_hours": contact.opening_hours,
        "status_url": contact.status_url,
        "status_secret": status_secret,
        "channel": record.channel,
        "compliment_passed_on": compliments.passed_on_at_once(record),
        "changes_url": current_app.config["PUBLIC_BASE_URL"].rstrip("/") + CHANGES_PAGE_PATH,
    }


def reply_locale(language: str) -> str:
    """The record keeps the language the person used; the reply is in it when we have its
    texts, else in the default language."""
    supported = current_app.config["SUPPORTED_LOCALES"]
    return language if language in supported else current_app.config["BABEL_DEFAULT_LOCALE"]


def compose(record: Representation, *, status_secret: str | None = None) -> Acknowledgement:
    with force_locale(reply_locale(record.language)):
        context = facts(record, status_secret=status_secret)
        return Acknowledgement(
            text=render_template("acknowledgement/message.txt", **context).strip(),
            sms=" ".join(render_template("acknowledgement/sms.txt", **context).split()),
            email_subject=render_template("acknowledgement/subject.txt", **context).strip(),
            email_html=render_template("acknowledgement/email.html", **context),
        )


def safety_reply(language: str) -> str:
    """The safety reply (999, Childline, the out-of-hours number) as one line, for texts
    and chat, in the person's language when we have it."""
    with force_locale(reply_locale(language)):
        text = render_template("acknowledgement/safety.txt",
                               out_of_hours=current_app.config["OUT_OF_HOURS_NUMBER"])
    return " ".join(text.split())
