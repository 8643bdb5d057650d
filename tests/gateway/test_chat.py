"""The web chat: the page, the JSON endpoint with its CSRF header, and the session."""

from __future__ import annotations

import re

from flask import g
from flask.testing import FlaskClient
from sqlalchemy import func, select

from intake_app.extensions import db
from intake_app.models import ChannelMessage, Conversation
from support.peers import FakeRasa

TOKEN = re.compile(r'data-csrf-token="([^"]+)"')


def chat_token(client: FlaskClient) -> str:
    page = client.get("/chat")
    assert page.status_code == 200
    match = TOKEN.search(page.get_data(as_text=True))
    assert match
    return match.group(1)


def post(client: FlaskClient, token: str, text: str, message_id: str):
    return client.post("/chat/messages", json={"text": text, "message_id": message_id},
                       headers={"X-CSRFToken": token})


def test_chat_page_works_without_javascript(client: FlaskClient) -> None:
    html = client.get("/chat").get_data(as_text=True)
    assert 'role="log"' in html and 'aria-live="polite"' in html
    assert 'action="/"' in html or "<noscript>" in html
    assert 'for="chat-input"' in html


def test_message_without_csrf_token_is_refused(client: FlaskClient, fake_rasa: FakeRasa) -> None:
    response = client.post("/chat/messages", json={"text": "hi", "message_id": "m1"})
    assert response.status_code == 400
    assert db.session.scalars(select(ChannelMessage)).all() == []
    assert fake_rasa.received == []


def test_chat_turn_reaches_the_bot_with_an_opaque_sender(
    client: FlaskClient, fake_rasa: FakeRasa
) -> None:
    token = chat_token(client)
    first = post(client, token, "hi", "m1").get_json()
    assert first == {"replies": ["Hi from the bot"], "degraded": False, "duplicate": False}
    post(client, token, "i have a question", "m2")
    conversation = db.session.scalars(select(Conversation)).one()
    assert conversation.channel == "chat" and conversation.phone_encrypted is None
    assert {message["sender"] for message in fake_rasa.received} == {conversation.public_id}
    assert fake_rasa.received[0]["metadata"]["channel"] == "chat"


def test_retried_chat_message_is_stored_once(client: FlaskClient, fake_rasa: FakeRasa) -> None:
    token = chat_token(client)
    post(client, token, "hi", "m1")
    again = post(client, token, "hi", "m1").get_json()
    assert again["duplicate"] is True
    assert db.session.scalar(select(func.count()).select_from(ChannelMessage).where(
        ChannelMessage.direction == "inbound")) == 1
    assert len(fake_rasa.received) == 1


def test_empty_or_bad_chat_messages_get_errors(client: FlaskClient) -> None:
    token = chat_token(client)
    assert post(client, token, "  ", "m1").status_code == 422
    assert post(client, token, "hi", "bad id!").status_code == 422
    assert post(client, token, "x" * 20001, "m2").status_code == 422


def test_two_browsers_have_two_conversations(app, fake_rasa: FakeRasa) -> None:
    for _ in range(2):
        # The fixture's app context outlives requests, and Flask-WTF caches the token in g.
        g.pop("csrf_token", None)
        browser = app.test_client()
        post(browser, chat_token(browser), "hi", "m1")
    assert len({message["sender"] for message in fake_rasa.received}) == 2
