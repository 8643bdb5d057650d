"""A child who arrived from abroad may still use the SIM card they came with: the web form
and the API take a number from another country (with its country code), and UK numbers stay
the easy path, typed any usual way."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake_app.domain.draft import normalise_mobile, normalise_phone, normalise_sender
from intake_app.extensions import db
from intake_app.models import Representation
from intake_app.services.protection import decrypt_json

from .web_journey import answer, send_complaint


@pytest.mark.parametrize(("typed", "stored"), [
    ("07911 123456", "+447911123456"),
    ("+44 7911 123456", "+447911123456"),
    ("+48 600 123 456", "+48600123456"),
    ("0048 600 123 456", "+48600123456"),
    ("+291 7 123 456", "+2917123456"),
    ("+40 721 234 567", "+40721234567"),
])
def test_the_web_form_takes_mobiles_from_the_uk_and_abroad(client, typed, stored) -> None:
    send_complaint(client, reply={"reply_channel": "sms", "phone": typed})
    record = db.session.scalars(select(Representation)).one()
    assert record.contact.reply_channel == "sms"
    assert decrypt_json(record.contact.contact_encrypted)["phone"] == stored


def test_a_number_from_abroad_without_its_country_code_gets_a_kind_message(client) -> None:
    response = answer(client, "reply", {"reply_channel": "sms", "phone": "600 123 456"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "start with + and the country code" in page and "600 123 456" in page


def test_number_rules() -> None:
    assert normalise_mobile("+48 600 123 456") == "+48600123456"
    assert normalise_mobile("0161 496 0000") is None  # a UK landline cannot get texts
    assert normalise_phone("0161 496 0000") == "+441614960000"  # but can be called
    assert normalise_sender("+2917123456") == "+2917123456"
    assert normalise_sender("not a number") is None
