"""An app offering every language, reading catalogues compiled from the .po files now."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, request_started

from support.peers import PUBLIC_BASE_URL, TWILIO_ACCOUNT, TWILIO_TOKEN, FakeRasa

from ..conftest import _fresh_request_globals, dispose, make_app
from .catalogues import LOCALES, compile_to

ALL_LOCALES = ("en", *LOCALES)


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_to(tmp_path_factory.mktemp("translations"))


@pytest.fixture
def fake_rasa() -> Iterator[FakeRasa]:
    rasa = FakeRasa()
    yield rasa
    rasa.close()


@pytest.fixture
def app(tmp_path: Path, compiled_translations: Path, fake_rasa: FakeRasa) -> Iterator[Flask]:
    app = make_app(tmp_path, SUPPORTED_LOCALES=ALL_LOCALES,
                   BABEL_TRANSLATION_DIRECTORIES=str(compiled_translations),
                   RASA_URL=fake_rasa.url, RASA_TURN_BUDGET_SECONDS=1.0,
                   TWILIO_AUTH_TOKEN=TWILIO_TOKEN, TWILIO_ACCOUNT_SID=TWILIO_ACCOUNT,
                   PUBLIC_BASE_URL=PUBLIC_BASE_URL)
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app
    request_started.disconnect(_fresh_request_globals, app)
    dispose(app)
