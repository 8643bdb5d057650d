"""``POST /sms/inbound`` with a stand-in Rasa: signatures, idempotency, opt-out,
safeguarding first, and degraded mode."""

from __future__ import annotations

import stat
from pathlib import Path
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from intake_app.extensions import db
from intake_app.models import (
    ChannelMessage,
    Conversation,
    OutboxMessage,
    Representation,
    SmsOptOut,
)
from intake_app.services.protection import decrypt_json, lookup_hash
from intake_app.services.rasa_client import SECRET_HEADER
from support.peers import FakeRasa, twilio_params, twilio_signature

from ..conftest import dispose, make_app
from .conftest import SendSms

PHONE = "+447911123456"


def twiml_messages(response) -> list[str]:
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    root = ElementTree.fromstring(response.get_data())
    assert root.tag == "Response"
    return [element.text or "" for element in root.iter("Message")]


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def assert_nothing_stored_or_sent(fake_rasa: FakeRasa) -> None:
    assert count(ChannelMessage) == count(Conversation) == count(OutboxMessage) == 0
    assert fake_rasa.received == []


def test_unsigned_request_is_refused(client: FlaskClient, fake_rasa: FakeRasa) -> None:
    response = client.post("/sms/inbound", data=twilio_params("hi", "SM1"))
    assert response.status_code == 403
    assert_nothing_stored_or_sent(fake_rasa)


def test_forged_signature_is_refused(client: FlaskClient, fake_rasa: FakeRasa) -> None:
    params = twilio_params("hi", "SM1")
    forged = twilio_signature(params, token="not-the-token")
    response = client.post("/sms/inbound", data=params, headers={"X-Twilio-Signature": forged})
    assert response.status_code == 403
    assert_nothing_stored_or_sent(fake_rasa)


def test_signature_over_the_internal_url_is_refused(
        client: FlaskClient, fake_rasa: FakeRasa) -> None:
    params = twilio_params("hi", "SM1")
    signed_for_internal_url = twilio_signature(params, base_url="http://localhost")
    response = client.post("/sms/inbound", data=params,
                           headers={"X-Twilio-Signature": signed_for_internal_url})
    assert response.status_code == 403
    assert_nothing_stored_or_sent(fake_rasa)


