"""POST /callback-requests: "talk to a person" with how and when to reach the child, its own
deadline, and the team's alert in the same transaction."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from intake_app.extensions import db
from intake_app.models import AuditEvent, CallbackRequest, OutboxMessage
from intake_app.services import callbacks
from intake_app.services.protection import decrypt_json

from .conftest import PHONE, add_conversation

URL = "/api/v1/callback-requests"
# Wednesday 18 November 2026, GMT: London time is UTC.
WEDNESDAY_MORNING = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


@pytest.fixture
def asked_at(monkeypatch: pytest.MonkeyPatch):
    """Set the moment the request is made (the service's clock)."""
    def set_clock(moment: datetime) -> None:
        monkeypatch.setattr(callbacks, "now", lambda: moment)

    set_clock(WEDNESDAY_MORNING)
    return set_clock


def _ask(client, headers, conversation_id: str, **fields):
    return client.post(URL, headers=headers, json={"conversation_id": conversation_id,
                                                   **fields})


def test_a_number_and_safe_times_are_kept_encrypted_with_a_same_day_deadline(
        client, intake_headers, asked_at):
    add_conversation("chat-1", phone=None, channel="chat")
    response = _ask(client, intake_headers, "chat-1", note="they moved me",
                    contact={"method": "call_or_text", "phone": "07911 123457"},
                    contact_safety={"times": ["after_school", "evening"]})
    assert response.status_code == 201, response.json
    body = response.json
    assert body["reachable"] is True
    assert body["method"] == "call_or_text"
    assert body["reply_by"] == "2026-11-18"
    assert body["reply_by_words"] == "Wednesday 18 November 2026"
    callback = db.session.scalars(select(CallbackRequest)).one()
    assert (callback.method, callback.due_on, callback.status) == (
        "call_or_text", date(2026, 11, 18), "open")
    assert decrypt_json(callback.contact_encrypted) == {
        "phone": "+447911123457", "times": ["after_school", "evening"]}
    assert b"7911123457" not in callback.contact_encrypted
    assert callback.note == "they moved me"


def test_the_team_alert_is_written_with_the_request(client, intake_headers, asked_at):
    add_conversation("sms-1")
    response = _ask(client, intake_headers, "sms-1", contact={"method": "text"})
    callback_id = response.json["id"]
    alert = db.session.scalars(select(OutboxMessage)).one()
    assert (alert.kind, alert.payload, alert.urgent) == (
        "callback_alert", {"callback_request_id": callback_id}, True)
    assert alert.idempotency_key == f"service:callback_alert:{callback_id}"
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "callback_requested")).one()
    assert event.after["callback_request_id"] == callback_id
    assert PHONE not in str(event.after)


def test_no_request_is_saved_when_its_alert_cannot_be(app, monkeypatch):
    add_conversation("sms-2")

    def broken(*args, **kwargs):
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(callbacks, "enqueue", broken)
    with pytest.raises(RuntimeError):
        callbacks.request_callback("sms-2", note=None, actor="api:test",
                                   contact=callbacks.ContactRoute(method="text"))
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(CallbackRequest)) == 0


def test_text_this_number_uses_the_conversations_own_number(client, intake_headers, asked_at):
    add_conversation("sms-3")
    response = _ask(client, intake_headers, "sms-3", contact={"method": "text"})
    assert response.status_code == 201
    callback = db.session.get(CallbackRequest, response.json["id"])
    assert decrypt_json(callback.contact_encrypted) == {"phone": PHONE, "times": ["any"]}


def test_with_no_way_to_reach_them_nothing_is_promised(client, intake_headers, asked_at):
    add_conversation("chat-2", phone=None, channel="chat")
    response = _ask(client, intake_headers, "chat-2", contact={"method": "none"})
    assert response.status_code == 201
    body = response.json
    assert body["reachable"] is False
    assert body["reply_by_words"] is None
    assert body["council_phone"] == "0300 123 4000"
    # Plain spaces only: one narrow no-break space would make the whole text UCS-2.
    assert body["council_opening_hours"] == "Monday to Friday, 9:00 AM to 5:00 PM"
    callback = db.session.get(CallbackRequest, body["id"])
    # An officer still reads the conversation by the same deadline.
    assert (callback.method, callback.contact_encrypted, callback.due_on) == (
        "none", None, date(2026, 11, 18))


def test_an_old_bot_that_sends_no_contact_promises_nothing(client, intake_headers, asked_at):
    add_conversation("sms-old")
    response = _ask(client, intake_headers, "sms-old")
    assert response.status_code == 201
    assert response.json["reachable"] is False


