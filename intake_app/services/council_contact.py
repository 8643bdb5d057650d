"""How a child reaches the council, said the same way everywhere they are told what
happens next: the phone number and when it is answered, the number to text, and the page
to check on a message.

Kept apart from the services that use it (acknowledgements, status answers, callbacks) so
that each can say it without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import get_day_names
from flask import current_app
from flask_babel import force_locale, format_time, get_locale
from flask_babel import gettext as _

from ..domain.opening_hours import OpeningSpan

# The public status page (the status blueprint registers it here, so the link given in
# texts and emails, written without a request, is the page's own).
STATUS_PAGE_PATH = "/status"


@dataclass(frozen=True)
class CouncilContact:
    phone: str
    opening_hours: str  # in the child's language
    sms_number: str  # the number children text; empty when the council has no SMS line
    status_url: str


def opening_hours_words(spans: tuple[OpeningSpan, ...], language: str) -> str:
    """"Monday to Friday, 9:00 AM to 5:00 PM" in the child's language (day names and times
    from the locale)."""
    with force_locale(language):
        day_names = get_day_names("wide", locale=get_locale())
        parts = []
        for span in spans:
            days = (day_names[span.first_day] if span.first_day == span.last_day else
                    _("%(first)s to %(last)s", first=day_names[span.first_day],
                      last=day_names[span.last_day]))
            parts.append(_("%(days)s, %(opens)s to %(closes)s", days=days,
                           opens=format_time(span.opens, "short", rebase=False),
                           closes=format_time(span.closes, "short", rebase=False)))
        # CLDR puts narrow no-break spaces in times ("9:00\u202fAM"): one such character
        # makes a whole text message UCS-2, and its segments less than half as long.
        return "; ".join(parts).replace("\u202f", " ").replace("\xa0", " ")


def council_contact(language: str) -> CouncilContact:
    config = current_app.config
    return CouncilContact(
        phone=config["COUNCIL_PHONE"],
        opening_hours=opening_hours_words(config["COUNCIL_OPENING_HOURS"], language),
        sms_number=config.get("TWILIO_FROM_NUMBER") or "",
        status_url=config["PUBLIC_BASE_URL"].rstrip("/") + STATUS_PAGE_PATH,
    )
