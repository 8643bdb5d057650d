"""The web chat: the page, the JSON endpoint with its CSRF header, and the session."""

from __future__ import annotations

import re

from flask import g
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from intake_app.extensions import db
from intake_app.models import ChannelMessage, Conversation
from support.peers import FakeRasa

from ..conftest import dispose, make_app

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
    assert 'method="post" action="/chat"' in html and "<noscript>" not in html
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
    assert first == {"replies": ["Hi from the bot"], "reply_langs": ["en"], "degraded": False,
                     "duplicate": False}
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


# The chat keeps its place (issue 15) -------------------------------------------------------

FORM_FIELD = re.compile(r'name="(csrf_token|message_id)" type="hidden" value="([^"]+)"')
LOG = re.compile(r'<ol class="chat-log".*?</ol>', re.DOTALL)


def chat_form(client: FlaskClient) -> dict[str, str]:
    """The hidden fields of the chat page's form, as a browser without JavaScript sends them."""
    return dict(FORM_FIELD.findall(client.get("/chat").get_data(as_text=True)))


def shown_log(client: FlaskClient) -> str:
    """The conversation as the chat page shows it, from the server."""
    match = LOG.search(client.get("/chat").get_data(as_text=True))
    assert match
    return match.group(0)


def test_without_javascript_a_message_comes_back_with_the_answer(
        client: FlaskClient, fake_rasa: FakeRasa) -> None:
    fields = chat_form(client)
    sent = client.post("/chat", data={**fields, "text": "my carer took my phone"})
    assert sent.status_code == 302
    assert sent.headers["Location"].endswith("/chat#chat-latest")
    log = shown_log(client)
    assert "my carer took my phone" in log and "Hi from the bot" in log
    assert log.index("my carer took my phone") < log.index("Hi from the bot")
    assert 'id="chat-latest"' in log
    assert fake_rasa.received[0]["message"] == "my carer took my phone"


def test_without_javascript_sending_the_same_form_twice_stores_it_once(
        client: FlaskClient, fake_rasa: FakeRasa) -> None:
    fields = chat_form(client)
    for _attempt in range(2):
        assert client.post("/chat", data={**fields, "text": "hello"}).status_code == 302
    assert shown_log(client).count("hello") == 1
    assert len(fake_rasa.received) == 1


def test_without_javascript_an_empty_or_long_message_gets_a_kind_message(
        client: FlaskClient, fake_rasa: FakeRasa) -> None:
    empty = client.post("/chat", data={**chat_form(client), "text": "  "})
    assert empty.status_code == 400
    assert "Type a message." in empty.get_data(as_text=True)
    words = "they never listen to me. " * 1000
    long = client.post("/chat", data={**chat_form(client), "text": words})
    assert long.status_code == 400
    page = long.get_data(as_text=True)
    assert "Send it in parts" in page and words.strip() in page
    assert fake_rasa.received == []


def test_an_old_chat_page_keeps_the_words_and_asks_to_press_send_again(tmp_path) -> None:
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        response = app.test_client().post("/chat", data={"csrf_token": "stale",
                                                         "text": "he shouts at me"})
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert "he shouts at me" in page and "press Send again" in page
    dispose(app)


def test_reloading_the_chat_shows_the_conversation_from_the_server(
        app, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    token = chat_token(client)
    post(client, token, "hi", "m1")
    post(client, token, "i have a question", "m2")
    log = shown_log(client)
    assert log.count("Hi from the bot") == 2
    assert log.index("hi") < log.index("i have a question")
    g.pop("csrf_token", None)
    assert "i have a question" not in shown_log(app.test_client())  # another browser
    client.get("/leave")
    assert "i have a question" not in shown_log(client)  # after "Leave this site"


def test_a_reload_shows_each_answer_as_the_script_did(
        client: FlaskClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.answer = lambda message: [
        {"recipient_id": message["sender"], "text": "Hi! I can help."},
        {"recipient_id": message["sender"], "text": "What do you want to tell us?"}]
    answered = post(client, chat_token(client), "hi", "m1").get_json()
    assert answered["replies"] == ["Hi! I can help.", "What do you want to tell us?"]
    log = shown_log(client)
    assert log.count("chat-message--us") == 2
    assert log.index("Hi! I can help.") < log.index("What do you want to tell us?")


def test_without_javascript_a_fault_still_answers_on_the_page(
        client: FlaskClient, fake_rasa: FakeRasa, monkeypatch) -> None:
    from intake_app.chat import views

    def locked(inbound):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(views, "handle_inbound", locked)
    response = client.post("/chat", data={**chat_form(client), "text": "i want to go home"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Sorry, something went wrong." in page and "A person will read it." in page
