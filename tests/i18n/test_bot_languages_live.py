"""The bot answers in the conversation's language, through the REAL Rasa server and action
server (bot/.venv, the trained model) and the app on 127.0.0.1: Welsh chosen by text gets
Welsh replies and a Welsh safety reply, the Welsh half of a greeting is marked Welsh in the
chat, and a council without Welsh never greets or asks in Welsh."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
import requests
from flask import Flask
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import Conversation
from intake_app.services.acknowledgement import safety_reply
from intake_app.services.protection import lookup_hash
from intake_app.services.tokens import create_token
from support.live_stack import BOT_BIN, AppServer, bot_processes
from support.peers import (
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT,
    TWILIO_TOKEN,
    free_port,
    twilio_params,
    twilio_signature,
)

from ..conftest import dispose, make_app

pytestmark = pytest.mark.rasa
CHAT_TOKEN = re.compile(r'data-csrf-token="([^"]+)"')
DISCLOSURE = "my foster carer hits me when im home"
phones = (f"+4479112{number:05d}" for number in itertools.count(30001))
sids = (f"SM{number:032d}" for number in itertools.count(500001))


class Live:
    def __init__(self, app: Flask, server: AppServer) -> None:
        self.app, self.server, self.http = app, server, requests.Session()

    def say(self, phone: str, body: str) -> str:
        """One signed SMS; the TwiML answer's text."""
        params = twilio_params(body, next(sids), phone)
        response = self.http.post(self.server.url + "/sms/inbound", data=params, timeout=60,
                                  headers={"X-Twilio-Signature": twilio_signature(params)})
        assert response.status_code == 200, response.text
        return "\n".join(element.text or "" for element in
                         ElementTree.fromstring(response.content).iter("Message"))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, compiled_translations: Path
         ) -> Iterator[Live]:
    if not (BOT_BIN / "rasa").exists():
        pytest.skip("bot/.venv is missing: run `make -C bot venv train` (`make test` does)")
    work = tmp_path_factory.mktemp("live-languages")
    rasa_port = free_port()
    app = make_app(work, TWILIO_AUTH_TOKEN=TWILIO_TOKEN, TWILIO_ACCOUNT_SID=TWILIO_ACCOUNT,
                   PUBLIC_BASE_URL=PUBLIC_BASE_URL, RASA_URL=f"http://127.0.0.1:{rasa_port}",
                   RASA_TURN_BUDGET_SECONDS=20.0, SUPPORTED_LOCALES=("en", "cy"),
                   BABEL_TRANSLATION_DIRECTORIES=str(compiled_translations))
    with app.app_context():
        token = create_token("bot-languages-test", scope="intake").token
    server = AppServer(app)
    server.start()
    actions, rasa = bot_processes(work, rasa_port, server.url + "/api/v1", token,
                                  app.config["RASA_CHANNEL_SECRET"])
    live = Live(app, server)
    try:
        actions.start()
        rasa.start()
        with app.app_context():
            yield live
            db.session.remove()
    finally:
        live.http.close()
        rasa.stop()
        actions.stop()
        server.stop()
        dispose(app)


def conversation(phone: str) -> Conversation:
    db.session.expire_all()
    return db.session.scalars(select(Conversation).where(
        Conversation.phone_lookup_hash == lookup_hash(phone))).one()


def test_welsh_chosen_by_text_gets_welsh_replies_and_a_welsh_safety_reply(live: Live) -> None:
    phone = next(phones)
    greeting = live.say(phone, "helo")
    assert "Reply 1 for English" in greeting and "Atebwch 2 am Gymraeg" in greeting
    assert "Beth hoffech chi ei ddweud" in live.say(phone, "2")
    assert conversation(phone).language == "cy"
    answer = live.say(phone, DISCLOSURE)
    welsh = safety_reply("cy")
    assert welsh != safety_reply("en")
    assert answer.startswith(welsh)
    assert "If you are in danger" not in answer and "0800 1111" in answer
    assert "Thank you" not in answer  # the bot's own words are Welsh as well


def test_a_council_without_welsh_never_greets_or_asks_in_welsh(
        live: Live, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(live.app.config, "SUPPORTED_LOCALES", ("en",))
    phone = next(phones)
    greeting = live.say(phone, "hi")
    assert "Helo" not in greeting and "Atebwch" not in greeting and "Reply 1" not in greeting
    assert "What do you want to tell us" in greeting
    answer = live.say(phone, DISCLOSURE)
    assert answer.startswith(safety_reply("en"))


def test_a_welsh_chat_page_gets_the_bot_in_welsh_marked_welsh(live: Live) -> None:
    browser = requests.Session()

    def get(path: str) -> str:
        page = browser.get(live.server.url + path, timeout=30, allow_redirects=False).text
        for cookie in browser.cookies:
            cookie.secure = False  # the public URL is https; this server is plain http
        return page

    get("/language/cy?next=/chat")
    token = CHAT_TOKEN.search(get("/chat")).group(1)
    answer = browser.post(live.server.url + "/chat/messages", timeout=60,
                          json={"text": "helo", "message_id": "live-cy-1"},
                          headers={"X-CSRFToken": token}).json()
    browser.close()
    assert answer["replies"][0].startswith("Helo!")
    assert "Reply 1 for English" not in " ".join(answer["replies"])
    assert set(answer["reply_langs"]) == {"cy"}
