"""The complaints team's alert for a callback request: email to COMPLAINTS_INBOX, the log in
the embedded default, a visible failure anywhere else; never the child's number."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from intake_app.extensions import db
from intake_app.models import CallbackRequest, Conversation, StaffUser
from intake_app.services import callbacks
from intake_app.services.protection import encrypt_json, lookup_hash

from ..conftest import sqlite_only
from .conftest import drain, messages, webhook_settings
from .test_email import _smtp_settings, smtp_server  # noqa: F401 - fixture

PHONE = "+447911123456"
ASKED = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)  # a Wednesday, GMT


def _request(monkeypatch: pytest.MonkeyPatch, *, method: str = "call") -> int:
    db.session.add(Conversation(public_id="talk", channel="sms",
                                phone_encrypted=encrypt_json(PHONE),
                                phone_lookup_hash=lookup_hash(PHONE)))
    db.session.commit()
    monkeypatch.setattr(callbacks, "now", lambda: ASKED)
    result = callbacks.request_callback("talk", note="they moved me", actor="api:bot",
                                        contact=callbacks.ContactRoute(method=method))
    return result.id


def test_the_alert_email_reaches_the_complaints_team_without_the_number(
        forwarding_app, smtp_server, monkeypatch):  # noqa: F811 - fixture
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port, COMPLAINTS_INBOX="complaints@council.example",
                                          PUBLIC_BASE_URL="https://tellus.council.example"))
    with app.app_context():
        callback_id = _request(monkeypatch)
        drain(app)
        (alert,) = messages("callback_alert")
        assert alert.state == "delivered"
    (message,) = mailbox.messages
    assert mailbox.recipients == [["complaints@council.example"]]
    assert message["Subject"].strip() == (f"Callback request {callback_id}: contact the "
                                          "young person by Wednesday 18 November 2026")
    assert message["X-Idempotency-Key"] == f"service:callback_alert:{callback_id}"
    text = message.get_content()
    assert "How to reach them: a phone call" in text
    assert f"https://tellus.council.example/officers/callbacks/{callback_id}" in text
    assert "7911123456" not in text and "they moved me" not in text


@sqlite_only("the embedded default, where the log is the complaints inbox, is SQLite")
def test_embedded_default_writes_the_alert_to_the_log_without_the_number(
        forwarding_app, caplog, monkeypatch):
    app = forwarding_app()
    app.logger.addHandler(caplog.handler)
    with caplog.at_level(logging.WARNING), app.app_context():
        callback_id = _request(monkeypatch, method="text")
        drain(app)
        assert messages("callback_alert")[0].state == "delivered"
    assert "CALLBACK REQUEST for the complaints team" in caplog.text
    assert f"request {callback_id} from sms, contact by Wednesday 18 November 2026" in caplog.text
    assert "7911123456" not in caplog.text and "they moved me" not in caplog.text


def test_without_a_team_mailbox_outside_the_embedded_default_the_alert_fails_visibly(
        forwarding_app, receiver, monkeypatch):
    app = forwarding_app(**webhook_settings(receiver))
    with app.app_context():
        _request(monkeypatch)
        drain(app)
        (alert,) = messages("callback_alert")
        assert alert.state == "delivery_failed"
        assert "COMPLAINTS_INBOX" in alert.last_error
        assert [row.payload["kind"] for row in messages("manager_alert")] == ["callback_alert"]


def test_a_request_closed_before_its_alert_went_is_not_alerted(forwarding_app, monkeypatch):
    app = forwarding_app()
    with app.app_context():
        callback = db.session.get(CallbackRequest, _request(monkeypatch))
        officer = StaffUser(email="o@council.example", name="O", role="officer", active=True)
        db.session.add(officer)
        db.session.commit()
        callbacks.record_outcome(callback, callbacks.Officer(officer.id, f"staff:{officer.id}"),
                                 outcome="called", note="")
        drain(app)
        (alert,) = messages("callback_alert")
        assert alert.state == "cancelled"
