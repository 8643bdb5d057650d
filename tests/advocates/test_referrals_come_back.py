"""Advocacy referrals that come back: what a referral carries for the provider, the
provider's answers through the API with its own token (and from its inbox in the embedded
default), the state and age officers see, and the complaints team's alert when a referral
is not accepted within a working day (emails through a real SMTP server)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask, request_started
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.domain.advocacy import accept_by
from intake_app.domain.draft import Contact, ContactSafety, Draft
from intake_app.extensions import db
from intake_app.models import AdvocacyReferral, AuditEvent, Representation
from intake_app.services.intake import submit
from intake_app.services.tokens import create_token

from ..conftest import _fresh_request_globals, csrf_token, sqlite_only
from ..officers.conftest import sign_in_as
from ..outbox.conftest import drain, forwarding_app, messages  # noqa: F401 - fixture
from ..outbox.test_email import _smtp_settings, smtp_server  # noqa: F401 - fixture
from .conftest import invite_advocate, sign_in_advocate

LONDON_FRIDAY_3PM = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # GMT in December


def ask_for_an_advocate(provider: str = "nyas", *, reply: str = "email") -> AdvocacyReferral:
    """A child's own record asking ``provider`` for an advocate; its referral."""
    record = submit(Draft(
        text="Nobody listens to me about moving placement", channel="web",
        declared_type="complaint", advocate="yes", advocate_provider=provider,
        reply_channel=reply, language="pl",
        contact=Contact(name="Jo", email="jo@example.org" if reply == "email" else ""),
        contact_safety=ContactSafety(times=("after_school",))), actor="web")
    return db.session.scalar(select(AdvocacyReferral).where(
        AdvocacyReferral.representation_id == record.representation_id))


def answer(client: FlaskClient, referral_id: int, token: str, **body: str):
    return client.post(f"/api/v1/advocacy-referrals/{referral_id}/status", json=body,
                       headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def mail_app(forwarding_app, smtp_server):  # noqa: F811 - fixtures
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(
        port, COMPLAINTS_INBOX="complaints@council.example",
        ADVOCACY_PROVIDERS={"nyas": {"email": "referrals@nyas.example"}}))
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app, mailbox
    request_started.disconnect(_fresh_request_globals, app)


def test_a_referral_carries_what_the_provider_needs_to_match_an_advocate(mail_app) -> None:
    app, mailbox = mail_app
    referral = ask_for_an_advocate()
    drain(app)
    (sent,) = [message for message in mailbox.messages
               if message["To"] == "referrals@nyas.example"]
    (attachment,) = list(sent.iter_attachments())
    document = json.loads(attachment.get_content())
    assert document["referral_id"] == referral.id
    assert document["status_url"].endswith(f"/api/v1/advocacy-referrals/{referral.id}/status")
    assert document["child"]["name_or_initials"] == "Jo"
    assert document["child"]["language"] == "pl"
    assert document["reach"]["contact"]["email"] == "jo@example.org"
    assert document["reach"]["when"]["times"] == ["after_school"]


def test_no_way_to_reach_the_child_goes_with_a_child_who_gave_none(mail_app) -> None:
    app, mailbox = mail_app
    ask_for_an_advocate(reply="none")
    drain(app)
    (sent,) = [message for message in mailbox.messages
               if message["To"] == "referrals@nyas.example"]
    (attachment,) = list(sent.iter_attachments())
    document = json.loads(attachment.get_content())
    assert document["reach"] is None


def test_the_provider_answers_with_its_token_and_officers_see_the_state(
        app: Flask, client: FlaskClient, make_staff) -> None:
    referral = ask_for_an_advocate()
    token = create_token("nyas", scope="advocacy").token

    accepted = answer(client, referral.id, token, status="accepted")
    assert accepted.status_code == 201 and accepted.json["status"] == "accepted"
    again = answer(client, referral.id, token, status="accepted")
    assert again.status_code == 200 and again.json["changed"] is False
    no_contact = answer(client, referral.id, token, status="allocated")
    assert no_contact.status_code == 422 and "contact" in no_contact.json["errors"]
    allocated = answer(client, referral.id, token, status="allocated",
                       contact="Priya at NYAS, 0808 808 1001")
    assert allocated.status_code == 201

    officer = sign_in_as(app.test_client(), make_staff("officer"))
    record = db.session.get(AdvocacyReferral, referral.id)
    reference = db.session.get(Representation, record.representation_id).reference
    page = officer.get(f"/officers/records/{reference}").get_data(as_text=True)
    assert "Advocate allocated" in page and "Priya at NYAS, 0808 808 1001" in page
    assert "hours ago" in page or "hour ago" in page
    assert db.session.scalars(select(AuditEvent.actor).where(
        AuditEvent.action == "advocacy_referral.answered")).all() == ["api:nyas"] * 2


