"""Gateway test fixtures: an app wired to a stand-in Rasa, and a signed-SMS sender."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from support.peers import (
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT,
    TWILIO_TOKEN,
    FakeRasa,
    twilio_params,
    twilio_signature,
)

from ..conftest import dispose, make_app

SendSms = Callable[..., TestResponse]


@pytest.fixture
def fake_rasa() -> Iterator[FakeRasa]:
    rasa = FakeRasa()
    yield rasa
    rasa.close()


@pytest.fixture
def app(tmp_path: Path, fake_rasa: FakeRasa) -> Iterator[Flask]:
    app = make_app(
        tmp_path,
        TWILIO_AUTH_TOKEN=TWILIO_TOKEN,
        TWILIO_ACCOUNT_SID=TWILIO_ACCOUNT,
        PUBLIC_BASE_URL=PUBLIC_BASE_URL,
        RASA_URL=fake_rasa.url,
        RASA_TURN_BUDGET_SECONDS=1.0,
    )
    with app.app_context():
        yield app
    dispose(app)


@pytest.fixture
def send_sms(client: FlaskClient) -> SendSms:
    """Post a correctly signed Twilio inbound SMS; a fresh MessageSid unless given."""
    numbers = itertools.count(1)

    def send(body: str, *, sid: str | None = None, sender: str = "+447911123456",
             num_media: int = 0) -> TestResponse:
        sid = sid or f"SM{next(numbers):032d}"
        params = twilio_params(body, sid, sender, num_media)
        return client.post("/sms/inbound", data=params,
                           headers={"X-Twilio-Signature": twilio_signature(params)})

    return send
