"""One delivery function per outbox kind: read the record, decide, hand to an adapter.

Rows carry only ids and small payloads; everything personal is read from the record at
delivery time, so a STOP or a correction made after the row was written is respected.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app

from ...domain.calendar import date_in_words
from ...domain.redaction import redact
from ...domain.references import display
from ...extensions import db
from ...models import (
    CallbackRequest,
    Conversation,
    LearningAction,
    OutboxMessage,
    Representation,
    StaffUser,
)
from ...services import compliments
from ...services.opt_outs import is_opted_out
from ...services.protection import lookup_hash
from ...taxonomy import keys, label
from ..contact_windows import next_allowed
from ..outcomes import Deferred, Delivered, Outcome, PermanentError, Skipped
from ..settings import is_embedded_default, parse_console_fallback
from .advocate_mail import (
    deliver_advocate_email,
    deliver_referral_overdue_alert,
    referral_matching,
)
from .case_document import build_case_document, contact_details
from .case_store import deliver_case, deliver_case_event
from .mail import Attachment, send_email
from .signed_http import post_signed
from .sms import send_sms
from .templates import render_staff_text

NO_REPLY = "the person chose no reply"
LONDON = ZoneInfo("Europe/London")


def now() -> datetime:
    """The delivery clock (tests move it to a chosen time of day)."""
    return datetime.now(UTC)


def _require_record(record: Representation | None, message: OutboxMessage) -> Representation:
    if record is None:
        raise PermanentError(f"{message.kind} message without a record")
    return record


def deliver_case_message(message: OutboxMessage, record: Representation | None) -> Outcome:
    record = _require_record(record, message)
    document = build_case_document(record, idempotency_key=message.idempotency_key)
    return deliver_case(document, message.idempotency_key)


def duty_console_allowed(config: Mapping[str, Any]) -> bool:
    """May safeguarding alerts go to the log when no duty team email or webhook is set?
    ``DUTY_TEAM_CONSOLE_FALLBACK``: 1 yes, 0 no, auto (default) only in the embedded
    default, a database case store on SQLite, where the whole flow runs on one machine."""
    fallback = parse_console_fallback(config.get("DUTY_TEAM_CONSOLE_FALLBACK", "auto"))
    if fallback != "auto":
        return fallback == "on"
    return is_embedded_default(config)


def alert_to_console(case: dict[str, Any]) -> None:
    """The console duty target: a WARNING an operator cannot miss, with what the duty team
    needs to act (the reference, the kinds, the words that raised the flag) and no contact
    details."""
    safeguarding = case["safeguarding"]
    evidence = "; ".join(
        f"{item.get('kind', '?')} in {item.get('field', '?')}: \"{item.get('text', '')}\""
        for item in safeguarding["evidence"]) or "none recorded"
    # The flagged words are the child's; a number or address typed in them stays out.
    evidence = redact(evidence)
    current_app.logger.warning(
        "SAFEGUARDING ALERT for the duty team (console target: set DUTY_TEAM_EMAIL or "
        "DUTY_TEAM_WEBHOOK_URL to send it): reference %s, priority %s, kinds %s, evidence %s",
        case["reference_display"], case["priority"],
        ", ".join(safeguarding["kinds"]) or "none", evidence)


def deliver_safeguarding_alert(message: OutboxMessage, record: Representation | None) -> Outcome:
    """To every duty team target configured. With none, the console target (the log) in
    the embedded default; anywhere else the alert fails loudly (officers see it as
    delivery_failed and managers are alerted) rather than vanish into a log, and the
    worker refuses to start without a target in the first place."""
    config = current_app.config
    email, webhook = config["DUTY_TEAM_EMAIL"], config["DUTY_TEAM_WEBHOOK_URL"]
    if not email and not webhook and not duty_console_allowed(config):
        raise PermanentError("no duty-team target: no DUTY_TEAM_EMAIL or "
                             "DUTY_TEAM_WEBHOOK_URL configured")
    if record is None and "case" in message.payload:
        # A flagged message whose record could not be made: the gateway wrote what the
        # duty team needs into the alert itself (conversations._alert_without_record).
        case = message.payload["case"]
    else:
        record = _require_record(record, message)
        case = build_case_document(record, idempotency_key=message.idempotency_key)
    if not email and not webhook:
        alert_to_console(case)
        return Delivered(None)
    if webhook:
        post_signed(webhook, {"schema": "safeguarding_alert.v1", "case": case},
                    secret=config["DUTY_TEAM_WEBHOOK_SECRET"],
                    idempotency_key=message.idempotency_key,
                    timeout=config["FORWARDING_HTTP_TIMEOUT_SECONDS"])
    if email:
        send_email(config, to=email,
                   subject=f"URGENT safeguarding alert {case['reference_display']}",
                   text=render_staff_text("notifications/safeguarding_alert.txt", case=case),
                   headers={"X-Idempotency-Key": message.idempotency_key,
                            "Importance": "high", "X-Priority": "1"})
    return Delivered(None)


def referral_document(case: dict[str, Any], provider: str, chosen_by_child: bool,
                      matching: dict[str, Any] | None = None) -> dict[str, Any]:
    """What an advocate needs to get in touch and help: not the triage or the deadlines.
    ``matching`` (``referral_matching``) adds the referral's id, where to answer, and what
    the provider needs to match an advocate to the child."""
    return {
        "schema": "advocacy_referral.v1",
        "idempotency_key": case["idempotency_key"],
        "provider": provider,
        "chosen_by_child": chosen_by_child,
        **(matching or {}),
        "reference": case["reference"],
        "reference_display": case["reference_display"],
        "received_at": case["received_at"],
        "language": case["language"],
        "type": case["type"],
        "service_area": case["service_area"],
        "complainant": case["complainant"],
        "safeguarding_flagged": case["safeguarding"]["flagged"],
        "text": case["text"],
        "what_would_help": case["what_would_help"],
        "reply": case["reply"],
    }


def deliver_advocacy_referral(message: OutboxMessage, record: Representation | None) -> Outcome:
    record = _require_record(record, message)
    config = current_app.config
    chosen = message.payload.get("provider") or record.advocate_provider or "help_me_choose"
    provider = config["DEFAULT_ADVOCACY_PROVIDER"] if chosen == "help_me_choose" else chosen
    target = config["ADVOCACY_PROVIDERS"].get(provider)
    if (not target or not (target.get("email") or target.get("webhook"))) and \
            is_embedded_default(config):
        current_app.logger.warning(
            "ADVOCACY REFERRAL for %s (console target: set ADVOCACY_PROVIDERS to send it): "
            "reference %s", provider, display(record.reference))
        return Delivered(None)
    if not target or not (target.get("email") or target.get("webhook")):
        raise PermanentError(f"advocacy provider {provider!r} has no email or webhook in "
                             "ADVOCACY_PROVIDERS")
    case = build_case_document(record, idempotency_key=message.idempotency_key)
    referral = referral_document(case, provider, chosen_by_child=chosen != "help_me_choose",
                                 matching=referral_matching(record, message.payload))
    if target.get("webhook"):
        post_signed(target["webhook"], referral, secret=target.get("secret", ""),
                    idempotency_key=message.idempotency_key,
                    timeout=config["FORWARDING_HTTP_TIMEOUT_SECONDS"])
    if target.get("email"):
        send_email(config, to=target["email"],
                   subject=f"Advocacy referral {case['reference_display']}",
                   text=render_staff_text("notifications/advocacy_referral.txt",
                                        referral=referral, council=config["COUNCIL_NAME"]),
                   attachments=[Attachment(
                       filename=f"referral-{case['reference_display']}.json",
                       content=json.dumps(referral, ensure_ascii=False, indent=2).encode())],
                   headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)


CALLBACK_METHOD_WORDS = {"call": "a phone call", "text": "a text message",
                         "call_or_text": "a phone call or a text message",
                         "none": "no way to reach them: read the conversation"}


def callback_alert_details(callback: CallbackRequest, record: Representation | None
                           ) -> dict[str, Any]:
    """What the complaints team needs to act on a callback request, and nothing that
    reaches the child: the number and the safe times are on the officers' page only."""
    conversation = (db.session.get(Conversation, callback.conversation_id)
                    if callback.conversation_id else None)
    path = f"/officers/callbacks/{callback.id}"
    return {
        "id": callback.id,
        "requested_at": callback.created_at.astimezone(LONDON).strftime("%Y-%m-%d %H:%M"),
        "due": date_in_words(callback.due_on),
        "channel": conversation.channel if conversation is not None else "unknown",
        "method": CALLBACK_METHOD_WORDS.get(callback.method, callback.method),
        "reachable": callback.method != "none",
        "safeguarding": bool(conversation is not None and conversation.safeguarding_flag),
        "reference": display(record.reference) if record is not None else None,
        "url": current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/") + path,
    }