def test_tampered_body_is_refused(client: FlaskClient, fake_rasa: FakeRasa) -> None:
    params = twilio_params("hi", "SM1")
    signature = twilio_signature(params)
    response = client.post("/sms/inbound", data={**params, "Body": "changed"},
                           headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403
    assert_nothing_stored_or_sent(fake_rasa)


def test_message_is_stored_sent_to_the_bot_and_answered_in_twiml(
    send_sms: SendSms, fake_rasa: FakeRasa
) -> None:
    assert twiml_messages(send_sms("hiya")) == ["Hi from the bot"]
    conversation = db.session.scalars(select(Conversation)).one()
    assert conversation.phone_lookup_hash == lookup_hash(PHONE)
    assert PHONE.encode() not in (conversation.phone_encrypted or b"")
    assert decrypt_json(conversation.phone_encrypted) == PHONE
    sent = fake_rasa.received[0]
    assert sent["sender"] == conversation.public_id and PHONE not in sent["sender"]
    assert sent["message"] == "hiya"
    assert sent["metadata"] == {"channel": "sms", "safety_reply_sent": False}
    directions = db.session.scalars(select(ChannelMessage.direction)
                                    .order_by(ChannelMessage.id)).all()
    assert directions == ["inbound", "outbound"]


def test_every_message_to_the_bot_carries_the_channel_secret(
        app: Flask, send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    send_sms("hi")
    send_sms("my social worker never calls me back")
    secret = app.config["RASA_CHANNEL_SECRET"]
    assert len(secret) >= 32
    assert [headers.get(SECRET_HEADER) for headers in fake_rasa.received_headers] == [
        secret, secret]


def test_the_channel_secret_is_generated_once_into_instance_unless_set(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASA_CHANNEL_SECRET", raising=False)
    first, again = make_app(tmp_path / "a"), make_app(tmp_path / "a")
    generated = tmp_path / "a" / "instance" / "rasa_channel_secret"
    assert first.config["RASA_CHANNEL_SECRET"] == again.config["RASA_CHANNEL_SECRET"] == (
        generated.read_text())
    assert stat.S_IMODE(generated.stat().st_mode) == 0o600

    monkeypatch.setenv("RASA_CHANNEL_SECRET", "set-by-the-council")
    configured = make_app(tmp_path / "b")
    assert configured.config["RASA_CHANNEL_SECRET"] == "set-by-the-council"
    assert not (tmp_path / "b" / "instance" / "rasa_channel_secret").exists()
    for app in (first, again, configured):
        dispose(app)


def test_same_sender_keeps_one_conversation(send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    send_sms("hi")
    send_sms("my social worker never rings me")
    send_sms("hi", sender="+447911123999")
    assert count(Conversation) == 2
    assert fake_rasa.received[0]["sender"] == fake_rasa.received[1]["sender"]
    assert fake_rasa.received[2]["sender"] != fake_rasa.received[0]["sender"]


def test_repeated_message_sid_changes_nothing(send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    send_sms("hi", sid="SM" + "1" * 32)
    before = (count(ChannelMessage), count(Conversation), len(fake_rasa.received))
    assert twiml_messages(send_sms("hi", sid="SM" + "1" * 32)) == []
    assert (count(ChannelMessage), count(Conversation), len(fake_rasa.received)) == before


def test_stop_keyword_suppresses_all_further_sms(send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    assert twiml_messages(send_sms("Stop")) == []
    assert db.session.get(SmsOptOut, lookup_hash(PHONE)).opted_out
    assert twiml_messages(send_sms("hello?")) == []
    assert fake_rasa.received == []
    assert count(ChannelMessage) == 2  # both kept for the officers, nothing sent


def test_every_twilio_stop_word_opts_out(send_sms: SendSms) -> None:
    for number, word in enumerate(
            ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]):
        sender = f"+4479111234{number:02d}"
        assert twiml_messages(send_sms(word, sender=sender)) == []
        assert db.session.get(SmsOptOut, lookup_hash(sender)).keyword == word


def test_start_after_stop_opts_back_in(send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    send_sms("STOP")
    replies = twiml_messages(send_sms("start"))
    assert replies and "HI" in replies[0]
    assert not db.session.get(SmsOptOut, lookup_hash(PHONE)).opted_out
    assert twiml_messages(send_sms("hi")) == ["Hi from the bot"]


def test_yes_is_an_answer_to_the_bot_when_not_opted_out(
    send_sms: SendSms, fake_rasa: FakeRasa
) -> None:
    send_sms("YES")
    assert fake_rasa.received[0]["message"] == "YES"
    assert count(SmsOptOut) == 0


def test_safeguarding_hit_adds_safety_reply_and_urgent_alert_mid_conversation(
    send_sms: SendSms, fake_rasa: FakeRasa
) -> None:
    send_sms("hi")
    replies = twiml_messages(send_sms("my foster carer hits me and i want to die"))
    assert len(replies) == 1
    assert "999" in replies[0] and "0800 1111" in replies[0]
    assert replies[0].endswith("Hi from the bot")  # the conversation goes on
    assert fake_rasa.received[-1]["metadata"]["safety_reply_sent"] is True
    record = db.session.scalars(select(Representation)).one()
    assert record.safeguarding_flag and record.needs_review and record.priority == "urgent"
    assert "hits me" in record.text
    alert = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "safeguarding_alert")).one()
    assert alert.urgent and alert.representation_id == record.id
    flagged = db.session.scalars(select(ChannelMessage).where(
        ChannelMessage.safeguarding_flag.is_(True))).one()
    assert flagged.body.startswith("my foster carer")


def test_safeguarding_hit_after_stop_still_alerts_but_sends_nothing(send_sms: SendSms) -> None:
    send_sms("STOP")
    assert twiml_messages(send_sms("i want to kill myself")) == []
    assert db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "safeguarding_alert")).one().urgent


def test_bot_down_gives_degraded_mode_and_keeps_everything(
    app: Flask, send_sms: SendSms, fake_rasa: FakeRasa
) -> None:
    send_sms("hi")
    fake_rasa.close()
    replies = twiml_messages(send_sms("nobody has visited me for a month"))
    replies += twiml_messages(send_sms("and my pocket money is late"))
    first, second = db.session.scalars(select(Representation).order_by(Representation.id))
    for record in (first, second):
        assert record.status == "needs_review" and record.needs_review
        assert record.channel == "sms" and record.contact.reply_channel == "sms"
    assert "nobody has visited me" in first.text
    # What came after the first record is a record of its own, so it reaches the case store.
    assert second.text == "and my pocket money is late"
    assert "not working" in replies[0] and first.reference[:4] in replies[0].replace("-", "")
    assert "not working" in replies[1] and second.reference[:4] in replies[1].replace("-", "")
    record = first
    conversation = db.session.scalars(select(Conversation)).one()
    assert record.conversation_id == conversation.id
    bodies = db.session.scalars(select(ChannelMessage.body).where(
        ChannelMessage.direction == "inbound")).all()
    assert bodies == ["hi", "nobody has visited me for a month", "and my pocket money is late"]


def test_slow_bot_over_the_budget_degrades(send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    # The bot would answer after 10 s; the budget is 1 s. Degraded mode (not the bot's
    # answer) shows the gateway stopped waiting at its budget, whatever the machine's speed.
    fake_rasa.delay_seconds = 10.0
    replies = twiml_messages(send_sms("my placement is ending and no one told me"))
    assert "not working" in replies[0] and "Hi from the bot" not in replies[0]
    assert db.session.scalars(select(Representation)).one().status == "needs_review"


def test_long_bot_reply_is_kept_under_1600_characters(
    send_sms: SendSms, fake_rasa: FakeRasa
) -> None:
    fake_rasa.answer = lambda message: [{"text": "word " * 500}, {"text": "more"}]
    replies = twiml_messages(send_sms("hi"))
    assert len(replies[0]) <= 1600 and replies[0].endswith("...")


def test_picture_only_message_is_recorded(send_sms: SendSms, fake_rasa: FakeRasa) -> None:
    send_sms("", num_media=1)
    assert fake_rasa.received[0]["message"] == "[picture - not kept]"


def test_a_disclosure_by_text_is_held_for_review_but_its_alert_is_not(
    send_sms: SendSms, fake_rasa: FakeRasa
) -> None:
    send_sms("my foster carer hits me")
    record = db.session.scalars(select(Representation)).one()
    kinds = set(db.session.scalars(select(OutboxMessage.kind).where(
        OutboxMessage.representation_id == record.id)))
    assert "safeguarding_alert" in kinds and "case" not in kinds
