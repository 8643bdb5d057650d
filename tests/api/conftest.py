"""Fixtures for the API tests: service tokens of each scope and conversations."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from intake_app.extensions import db
from intake_app.models import Conversation
from intake_app.services.protection import encrypt_json, lookup_hash
from intake_app.services.tokens import create_token

from ..outbox.conftest import SAFE_TO_TEXT, set_delivery_clock

PHONE = "+447911123456"


@pytest.fixture(autouse=True)
def safe_time_to_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts are only sent in the person's safe hours: pin the delivery clock to one."""
    set_delivery_clock(monkeypatch, SAFE_TO_TEXT)


@pytest.fixture
def intake_headers(app: Flask) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token('bot', scope='intake').token}"}


@pytest.fixture
def case_store_headers(app: Flask) -> dict[str, str]:
    token = create_token("case-store", scope="case_store").token
    return {"Authorization": f"Bearer {token}"}


def add_conversation(public_id: str, *, phone: str | None = PHONE, channel: str = "sms",
                     language: str = "en") -> Conversation:
    conversation = Conversation(
        public_id=public_id,
        channel=channel,
        phone_encrypted=encrypt_json(phone) if phone else None,
        phone_lookup_hash=lookup_hash(phone) if phone else None,
        language=language,
    )
    db.session.add(conversation)
    db.session.commit()
    return conversation


def representation(**fields: Any) -> dict[str, Any]:
    """A valid POST /representations body, changed by ``fields``."""
    body: dict[str, Any] = {
        "text": "My social worker keeps changing and nobody tells me why.",
        "type": "complaint",
        "advocate": "no",
        "reply_channel": "none",
    }
    body.update(fields)
    return body
