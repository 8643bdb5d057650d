"""Whole conversations through ``/sms/inbound`` with the REAL Rasa server and action server
(bot/.venv, the trained model), the app served on 127.0.0.1 so the actions can call its
API, and correctly signed Twilio requests."""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from xml.etree import ElementTree

import pytest
import requests
from flask import Flask
from sqlalchemy import func, select

from intake_app.domain.draft import Draft
from intake_app.domain.references import check_character, display
from intake_app.extensions import db
from intake_app.models import (
    CallbackRequest,
    ChannelMessage,
    Conversation,
    OutboxMessage,
    Representation,
)
from intake_app.services.api_intake import words_for_date
from intake_app.services.intake import submit
from intake_app.services.protection import decrypt_json, lookup_hash
from intake_app.services.rasa_client import SECRET_HEADER, WEBHOOK_PATH
from intake_app.services.tokens import create_token
from intake_app.taxonomy import keys
from support.live_stack import BOT_BIN, AppServer, BotProcess, bot_processes
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
REFERENCE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b")
CHAT_TOKEN = re.compile(r'data-csrf-token="([^"]+)"')
phone_numbers = (f"+4479111{number:05d}" for number in itertools.count(20001))


@dataclass
class LiveStack:
    app: Flask
    server: AppServer
    actions: BotProcess
    rasa: BotProcess
    rasa_url: str
    actions_url: str
    tracker_db: Path
    http: requests.Session = field(default_factory=requests.Session)
    sids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def post(self, params: dict[str, str], signature: str | None) -> requests.Response:
        headers = {"X-Twilio-Signature": signature} if signature is not None else {}
        return self.http.post(self.server.url + "/sms/inbound", data=params, headers=headers,
                              timeout=30)

    def say(self, phone: str, body: str, sid: str | None = None) -> list[str]:
        """Send one signed SMS; the texts of the TwiML answer."""
        params = twilio_params(body, sid or f"SM{next(self.sids):032d}", phone)
        response = self.post(params, twilio_signature(params))
        assert response.status_code == 200, response.text
        assert response.headers["Content-Type"].startswith("application/xml")
        root = ElementTree.fromstring(response.content)
        return [element.text or "" for element in root.iter("Message")]

    def conversation(self, phone: str) -> Conversation:
        return db.session.scalars(select(Conversation).where(
            Conversation.phone_lookup_hash == lookup_hash(phone))).one()

    def records(self, phone: str) -> list[Representation]:
        return list(db.session.scalars(select(Representation).where(
            Representation.conversation_id == self.conversation(phone).id)
            .order_by(Representation.id)))


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    if not (BOT_BIN / "rasa").exists():
        pytest.skip("bot/.venv is missing: run `make -C bot venv train` (`make test` does)")
    work: Path = tmp_path_factory.mktemp("live")
    rasa_port = free_port()
    app = make_app(
        work,
        TWILIO_AUTH_TOKEN=TWILIO_TOKEN,
        TWILIO_ACCOUNT_SID=TWILIO_ACCOUNT,
        PUBLIC_BASE_URL=PUBLIC_BASE_URL,
        RASA_URL=f"http://127.0.0.1:{rasa_port}",
        # Generous here, so a slow CI machine tests the conversation, not degraded mode.
        RASA_TURN_BUDGET_SECONDS=20.0,
        SUPPORTED_LOCALES=("en", "cy"),
    )
    with app.app_context():
        token = create_token("bot-live-test", scope="intake").token
    server = AppServer(app)
    server.start()
    _warm_up(server.url, token)
    actions, rasa = bot_processes(work, rasa_port, server.url + "/api/v1", token,
                                  app.config["RASA_CHANNEL_SECRET"])
    stack = LiveStack(app, server, actions, rasa, rasa_url=f"http://127.0.0.1:{rasa_port}",
                      actions_url=actions.health_url.removesuffix("/health"),
                      tracker_db=work / "tracker.db")
    try:
        actions.start()
        rasa.start()
        yield stack
    finally:
        stack.http.close()
        rasa.stop()
        actions.stop()
        server.stop()
        dispose(app)


def _warm_up(app_url: str, token: str) -> None:
    """One submit through the API, so the triage model is loaded before the first turn
    is timed by the bot's short API timeout."""
    response = requests.post(app_url + "/api/v1/representations", timeout=120,
                             headers={"Authorization": f"Bearer {token}"},
                             json={"text": "warm-up", "advocate": "no", "reply_channel": "none"})
    response.close()
    assert response.status_code == 201, response.text


@pytest.fixture
def stack(live: LiveStack) -> Iterator[LiveStack]:
    """The live stack with Rasa running (a test may have stopped it) and an app context."""
    if not live.rasa.running:
        live.rasa.start()
    with live.app.app_context():
        yield live
        db.session.remove()


