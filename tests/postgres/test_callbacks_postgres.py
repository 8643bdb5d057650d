"""Callback requests on a real PostgreSQL server: the queue's order (PostgreSQL sorts NULLs
and ties its own way) and migration 0006's deadlines for older requests, in UK dates
whatever the server's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from intake_app.extensions import db
from intake_app.models import CallbackRequest, Conversation, StaffUser
from intake_app.services import callbacks, queue
from intake_app.services.casework import Officer
from intake_app.services.protection import encrypt_json, lookup_hash

pytestmark = pytest.mark.postgres


def _ask(monkeypatch, public_id: str, at: datetime, method: str = "text",
         times: tuple[str, ...] = ("any",)) -> int:
    phone = f"+4479111{len(public_id):02d}{ord(public_id[-1]):03d}"
    db.session.add(Conversation(public_id=public_id, channel="sms",
                                phone_encrypted=encrypt_json(phone),
                                phone_lookup_hash=lookup_hash(phone)))
    db.session.commit()
    monkeypatch.setattr(callbacks, "now", lambda: at)
    return callbacks.request_callback(
        public_id, note=None, actor="api:bot",
        contact=callbacks.ContactRoute(method=method, times=times)).id


def test_open_callbacks_come_by_deadline_then_oldest_on_postgresql(pg_app, monkeypatch):
    app = pg_app()
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        thursday = _ask(monkeypatch, "a", datetime(2026, 11, 18, 17, 30, tzinfo=UTC))
        later_same_day = _ask(monkeypatch, "b", datetime(2026, 11, 18, 15, 0, tzinfo=UTC))
        earlier_same_day = _ask(monkeypatch, "c", datetime(2026, 11, 18, 9, 0, tzinfo=UTC))
        mornings_only = _ask(monkeypatch, "d", datetime(2026, 11, 18, 10, 0, tzinfo=UTC),
                             times=("morning",))
        unreachable = _ask(monkeypatch, "e", datetime(2026, 11, 18, 12, 0, tzinfo=UTC),
                           method="none")
        closed = _ask(monkeypatch, "f", datetime(2026, 11, 18, 8, 0, tzinfo=UTC))
        officer = StaffUser(email="o@council.example", name="O", role="officer", active=True)
        db.session.add(officer)
        db.session.commit()
        callbacks.record_outcome(db.session.get(CallbackRequest, closed),
                                 Officer(officer.id, f"staff:{officer.id}"), outcome="called",
                                 note="")
        rows = queue.open_callbacks(today=date(2026, 11, 18), nation="england", limit=50)
        assert [(row.id, row.due) for row in rows] == [
            (earlier_same_day, date(2026, 11, 18)), (unreachable, date(2026, 11, 18)),
            (later_same_day, date(2026, 11, 18)),
            # The same deadline: the one asked first (10:00, for mornings only) first.
            (mornings_only, date(2026, 11, 19)), (thursday, date(2026, 11, 19))]
        assert [row.rag.status for row in rows] == ["amber"] * 5
        assert rows[0].requested_at.isoformat() == "2026-11-18T09:00:00+00:00"
        page = queue.queue_page(queue.QueueFilters(status=queue.CLOSED), staff_id=officer.id,
                                page=1, page_size=3, nation="england",
                                today=date(2026, 11, 18))
        assert [row.id for row in page.callbacks] == [earlier_same_day, unreachable,
                                                      later_same_day]
        assert page.open_callbacks == 5


def test_migration_0006_dates_older_requests_by_the_uk_day_on_postgresql(pg_app):
    app = pg_app()
    with app.app_context():
        downgrade(revision="0005")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO conversation (id, public_id, channel, phone_encrypted, language, "
                "state, safeguarding_flag, created_at, updated_at) VALUES "
                "(1, 'old', 'sms', '\\x00', 'en', 'open', false, now(), now())"))
            # 23:30 UTC on 1 July is 00:30 on 2 July in London (and still 1 July in New
            # York, the test server's zone).
            connection.execute(text(
                "INSERT INTO callback_request (id, conversation_id, status, created_at) "
                "VALUES (1, 1, 'open', '2026-07-01 23:30:00+00')"))
        upgrade()
        with db.engine.connect() as connection:
            row = connection.execute(text(
                "SELECT method, due_on, attempts FROM callback_request")).one()
    assert (row.method, row.due_on, row.attempts) == ("text", date(2026, 7, 2), 0)
