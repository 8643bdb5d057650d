"""Texts wait for the times the person said it is safe to contact them: outside them the
row goes back to pending, due when the next window opens, without counting an attempt,
without an error, and without logging or auditing anything about the person."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, SmsOptOut
from intake_app.outbox.enqueue import enqueue
from intake_app.outbox.worker import run_once
from intake_app.services.protection import lookup_hash

from .conftest import add_record, app_logs, messages, set_delivery_clock

PHONE = "+447911123456"
# Wednesday 18 November 2026 (GMT, so London time is UTC).
SCHOOL_TIME = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
AFTER_SCHOOL_STARTS = datetime(2026, 11, 18, 15, 30, tzinfo=UTC)
EVENING_STARTS = datetime(2026, 11, 18, 18, 0, tzinfo=UTC)


def _queue_sms(times: list[str], **fields) -> None:
    record = add_record(reply_channel="sms", contact={"phone": PHONE},
                        contact_safety={"times": times, "leave_message": False,
                                        "note": "my stepdad reads my phone"}, **fields)
    enqueue("sms", record, {"purpose": "acknowledgement", "body": "Thank you, ABCD-EFGH"},
            key_suffix="acknowledgement")
    db.session.commit()


def test_a_text_outside_the_safe_times_waits_for_the_next_window(
        forwarding_app, monkeypatch, caplog):
    set_delivery_clock(monkeypatch, SCHOOL_TIME)
    app = forwarding_app()
    with app.app_context(), app_logs(app, caplog):
        _queue_sms(["after_school"])
        audited_before = len(db.session.scalars(select(AuditEvent)).all())
        run_once(app)
        (sms,) = messages("sms")
        assert sms.state == "pending"
        assert sms.next_attempt_at == AFTER_SCHOOL_STARTS
        assert sms.attempts == 0 and sms.last_error is None and sms.locked_by is None
        assert len(db.session.scalars(select(AuditEvent)).all()) == audited_before
        assert messages("manager_alert") == []

        set_delivery_clock(monkeypatch, datetime(2026, 11, 18, 15, 45, tzinfo=UTC))
        run_once(app)
        (sms,) = messages("sms")
        assert sms.state == "delivered" and sms.attempts == 1
    assert "SMS (console adapter)" in caplog.text
    assert "stepdad" not in caplog.text and "after_school" not in caplog.text
    assert PHONE not in caplog.text


def test_waiting_never_uses_up_attempts(forwarding_app, monkeypatch):
    set_delivery_clock(monkeypatch, SCHOOL_TIME)
    app = forwarding_app(OUTBOX_MAX_ATTEMPTS=2)
    with app.app_context():
        _queue_sms(["evening"])
        for _ in range(5):  # the (past) window start is due again at once in this test
            run_once(app)
        (sms,) = messages("sms")
        assert (sms.state, sms.attempts) == ("pending", 0)
        assert sms.next_attempt_at == EVENING_STARTS
        set_delivery_clock(monkeypatch, EVENING_STARTS)
        run_once(app)
        assert messages("sms")[0].state == "delivered"


def test_a_text_at_night_waits_even_for_any_time(forwarding_app, monkeypatch):
    set_delivery_clock(monkeypatch, datetime(2026, 11, 18, 23, 30, tzinfo=UTC))
    app = forwarding_app()
    with app.app_context():
        _queue_sms(["any"])
        run_once(app)
        (sms,) = messages("sms")
        assert sms.state == "pending"
        assert sms.next_attempt_at == datetime(2026, 11, 19, 7, 0, tzinfo=UTC)


def test_stop_and_no_reply_still_win_over_waiting(forwarding_app, monkeypatch):
    set_delivery_clock(monkeypatch, SCHOOL_TIME)
    app = forwarding_app()
    with app.app_context():
        _queue_sms(["evening"])
        db.session.add(SmsOptOut(phone_lookup_hash=lookup_hash(PHONE), opted_out=True,
                                 keyword="STOP"))
        db.session.commit()
        run_once(app)
        (sms,) = messages("sms")
        assert sms.state == "cancelled"