def test_complaint_from_hello_to_reference_and_status(stack: LiveStack) -> None:
    phone = next(phone_numbers)
    turns = [
        ("hi", "Reply 1 for English"),
        ("1", "What do you want to tell us"),
        ("1", "Tell me what happened"),
        ("my social worker never calls me back and i missed seeing my mum", "Anything else"),
        ("its been 3 weeks", "Anything else"),
        ("done", "What would you like to happen"),
        ("a worker who calls me back", "Which service"),
        ("my social worker", "advocate"),
        ("yes", "Which one"),
        ("nyas", "text you back"),
        ("yes", "Here is what I will send"),
    ]
    for body, expected in turns:
        replies = stack.say(phone, body)
        assert len(replies) == 1 and expected in replies[0], (body, replies)
    [answer] = stack.say(phone, "yes")

    [record] = stack.records(phone)
    assert f"Your reference is {display(record.reference)}" in answer
    assert "calls me back" in record.text and "3 weeks" in record.text
    assert (record.type, record.declared_type, record.channel) == ("complaint", "complaint", "sms")
    assert record.service_area == "children_in_care"
    assert (record.advocate_requested, record.advocate_provider) == ("yes", "nyas")
    assert record.contact.reply_channel == "sms"
    assert decrypt_json(record.contact.contact_encrypted)["phone"] == phone
    assert record.what_would_help == "a worker who calls me back"
    assert record.primary_category in keys("complaint_categories")
    # A declared complaint about contact with a named service and no risk: confident
    # triage, so it is ready to forward, not held for a person.
    assert (record.status, record.needs_review, record.safeguarding_flag) == (
        "triaged", False, False)
    assert record.acknowledgement_due
    assert str(record.acknowledgement_due.day) in answer.split("reply by")[1]
    kinds = set(db.session.scalars(select(OutboxMessage.kind).where(
        OutboxMessage.representation_id == record.id)))
    assert {"case", "advocacy_referral"} <= kinds and "sms" not in kinds
    transcript = db.session.scalar(select(func.count()).select_from(ChannelMessage).where(
        ChannelMessage.conversation_id == record.conversation_id))
    assert transcript == 2 * (len(turns) + 1)

    [status] = stack.say(phone, f"STATUS {display(record.reference)}")
    assert display(record.reference) in status and "can't find" not in status
    [elsewhere] = stack.say(next(phone_numbers), f"status {display(record.reference)}")
    assert "can't find" in elsewhere


def test_a_story_with_words_like_start_again_is_kept_not_restarted(stack: LiveStack) -> None:
    """A load run found "contact ... got cancelled again" read as "start again": the story
    was thrown away and the child told nothing had been sent."""
    phone = next(phone_numbers)
    for body in ("hi", "1", "1"):
        assert stack.say(phone, body)
    for story in ("contact with my little brother got cancelled again",
                  "they cancelled it again and again and nobody tells me why"):
        [reply] = stack.say(phone, story)
        assert "Anything else" in reply and "Nothing has been sent" not in reply, reply
    [reply] = stack.say(phone, "start again")
    assert "start again" in reply.lower() and "Nothing has been sent" in reply


def test_compliment_in_welsh_with_one_word_answers(stack: LiveStack) -> None:
    phone = next(phone_numbers)
    for body in ("helo", "2", "2", "mae fy ngofalwr maeth yn wych, diolch", "wedi gorffen",
                 "skip", "gofal maeth"):
        assert stack.say(phone, body)
    [unclear] = stack.say(phone, "hmm")  # not an answer: said kindly, and asked again
    assert unclear.startswith("Sori, wnes i ddim deall") and "eiriolwr" in unclear
    assert stack.say(phone, "na")
    [summary] = stack.say(phone, "ie")
    assert "Dyma beth" in summary
    [answer] = stack.say(phone, "ie")
    [record] = stack.records(phone)
    assert f"Eich cyfeirnod yw {display(record.reference)}" in answer
    assert (record.type, record.language, record.service_area) == ("compliment", "cy",
                                                                    "fostering")
    assert record.advocate_requested == "no"


def test_by_text_a_person_will_text_back_by_a_day_at_a_safe_time(
        stack: LiveStack) -> None:
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
        stack: LiveStack) -> None:
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


def test_safeguarding_mid_conversation_alerts_and_the_conversation_goes_on(
    stack: LiveStack,
) -> None:
    phone = next(phone_numbers)
    for body in ("hi", "1", "1"):
        stack.say(phone, body)
    [answer] = stack.say(phone, "my foster carer hits me when im home")
    assert answer.startswith("If you are in danger now, call 999.")
    assert "0800 1111" in answer
    # The bot goes on without repeating the safety reply the gateway gave.
    assert "Thank you for telling me" in answer and answer.count("999") == 1
    [record] = stack.records(phone)
    assert record.safeguarding_flag and record.priority == "urgent" and record.needs_review
    alert = db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.representation_id == record.id,
        OutboxMessage.kind == "safeguarding_alert")).one()
    assert alert.urgent
    [next_turn] = stack.say(phone, "done")
    assert "What would you like to happen" in next_turn