@pytest.mark.parametrize(("conversation", "contact", "field"), [
    (("chat-3", None, "chat"), {"method": "text"}, "contact.phone"),
    (("chat-4", None, "chat"), {"method": "text", "phone": "020 7946 0000"}, "contact.phone"),
    (("chat-5", None, "chat"), {"method": "call", "phone": "not a number"}, "contact.phone"),
    (("chat-6", None, "chat"), {"method": "shout"}, "contact.method"),
])
def test_a_route_that_cannot_work_is_refused(client, intake_headers, conversation, contact,
                                             field):
    public_id, phone, channel = conversation
    add_conversation(public_id, phone=phone, channel=channel)
    response = _ask(client, intake_headers, public_id, contact=contact)
    assert response.status_code == 422
    assert set(response.json["errors"]) == {field}
    assert db.session.scalar(select(func.count()).select_from(CallbackRequest)) == 0


def test_a_landline_can_be_called_but_not_texted(client, intake_headers, asked_at):
    add_conversation("chat-7", phone=None, channel="chat")
    response = _ask(client, intake_headers, "chat-7",
                    contact={"method": "call_or_text", "phone": "020 7946 0000"})
    assert response.status_code == 201
    assert response.json["method"] == "call"


@pytest.mark.parametrize(("moment", "times", "working_days", "due"), [
    # Before the 17:00 cut-off: the same working day.
    (datetime(2026, 11, 18, 16, 59, tzinfo=UTC), ("any",), 0, date(2026, 11, 18)),
    # At or after it: the next working day.
    (datetime(2026, 11, 18, 17, 0, tzinfo=UTC), ("any",), 0, date(2026, 11, 19)),
    # Friday evening: Monday.
    (datetime(2026, 11, 20, 18, 0, tzinfo=UTC), ("any",), 0, date(2026, 11, 23)),
    # Saturday: Monday.
    (datetime(2026, 11, 21, 11, 0, tzinfo=UTC), ("any",), 0, date(2026, 11, 23)),
    # Christmas Eve after the cut-off: past Christmas Day and the Boxing Day holiday.
    (datetime(2026, 12, 24, 17, 30, tzinfo=UTC), ("any",), 0, date(2026, 12, 29)),
    # British Summer Time: 16:30 UTC is 17:30 in London, after the cut-off.
    (datetime(2026, 7, 1, 16, 30, tzinfo=UTC), ("any",), 0, date(2026, 7, 2)),
    # A setting of one working day.
    (datetime(2026, 11, 18, 10, 0, tzinfo=UTC), ("any",), 1, date(2026, 11, 19)),
    # Mornings only, asked at 10:00: today's safe time has gone, so tomorrow.
    (datetime(2026, 11, 18, 10, 0, tzinfo=UTC), ("morning",), 0, date(2026, 11, 19)),
    # Evenings are still to come today.
    (datetime(2026, 11, 18, 10, 0, tzinfo=UTC), ("evening",), 0, date(2026, 11, 18)),
])
def test_the_deadline_follows_the_cut_off_working_days_and_safe_times(
        client, intake_headers, asked_at, app, moment, times, working_days, due):
    app.config["CALLBACK_WORKING_DAYS"] = working_days
    asked_at(moment)
    add_conversation("sms-d")
    response = _ask(client, intake_headers, "sms-d", contact={"method": "text"},
                    contact_safety={"times": list(times)})
    assert response.status_code == 201
    assert response.json["reply_by"] == due.isoformat()


def test_asking_again_returns_the_open_request(client, intake_headers, asked_at):
    add_conversation("sms-4")
    first = _ask(client, intake_headers, "sms-4", contact={"method": "text"})
    again = _ask(client, intake_headers, "sms-4", contact={"method": "text"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json == {**again.json}
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_a_way_to_reach_them_given_later_is_taken_by_the_open_request(
        client, intake_headers, asked_at):
    add_conversation("chat-8", phone=None, channel="chat")
    first = _ask(client, intake_headers, "chat-8", contact={"method": "none"})
    asked_at(datetime(2026, 11, 18, 17, 30, tzinfo=UTC))
    later = _ask(client, intake_headers, "chat-8",
                 contact={"method": "call", "phone": "07911 123458"})
    assert later.status_code == 200
    assert later.json["id"] == first.json["id"]
    assert later.json["reachable"] is True
    # Reachable only since 17:30: the deadline runs from then.
    assert later.json["reply_by"] == "2026-11-19"
    callback = db.session.get(CallbackRequest, first.json["id"])
    assert decrypt_json(callback.contact_encrypted)["phone"] == "+447911123458"
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "callback.contact_changed")).one()
    assert (event.before["method"], event.after["method"]) == ("none", "call")
    assert "123458" not in str(event.after)
