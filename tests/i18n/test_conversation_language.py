"""The gateway speaks the conversation's language: a web chat starts in the page's, a text
conversation follows the language the child picks in the bot, and the gateway's own
texts (the safety reply, degraded mode) come in it too. Rasa here is a stand-in that
answers as the real bot's REST channel does; tests/i18n/test_bot_languages_live.py runs
the real one."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import Conversation
from intake_app.services.acknowledgement import safety_reply
from support.peers import (
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT,
    TWILIO_TOKEN,
    FakeRasa,
    twilio_params,
    twilio_signature,
)

from ..conftest import dispose, make_app

DISCLOSURE = "my foster carer hits me when im home"
TOKEN = re.compile(r'data-csrf-token="([^"]+)"')
sids = (f"SM{number:032d}" for number in itertools.count(1))


def sms(client: FlaskClient, body: str, sender: str = "+447911123456") -> str:
    params = twilio_params(body, next(sids), sender)
    response = client.post("/sms/inbound", data=params,
                           headers={"X-Twilio-Signature": twilio_signature(params)})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def bot_picks_welsh_on_2(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Like the real bot: a reply, and the custom message that tells the gateway."""
    if message["message"] == "2":
        return [{"text": "Beth hoffech chi ei ddweud wrthon ni?"},
                {"custom": {"conversation_language": "cy"}}]
    return [{"text": "Diolch am ddweud wrtha i."}]


def test_welsh_chosen_by_text_makes_the_next_safety_reply_welsh(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.answer = bot_picks_welsh_on_2
    sms(client, "helo")
    assert fake_rasa.received[0]["metadata"]["languages"] == ["en", "cy"]
    sms(client, "2")
    assert db.session.scalars(select(Conversation)).one().language == "cy"
    answer = sms(client, DISCLOSURE)
    welsh, english = safety_reply("cy"), safety_reply("en")
    assert welsh != english
    assert welsh in answer and english not in answer


def test_welsh_chat_page_starts_a_welsh_conversation(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    client.get("/language/cy?next=/chat")
    token = TOKEN.search(client.get("/chat").get_data(as_text=True)).group(1)
    answer = client.post("/chat/messages", json={"text": DISCLOSURE, "message_id": "m1"},
                         headers={"X-CSRFToken": token}).get_json()
    assert fake_rasa.received[0]["metadata"]["language"] == "cy"
    assert answer["replies"][0] == safety_reply("cy") != safety_reply("en")
    assert answer["reply_langs"] == ["cy", "cy"]


def test_bot_down_in_a_welsh_conversation_answers_in_welsh(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.answer = bot_picks_welsh_on_2
    sms(client, "helo")
    sms(client, "2")
    fake_rasa.close()  # Rasa is down from here on
    answer = sms(client, "mae rhywbeth wedi mynd o'i le gyda fy ngweithiwr cymdeithasol")
    with force_locale("cy"):
        sorry = _("Sorry, our text helper is not working right now.")
    assert sorry != "Sorry, our text helper is not working right now." and sorry in answer


def test_a_welsh_greeting_marked_welsh_in_an_english_chat(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.answer = lambda message: [
        {"text": "Hi! I can help you tell children's services about something."},
        {"custom": {"text": "Helo! Galla i eich helpu.", "lang": "cy"}}]
    token = TOKEN.search(client.get("/chat").get_data(as_text=True)).group(1)
    answer = client.post("/chat/messages", json={"text": "hi", "message_id": "m1"},
                         headers={"X-CSRFToken": token}).get_json()
    assert answer["replies"][1] == "Helo! Galla i eich helpu."
    assert answer["reply_langs"] == ["en", "cy"]


def test_an_english_council_offers_the_bot_no_welsh(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    app.config["SUPPORTED_LOCALES"] = ("en",)
    sms(client, "hi")
    assert "languages" not in fake_rasa.received[0]["metadata"]
    # A bot that still claims Welsh is not followed: the council does not offer it.
    fake_rasa.answer = bot_picks_welsh_on_2
    sms(client, "2")
    assert db.session.scalars(select(Conversation)).one().language == "en"


def test_a_council_in_wales_offers_the_bot_welsh_whatever_it_lists(
        tmp_path: Path, compiled_translations: Path, fake_rasa: FakeRasa) -> None:
    wales = make_app(tmp_path, SUPPORTED_LOCALES=("en",), NATION="wales",
                     BABEL_TRANSLATION_DIRECTORIES=str(compiled_translations),
                     RASA_URL=fake_rasa.url, TWILIO_AUTH_TOKEN=TWILIO_TOKEN,
                     TWILIO_ACCOUNT_SID=TWILIO_ACCOUNT, PUBLIC_BASE_URL=PUBLIC_BASE_URL)
    try:
        with wales.app_context():
            sms(wales.test_client(), "helo")
        assert fake_rasa.received[0]["metadata"]["languages"] == ["en", "cy"]
    finally:
        dispose(wales)