def test_unsigned_and_forged_requests_are_refused(stack: LiveStack) -> None:
    params = twilio_params("hi", "SM" + "9" * 32, next(phone_numbers))
    assert stack.post(params, None).status_code == 403
    assert stack.post(params, twilio_signature(params, token="forged")).status_code == 403
    assert stack.post(params, twilio_signature(params, base_url=stack.server.url)
                      ).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(ChannelMessage).where(
        ChannelMessage.provider_message_id == "SM" + "9" * 32)) == 0


def test_repeated_message_sid_changes_nothing(stack: LiveStack) -> None:
    phone = next(phone_numbers)
    sid = "SM" + "7" * 32
    assert stack.say(phone, "hi", sid=sid)
    before = db.session.scalar(select(func.count()).select_from(ChannelMessage))
    assert stack.say(phone, "hi", sid=sid) == []
    assert db.session.scalar(select(func.count()).select_from(ChannelMessage)) == before
    [next_turn] = stack.say(phone, "1")  # the bot is still on the language question's answer
    assert "What do you want to tell us" in next_turn


def test_stop_means_nothing_more_is_sent(stack: LiveStack) -> None:
    phone = next(phone_numbers)
    stack.say(phone, "hi")
    assert stack.say(phone, "STOP") == []
    assert stack.say(phone, "hello?") == []


def test_rasa_stopped_mid_conversation_degrades_and_loses_nothing(stack: LiveStack) -> None:
    phone = next(phone_numbers)
    for body in ("hi", "1", "1", "they moved me to a new placement without telling me"):
        stack.say(phone, body)
    stack.rasa.stop()
    # Not "and i lost all my stuff" nor "and they still have not sent my things": the
    # screen's model raises short lines like these as self-harm, a known false alarm (README,
    # safeguarding screen, rounds 7 to 9), and a flagged message takes its own path.
    [answer] = stack.say(phone, "and my bus pass for school has still not come")
    assert "not working right now" in answer
    [record] = stack.records(phone)
    assert f"Your reference is {display(record.reference)}" in answer
    assert record.status == "needs_review" and record.needs_review
    assert "without telling me" in record.text and "bus pass" in record.text
    inbound = db.session.scalars(select(ChannelMessage.body).where(
        ChannelMessage.conversation_id == record.conversation_id,
        ChannelMessage.direction == "inbound").order_by(ChannelMessage.id)).all()
    assert inbound[-2:] == ["they moved me to a new placement without telling me",
                            "and my bus pass for school has still not come"]


COMPLAINT_TURNS = ("hi", "1", "1", "my social worker never calls me back", "done",
                   "a worker who calls me back", "my social worker", "no", "yes")


def test_a_child_texting_from_a_sim_from_abroad_gets_a_reference(stack: LiveStack) -> None:
    phone = "+48600123456"  # a Polish SIM, as an unaccompanied child might still use
    for body in COMPLAINT_TURNS:
        assert stack.say(phone, body), body
    [answer] = stack.say(phone, "yes")
    [record] = stack.records(phone)
    assert f"Your reference is {display(record.reference)}" in answer
    assert record.contact.reply_channel == "sms"
    assert decrypt_json(record.contact.contact_encrypted)["phone"] == phone