def deliver_callback_alert(message: OutboxMessage, record: Representation | None) -> Outcome:
    """To the complaints team's mailbox (``COMPLAINTS_INBOX``), whose officers work the
    queue the request is at the top of. With no mailbox, the log in the embedded default
    (like advocacy referrals); anywhere else the alert fails loudly (delivery_failed, the
    managers alerted) while the request stays at the top of the queue."""
    callback = db.session.get(CallbackRequest, message.payload.get("callback_request_id"))
    if callback is None:
        raise PermanentError("callback_alert for a callback request that does not exist")
    if callback.status != "open":
        return Skipped("the request was closed before the alert went")
    config = current_app.config
    alert = callback_alert_details(callback, record)
    inbox = config["COMPLAINTS_INBOX"]
    if not inbox and is_embedded_default(config):
        current_app.logger.warning(
            "CALLBACK REQUEST for the complaints team (console target: set COMPLAINTS_INBOX "
            "to send it): request %s from %s, contact by %s by %s%s; details at %s",
            alert["id"], alert["channel"], alert["due"], alert["method"],
            f", record {alert['reference']}" if alert["reference"] else "", alert["url"])
        return Delivered(None)
    if not inbox:
        raise PermanentError("no complaints team target: COMPLAINTS_INBOX is not set")
    send_email(config, to=inbox,
               subject=f"Callback request {alert['id']}: contact the young person by "
                       f"{alert['due']}",
               text=render_staff_text("notifications/callback_alert.txt", alert=alert),
               headers={"X-Idempotency-Key": message.idempotency_key, "Importance": "high"})
    return Delivered(None)


