"""Property: a known disclosure, anywhere in any text, with any markup, emoji, whitespace or
length around it, through the web form, SMS, chat and the API, always makes a flagged
record and queues an urgent alert (ARCHITECTURE rules 3 and 7)."""

from __future__ import annotations

import itertools

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    ChannelMessage,
    Conversation,
    OutboxMessage,
    Representation,
    RepresentationContact,
    RepresentationTriage,
)
from intake_app.services.tokens import create_token

from ..web_journey import send_complaint
from .conftest import SendSms
from .test_chat import chat_token, post

DISCLOSURES = (
    "my foster dad hits me",
    "i want to kill myself",
    "my stepdad touches me at night",
    "he said he will stab me",
    "i have nowhere to sleep tonight",
)
MARKUP = ("<script>", "</script>", "<style>", "<template>", "<iframe>", "<xmp>", "<b>",
          "</p>", "<div class='x'>", "<!--", "-->", "<br/>", "<", ">", "&lt;", "&amp;",
          "<title>", "<svg>", "<math>", "")
EMOJI = ("😢", "💔", "🙏🏽", "👨‍👩‍👧", "❤️", "🔪", "")
SPACE = (" ", "\n", "\n\n", "\t", "\u00a0", "  ", "\r\n")
FILLER_WORDS = ("my", "social", "worker", "never", "calls", "back", "the", "placement",
                "is", "ok", "pocket", "money", "late", "review", "school", "wifi", "lol",
                "idk", "tbh", "and", "then", "she", "said")

filler = st.lists(st.sampled_from(FILLER_WORDS), max_size=400).map(" ".join)
decoration = st.tuples(st.sampled_from(MARKUP), st.sampled_from(EMOJI),
                       st.sampled_from(SPACE)).map("".join)


@st.composite
def messages(draw: st.DrawFn, max_chars: int) -> str:
    before, after = draw(filler), draw(filler)
    text = "".join((before, draw(decoration), draw(st.sampled_from(DISCLOSURES)),
                    draw(decoration), after))
    return text[:max_chars] if len(text) > max_chars else text


SETTINGS = settings(max_examples=12, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
senders = (f"+4479112{number:05d}" for number in itertools.count(1))
chat_ids = (f"p{number}" for number in itertools.count(1))


def _forget_everything() -> None:
    """Each example starts from an empty service (the fixtures are per test, not example)."""
    db.session.rollback()
    for model in (OutboxMessage, AuditEvent, RepresentationContact, RepresentationTriage,
                  Representation, ChannelMessage, Conversation):
        db.session.execute(delete(model))
    db.session.commit()


def _assert_flagged_with_alert() -> None:
    records = db.session.scalars(select(Representation).where(
        Representation.safeguarding_flag.is_(True))).all()
    assert records, "no flagged record"
    alerts = db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "safeguarding_alert",
        OutboxMessage.representation_id.in_([record.id for record in records]))).all()
    assert alerts and all(alert.urgent for alert in alerts)


@given(text=messages(1500))
@SETTINGS
def test_sms(send_sms: SendSms, text: str) -> None:
    _forget_everything()
    assert send_sms(text, sender=next(senders)).status_code == 200
    _assert_flagged_with_alert()


@given(text=messages(8000))
@SETTINGS
def test_chat(client: FlaskClient, text: str) -> None:
    _forget_everything()
    token = chat_token(client)
    assert post(client, token, text, next(chat_ids)).status_code == 200
    _assert_flagged_with_alert()


@pytest.fixture
def api_headers(app: Flask) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token('partner', scope='intake').token}"}


@given(text=messages(5000))
@SETTINGS
def test_api(client: FlaskClient, api_headers: dict[str, str], text: str) -> None:
    _forget_everything()
    response = client.post("/api/v1/representations", headers=api_headers, json={
        "text": text, "advocate": "no", "reply_channel": "none"})
    assert response.status_code == 201, response.json
    _assert_flagged_with_alert()


@given(text=messages(5000))
@SETTINGS
def test_web_form(client: FlaskClient, text: str) -> None:
    _forget_everything()
    send_complaint(client, text=text)
    _assert_flagged_with_alert()
