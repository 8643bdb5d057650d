"""A text that arrives while the database is failing is spooled, answered, and stored later."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from intake_app.extensions import db
from intake_app.models import ChannelMessage, OutboxMessage, Representation
from intake_app.services import inbound_spool
from intake_app.sms import views

from .conftest import SendSms


def replies(response) -> list[str]:
    return [node.text or "" for node in ElementTree.fromstring(response.data).iter("Message")]


@pytest.fixture
def database_failing(monkeypatch):
    def locked(inbound):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(views, "handle_inbound", locked)
    return monkeypatch


def test_text_during_a_database_fault_is_spooled_then_stored_for_a_person(
        app, send_sms: SendSms, database_failing) -> None:
    response = send_sms("my placement is ending next week", sid="SM" + "a" * 32)
    assert response.status_code == 200
    assert "We saved your message" in replies(response)[0]
    assert list(inbound_spool.spool_dir().glob("*.msg"))
    spooled = next(inbound_spool.spool_dir().glob("*.msg")).read_bytes()
    assert b"placement" not in spooled and b"7911" not in spooled  # encrypted at rest
    database_failing.undo()

    assert inbound_spool.replay() == 1
    record = db.session.scalars(select(Representation)).one()
    assert record.needs_review and record.channel == "sms"
    assert "my placement is ending next week" in record.text
    assert db.session.scalars(select(ChannelMessage.body)).all() == [
        "my placement is ending next week"]
    assert inbound_spool.replay() == 0


def test_disclosure_during_a_fault_gets_the_safety_reply_and_an_alert_later(
        app, send_sms: SendSms, database_failing) -> None:
    response = send_sms("my stepdad hits me and i dont feel safe at home",
                        sid="SM" + "b" * 32)
    text = replies(response)[0]
    assert "999" in text and "0800 1111" in text and app.config["OUT_OF_HOURS_NUMBER"] in text
    database_failing.undo()
    inbound_spool.replay()
    record = db.session.scalars(select(Representation)).one()
    assert record.safeguarding_flag and record.priority == "urgent"
    assert db.session.scalars(select(OutboxMessage.kind).where(
        OutboxMessage.kind == "safeguarding_alert")).one()