def opted_out(phone: str) -> bool:
    """STOP was texted from this number (and no START since)."""
    return is_opted_out(lookup_hash(phone))


def deliver_sms_message(message: OutboxMessage, record: Representation | None) -> Outcome:
    """A text to the person, never after STOP or when they chose no reply, and only in the
    times they said it is safe to contact them: outside them it waits for the next safe
    window (``Deferred``, not a failure). Read at sending time, so a change is respected."""
    record = _require_record(record, message)
    contact = contact_details(record)
    if contact is None:
        return Skipped(NO_REPLY)
    phone = contact.get("phone")
    if not phone:
        raise PermanentError("no phone number on the record")
    if opted_out(phone):
        return Skipped("the number texted STOP")
    wait_until = next_allowed(now(), (record.contact.contact_safety or {}).get("times"))
    if wait_until is not None:
        return Deferred(wait_until)
    return send_sms(phone, message.payload["body"])


def deliver_email_message(message: OutboxMessage, record: Representation | None) -> Outcome:
    record = _require_record(record, message)
    contact = contact_details(record)
    if contact is None:
        return Skipped(NO_REPLY)
    if not contact.get("email"):
        raise PermanentError("no email address on the record")
    payload = message.payload
    send_email(current_app.config, to=contact["email"], subject=payload["subject"],
               text=payload["text"], html=payload.get("html"),
               headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)


def deliver_stage2_request(message: OutboxMessage, record: Representation | None) -> Outcome:
    """A child's request to look again (or an officer's start of stage 2), to the case
    store the case went to."""
    _require_record(record, message)
    return deliver_case_event(message.payload, message.idempotency_key)


