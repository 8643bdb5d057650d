"""Phone numbers and email addresses are taken out of delivery errors before they reach
``last_error``, audit rows, manager alerts or the log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake_app.domain.redaction import redact
from intake_app.extensions import db
from intake_app.models import AuditEvent
from intake_app.outbox.adapters import deliveries
from intake_app.outbox.enqueue import enqueue
from intake_app.outbox.outcomes import PermanentError

from .conftest import add_record, app_logs, drain, messages


@pytest.mark.parametrize(("raw", "expected"), [
    ("Twilio HTTP 400 (code 21211): The 'To' number +447911123456 is not a valid phone "
     "number.", "Twilio HTTP 400 (code 21211): The 'To' number [phone] is not a valid phone "
     "number."),
    ("text 07911 123456 or 07911-123-456", "text [phone] or [phone]"),
    ("ring (0161) 496 0000 or +44 (0) 161 496 0000 or 0044 7911 123456",
     "ring [phone] or [phone] or [phone]"),
    ("US +1 415 555 2671; bare 7911123456", "US [phone]; bare [phone]"),
    ("To=%2B447911123456&Body=hi", "To=[phone]&Body=hi"),
    ("550 5.1.1 <sam.example+care@school.example.org>: Recipient address rejected",
     "550 5.1.1 <[email]>: Recipient address rejected"),
    ("to=sam%40example.org", "to=[email]"),
])
def test_phone_numbers_and_email_addresses_are_redacted(raw, expected):
    assert redact(raw) == expected


@pytest.mark.parametrize("kept", [
    "HTTP 503 Service Unavailable, Retry-After 120",
    "Twilio HTTP 429 (code 20429): Too Many Requests",
    "message SM0123456789abcdef0123456789abcdef accepted at 2026-11-25T16:05:26Z",
    "connection refused by 127.0.0.1:8025 after 10.0 s",
    "gave up after 20 attempts: lease of worker host:4242:1a2b3c4d expired mid-delivery",
    "reference K7QM-4RTX (K7QM4RTX:case)",
])
def test_what_officers_need_to_act_is_kept(kept):
    assert redact(kept) == kept


PHONE = "+447911123456"
EMAIL = "sam@example.org"


def test_a_failed_delivery_stores_and_logs_no_contact_details(
        forwarding_app, monkeypatch, caplog):
    def refuse(message, record):
        raise PermanentError(f"Twilio HTTP 400 (code 21211): The 'To' number {PHONE} is not "
                             f"a valid phone number; copy to {EMAIL} refused")

    monkeypatch.setitem(deliveries.DELIVERIES, "sms", refuse)
    app = forwarding_app()
    with app.app_context(), app_logs(app, caplog):
        record = add_record(reply_channel="sms", contact={"phone": PHONE})
        enqueue("sms", record, {"purpose": "acknowledgement", "body": "Thanks"},
                key_suffix="acknowledgement")
        db.session.commit()
        drain(app)
        (sms,) = messages("sms")
        (alert,) = messages("manager_alert")
        audits = [event.after for event in db.session.scalars(select(AuditEvent))
                  if event.action == "delivery_failed"]
        stored = [sms.last_error, str(alert.payload), str(audits)]
    assert sms.state == "delivery_failed"
    assert "21211" in sms.last_error and "[phone]" in sms.last_error
    assert "[email]" in sms.last_error
    for text in (*stored, caplog.text):
        assert PHONE not in text and "7911123456" not in text and EMAIL not in text


def test_retried_and_unexpected_errors_are_redacted_too(forwarding_app, monkeypatch, caplog):
    def crash(message, record):
        raise RuntimeError(f"bug while texting {PHONE} ({EMAIL})")

    monkeypatch.setitem(deliveries.DELIVERIES, "sms", crash)
    app = forwarding_app(OUTBOX_MAX_ATTEMPTS=2)
    with app.app_context(), app_logs(app, caplog):
        record = add_record(reply_channel="sms", contact={"phone": PHONE})
        enqueue("sms", record, {"purpose": "acknowledgement", "body": "Thanks"},
                key_suffix="acknowledgement")
        db.session.commit()
        from intake_app.outbox.worker import run_once

        run_once(app)
        (sms,) = messages("sms")
        assert sms.state == "pending"
        assert sms.last_error == "unexpected RuntimeError: bug while texting [phone] ([email])"
        drain(app)
        (alert,) = messages("manager_alert")
        alert_payload = str(alert.payload)
    assert "Traceback" in caplog.text  # the stack is still there for whoever fixes the bug
    for text in (alert_payload, caplog.text):
        assert PHONE not in text and EMAIL not in text
