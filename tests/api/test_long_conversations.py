"""A conversation can run longer than one answer may be: the bot's submission of a long
SMS complaint is kept (the record holds the start, the transcript every word), never refused
with "try again" that can never work (issue 11)."""

from __future__ import annotations

from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import Representation

from .conftest import add_conversation, representation


def test_a_long_conversation_is_submitted_not_refused(client, intake_headers) -> None:
    add_conversation("long-sms")
    story = "my placement keeps changing and nobody tells me why. " * 120  # ~6,300 chars
    response = client.post("/api/v1/representations", headers=intake_headers,
                           json=representation(text=story, channel="sms",
                                               conversation_id="long-sms"))
    assert response.status_code == 201, response.json
    record = db.session.scalars(select(Representation)).one()
    assert record.text.startswith("[Part of a longer message")
    assert "my placement keeps changing" in record.text
    assert len(record.text) <= client.application.config["TEXT_MAX_CHARS"]


def test_without_a_conversation_a_too_long_text_is_still_refused(client, intake_headers):
    response = client.post("/api/v1/representations", headers=intake_headers,
                           json=representation(text="x " * 3000))
    assert response.status_code == 422
    assert "text" in response.json["errors"]
