"""Deliveries for advocacy: emails to the advocate who made a record for a child (when the
child chose replies to go to them), what a referral carries for the provider to match an
advocate, and the complaints team's alert when a referral is not accepted in time."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app

from ...extensions import db
from ...models import AdvocacyReferral, AdvocateSubmission, OutboxMessage, Representation
from ...services.advocate_intake import advocates_address
from ..outcomes import Delivered, Outcome, PermanentError, Skipped
from ..settings import is_embedded_default
from .case_document import contact_details
from .mail import send_email
from .templates import render_staff_text

LONDON = ZoneInfo("Europe/London")


def deliver_advocate_email(message: OutboxMessage, record: Representation | None) -> Outcome:
    """The address is read at sending time: an advocate whose account was disabled since
    gets nothing (the officers see the row skipped and can reach the organisation)."""
    if record is None:
        raise PermanentError("advocate_email message without a record")
    address = advocates_address(record)
    if address is None:
        return Skipped("the advocate's account is no longer active")
    payload = message.payload
    send_email(current_app.config, to=address, subject=payload["subject"],
               text=payload["text"], html=payload.get("html"),
               headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)


def referral_matching(record: Representation, payload: dict[str, Any]) -> dict[str, Any]:
    """What a provider needs to match an advocate and answer: the referral's id and where
    to report its status, the child's first name or initials, age band, language and
    communication needs, and how and when to reach them if they gave us a way."""
    details = db.session.get(AdvocateSubmission, record.id)
    contact = contact_details(record)
    communication = dict(details.communication) if details is not None else {}
    referral_id = payload.get("referral_id")
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    return {
        "referral_id": referral_id,
        "status_url": (f"{base}/api/v1/advocacy-referrals/{referral_id}/status"
                       if referral_id else None),
        "child": {
            "name_or_initials": (details.child_name if details is not None
                                 else (contact or {}).get("name") or None),
            "age_band": details.age_band if details is not None else None,
            "language": record.language,
            "interpreter": communication.get("interpreter"),
            "communication_needs": communication.get("disability") or None,
            "preferred_way": communication.get("preferred_way"),
        },
        # Only when the child gave a way to reach them: the route, the details and the
        # times it is safe to.
        "reach": ({"channel": record.contact.reply_channel, "contact": contact,
                   "when": dict(record.contact.contact_safety or {})}
                  if contact is not None else None),
    }


def deliver_referral_overdue_alert(message: OutboxMessage, record: Representation | None
                                   ) -> Outcome:
    """To the complaints team (``COMPLAINTS_INBOX``) when a provider has not accepted a
    referral within a working day; the log in the embedded default with no mailbox, like
    callback alerts; skipped if the provider answered before it went."""
    referral = db.session.get(AdvocacyReferral, message.payload.get("referral_id"))
    if referral is None:
        raise PermanentError("referral_overdue_alert for a referral that does not exist")
    if referral.state != "sent":
        return Skipped(f"the provider answered ({referral.state}) before the alert went")
    config = current_app.config
    reference = message.payload.get("reference") or "unknown"
    text = render_staff_text("notifications/referral_overdue.txt", reference=reference,
                             provider=referral.provider,
                             sent=referral.sent_at.astimezone(LONDON).strftime("%d %B %Y %H:%M"))
    inbox = config["COMPLAINTS_INBOX"]
    if not inbox and is_embedded_default(config):
        current_app.logger.warning("ADVOCACY REFERRAL NOT ACCEPTED (console target: set "
                                   "COMPLAINTS_INBOX to send it): %s", text)
        return Delivered(None)
    if not inbox:
        raise PermanentError("no complaints team target: COMPLAINTS_INBOX is not set")
    send_email(config, to=inbox,
               subject=f"Advocacy referral {reference} not accepted within a working day",
               text=text, headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)
