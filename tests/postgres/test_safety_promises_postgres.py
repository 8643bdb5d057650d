"""Issue 11's safety promises on a real PostgreSQL server: a disclosure after a long chat
makes its own record and alert, a record that cannot be made leaves an alert and is made
later by the worker (the sweep's query runs on PostgreSQL), and a SIM from abroad is a
reply address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import ChannelMessage, OutboxMessage, Representation
from intake_app.outbox.worker import run_once
from intake_app.services import conversations, queue
from support.peers import (
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT,
    TWILIO_TOKEN,
    FakeRasa,
    twilio_params,
    twilio_signature,
)

from ..gateway.test_chat import chat_token, post
from ..gateway.test_disclosures_never_lost import DISCLOSURE, RAMBLE

pytestmark = pytest.mark.postgres


@pytest.fixture
def app(pg_app) -> Iterator[Flask]:
    rasa = FakeRasa()
    app = pg_app(TWILIO_AUTH_TOKEN=TWILIO_TOKEN, TWILIO_ACCOUNT_SID=TWILIO_ACCOUNT,
                 PUBLIC_BASE_URL=PUBLIC_BASE_URL, RASA_URL=rasa.url,
                 RASA_TURN_BUDGET_SECONDS=1.0)
    app.extensions["test_rasa"] = rasa
    with app.app_context():
        yield app
    rasa.close()


def sms(app: Flask, body: str, sid: str, sender: str = "+447911123456"):
    params = twilio_params(body, sid, sender)
    return app.test_client().post("/sms/inbound", data=params,
                                  headers={"X-Twilio-Signature": twilio_signature(params)})


def flagged() -> list[Representation]:
    return list(db.session.scalars(select(Representation).where(
        Representation.safeguarding_flag.is_(True))))


def test_a_disclosure_after_a_long_chat_has_its_record_and_alert(app: Flask) -> None:
    client = app.test_client()
    token = chat_token(client)
    for number in range(3):
        post(client, token, RAMBLE, f"m{number}")
    replies = " ".join(post(client, token, DISCLOSURE, "m3").json["replies"])
    assert "999" in replies
    [record] = flagged()
    assert DISCLOSURE in record.text
    assert db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "safeguarding_alert",
        OutboxMessage.representation_id == record.id)).one().urgent


def test_a_record_that_fails_is_alerted_listed_and_made_later(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("the record could not be saved")

    monkeypatch.setattr(conversations, "submit", broken)
    assert "999" in sms(app, "i took 20 tablets an hour ago", "SM" + "1" * 32).get_data(
        as_text=True)
    monkeypatch.undo()
    assert flagged() == []
    [listed] = queue.unrecorded(limit=10)
    assert "20 tablets" in listed.excerpt and listed.channel == "sms"
    assert db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "safeguarding_alert")).one().representation_id is None
    run_once(app)  # within a minute the message is the gateway's to record
    assert flagged() == []
    for message in db.session.scalars(select(ChannelMessage)):
        message.created_at -= conversations.SWEEP_GRACE
    db.session.commit()
    run_once(app)
    [record] = flagged()
    assert "20 tablets" in record.text
    assert queue.unrecorded(limit=10) == []


def test_a_sim_from_abroad_keeps_its_reply_route(app: Flask) -> None:
    app.extensions["test_rasa"].close()
    sms(app, "my placement is ending and nobody asked me", "SM" + "2" * 32,
        sender="+48600123456")
    record = db.session.scalars(select(Representation)).one()
    assert record.contact.reply_channel == "sms" and record.contact.phone_lookup_hash is not None
