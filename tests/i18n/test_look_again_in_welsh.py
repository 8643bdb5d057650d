"""Asking us to look again by text in Welsh: the Welsh texts say EDRYCH ETO, so EDRYCH ETO
(and a plain "dw i ddim yn hapus") does what LOOK AGAIN does, and the gateway's own
answer to it comes in Welsh."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from support.peers import FakeRasa

from ..gateway.test_look_again import (
    CHILD_PHONE,
    OTHER_PHONE,
    answered_complaint,
    request_of,
    stage2_of,
)
from .test_conversation_language import bot_picks_welsh_on_2, sms


def test_edrych_eto_from_another_phone_with_the_secret_starts_stage2(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    record, secret = answered_complaint(working_days_ago=2)
    sms(client, f"Edrych eto {record.reference.lower()} {secret}", sender=OTHER_PHONE)
    assert fake_rasa.received == []  # answered by the gateway, not the bot
    assert stage2_of(record) is not None and request_of(record).via == "sms"


def test_a_plain_welsh_reply_to_the_outcome_text_asks_to_look_again(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    record, _secret = answered_complaint(working_days_ago=2)
    sms(client, "Dw i ddim yn hapus", sender=CHILD_PHONE)
    assert fake_rasa.received == []
    assert stage2_of(record) is not None


def test_edrych_eto_without_a_reference_is_asked_for_it_in_welsh(
        app: Flask, client: FlaskClient, fake_rasa: FakeRasa) -> None:
    first, _ = answered_complaint(working_days_ago=2)
    second, _ = answered_complaint(working_days_ago=2)
    fake_rasa.answer = bot_picks_welsh_on_2
    sms(client, "helo", sender=CHILD_PHONE)
    sms(client, "2", sender=CHILD_PHONE)
    reply = sms(client, "EDRYCH ETO", sender=CHILD_PHONE)
    assert "Anfonwch EDRYCH ETO a'ch cyfeirnod" in reply.replace("&#39;", "'")
    assert stage2_of(first) is None and stage2_of(second) is None
