""""Talk to a person" end to end: the real Rasa server and action server, the app served on
127.0.0.1, a text conversation and a web chat. The bot asks how and when to reach the
child, and promises a day only when a person can keep it."""

from __future__ import annotations

import re
from itertools import count

import pytest
import requests
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import CallbackRequest, Conversation
from intake_app.services.api_intake import words_for_date
from intake_app.services.protection import decrypt_json

from .gateway.test_sms_with_rasa import LiveStack, live, phone_numbers, stack  # noqa: F401

pytestmark = pytest.mark.rasa
CHAT_TOKEN = re.compile(r'data-csrf-token="([^"]+)"')


def test_by_text_a_person_will_text_back_by_a_day_at_a_safe_time(
        stack: LiveStack) -> None:  # noqa: F811 - fixture
    phone = next(phone_numbers)
    stack.say(phone, "hi")
    [how] = stack.say(phone, "can i talk to a real person")
    assert "Reply TEXT for a text to this number" in how
    [when] = stack.say(phone, "text")
    assert "When is it safe for us to contact you?" in when
    [answer] = stack.say(phone, "4 5")
    callback = db.session.scalars(select(CallbackRequest).where(
        CallbackRequest.conversation_id == stack.conversation(phone).id)).one()
    assert (callback.status, callback.method) == ("open", "text")
    assert decrypt_json(callback.contact_encrypted) == {
        "phone": phone, "times": ["after_school", "evening"]}
    assert f"A person will text you by {words_for_date(callback.due_on, 'en')}" in answer


def test_in_the_web_chat_with_no_number_the_child_gets_the_councils_number_not_a_promise(
        stack: LiveStack) -> None:  # noqa: F811 - fixture
    browser = requests.Session()
    token = CHAT_TOKEN.search(browser.get(stack.server.url + "/chat", timeout=30).text).group(1)
    ids = count(1)

    def say(text: str) -> list[str]:
        # The stack's public URL is https (as Twilio calls it), so the session cookie is
        # Secure; the test server is plain http on 127.0.0.1, as behind a TLS proxy.
        for cookie in browser.cookies:
            cookie.secure = False
        response = browser.post(stack.server.url + "/chat/messages", timeout=30,
                                json={"text": text, "message_id": f"live-{next(ids)}"},
                                headers={"X-CSRFToken": token})
        assert response.status_code == 200, response.text
        return response.json()["replies"]

    [how] = say("i want to talk to someone")
    assert "What number can they use?" in how
    [answer] = say("no")
    assert "call us on 0300 123 4000" in answer
    assert "Monday to Friday, 9:00 AM to 5:00 PM" in answer and "0800 1111" in answer
    assert "will call" not in answer and "will text" not in answer
    conversation = db.session.scalars(select(Conversation).where(
        Conversation.channel == "chat").order_by(Conversation.id.desc())).first()
    callback = db.session.scalars(select(CallbackRequest).where(
        CallbackRequest.conversation_id == conversation.id)).one()
    assert (callback.method, callback.contact_encrypted) == ("none", None)
    browser.close()