def deliver_manager_alert(message: OutboxMessage, record: Representation | None) -> Outcome:
    """Managers by email when configured; otherwise the log, since the failed row itself is
    already on the officers' screen. An alert that brings its own subject and text (staff
    accounts: failed sign-ins, an account waiting for approval) is sent as written."""
    config = current_app.config
    payload = message.payload
    if "text" in payload:
        subject, text = payload["subject"], payload["text"]
    else:
        subject = f"Delivery failed: {payload.get('kind', 'message')}"
        text = render_staff_text("notifications/manager_alert.txt", alert=payload,
                                 reference=record.reference if record is not None else None)
    if not config["MANAGERS_EMAIL"]:
        current_app.logger.error("manager alert (no MANAGERS_EMAIL configured): %s", text)
        return Delivered(None)
    send_email(config, to=config["MANAGERS_EMAIL"], subject=subject, text=text,
               headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)


def deliver_compliment(message: OutboxMessage, record: Representation | None) -> Outcome:
    """To the service area's team mailbox and manager, read at delivery time (an address
    changed since is respected). Never the person's contact details."""
    record = _require_record(record, message)
    addresses = compliments.recipients(record.service_area)
    if not addresses:
        return Skipped(f"no COMPLIMENT_RECIPIENTS for {record.service_area or 'no area'}")
    categories = [record.primary_category, *(record.secondary_categories or ())]
    text = render_staff_text(
        "notifications/compliment.txt", reference=display(record.reference),
        received=record.received_at.astimezone(LONDON).strftime("%d %B %Y"),
        service_area=(label("service_areas", record.service_area)
                      if record.service_area in keys("service_areas") else "not given"),
        about="; ".join(label("compliment_categories", category) for category in categories
                        if category in keys("compliment_categories")),
        text=record.text)
    send_email(current_app.config, to=", ".join(addresses),
               subject=f"A compliment for your team ({display(record.reference)})",
               text=text, headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)


def deliver_learning_reminder(message: OutboxMessage, record: Representation | None
                              ) -> Outcome:
    """To the action's owner, read at delivery time: an action done (or an owner gone)
    since the reminder was queued sends nothing."""
    record = _require_record(record, message)
    action = db.session.get(LearningAction, message.payload["action_id"])
    if action is None or action.done_on is not None:
        return Skipped("the learning action is done")
    owner = db.session.get(StaffUser, action.owner_id)
    if owner is None or not owner.active:
        raise PermanentError("the learning action's owner has no active account")
    overdue = message.payload["occasion"] != "due"
    text = render_staff_text(
        "notifications/learning_reminder.txt", overdue=overdue,
        reference=display(record.reference), due=action.due_on.strftime("%d %B %Y"),
        theme=(label("complaint_categories", action.theme)
               if action.theme in keys("complaint_categories") else action.theme),
        action=action.action,
        url=current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/") + "/officers/learning")
    subject = ("Overdue learning action" if overdue else "Learning action due soon")
    send_email(current_app.config, to=owner.email,
               subject=f"{subject} ({display(record.reference)})", text=text,
               headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)


def deliver_scorecard(message: OutboxMessage, record: Representation | None) -> Outcome:
    """The monthly scorecard, as written when queued (counts only), to the managers."""
    config = current_app.config
    if not config["MANAGERS_EMAIL"]:
        raise PermanentError("no MANAGERS_EMAIL configured for the scorecard")
    send_email(config, to=config["MANAGERS_EMAIL"], subject=message.payload["subject"],
               text=message.payload["text"],
               headers={"X-Idempotency-Key": message.idempotency_key})
    return Delivered(None)


DELIVERIES: dict[str, Callable[[OutboxMessage, Representation | None], Outcome]] = {
    "case": deliver_case_message,
    "safeguarding_alert": deliver_safeguarding_alert,
    "advocacy_referral": deliver_advocacy_referral,
    "sms": deliver_sms_message,
    "email": deliver_email_message,
    "manager_alert": deliver_manager_alert,
    "callback_alert": deliver_callback_alert,
    "stage2_request": deliver_stage2_request,
    "advocate_email": deliver_advocate_email,
    "referral_overdue_alert": deliver_referral_overdue_alert,
    "compliment": deliver_compliment,
    "learning_reminder": deliver_learning_reminder,
    "scorecard": deliver_scorecard,
}
