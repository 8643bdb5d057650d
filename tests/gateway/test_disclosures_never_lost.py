"""A disclosure always makes a flagged record and a duty-team alert (ARCHITECTURE rule 7),
whatever came before it in the conversation, whatever markup surrounds it, and even when
making the record fails at the time."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.domain.draft import clean_text
from intake_app.extensions import db
from intake_app.models import ChannelMessage, OutboxMessage, Representation
from intake_app.outbox import worker
from intake_app.services import conversations
from support.peers import FakeRasa

from .conftest import SendSms
from .test_chat import chat_token, post

DISCLOSURE = "my foster dad hits me and I want to die"
# About 1,900 characters of an ordinary, rambling complaint: three of these pass the
# 5,000 characters one record may hold.
RAMBLE = ("so basically my social worker keeps changing and nobody tells me anything about "
          "my review or when i can see my little brother again, and the placement is ok "
          "but the wifi is always off and i have to ask for everything. ") * 8


def twiml(response) -> list[str]:
    return [node.text or "" for node in ElementTree.fromstring(response.data).iter("Message")]


def alerts() -> list[OutboxMessage]:
    return list(db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "safeguarding_alert")))


def flagged_records() -> list[Representation]:
    return list(db.session.scalars(
        select(Representation).where(Representation.safeguarding_flag.is_(True))))


@pytest.mark.parametrize("bot_up", [True, False], ids=["bot up", "bot down"])
def test_a_disclosure_after_a_long_rambling_chat_makes_a_record_and_an_alert(
        client: FlaskClient, fake_rasa: FakeRasa, bot_up: bool) -> None:
    token = chat_token(client)
    for number in range(3):
        assert post(client, token, RAMBLE, f"m{number}").status_code == 200
    if not bot_up:
        fake_rasa.close()
    response = post(client, token, DISCLOSURE, "m-disclosure")
    replies = " ".join(response.json["replies"])
    assert "999" in replies and "0800 1111" in replies
    [record] = flagged_records()
    assert DISCLOSURE in record.text and record.priority == "urgent"
    assert record.conversation_id is not None  # the whole transcript stays linked
    [alert] = alerts()
    assert alert.representation_id == record.id and alert.urgent
    if not bot_up:
        # The rambling part is in the linked transcript; the child is told the truth.
        assert "A person will read it" in replies


def test_a_text_longer_than_a_record_holds_is_kept_whole_in_the_transcript(
        app: Flask, send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    app.config["TEXT_MAX_CHARS"] = 1000
    fake_rasa.close()
    letter = RAMBLE[:1400] + " and then at the end i said my placement is ending"
    replies = twiml(send_sms(letter))
    record = db.session.scalars(select(Representation)).one()
    assert record.text.startswith("[Part of a longer message")
    assert record.text.endswith("my placement is ending") and len(record.text) <= 1000
    assert record.reference[:4] in replies[0].replace("-", "")
    assert db.session.scalars(select(ChannelMessage.body).where(
        ChannelMessage.direction == "inbound")).one() == letter


@pytest.mark.parametrize("typed", [
    "<script> my foster dad hits me and I want to die",
    "<style>my foster dad hits me and I want to die",
    "<template><p>my foster dad hits me and I want to die",
    "<!-- my foster dad hits me and I want to die -->",
    "my foster dad <b hits me> and I want to die",
])
def test_a_disclosure_inside_markup_is_read_kept_and_answered(
        send_sms: SendSms, typed: str) -> None:
    replies = twiml(send_sms(typed))
    assert "999" in replies[0] and "0800 1111" in replies[0]
    stored = db.session.scalars(select(ChannelMessage.body).where(
        ChannelMessage.direction == "inbound")).one()
    for word in ("foster", "dad", "hits", "me", "want", "die"):
        assert word in re.findall(r"\w+", stored)
    assert "<script" not in stored and "<style" not in stored
    assert len(flagged_records()) == 1 and len(alerts()) == 1


@pytest.mark.parametrize(("typed", "kept"), [
    ("<iframe>a<b", "a<b"),
    ("<xmp>a&lt;b", "a&lt;b"),
    ("<title>my review</title> was moved", "my review"),
    ("x<y and <3 <kms>", "x<y and <3 <kms>"),
])
def test_text_after_raw_text_tags_is_kept_as_typed(typed: str, kept: str) -> None:
    assert kept in clean_text(typed)


def test_when_the_record_cannot_be_made_the_alert_leaves_and_the_worker_makes_it_later(
        app: Flask, send_sms: SendSms, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("the record could not be saved")

    monkeypatch.setattr(conversations, "submit", broken)
    replies = twiml(send_sms("i took 20 tablets an hour ago and i want to die"))
    assert "999" in replies[0]
    assert flagged_records() == []
    [alert] = alerts()
    assert alert.urgent and alert.representation_id is None
    assert "20 tablets" in alert.payload["case"]["text"]
    [waiting] = conversations.unrecorded_disclosures()
    assert "20 tablets" in waiting.body

    monkeypatch.undo()
    worker.run_once(app)  # a minute's grace: the gateway may still be making the record
    assert flagged_records() == [] and conversations.unrecorded_disclosures() == [waiting]
    waiting.created_at -= conversations.SWEEP_GRACE
    db.session.commit()
    worker.run_once(app)
    [record] = flagged_records()
    assert "20 tablets" in record.text and record.needs_review
    assert conversations.unrecorded_disclosures() == []
    assert any(alert.representation_id == record.id for alert in alerts())


@pytest.mark.parametrize("sender", ["+48600123456", "+2917123456", "+12025550143"])
def test_a_text_from_a_sim_from_abroad_is_answered_and_kept_with_its_reply_route(
        send_sms: SendSms, fake_rasa: FakeRasa, sender: str) -> None:
    send_sms("hi", sender=sender)
    fake_rasa.close()
    replies = twiml(send_sms("my placement is ending and nobody asked me", sender=sender))
    assert replies and "not working" in replies[0]
    record = db.session.scalars(select(Representation)).one()
    assert record.contact.reply_channel == "sms" and record.contact.phone_lookup_hash is not None


def test_a_bot_that_answers_nothing_never_leaves_the_child_silent(
        send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    fake_rasa.answer = lambda message: []
    for text in ("hi", "my social worker never calls back", "yes", "hello??"):
        replies = twiml(send_sms(text))
        assert replies and replies[0].strip(), text
    # What the bot left unanswered is read by a person; short answers get a way on.
    [record] = db.session.scalars(select(Representation)).all()
    assert record.needs_review and "my social worker never calls back" in record.text
    assert "no answer to this" in record.triage_detail.triage_reasons[0]
    assert "Send HI" in replies[0] and "not working" not in replies[0]


def test_a_short_answer_the_bot_ignores_gets_a_way_on_without_a_record(
        send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    send_sms("my social worker never ever calls me back")  # the bot answers this one
    fake_rasa.answer = lambda message: []
    for text in ("ok", "yes", "[picture - not kept]"):
        [reply] = twiml(send_sms(text))
        assert reply.startswith("Sorry, I did not understand that.")
    assert db.session.scalars(select(Representation)).all() == []


def test_a_chat_message_during_a_database_fault_is_answered_and_spooled(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from intake_app.chat import views

    def locked(inbound):
        raise RuntimeError("database is locked")

    token = chat_token(client)
    monkeypatch.setattr(views, "handle_inbound", locked)
    response = post(client, token, "my carer hits me", "m1")
    assert response.status_code == 200
    replies = " ".join(response.json["replies"])
    assert "saved your message" in replies and "999" in replies and "0800 1111" in replies


def test_a_concern_in_a_conversation_reaches_an_officer_without_waking_the_duty_team(
        send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    replies = twiml(send_sms("i used to self harm but im doing much better now since i moved"))
    assert replies == ["Hi from the bot"]  # the conversation goes on, no safety alarm
    [record] = db.session.scalars(select(Representation)).all()
    assert record.needs_review and not record.safeguarding_flag
    assert "not urgent" in record.triage_detail.triage_reasons[0]
    assert alerts() == []
