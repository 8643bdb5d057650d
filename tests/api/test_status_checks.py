"""POST /status-checks: STATUS <reference> <secret> from any phone or chat, as the bot
passes it on. The secret opens the record from anywhere; a wrong guess learns nothing,
and guessing one reference or from one phone is held back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import select

from intake_app.domain.references import check_character, display
from intake_app.extensions import db
from intake_app.models import AuditEvent
from intake_app.services.tokens import create_token

from ..conftest import dispose, make_app
from .conftest import add_conversation, representation

URL = "/api/v1/status-checks"


def _submit(client, headers) -> tuple[str, str]:
    response = client.post("/api/v1/representations", headers=headers,
                           json=representation(channel="web"))
    assert response.status_code == 201, response.json
    return response.json["reference"], response.json["status_secret"]


def _other(secret: str) -> str:
    return f"{(int(secret) + 1) % 1_000_000:06d}"


def _unknown_reference(taken: str) -> str:
    return next(display(body + check_character(body)) for body in ("2345678", "ABCDEFG")
                if display(body + check_character(body)) != taken)


def test_the_secret_opens_the_record_from_another_phone(app, client, intake_headers):
    reference, secret = _submit(client, intake_headers)
    add_conversation("friends-phone", phone="+447911123999")
    response = client.post(URL, headers=intake_headers, json={
        "conversation_id": "friends-phone", "reference": reference.lower().replace("-", " "),
        "secret": secret})
    assert response.status_code == 200
    body = response.json
    assert body["reference"] == reference and body["next_date"]
    assert "We will try to sort it out by" in body["status_text"]
    assert app.config["COUNCIL_PHONE"] in body["status_text"]
    assert "social worker" not in body["status_text"]


def test_a_wrong_secret_and_an_unknown_reference_get_the_same_answer(client, intake_headers):
    reference, secret = _submit(client, intake_headers)
    add_conversation("stranger", phone="+447911123998")
    wrong = client.post(URL, headers=intake_headers, json={
        "conversation_id": "stranger", "reference": reference, "secret": _other(secret)})
    unknown = client.post(URL, headers=intake_headers, json={
        "conversation_id": "stranger", "reference": _unknown_reference(reference),
        "secret": secret})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.get_data() == unknown.get_data()


def test_every_look_up_is_audited(client, intake_headers):
    reference, secret = _submit(client, intake_headers)
    add_conversation("asker", phone="+447911123997")
    for guess in (_other(secret), secret):
        client.post(URL, headers=intake_headers, json={
            "conversation_id": "asker", "reference": reference, "secret": guess})
    events = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "status.looked_up").order_by(AuditEvent.id)).all()
    assert [(event.actor, event.after["via"], event.after["matched"]) for event in events] == [
        ("api:bot", "sms", False), ("api:bot", "sms", True)]


def test_a_check_without_a_secret_is_refused_with_the_field_named(client, intake_headers):
    response = client.post(URL, headers=intake_headers,
                           json={"conversation_id": "c", "reference": "ABCD-EFGH"})
    assert response.status_code == 422 and "secret" in response.json["errors"]


@pytest.fixture
def limited(tmp_path) -> Iterator[Flask]:
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, STATUS_RATE_LIMIT="2 per hour",
                   STATUS_REFERENCE_RATE_LIMIT="3 per hour")
    with app.app_context():
        yield app
    dispose(app)


def test_one_phone_guessing_is_told_kindly_when_to_try_again(limited: Flask) -> None:
    client = limited.test_client()
    headers = {"Authorization": f"Bearer {create_token('bot', scope='intake').token}"}
    reference, secret = _submit(client, headers)
    add_conversation("guesser", phone="+447911123996")
    add_conversation("guesser-again", phone="+447911123996")  # same phone, new conversation
    for conversation in ("guesser", "guesser-again"):
        assert client.post(URL, headers=headers, json={
            "conversation_id": conversation, "reference": reference,
            "secret": _other(secret)}).status_code == 404
    response = client.post(URL, headers=headers, json={
        "conversation_id": "guesser", "reference": reference, "secret": secret})
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "You have tried a lot of times" in response.json["status_text"]
    assert limited.config["COUNCIL_PHONE"] in response.json["status_text"]


def test_a_reference_guessed_from_many_phones_is_held_back(limited: Flask) -> None:
    client = limited.test_client()
    headers = {"Authorization": f"Bearer {create_token('bot', scope='intake').token}"}
    reference, secret = _submit(client, headers)
    for number in range(4):
        add_conversation(f"phone-{number}", phone=f"+4479111240{number:02d}")
    for number in range(3):
        assert client.post(URL, headers=headers, json={
            "conversation_id": f"phone-{number}", "reference": reference,
            "secret": _other(secret)}).status_code == 404
    response = client.post(URL, headers=headers, json={
        "conversation_id": "phone-3", "reference": reference, "secret": secret})
    assert response.status_code == 429
