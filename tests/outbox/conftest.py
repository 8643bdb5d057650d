"""Fixtures for the outbox worker tests: an app whose worker settings suit a test (short
backoff, timeout and lease), records made directly, and a case store receiver."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from intake_app.domain.references import new_reference
from intake_app.extensions import db
from intake_app.models import (
    OutboxMessage,
    Representation,
    RepresentationContact,
    RepresentationTriage,
)
from intake_app.outbox.enqueue import enqueue
from intake_app.services.protection import encrypt_json, lookup_hash

from ..conftest import dispose, make_app
from .peers import CaseStoreReceiver

WEBHOOK_SECRET = "test-webhook-secret"
# A Wednesday at 16:00 in London (GMT): inside "after_school" and "any", so texts go at
# once unless a test moves the delivery clock (``set_delivery_clock``).
SAFE_TO_TEXT = datetime(2026, 11, 18, 16, 0, tzinfo=UTC)
FAST_WORKER = {
    "OUTBOX_BACKOFF_BASE_SECONDS": 0.01,
    "OUTBOX_BACKOFF_CAP_SECONDS": 0.05,
    "OUTBOX_MAX_ATTEMPTS": 50,
    "OUTBOX_LEASE_SECONDS": 30,
    "FORWARDING_HTTP_TIMEOUT_SECONDS": 1.0,
}


def set_delivery_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """The time the SMS delivery checks the person's safe contact times against."""
    from intake_app.outbox.adapters import deliveries

    monkeypatch.setattr(deliveries, "now", lambda: moment)


@pytest.fixture(autouse=True)
def safe_time_to_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run at any hour; texts are only sent in safe hours, so pin the clock to one."""
    set_delivery_clock(monkeypatch, SAFE_TO_TEXT)


@pytest.fixture
def forwarding_app(tmp_path: Path) -> Callable[..., Flask]:
    """Make an app (fresh migrated database) with the given setting overrides."""
    made: list[Flask] = []

    def factory(**overrides: Any) -> Flask:
        config = {"CASE_STORE_URL": f"sqlite:///{tmp_path / 'case_store.db'}",
                  **FAST_WORKER, **overrides}
        app = make_app(tmp_path, **config)
        made.append(app)
        return app

    yield factory
    for app in made:
        dispose(app)


@pytest.fixture
def receiver() -> Iterator[CaseStoreReceiver]:
    peer = CaseStoreReceiver(WEBHOOK_SECRET).start()
    yield peer
    peer.stop()


def webhook_settings(peer: CaseStoreReceiver) -> dict[str, Any]:
    return {"CASE_STORE": "webhook", "CASE_STORE_WEBHOOK_URL": peer.url,
            "CASE_STORE_WEBHOOK_SECRET": WEBHOOK_SECRET}


@contextmanager
def app_logs(app: Flask, caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Capture the app's log. Alembic's ``fileConfig`` (run by the migration in make_app)
    replaces the root handlers, so pytest's capture is attached to the app logger itself."""
    app.logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger=app.logger.name):
            yield
    finally:
        app.logger.removeHandler(caplog.handler)


def add_record(
    *,
    reply_channel: str = "none",
    contact: dict[str, str] | None = None,
    contact_safety: dict[str, Any] | None = None,
    safeguarding: bool = False,
    **fields: Any,
) -> Representation:
    """A saved record as submit() would leave it, without running triage (these tests are
    about delivery, not about triage)."""
    phone = (contact or {}).get("phone")
    safety = contact_safety or {"times": ["after_school"], "leave_message": False, "note": ""}
    values: dict[str, Any] = {
        "reference": new_reference(),
        "channel": "web",
        "language": "en",
        "type": "complaint",
        "text": "My social worker never calls me back.",
        "complainant_role": "young_person",
        "contact": RepresentationContact(
            reply_channel=reply_channel,
            contact_encrypted=encrypt_json(contact) if contact else None,
            phone_lookup_hash=lookup_hash(phone) if phone else None,
            contact_safety=safety,
        ),
        "primary_category": "communication",
        "priority": "urgent" if safeguarding else "normal",
        "procedure": "statutory",
        "safeguarding_flag": safeguarding,
        "safeguarding_kinds": ["physical_abuse"] if safeguarding else [],
        "triage_detail": RepresentationTriage(
            triage_reasons=["Mentions calls not returned"],
            safeguarding_evidence=[{"field": "text", "kind": "physical_abuse", "start": 0,
                                    "end": 4, "text": "hits"}] if safeguarding else [],
        ),
        "clock_start": date(2026, 11, 26),
        "acknowledgement_due": date(2026, 11, 30),
        "stage1_due": date(2026, 12, 10),
        "stage1_extended_due": date(2026, 12, 24),
        "status": "needs_review" if safeguarding else "triaged",
        "needs_review": safeguarding,
        "received_at": datetime(2026, 11, 26, 10, 0, tzinfo=UTC),
    }
    values.update(fields)
    record = Representation(**values)
    db.session.add(record)
    db.session.flush()
    return record


def add_case(**fields: Any) -> Representation:
    """A record with its ``case`` outbox row, committed."""
    record = add_record(**fields)
    enqueue("case", record)
    db.session.commit()
    return record


def messages(kind: str | None = None) -> list[OutboxMessage]:
    db.session.expire_all()
    query = db.select(OutboxMessage).order_by(OutboxMessage.id)
    if kind is not None:
        query = query.where(OutboxMessage.kind == kind)
    return list(db.session.scalars(query))


def drain(app: Flask, *, rounds: int = 50) -> None:
    """Run the worker until nothing is due (retries are due almost at once in tests)."""
    from intake_app.outbox.worker import run_once

    for _ in range(rounds):
        if run_once(app) == 0:
            if not any(message.state in ("pending", "sending") for message in messages()):
                return
            time.sleep(0.02)  # a retry is waiting out its (short) backoff
    raise AssertionError("outbox did not drain")