def test_no_text_but_stop_goes_unanswered_whatever_fails(
        stack: LiveStack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The API refusing, the API down, the database down, the bot down: every inbound text
    still gets an answer that says what happens next; only after STOP is there silence."""
    from intake_app.api import views as api_views
    from intake_app.services.intake import InvalidDraft
    from intake_app.sms import views as sms_views

    def refused(*args, **kwargs):
        raise InvalidDraft({"text": "too_long"})

    def broken(*args, **kwargs):
        raise RuntimeError("the intake API is down")

    phone = next(phone_numbers)
    for body in COMPLAINT_TURNS:
        assert stack.say(phone, body), body
    faults = [
        ("api refusing", lambda: monkeypatch.setattr(api_views, "submit_from_api", refused)),
        ("api down", lambda: monkeypatch.setattr(api_views, "submit_from_api", broken)),
        ("database down", lambda: monkeypatch.setattr(sms_views, "handle_inbound", broken)),
        ("bot down", stack.rasa.stop),
    ]
    for name, start_fault in faults:
        start_fault()
        for body in ("yes", "yes", "hello?", "what happens now", "1"):
            replies = stack.say(phone, body)
            assert replies and all(text.strip() for text in replies), (name, body)
        monkeypatch.undo()
    assert stack.say(phone, "STOP") == []
    assert stack.say(phone, "hello?") == []


def test_rasa_hears_nothing_from_a_caller_without_the_gateways_secret(
        stack: LiveStack) -> None:
    """Whoever posts to Rasa's REST channel speaks as the conversation it names: without
    the gateway's secret, a forged "yes" at a child's summary is refused, submits nothing
    and leaves no trace in the bot; the child's own "yes" still sends it, once."""
    phone = next(phone_numbers)
    for body in COMPLAINT_TURNS:
        assert stack.say(phone, body), body
    victim = stack.conversation(phone).public_id
    for sender in (victim, "forged-new-conversation"):
        for headers in ({}, {SECRET_HEADER: "forged"},
                        {SECRET_HEADER: stack.app.config["RASA_CHANNEL_SECRET"][:-1]}):
            response = requests.post(
                stack.rasa_url + WEBHOOK_PATH, headers=headers, timeout=30,
                json={"sender": sender, "message": "yes", "metadata": {"channel": "sms"}})
            assert response.status_code == 403, (sender, headers)
    assert stack.records(phone) == []
    with sqlite3.connect(stack.tracker_db) as tracker:
        assert tracker.execute("SELECT count(*) FROM events WHERE sender_id = ?",
                               ("forged-new-conversation",)).fetchone() == (0,)

    [answer] = stack.say(phone, "yes")
    [record] = stack.records(phone)
    assert f"Your reference is {display(record.reference)}" in answer


def forged_action_call(action: str, sender: str, text: str, slots: dict[str, object]
                       ) -> dict[str, object]:
    """An action server request as Rasa makes one, written by someone else."""
    return {
        "next_action": action, "sender_id": sender, "version": "3.6.21", "domain": {},
        "tracker": {"sender_id": sender, "slots": slots, "paused": False, "events": [],
                    "latest_message": {"text": text, "entities": [], "intent": {},
                                       "metadata": {"channel": "sms"}},
                    "followup_action": None, "active_loop": {},
                    "latest_action_name": "action_listen"},
    }


def test_the_action_server_runs_no_action_for_a_forged_tracker(stack: LiveStack) -> None:
    """A forged tracker naming a child's conversation can neither read their record's
    status nor make a record attached to their conversation."""
    phone = next(phone_numbers)
    for body in COMPLAINT_TURNS:
        assert stack.say(phone, body), body
    stack.say(phone, "yes")
    [record] = stack.records(phone)
    victim = stack.conversation(phone).public_id
    calls = [
        forged_action_call("action_check_status", victim,
                           f"status {display(record.reference)}", {"language": "en"}),
        forged_action_call("action_submit", victim, "yes", {
            "story_text": "a forged complaint", "rep_type": "complaint", "language": "en",
            "reply_channel": "sms", "channel": "sms"}),
    ]
    records_before = db.session.scalar(select(func.count()).select_from(Representation))
    for call in calls:
        for params in (None, {"token": "forged"}):
            response = requests.post(stack.actions_url + "/webhook", json=call,
                                     params=params, timeout=30)
            assert response.status_code == 403, (call["next_action"], params)
            assert response.json() == {"error": "forbidden"}
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Representation)) == (
        records_before)
    assert stack.records(phone) == [record]


def test_status_with_the_secret_number_works_from_any_phone(stack: LiveStack) -> None:
    """A child who sent the web form checks from a friend's phone: STATUS, the reference
    as they type it and the secret number. A wrong secret and an unknown reference get
    the same answer, and the child's words never come back."""
    sent = submit(Draft(text="My social worker never calls me back.", channel="web"),
                  actor="web")
    assert sent.status_secret is not None
    typed = sent.reference_display.lower()
    [answer] = stack.say(next(phone_numbers), f"status {typed} {sent.status_secret}")
    assert sent.reference_display in answer and "We will try to sort it out by" in answer
    assert stack.app.config["COUNCIL_PHONE"] in answer and "Monday to Friday" in answer
    assert "social worker" not in answer

    wrong_secret = f"{(int(sent.status_secret) + 1) % 1_000_000:06d}"
    unknown = next(display(body + check_character(body)) for body in ("2345678", "ABCDEFG")
                   if body + check_character(body) != sent.reference)
    [wrong] = stack.say(next(phone_numbers), f"STATUS {sent.reference_display} {wrong_secret}")
    [nobody] = stack.say(next(phone_numbers), f"STATUS {unknown} {sent.status_secret}")
    assert wrong.replace(sent.reference_display, "REF") == nobody.replace(unknown, "REF")
    assert "can't find" in wrong
