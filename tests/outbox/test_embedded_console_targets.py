"""On one machine (the embedded default) mail and referrals with no server or provider go to
the log instead of failing, so `make run` shows the whole flow; anywhere else a missing
target is a failure a person sees."""

from __future__ import annotations

import logging

from intake_app.extensions import db
from intake_app.outbox.enqueue import enqueue

from ..conftest import sqlite_only
from .conftest import add_record, drain, messages, webhook_settings


@sqlite_only("the embedded default, where the log is every target, is SQLite")
def test_embedded_default_logs_email_and_referral_without_failing(forwarding_app, caplog):
    app = forwarding_app(SMTP_HOST="", ADVOCACY_PROVIDERS={})
    app.logger.addHandler(caplog.handler)
    logging.getLogger("intake_app.outbox.adapters.mail").addHandler(caplog.handler)
    with app.app_context():
        record = add_record(reply_channel="email", contact={"email": "kid@example.com"},
                            advocate_requested="help_me_choose",
                            advocate_provider="help_me_choose")
        enqueue("email", record, {"purpose": "acknowledgement", "subject": "We got it",
                                  "text": "Thanks", "html": None}, key_suffix="ack")
        enqueue("advocacy_referral", record, {"provider": "help_me_choose"})
        db.session.commit()
        drain(app)
        states = {row.kind: row.state for row in messages()}
    assert states == {"email": "delivered", "advocacy_referral": "delivered"}
    assert "kid@example.com" not in caplog.text
    assert "console target" in caplog.text


def test_outside_the_embedded_default_a_missing_mail_server_fails_visibly(forwarding_app,
                                                                           receiver):
    app = forwarding_app(SMTP_HOST="", **webhook_settings(receiver))
    with app.app_context():
        record = add_record(reply_channel="email", contact={"email": "kid@example.com"})
        enqueue("email", record, {"purpose": "acknowledgement", "subject": "We got it",
                                  "text": "Thanks", "html": None}, key_suffix="ack")
        db.session.commit()
        drain(app)
        email = next(row for row in messages() if row.kind == "email")
    assert email.state == "delivery_failed"
    assert "SMTP_HOST" in (email.last_error or "")