def test_a_decline_needs_a_reason_and_other_tokens_cannot_answer(
        app: Flask, client: FlaskClient) -> None:
    referral = ask_for_an_advocate()
    ours = create_token("nyas", scope="advocacy").token
    theirs = create_token("barnardos", scope="advocacy").token
    intake = create_token("bot", scope="intake").token

    assert answer(client, referral.id, theirs, status="accepted").status_code == 404
    assert answer(client, referral.id, intake, status="accepted").status_code == 403
    assert answer(client, referral.id, "made-up", status="accepted").status_code == 401
    assert answer(client, 2**40, ours, status="accepted").status_code == 404
    refused = answer(client, referral.id, ours, status="declined")
    assert refused.status_code == 422 and "reason" in refused.json["errors"]
    declined = answer(client, referral.id, ours, status="declined",
                      reason="No advocate speaks Polish this month")
    assert declined.status_code == 201
    assert answer(client, referral.id, ours, status="accepted").status_code == 422
    assert db.session.get(AdvocacyReferral, referral.id).state == "declined"


def test_a_referral_not_accepted_within_a_working_day_alerts_the_complaints_team_once(
        mail_app) -> None:
    app, mailbox = mail_app
    waiting = ask_for_an_advocate()
    answered = ask_for_an_advocate()
    drain(app)
    assert not [m for m in mailbox.recipients if m == ["complaints@council.example"]]

    for referral in (waiting, answered):  # a working day passes
        referral.accept_by = datetime.now(UTC) - timedelta(minutes=1)
    answered.state = "accepted"
    db.session.commit()
    drain(app)
    drain(app)

    alerts = [message for message in mailbox.messages
              if message["To"] == "complaints@council.example"]
    assert len(alerts) == 1
    assert "not accepted within a working day" in alerts[0]["Subject"]
    assert len(messages("referral_overdue_alert")) == 1


def test_a_working_day_after_friday_afternoon_is_monday_afternoon() -> None:
    assert accept_by(LONDON_FRIDAY_3PM, nation="england") == datetime(
        2026, 12, 7, 15, 0, tzinfo=UTC)
    christmas_eve = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)  # Thursday
    assert accept_by(christmas_eve, nation="england") == datetime(
        2026, 12, 29, 10, 0, tzinfo=UTC)  # Christmas Day and Boxing Day (Monday 28th) off


@sqlite_only("the embedded default, where the organisation answers in its inbox, is SQLite")
def test_the_provider_inbox_answers_in_the_embedded_default(
        app: Flask, make_staff) -> None:
    referral = ask_for_an_advocate()
    browser = sign_in_advocate(app.test_client(), invite_advocate("sam@nyas.example", "nyas"))
    page = f"/advocates/referrals/{referral.id}"
    assert "Answer the referral" in browser.get(page).get_data(as_text=True)

    missing = browser.post(f"{page}/answer", data={
        "csrf_token": csrf_token(browser, page), "status": "declined"})
    assert missing.status_code == 400
    assert "Say why you decline the referral" in missing.get_data(as_text=True)
    done = browser.post(f"{page}/answer", data={
        "csrf_token": csrf_token(browser, page), "status": "allocated",
        "contact": "Sam, 0808 808 1001"})
    assert done.status_code == 302
    assert "Advocate allocated" in browser.get(page).get_data(as_text=True)
    assert db.session.get(AdvocacyReferral, referral.id).allocated_contact == (
        "Sam, 0808 808 1001")


def test_elsewhere_the_provider_answers_through_its_own_system(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """Off the embedded default (on PostgreSQL, or with a real case store) the inbox shows
    the referral but takes no answer: the provider answers through the API."""
    monkeypatch.setitem(app.config, "CASE_STORE", "elsewhere")
    referral = ask_for_an_advocate()
    browser = sign_in_advocate(app.test_client(), invite_advocate("sam@nyas.example", "nyas"))
    page = f"/advocates/referrals/{referral.id}"
    shown = browser.get(page).get_data(as_text=True)
    assert "Answer the referral" not in shown
    assert "answers referrals through its own system" in shown
    refused = browser.post(f"{page}/answer", data={
        "csrf_token": csrf_token(browser, "/advocates/submit"), "status": "allocated",
        "contact": "Sam, 0808 808 1001"})
    assert refused.status_code == 302
    assert refused.headers["Location"] == page
    db.session.expire_all()
    assert db.session.get(AdvocacyReferral, referral.id).state == "sent"
