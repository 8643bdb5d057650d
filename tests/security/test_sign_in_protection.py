"""Nobody can lock a member of staff out, and guessing is held back and seen: failed
sign-ins are limited per account and address and per address, never per account alone;
many failures on one account alert managers."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from flask import Flask, request_started
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, OutboxMessage, StaffUser
from intake_app.outbox.adapters.deliveries import deliver_manager_alert
from intake_app.services import protection, staff_accounts

from ..conftest import _fresh_request_globals, dispose, make_app, post_form
from ..officers.conftest import sign_in_as

PASSWORD = "heron lantern quietly orbit"
EMAIL = "duty.officer@council.example"


@contextmanager
def app_with(tmp_path, **config: object) -> Iterator[Flask]:
    app = make_app(tmp_path, **config)
    request_started.connect(_fresh_request_globals, app)
    try:
        with app.app_context():
            yield app
    finally:
        request_started.disconnect(_fresh_request_globals, app)
        dispose(app)


@pytest.fixture
def limited_app(tmp_path) -> Iterator[Flask]:
    """The limits as shipped (STAFF_LOGIN_RATE_LIMIT 5 per minute; 20 per hour, ...)."""
    with app_with(tmp_path, RATELIMIT_ENABLED=True) as limited:
        yield limited


def officer(role: str = "officer", email: str = EMAIL) -> StaffUser:
    return staff_accounts.create_user(email, name="Dana Duty", role=role, password=PASSWORD)


def browser_at(app: Flask, address: str) -> FlaskClient:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD):
    return post_form(client, "/officers/sign-in", {"email": email, "password": password})


def manager_alerts() -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "manager_alert")))


def audit(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_wrong_passwords_from_other_addresses_never_lock_the_real_user_out(
        limited_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    user = officer()
    with caplog.at_level(logging.INFO):
        guesses = [[sign_in(browser_at(limited_app, f"203.0.113.{n}"), EMAIL,
                            f"guess number {n}-{attempt}").status_code
                    for attempt in range(6)] for n in range(5)]
        real = browser_at(limited_app, "198.51.100.20")
        response = sign_in(real, EMAIL)

    # Each guessing address is held back after five failures for this account...
    assert guesses == [[400] * 5 + [429]] * 5
    # ...and the member of staff, from their own address, is in at once.
    assert response.status_code == 302
    with real.session_transaction() as session:
        assert session["_user_id"] == user.get_id()
    assert len(audit("staff.sign_in_failed")) == 25  # refused (429) attempts were not tried

    # Managers are told once, and the log says so, without the email address.
    [alert] = manager_alerts()
    assert alert.payload["kind"] == "staff_sign_in_failures"
    assert alert.payload["staff_id"] == user.id
    assert "Dana Duty" in alert.payload["text"] and "10 wrong passwords" in alert.payload["text"]
    assert "Nobody is locked out" in alert.payload["text"]
    assert EMAIL not in alert.payload["text"]
    [alerted] = audit("staff.failed_attempts_alerted")
    assert alerted.actor == f"staff:{user.id}"
    assert alerted.after == {"failed_passwords": 10, "failed_codes": 0, "minutes": 15}
    warnings = [record.getMessage() for record in caplog.records
                if record.levelno == logging.WARNING]
    assert (f"failed sign-ins on staff account {user.id}: 10 wrong passwords and 0 wrong "
            "two-factor codes in 15 minutes; managers alerted") in warnings
    assert "duty.officer" not in caplog.text


def test_one_address_guessing_many_accounts_is_held_back(tmp_path) -> None:
    with app_with(tmp_path, RATELIMIT_ENABLED=True,
                  STAFF_LOGIN_ADDRESS_RATE_LIMIT="4 per minute") as app:
        for n in range(6):
            officer(email=f"staff{n}@council.example")
        sprayer = browser_at(app, "203.0.113.50")
        statuses = [sign_in(sprayer, f"staff{n}@council.example", "Summer2026!!").status_code
                    for n in range(6)]
        assert statuses == [400, 400, 400, 400, 429, 429]
        assert len(audit("staff.sign_in_failed")) == 4  # the last two were not tried
        # Nobody else is held back by it.
        assert sign_in(browser_at(app, "198.51.100.7"),
                       "staff5@council.example").status_code == 302


def test_wrong_two_factor_codes_count_and_say_the_password_may_be_known(
        tmp_path) -> None:
    with app_with(tmp_path, STAFF_SIGN_IN_ALERT="3 per 15 minutes"):
        manager = officer("manager")
        manager.totp_secret_encrypted = protection.encrypt_json(pyotp.random_base32())
        manager.totp_enabled = True
        db.session.commit()
        for _ in range(3):
            with pytest.raises(staff_accounts.InvalidTwoFactorCode):
                staff_accounts.check_two_factor(manager, "000000")
        [alert] = manager_alerts()
        assert "0 wrong passwords and 3 wrong two-factor codes" in alert.payload["text"]
        assert "someone may know the password" in alert.payload["text"]


def test_failures_older_than_the_window_do_not_add_up(app: Flask) -> None:
    user = officer()
    long_ago = datetime.now(UTC) - timedelta(minutes=16)
    db.session.add_all(AuditEvent(actor=f"staff:{user.id}", action="staff.sign_in_failed",
                                  after={"reason": "credentials"}, occurred_at=long_ago)
                       for _ in range(9))
    db.session.commit()
    assert staff_accounts.authenticate(EMAIL, "not it at all") is None
    assert manager_alerts() == []


def test_one_alert_per_window_then_a_new_one(app: Flask) -> None:
    user = officer()
    for _ in range(25):
        staff_accounts.authenticate(EMAIL, "not it at all")
    assert len(manager_alerts()) == 1
    # Fifteen minutes on, more guessing is news again.
    for event in audit("staff.sign_in_failed") + audit("staff.failed_attempts_alerted"):
        event.occurred_at -= timedelta(minutes=16)
    db.session.commit()
    for _ in range(10):
        staff_accounts.authenticate(EMAIL, "not it at all")
    assert len(manager_alerts()) == 2
    assert user.active  # nothing was done to the account itself


def test_guesses_for_an_email_nobody_has_raise_no_alert(app: Flask) -> None:
    for _ in range(12):
        staff_accounts.authenticate("nobody@council.example", "not it at all")
    assert manager_alerts() == []


def test_the_alert_reaches_managers_by_the_log_without_an_inbox(
        app: Flask, make_staff, caplog: pytest.LogCaptureFixture) -> None:
    officer()
    for _ in range(10):
        staff_accounts.authenticate(EMAIL, "not it at all")
    [alert] = manager_alerts()
    with caplog.at_level(logging.ERROR):
        deliver_manager_alert(alert, None)
    assert "manager alert (no MANAGERS_EMAIL configured): The staff account of Dana Duty" \
        in caplog.text
    # A signed-in session elsewhere is untouched by guessing.
    assert sign_in_as(app.test_client(), make_staff("officer")).get(
        "/officers/queue").status_code == 200
