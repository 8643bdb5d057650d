"""The web chat never drops what a child typed: a page open longer than its CSRF token
lasts gets a fresh token and the message goes again; a broken emoji (half a surrogate pair)
becomes U+FFFD and the rest is kept and screened (issue 11)."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import ChannelMessage, OutboxMessage
from support.peers import FakeRasa

from .test_chat import chat_token


def test_an_old_page_gets_a_fresh_token_and_the_message_goes_again(
        client: FlaskClient, fake_rasa: FakeRasa) -> None:
    chat_token(client)  # the page, as the browser loaded it hours ago
    body = {"text": "my carer shouts at me every night", "message_id": "m1"}
    refused = client.post("/chat/messages", json=body, headers={"X-CSRFToken": "expired"})
    assert refused.status_code == 400 and refused.json["csrf_token"]
    assert db.session.scalars(select(ChannelMessage)).all() == []  # nothing half-stored
    again = client.post("/chat/messages", json=body,
                        headers={"X-CSRFToken": refused.json["csrf_token"]})
    assert again.status_code == 200 and again.json["replies"]
    assert db.session.scalars(select(ChannelMessage.body).where(
        ChannelMessage.direction == "inbound")).one() == body["text"]


def test_a_broken_emoji_keeps_the_rest_of_the_message(
        client: FlaskClient, fake_rasa: FakeRasa) -> None:
    token = chat_token(client)
    raw = '{"text": "\\ud83d my foster dad hits me", "message_id": "m1"}'
    response = client.post("/chat/messages", data=raw, content_type="application/json",
                           headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert "999" in " ".join(response.json["replies"])
    assert db.session.scalars(select(ChannelMessage.body).where(
        ChannelMessage.direction == "inbound")).one() == "\ufffd my foster dad hits me"
    assert db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "safeguarding_alert")).one().urgent


def test_json_the_service_does_not_take_is_still_refused(client: FlaskClient) -> None:
    token = chat_token(client)
    for raw in ('{"text": NaN, "message_id": "m1"}', "[" * 100 + "]" * 100, "not json"):
        response = client.post("/chat/messages", data=raw, content_type="application/json",
                               headers={"X-CSRFToken": token})
        assert response.status_code == 400
    assert db.session.scalars(select(ChannelMessage)).all() == []
