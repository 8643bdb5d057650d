"""Callback requests ("talk to a person") for officers: at the top of the queue by their own
deadline, a page with the conversation and how and when to reach the child, and each
outcome recorded and audited."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from intake_app.domain.references import display
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    CallbackAttempt,
    CallbackRequest,
    ChannelMessage,
    Conversation,
    SmsOptOut,
)
from intake_app.services import callbacks
from intake_app.services.protection import encrypt_json, lookup_hash

from .conftest import sign_in_as
from .test_case_view import make_record, page_text
from .test_queue import shown

PHONE = "+447911123456"
# Wednesday 18 November 2026 (GMT, so London time is UTC).
BEFORE_CUTOFF = datetime(2026, 11, 18, 16, 0, tzinfo=UTC)
AFTER_CUTOFF = datetime(2026, 11, 18, 17, 30, tzinfo=UTC)
CALLBACK_ROW = re.compile(r'data-callback="(\d+)">.*?<time datetime="[^"]+">.*?</time>.*?'
                          r'<time datetime="([0-9-]+)">', re.S)


@pytest.fixture
def officer(make_staff):
    return make_staff("officer", name="Olu Officer")


@pytest.fixture
def client(app, officer):
    return sign_in_as(app.test_client(), officer)


def conversation(public_id: str, *, phone: str | None = PHONE, messages=(),
                 flagged: bool = False) -> Conversation:
    talk = Conversation(public_id=public_id, channel="sms" if phone else "chat",
                        phone_encrypted=encrypt_json(phone) if phone else None,
                        phone_lookup_hash=lookup_hash(phone) if phone else None,
                        safeguarding_flag=flagged)
    db.session.add(talk)
    db.session.flush()
    for direction, body in messages:
        db.session.add(ChannelMessage(conversation_id=talk.id, direction=direction, body=body))
    db.session.commit()
    return talk


def ask(monkeypatch, public_id: str, at: datetime, *, method: str = "text", phone: str = "",
        times: tuple[str, ...] = ("any",), note: str | None = None) -> CallbackRequest:
    monkeypatch.setattr(callbacks, "now", lambda: at)
    result = callbacks.request_callback(
        public_id, note=note, actor="api:bot",
        contact=callbacks.ContactRoute(method=method, phone=phone, times=times))
    return db.session.get(CallbackRequest, result.id)


def listed(response) -> list[tuple[int, str]]:
    """(request id, deadline) of each callback row on a queue page, in order."""
    return [(int(found), due) for found, due in
            CALLBACK_ROW.findall(response.get_data(as_text=True))]


def test_callbacks_top_the_queue_by_their_own_deadline(app, client, monkeypatch):
    urgent = make_record(text="My foster carer hits me when I am home.")
    conversation("late", phone=PHONE)
    conversation("early", phone="+447911123457")
    conversation("anonymous", phone=None)
    after = ask(monkeypatch, "late", AFTER_CUTOFF)
    before = ask(monkeypatch, "early", BEFORE_CUTOFF)
    unreachable = ask(monkeypatch, "anonymous", BEFORE_CUTOFF, method="none")
    assert (after.due_on, before.due_on) == (date(2026, 11, 19), date(2026, 11, 18))
    page = client.get("/officers/queue")
    assert page.status_code == 200
    assert listed(page) == [(before.id, "2026-11-18"), (unreachable.id, "2026-11-18"),
                            (after.id, "2026-11-19")]
    body = page.get_data(as_text=True)
    # Above every record, urgent ones included.
    assert body.index(f'data-callback="{after.id}"') < body.index(display(urgent.reference))
    assert "3 children are waiting for a person to get in touch" in page_text(page)
    assert "No way to reach them: read the conversation" in page_text(page)
    # Whatever the filters: a child waiting for a person is never filtered away.
    filtered = client.get("/officers/queue?status=closed&type=compliment")
    assert [found for found, _due in listed(filtered)] == [before.id, unreachable.id, after.id]
    assert shown(filtered) == []


def test_a_callback_page_shows_the_deadline_safe_times_and_the_conversation(
        app, client, officer, monkeypatch):
    conversation("talk", messages=[("inbound", "hi"), ("outbound", "Hi! I can help."),
                                   ("inbound", "my placement is moving and nobody asked me")],
                 flagged=True)
    callback = ask(monkeypatch, "talk", BEFORE_CUTOFF, times=("after_school", "evening"),
                   note="my placement is moving")
    monkeypatch.setattr(callbacks, "now", lambda: datetime(2026, 11, 18, 14, 0, tzinfo=UTC))
    page = client.get(f"/officers/callbacks/{callback.id}")
    assert page.status_code == 200
    text = page_text(page)
    assert f"Callback request {callback.id}" in text
    assert "Get in touch by Wednesday 18 November 2026" in text
    assert "my placement is moving and nobody asked me" in text and "Hi! I can help." in text
    assert "After school (15:30 to 18:00, weekdays); Evenings (18:00 to 21:00)" in text
    assert "Not a safe time now. The next one starts Wed 18 Nov 2026 15:30." in text
    assert "The conversation was flagged" in text
    assert "Text message" in text
    assert "123456" not in page.get_data(as_text=True)
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "callback.viewed")).one()
    assert (event.actor, event.after) == (f"staff:{officer.id}",
                                          {"callback_request_id": callback.id})


def test_the_number_is_shown_on_a_click_that_is_audited(app, client, officer, monkeypatch):
    conversation("talk")
    callback = ask(monkeypatch, "talk", BEFORE_CUTOFF)
    db.session.add(SmsOptOut(phone_lookup_hash=lookup_hash(PHONE), keyword="STOP"))
    db.session.commit()
    path = f"/officers/callbacks/{callback.id}"
    page = client.get(path)
    assert "This number texted STOP: do not text it." in page_text(page)
    token = re.search(r'name="reveal-csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    shown_page = client.post(f"{path}/show-number", data={"reveal-csrf_token": token})
    assert shown_page.status_code == 200
    assert PHONE in shown_page.get_data(as_text=True)
    assert shown_page.headers["Cache-Control"] == "no-store"
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "callback.contact_revealed")).one()
    assert event.after == {"callback_request_id": callback.id, "method": "text",
                           "shown": True}
    assert PHONE not in page_text(client.get(path))


def _record(client, callback: CallbackRequest, outcome: str, note: str = ""):
    path = f"/officers/callbacks/{callback.id}"
    token = re.search(r'name="outcome-csrf_token" type="hidden" value="([^"]+)"',
                      client.get(path).get_data(as_text=True)).group(1)
    return client.post(f"{path}/outcome", data={"outcome-csrf_token": token,
                                                "outcome-outcome": outcome,
                                                "outcome-note": note})


def test_no_answer_keeps_the_request_open_and_counts_the_try(app, client, officer,
                                                             monkeypatch):
    conversation("talk")
    callback = ask(monkeypatch, "talk", BEFORE_CUTOFF)
    response = _record(client, callback, "no_answer", "Rang at 16:10, no voicemail left")
    assert response.status_code == 302
    db.session.refresh(callback)
    assert (callback.status, callback.attempts, callback.last_outcome) == ("open", 1,
                                                                          "no_answer")
    attempt = db.session.scalars(select(CallbackAttempt)).one()
    assert (attempt.staff_id, attempt.note) == (officer.id, "Rang at 16:10, no voicemail left")
    assert [found for found, _due in listed(client.get("/officers/queue"))] == [callback.id]
    page = client.get(f"/officers/callbacks/{callback.id}")
    assert "No answer" in page_text(page) and "Olu Officer" in page_text(page)
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "callback.outcome_recorded")).one()
    assert event.actor == f"staff:{officer.id}"
    assert (event.before["attempts"], event.after["attempts"]) == (0, 1)
    assert (event.before["status"], event.after["status"]) == ("open", "open")
    assert event.after["attempt_id"] == attempt.id
    assert "16:10" not in str(event.after)  # the note stays with the attempt


def test_called_closes_the_request_and_it_leaves_the_queue(app, client, monkeypatch):
    record = make_record(text="Nobody came to my review.")
    talk = conversation("talk")
    record.conversation_id = talk.id
    db.session.commit()
    callback = ask(monkeypatch, "talk", BEFORE_CUTOFF)
    assert callback.representation_id == record.id
    response = _record(client, callback, "called", "Spoke to her, she is OK")
    assert response.status_code == 302 and response.headers["Location"] == "/officers/queue"
    db.session.refresh(callback)
    assert (callback.status, callback.attempts, callback.last_outcome) == ("closed", 1,
                                                                          "called")
    assert callback.closed_at is not None
    assert listed(client.get("/officers/queue")) == []
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "callback.outcome_recorded")).one()
    assert event.representation_id == record.id
    assert (event.before["status"], event.after["status"]) == ("open", "closed")
    page = client.get(f"/officers/callbacks/{callback.id}")
    assert "Record what happened" not in page_text(page)


def test_closing_without_speaking_to_them_needs_a_note(app, client, monkeypatch):
    conversation("anonymous", phone=None)
    callback = ask(monkeypatch, "anonymous", BEFORE_CUTOFF, method="none")
    refused = _record(client, callback, "closed")
    assert refused.status_code == 400
    assert "Say why it is closed without speaking to them." in page_text(refused)
    db.session.refresh(callback)
    assert (callback.status, callback.attempts) == ("open", 0)
    assert _record(client, callback, "closed", "No way to reach them; read it").status_code == 302
    db.session.refresh(callback)
    assert callback.status == "closed"


def test_an_outcome_must_be_chosen(app, client, monkeypatch):
    conversation("talk")
    callback = ask(monkeypatch, "talk", BEFORE_CUTOFF)
    refused = _record(client, callback, "")
    assert refused.status_code == 400
    assert "Choose what happened." in page_text(refused)


def test_a_made_up_callback_is_not_found(client):
    assert client.get("/officers/callbacks/9999").status_code == 404


def test_the_record_links_to_its_callback_requests(app, client, monkeypatch):
    record = make_record(text="Nobody came to my review.")
    talk = conversation("talk")
    record.conversation_id = talk.id
    db.session.commit()
    callback = ask(monkeypatch, "talk", BEFORE_CUTOFF)
    page = client.get(f"/officers/records/{record.reference}")
    assert f'href="/officers/callbacks/{callback.id}"' in page.get_data(as_text=True)
    assert "open, get in touch by Wednesday 18 November 2026" in page_text(page)
