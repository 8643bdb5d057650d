"""Odd input is a 400 or a 422 with nothing stored, never a 500: JSON a parser or a
database chokes on, files posted into text fields, control characters in ``next``, dates
at the end of the calendar."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from intake_app.domain.draft import Draft
from intake_app.domain.reporting_periods import LONDON
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    CaseStatusUpdate,
    ChannelMessage,
    OutboxMessage,
    Representation,
)
from intake_app.services import staff_accounts
from intake_app.services.intake import submit
from intake_app.services.tokens import create_token

from ..api.conftest import representation
from ..conftest import csrf_token
from ..officers.conftest import sign_in_as
from ..web_journey import answer

PASSWORD = "heron lantern quietly orbit"


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def intake_headers(app: Flask) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token('bot', scope='intake').token}",
            "Content-Type": "application/json"}


# --- JSON ---------------------------------------------------------------------------

LONE_SURROGATE = '{"text": "My carer \\ud83d shouts", "advocate": "no", "reply_channel": "none"}'
ODD_JSON = {
    "lone surrogate": LONE_SURROGATE,
    "lone surrogate in a key": '{"text": "hi", "advocate": "no", "reply_channel": "none", '
                               '"\\udc00": 1}',
    "nested 10000 deep": "[" * 10_000 + "]" * 10_000,
    "nested 40 deep": '{"text": ' + "[" * 40 + "]" * 40 + "}",
    "NaN": '{"text": NaN, "advocate": "no", "reply_channel": "none"}',
    "a number too large": '{"text": 1e999, "advocate": "no", "reply_channel": "none"}',
    "not UTF-8": b'{"text": "\xff\xfe", "advocate": "no", "reply_channel": "none"}',
}


@pytest.mark.parametrize("body", ODD_JSON.values(), ids=ODD_JSON.keys())
def test_json_the_service_cannot_take_is_a_400_and_nothing_is_stored(
        app: Flask, client: FlaskClient, intake_headers: dict[str, str], body) -> None:
    response = client.post("/api/v1/representations", data=body, headers=intake_headers)
    assert response.status_code == 400
    assert response.json["message"] == "The body must be a JSON object."
    assert count(Representation) == 0 and count(OutboxMessage) == 0


def test_the_chat_refuses_json_nested_too_deep(app: Flask, client: FlaskClient) -> None:
    response = client.post("/chat/messages", data="[" * 10_000 + "]" * 10_000,
                           content_type="application/json",
                           headers={"X-CSRFToken": csrf_token(client, "/chat")})
    assert response.status_code == 400
    assert count(ChannelMessage) == 0


def test_the_chat_keeps_a_message_with_a_broken_emoji_without_the_broken_half(
        app: Flask, client: FlaskClient) -> None:
    """The chat keeps a child's words rather than refuse them (chat/views.py): half an
    emoji becomes U+FFFD, and nothing unstorable reaches the database."""
    body = json.dumps({"text": "My carer \ud83d shouts at me", "message_id": "m1"})
    response = client.post("/chat/messages", data=body, content_type="application/json",
                           headers={"X-CSRFToken": csrf_token(client, "/chat")})
    assert response.status_code < 500
    bodies = db.session.scalars(select(ChannelMessage.body)).all()
    assert bodies and all("\ud83d" not in body for body in bodies)
    assert any("My carer \ufffd shouts at me" in body for body in bodies)


def test_nesting_the_schema_allows_is_still_read(app: Flask, client: FlaskClient,
                                                 intake_headers: dict[str, str]) -> None:
    body = representation(text="Caf\u00e9 \U0001f600 tea", contact={"name": "Sam"})
    response = client.post("/api/v1/representations", data=json.dumps(body),
                           headers=intake_headers)
    assert response.status_code == 201
    assert db.session.scalars(select(Representation)).one().text == "Caf\u00e9 \U0001f600 tea"


# --- files posted into forms ----------------------------------------------------------

def a_file() -> tuple[io.BytesIO, str]:
    return io.BytesIO(b"GIF89a not a complaint"), "cat.gif"


def test_a_file_in_the_web_forms_text_field_is_a_400_and_the_draft_is_unchanged(
        app: Flask, client: FlaskClient) -> None:
    answer(client, "what", {"type": "complaint"})
    answer(client, "what-happened", {"text": "Nobody listens to me at reviews."})
    response = client.post("/tell-us/what-happened", content_type="multipart/form-data",
                           data={"text": a_file(),
                                 "csrf_token": csrf_token(client, "/tell-us/what-happened")})

    assert response.status_code == 400
    assert "Nobody listens to me at reviews." in client.get(
        "/tell-us/what-happened").get_data(as_text=True)


def test_a_file_in_the_sign_in_email_field_is_a_400_and_nobody_signs_in(
        app: Flask, client: FlaskClient) -> None:
    staff_accounts.create_user("officer@council.example", name="Olu", role="officer",
                               password=PASSWORD)
    response = client.post("/officers/sign-in", content_type="multipart/form-data",
                           data={"email": a_file(), "password": PASSWORD,
                                 "csrf_token": csrf_token(client, "/officers/sign-in")})

    assert response.status_code == 400
    with client.session_transaction() as session:
        assert "_user_id" not in session
    assert count(AuditEvent) == 0


# --- next= with control characters ----------------------------------------------------

ODD_NEXT = ("/%0a/", "/%0d%0aSet-Cookie:%20x=1", "/%09/evil.example", "%0a", "/%00",
            "/%E2%80%A8/evil.example", "/%C2%85", "//%0a/evil.example", "/\\evil.example")
OFFICERS_PAGES = ("/officers/sign-in", "/officers/queue", "/officers/two-factor",
                  "/officers/two-factor/setup", "/officers/users", "/officers/audit",
                  "/officers/reports")


@pytest.mark.parametrize("role", [None, "officer", "manager", "admin"])
def test_next_with_control_characters_never_breaks_a_page_or_leaves_the_site(
        app: Flask, make_staff, role: str | None) -> None:
    client = app.test_client()
    if role:
        sign_in_as(client, make_staff(role))
    for target in ODD_NEXT:
        for page in OFFICERS_PAGES:
            response = client.get(f"{page}?next={target}")
            location = response.headers.get("Location", "")
            assert response.status_code < 500, (page, target)
            if response.status_code == 302:
                assert location.startswith("/") and not location.startswith(("//", "/\\"))
                assert "evil" not in location.partition("?")[0]
                assert not any(cookie.startswith("x=")
                               for cookie in response.headers.getlist("Set-Cookie"))


@pytest.mark.parametrize("target", ODD_NEXT)
def test_signing_in_with_an_odd_next_lands_on_this_site(app: Flask, target: str) -> None:
    staff_accounts.create_user("officer@council.example", name="Olu", role="officer",
                               password=PASSWORD)
    client = app.test_client()
    path = f"/officers/sign-in?next={target}"
    response = client.post(path, data={"email": "officer@council.example",
                                       "password": PASSWORD,
                                       "csrf_token": csrf_token(client, path)})
    assert response.status_code == 302
    assert response.headers["Location"] == "/officers/queue"


# --- dates at the edge of the calendar ------------------------------------------------

@pytest.mark.parametrize("first, last", [("2026-01-01", "9999-12-31"),
                                         ("0001-01-01", "2026-01-01"),
                                         ("9999-12-31", "9999-12-31")])
def test_an_audit_range_at_the_end_of_the_calendar_is_refused_kindly(
        app: Flask, make_staff, first: str, last: str) -> None:
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    response = manager.get(f"/officers/audit?from={first}&to={last}")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Choose days from 1 January 2000 to one year from today." in page
    assert f'value="{last}"' in page  # what was typed stays in the box
    # The log shown (and audited as viewed) is the default 30 days.
    viewed = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "audit.viewed")).one()
    today = datetime.now(LONDON).date()
    assert viewed.after["to"] == today.isoformat()
    assert manager.get(f"/officers/audit/export.csv?from={first}&to={last}").status_code == 302


@pytest.fixture
def case_store_headers(app: Flask) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token('store', scope='case_store').token}"}


@pytest.fixture
def record_reference(app: Flask) -> str:
    return submit(Draft(text="My placement keeps changing and nobody tells me why.",
                        channel="web", declared_type="complaint",
                        service_area="children_in_care"), actor="web").reference


@pytest.mark.parametrize("deadline", ["9999-12-31", "0001-01-01",
                                      (date.today() + timedelta(days=2 * 366 + 2)).isoformat()])
def test_a_case_store_deadline_far_from_today_is_a_422_and_nothing_changes(
        app: Flask, client: FlaskClient, case_store_headers: dict[str, str],
        record_reference: str, deadline: str) -> None:
    record = db.session.scalars(select(Representation)).one()
    due_before = record.stage1_due
    outbox_before = count(OutboxMessage)

    response = client.post(f"/api/v1/cases/{record_reference}/status",
                           headers=case_store_headers,
                           json={"event_id": "e-1", "case_status": "stage1_in_progress",
                                 "deadlines": {"stage1_due": deadline}})

    assert response.status_code == 422
    assert response.json["errors"] == {"deadlines.stage1_due": "must be within two years of "
                                                               "today"}
    db.session.refresh(record)
    assert record.stage1_due == due_before and record.case_status is None
    assert count(CaseStatusUpdate) == 0 and count(OutboxMessage) == outbox_before


def test_a_deadline_within_two_years_is_taken(app: Flask, client: FlaskClient,
                                              case_store_headers: dict[str, str],
                                              record_reference: str) -> None:
    due = date.today() + timedelta(days=700)
    response = client.post(f"/api/v1/cases/{record_reference}/status",
                           headers=case_store_headers,
                           json={"event_id": "e-1", "case_status": "stage1_in_progress",
                                 "deadlines": {"stage1_due": due.isoformat()}})
    assert response.status_code == 201
    assert db.session.scalars(select(Representation)).one().stage1_due == due


def test_a_nul_in_json_is_dropped_and_the_message_kept(
        app: Flask, client: FlaskClient, intake_headers: dict[str, str]) -> None:
    """PostgreSQL text cannot hold NUL (U+0000): a NUL anywhere, even in an id the service
    looks up, must not turn a message into a 500 (the PostgreSQL pass runs this too)."""
    def post(**fields: str):
        return client.post("/api/v1/representations", headers=intake_headers,
                           data=json.dumps(representation(**fields)),
                           content_type="application/json")

    kept = post(text="My carer\u0000 shouts at me every night")
    unknown_id = post(conversation_id="chat-\u0000")

    assert kept.status_code == 201
    (record,) = db.session.scalars(select(Representation))
    assert record.text == "My carer shouts at me every night"
    assert unknown_id.status_code == post(conversation_id="chat-").status_code != 500


def test_a_nul_in_a_query_parameter_is_never_a_500(
        app: Flask, client: FlaskClient, intake_headers: dict[str, str]) -> None:
    """The PostgreSQL pass found ``?conversation_id=%00`` a 500: PostgreSQL refuses NUL even
    in a parameter it only compares. On either database the answer is a 4xx."""
    response = client.get("/api/v1/representations/0/status?conversation_id=%00",
                          headers=intake_headers)
    assert 400 <= response.status_code < 500
