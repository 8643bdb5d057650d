"""The outbox worker: delivery, retries, dead letters, leases, urgency, STOP and no-reply."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from intake_app.extensions import db
from intake_app.models import AuditEvent, OutboxMessage, Representation, SmsOptOut
from intake_app.outbox import states
from intake_app.outbox.adapters.case_store import case_store_engine, intake_case
from intake_app.outbox.enqueue import enqueue
from intake_app.outbox.states import backoff_seconds
from intake_app.outbox.worker import configuration_problems, run_once
from intake_app.services.protection import lookup_hash

from ..conftest import sqlite_only
from .conftest import add_case, add_record, app_logs, drain, messages, webhook_settings

PHONE = "+447911123456"


def test_database_case_store_stores_each_case_once_and_the_record_is_accepted(forwarding_app):
    app = forwarding_app()
    with app.app_context():
        record = add_case()
        drain(app)
        (message,) = messages("case")
        assert message.state == "delivered"
        db.session.refresh(record)
        assert record.status == "accepted"
        assert record.case_store_id
        # A redelivery (a worker died after the store said yes) finds the same case.
        message.state, message.locked_by = "pending", None
        db.session.commit()
        drain(app)
        with case_store_engine().connect() as connection:
            rows = connection.execute(select(intake_case)).all()
        assert len(rows) == 1
        assert rows[0].document["reference"] == record.reference
        assert str(rows[0].id) == record.case_store_id


def test_backoff_is_full_jitter_capped_and_honours_retry_after():
    rng = random.Random(7)
    waits = [backoff_seconds(5, base=5, cap=3600, rng=rng) for _ in range(500)]
    assert 0 <= min(waits) < 10 and 70 < max(waits) <= 80  # uniform in [0, 5 * 2^4]
    assert all(backoff_seconds(30, base=5, cap=3600, rng=rng) <= 3600 for _ in range(100))
    assert backoff_seconds(1, base=5, cap=3600, retry_after=120, rng=rng) >= 120
    assert backoff_seconds(1, base=5, cap=60, retry_after=10_000, rng=rng) == 60


def test_urgent_rows_are_claimed_first(forwarding_app):
    app = forwarding_app()
    with app.app_context():
        normal = add_case()
        urgent_record = add_record(safeguarding=True)
        alert = enqueue("safeguarding_alert", urgent_record, urgent=True)
        db.session.commit()
        claimed = states.claim_batch("test-worker", limit=10)
        assert claimed[0] == alert.id
        assert set(claimed) == {alert.id, messages("case")[0].id}
        assert normal.id


def test_failure_after_max_attempts_is_visible_audited_and_alerts_managers(
        forwarding_app, caplog):
    app = forwarding_app(CASE_STORE="webhook", CASE_STORE_WEBHOOK_URL="http://127.0.0.1:9/",
                         CASE_STORE_WEBHOOK_SECRET="s", OUTBOX_MAX_ATTEMPTS=3)
    with app.app_context(), app_logs(app, caplog):
        record = add_case()
        drain(app)
        (case,) = messages("case")
        assert case.state == "delivery_failed"
        assert case.attempts == 3
        assert "gave up after 3 attempts" in case.last_error
        db.session.refresh(record)
        assert record.status == "delivery_failed"
        events = db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.representation_id == record.id)).all()
        assert "delivery_failed" in events
        (alert,) = messages("manager_alert")
        assert alert.state == "delivered"  # no MANAGERS_EMAIL: written to the log
        assert alert.payload["failed_message_id"] == case.id
    assert "manager alert" in caplog.text


def test_officer_retry_sends_a_failed_case_again(forwarding_app, receiver):
    app = forwarding_app(**webhook_settings(receiver))
    receiver.mode = "reject"
    with app.app_context():
        record = add_case()
        drain(app)
        (case,) = messages("case")
        assert case.state == "delivery_failed"
        assert "HTTP 422" in case.last_error and "service_area" in case.last_error
        assert case.attempts == 1  # a 4xx is not retried
        receiver.mode = "ok"
        assert states.retry_now(case.id, actor="staff:1")
        drain(app)
        db.session.refresh(record)
        assert record.status == "accepted"
        assert messages("case")[0].state == "delivered"


def test_a_killed_workers_expired_lease_is_swept_and_the_row_delivered(forwarding_app):
    app = forwarding_app()
    with app.app_context():
        add_case()
        (claimed,) = states.claim_batch("dead-worker", limit=5)
        # The worker dies here. Until the lease runs out nobody else touches the row...
        assert run_once(app) == 0
        db.session.execute(db.update(OutboxMessage).values(
            lease_expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        db.session.commit()
        # ...then the sweeper hands it to the next worker.
        assert run_once(app) == 1
        (message,) = messages("case")
        assert message.id == claimed
        assert message.state == "delivered"
        assert message.attempts == 2


def test_a_stale_worker_cannot_overwrite_the_new_owners_result(forwarding_app):
    app = forwarding_app()
    with app.app_context():
        add_case()
        (message_id,) = states.claim_batch("slow-worker", limit=5)
        db.session.execute(db.update(OutboxMessage).values(
            lease_expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        db.session.commit()
        assert run_once(app) == 1  # the new owner delivers it
        assert not states.mark_failed(message_id, "slow-worker", error="late timeout")
        assert messages("case")[0].state == "delivered"


def test_sms_is_never_sent_after_stop(forwarding_app, caplog):
    app = forwarding_app()
    with app.app_context(), app_logs(app, caplog):
        record = add_record(reply_channel="sms", contact={"phone": PHONE})
        db.session.add(SmsOptOut(phone_lookup_hash=lookup_hash(PHONE), keyword="STOP"))
        enqueue("sms", record, {"purpose": "acknowledgement", "body": "Thank you"},
                key_suffix="acknowledgement")
        db.session.commit()
        drain(app)
        (sms,) = messages("sms")
        assert sms.state == "cancelled"
        assert "STOP" in sms.last_error
    assert "SMS (console adapter)" not in caplog.text


def test_nothing_is_sent_to_a_person_who_chose_no_reply(forwarding_app):
    app = forwarding_app()
    with app.app_context():
        record = add_record(reply_channel="none", contact={"phone": PHONE})
        enqueue("sms", record, {"purpose": "case_status", "body": "News"}, key_suffix="s1")
        enqueue("email", record, {"purpose": "case_status", "subject": "News", "text": "News"},
                key_suffix="s1")
        db.session.commit()
        drain(app)
        assert {message.state for message in messages()} == {"cancelled"}


def test_console_sms_adapter_logs_a_masked_number(forwarding_app, caplog):
    app = forwarding_app()
    with app.app_context(), app_logs(app, caplog):
        record = add_record(reply_channel="sms", contact={"phone": PHONE})
        enqueue("sms", record, {"purpose": "acknowledgement", "body": "Thank you, ABCD-EFGH"},
                key_suffix="acknowledgement")
        db.session.commit()
        drain(app)
        assert messages("sms")[0].state == "delivered"
    assert "Thank you, ABCD-EFGH" in caplog.text
    assert PHONE not in caplog.text and "*456" in caplog.text


def test_safeguarding_alert_goes_to_the_duty_team_webhook(forwarding_app, receiver):
    app = forwarding_app(DUTY_TEAM_WEBHOOK_URL=receiver.url,
                         DUTY_TEAM_WEBHOOK_SECRET=receiver.secret)
    with app.app_context():
        record = add_record(safeguarding=True)
        enqueue("safeguarding_alert", record, urgent=True)
        db.session.commit()
        drain(app)
        assert messages("safeguarding_alert")[0].state == "delivered"
    (alert,) = receiver.stored.values()
    assert alert["schema"] == "safeguarding_alert.v1"
    assert alert["case"]["safeguarding"]["kinds"] == ["physical_abuse"]


@sqlite_only("the embedded default, where the log is the duty team, is SQLite")
def test_safeguarding_alert_goes_to_the_log_in_the_embedded_default(forwarding_app, caplog):
    app = forwarding_app()  # CASE_STORE=database on SQLite, no duty team email or webhook
    assert configuration_problems(app.config) == []
    with app.app_context(), app_logs(app, caplog):
        record = add_record(safeguarding=True, reply_channel="sms",
                            contact={"phone": PHONE, "email": "kid@example.org",
                                     "name": "Sam Example"})
        enqueue("safeguarding_alert", record, urgent=True)
        db.session.commit()
        drain(app)
        assert messages("safeguarding_alert")[0].state == "delivered"
        reference = f"{record.reference[:4]}-{record.reference[4:]}"
    lines = [r for r in caplog.records if "SAFEGUARDING ALERT" in r.getMessage()]
    assert lines and {line.levelname for line in lines} == {"WARNING"}
    text = lines[0].getMessage()
    assert reference in text and "physical_abuse" in text and '"hits"' in text
    assert "DUTY_TEAM_EMAIL" in text
    for personal in (PHONE, "kid@example.org", "Sam Example", "never calls me back"):
        assert personal not in caplog.text


def test_a_deployment_without_a_duty_team_target_does_not_start(forwarding_app):
    production_like = forwarding_app(CASE_STORE="webhook", CASE_STORE_WEBHOOK_URL="http://x/",
                                     CASE_STORE_WEBHOOK_SECRET="s")
    problems = configuration_problems(production_like.config)
    assert any(problem.startswith("no duty-team target") for problem in problems)
    switched_off = forwarding_app(DUTY_TEAM_CONSOLE_FALLBACK="off")
    assert any(problem.startswith("no duty-team target")
               for problem in configuration_problems(switched_off.config))
    for configured in ({"DUTY_TEAM_EMAIL": "duty@council.example"},
                       {"DUTY_TEAM_WEBHOOK_URL": "https://duty.example/",
                        "DUTY_TEAM_WEBHOOK_SECRET": "s"},
                       {"DUTY_TEAM_CONSOLE_FALLBACK": "on"}):
        app = forwarding_app(CASE_STORE="webhook", CASE_STORE_WEBHOOK_URL="http://x/",
                             CASE_STORE_WEBHOOK_SECRET="s", **configured)
        assert configuration_problems(app.config) == [], configured


def test_duty_team_console_fallback_setting_reads_auto_1_and_0():
    from intake_app.outbox.settings import parse_console_fallback

    assert [parse_console_fallback(raw) for raw in ("", "auto", "1", "true", "0", "off")] == [
        "auto", "auto", "on", "on", "off", "off"]
    with pytest.raises(ValueError):
        parse_console_fallback("sometimes")


def test_unconfigured_duty_team_fails_loudly_not_silently(forwarding_app):
    # Console fallback switched off (production): without a target the worker refuses to
    # start; an alert that is somehow delivered anyway fails loudly, never into a log.
    app = forwarding_app(DUTY_TEAM_CONSOLE_FALLBACK="off")
    with app.app_context():
        record = add_record(safeguarding=True)
        enqueue("safeguarding_alert", record, urgent=True)
        db.session.commit()
        drain(app)
        (alert,) = messages("safeguarding_alert")
        assert alert.state == "delivery_failed"
        assert "DUTY_TEAM" in alert.last_error
        assert messages("manager_alert")[0].urgent


def test_help_me_choose_referral_goes_to_the_default_provider(forwarding_app, receiver):
    app = forwarding_app(ADVOCACY_PROVIDERS={
        "local": {"webhook": receiver.url, "secret": receiver.secret},
        "nyas": {"email": "referrals@nyas.example"},
    }, DEFAULT_ADVOCACY_PROVIDER="local")
    with app.app_context():
        record = add_record(advocate_requested="help_me_choose",
                            advocate_provider="help_me_choose", reply_channel="sms",
                            contact={"phone": PHONE})
        enqueue("advocacy_referral", record, {"provider": "help_me_choose"})
        db.session.commit()
        drain(app)
        assert messages("advocacy_referral")[0].state == "delivered"
    (referral,) = receiver.stored.values()
    assert referral["provider"] == "local"
    assert referral["chosen_by_child"] is False
    assert referral["reply"]["contact"]["phone"] == PHONE
    assert "triage" not in referral and "deadlines" not in referral


def test_webhook_answering_429_is_retried_after_its_retry_after(forwarding_app, receiver):
    app = forwarding_app(**webhook_settings(receiver))
    receiver.mode, receiver.retry_after = "throttle", "120"
    with app.app_context():
        add_case()
        before = datetime.now(UTC)
        run_once(app)
        (case,) = messages("case")
        assert case.state == "pending"
        assert "HTTP 429" in case.last_error
        # Retry-After is a floor, bounded by the (short, test) backoff cap.
        assert case.next_attempt_at >= before + timedelta(seconds=0.05)


@sqlite_only("the embedded default (SQLite) needs no duty-team target; elsewhere one is "
             "required")
def test_configuration_problems_are_named_before_the_worker_starts(forwarding_app):
    app = forwarding_app(CASE_STORE="webhook", CASE_STORE_WEBHOOK_URL="",
                         CASE_STORE_WEBHOOK_SECRET="", SMS_ADAPTER="twilio")
    problems = configuration_problems(app.config)
    assert "CASE_STORE=webhook needs CASE_STORE_WEBHOOK_SECRET" in problems
    assert "CASE_STORE=webhook needs CASE_STORE_WEBHOOK_URL" in problems
    assert any("TWILIO_ACCOUNT_SID" in problem for problem in problems)
    assert configuration_problems(forwarding_app().config) == []


def test_summary_counts_rows_by_state(forwarding_app):
    app = forwarding_app()
    with app.app_context():
        add_case()
        add_case()
        assert states.summary().by_state == {"pending": 2}
        drain(app)
        assert states.summary().by_state == {"delivered": 2}
        assert db.session.scalar(select(func.count()).select_from(Representation)) == 2
