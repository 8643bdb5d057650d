"""The outbox on a real PostgreSQL server: migrations, concurrent claiming with
``FOR UPDATE SKIP LOCKED``, lease expiry after a worker dies, and a full submit-to-case-store
delivery."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from flask import Flask
from sqlalchemy import event, func, inspect, select, text

from intake_app.domain.draft import Draft
from intake_app.extensions import db
from intake_app.models import OutboxMessage, Representation
from intake_app.outbox import states
from intake_app.outbox.adapters.case_store import case_store_engine, intake_case
from intake_app.outbox.enqueue import enqueue
from intake_app.outbox.worker import run_once
from intake_app.services.intake import submit

from ..outbox.conftest import add_case, add_record, drain, messages

pytestmark = pytest.mark.postgres


def test_migrations_reach_head_on_postgresql_and_healthz_says_so(pg_app):
    app = pg_app()
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        tables = set(inspect(db.engine).get_table_names())
        assert {"representation", "outbox_message", "alembic_version"} <= tables
        indexes = {index["name"] for index in inspect(db.engine).get_indexes("outbox_message")}
        assert "ix_outbox_message_claim" in indexes
        timestamp = next(column for column in inspect(db.engine).get_columns("outbox_message")
                         if column["name"] == "next_attempt_at")
        assert timestamp["type"].timezone  # timestamptz: the offset is kept
    response = app.test_client().get("/healthz")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["database"] == "ok"
    assert response.get_json()["migrations"] == "at_head"


def test_the_claim_query_locks_with_skip_locked_on_postgresql(pg_app):
    app = pg_app()
    with app.app_context():
        add_case()
        statements: list[str] = []

        def remember(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", remember)
        try:
            assert len(states.claim_batch("w", limit=5)) == 1
        finally:
            event.remove(db.engine, "before_cursor_execute", remember)
        (claim,) = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
        assert "FOR UPDATE SKIP LOCKED" in claim


def test_a_row_locked_by_another_worker_is_skipped_not_waited_for(pg_app, postgres_server):
    app = pg_app()
    with app.app_context():
        add_case(), add_case()
        first_id, second_id = (message.id for message in messages("case"))
    # Another worker's claim transaction, still open, holds the first row.
    database = app.config["SQLALCHEMY_DATABASE_URI"].rsplit("/", 1)[1]
    with psycopg.connect(host=postgres_server.host, port=postgres_server.port,
                         user=postgres_server.user, dbname=database) as holder:
        holder.execute("SELECT id FROM outbox_message WHERE id = %s FOR UPDATE", (first_id,))
        outcome: list[object] = []

        def claim() -> None:
            try:
                with app.app_context():
                    outcome.append(states.claim_batch("other-worker", limit=5))
                    db.session.remove()
            except BaseException as error:
                outcome.append(error)

        claimer = threading.Thread(target=claim)
        claimer.start()
        # The lock is held until the end of this block: a claim that waited for it could
        # not finish at all, so finishing (and getting the other row) is the evidence.
        claimer.join(timeout=30)
        assert not claimer.is_alive(), "the claim waited for the locked row"
        assert outcome == [[second_id]]
        holder.rollback()
    with app.app_context():
        assert states.claim_batch("other-worker", limit=5) == [first_id]


def _claim_until_empty(app: Flask, worker_id: str, start: threading.Barrier,
                       claimed: list[int], errors: list[BaseException]) -> None:
    try:
        start.wait(timeout=30)
        empty_rounds = 0
        with app.app_context():
            # Each worker's first batch is claimed while the others hold theirs, so the
            # claims overlap however the threads happen to be scheduled.
            claimed.extend(states.claim_batch(worker_id, limit=3))
            start.wait(timeout=30)
            while empty_rounds < 3:
                batch = states.claim_batch(worker_id, limit=3)
                claimed.extend(batch)
                empty_rounds = 0 if batch else empty_rounds + 1
            db.session.remove()
    except BaseException as error:  # reported by the test, not lost in the thread
        errors.append(error)


def test_concurrent_workers_never_claim_the_same_row(pg_app):
    rows = 300
    apps = [pg_app(), pg_app(), pg_app()]
    with apps[0].app_context():
        for _ in range(rows // 3):
            record = add_record()
            for kind in ("case", "email", "advocacy_referral"):
                enqueue(kind, record, key_suffix=kind)
        db.session.commit()
        all_ids = set(db.session.scalars(select(OutboxMessage.id)))
    assert len(all_ids) == rows

    start = threading.Barrier(len(apps))
    claimed: dict[str, list[int]] = {f"worker-{n}": [] for n in range(len(apps))}
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_claim_until_empty,
                                args=(app, worker_id, start, claimed[worker_id], errors))
               for app, worker_id in zip(apps, claimed, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)

    counts = Counter(message_id for ids in claimed.values() for message_id in ids)
    assert sum(counts.values()) == rows  # every row claimed...
    assert set(counts) == all_ids
    assert max(counts.values()) == 1  # ...exactly once
    # The claims overlapped (a claim that meets a row another worker has just taken may come
    # back empty and is simply made again, so not every worker need get rows every time).
    assert sum(1 for ids in claimed.values() if ids) >= 2, "the claims never overlapped"
    with apps[0].app_context():
        owners = dict(db.session.execute(
            select(OutboxMessage.id, OutboxMessage.locked_by)
            .where(OutboxMessage.state == "sending", OutboxMessage.attempts == 1)).all())
        assert len(owners) == rows
        for worker_id, ids in claimed.items():
            assert all(owners[message_id] == worker_id for message_id in ids)


def test_a_dead_workers_row_is_claimed_again_after_its_lease_and_not_before(pg_app):
    lease = 3.0
    dead = pg_app(OUTBOX_LEASE_SECONDS=lease, FORWARDING_HTTP_TIMEOUT_SECONDS=0.5)
    alive = pg_app(OUTBOX_LEASE_SECONDS=lease, FORWARDING_HTTP_TIMEOUT_SECONDS=0.5)
    with dead.app_context():
        record_id = add_case().id
        (claimed,) = states.claim_batch("dead-worker", limit=5)
        claimed_at = datetime.now(UTC)
        # The worker dies here: the row stays "sending" with its lease, nothing finishes it.
        db.session.remove()

    with alive.app_context():
        (message,) = messages("case")
        assert (message.state, message.locked_by) == ("sending", "dead-worker")
        assert message.lease_expires_at.tzinfo is not None
        # The lease is stored as the instant it ends, whatever the server's time zone.
        assert abs(message.lease_expires_at - (claimed_at + timedelta(seconds=lease))) \
            < timedelta(seconds=1)
        # Before the lease runs out, the row is nobody else's.
        while datetime.now(UTC) < message.lease_expires_at - timedelta(seconds=1):
            assert states.release_expired_leases("alive-worker") == 0
            assert states.claim_batch("alive-worker", limit=5) == []
            assert run_once(alive, worker_id="alive-worker") == 0
            time.sleep(0.2)
        (still,) = messages("case")
        assert (still.state, still.locked_by, still.attempts) == ("sending", "dead-worker", 1)

        time.sleep(max(0.0, (message.lease_expires_at - datetime.now(UTC)).total_seconds())
                   + 0.2)
        # After it, the next worker sweeps it, claims it and delivers it.
        assert run_once(alive, worker_id="alive-worker") == 1
        (done,) = messages("case")
        assert done.id == claimed
        assert (done.state, done.locked_by, done.attempts) == (
            "delivered", "alive-worker", 2)
        assert db.session.get(Representation, record_id).status == "accepted"
        with case_store_engine().connect() as connection:
            assert connection.scalar(select(func.count()).select_from(intake_case)) == 1
    # The dead worker, had it only been slow, can no longer overwrite the result.
    with dead.app_context():
        assert not states.mark_failed(claimed, "dead-worker", error="late timeout")
        assert messages("case")[0].state == "delivered"


def test_submit_and_delivery_to_the_database_case_store_on_postgresql(pg_app):
    app = pg_app(CASE_STORE="database")
    with app.app_context():
        result = submit(Draft(text="Nobody told me my contact with my mum was cancelled.",
                              channel="web", declared_type="complaint",
                              service_area="children_in_care"), actor="web")
        record = db.session.get(Representation, result.representation_id)
        (case,) = messages("case")
        assert case.state == "pending" and case.representation_id == record.id
        drain(app)
        (case,) = messages("case")
        assert case.state == "delivered" and case.attempts == 1
        assert all(message.state in ("delivered", "cancelled") for message in messages())
        db.session.refresh(record)
        assert record.status == "accepted"
        with case_store_engine().connect() as connection:
            assert connection.dialect.name == "postgresql"
            rows = connection.execute(select(intake_case)).all()
            assert connection.scalar(text("SELECT current_setting('TimeZone')")) != "UTC"
        assert len(rows) == 1
        assert rows[0].document["reference"] == record.reference
        assert rows[0].idempotency_key == case.idempotency_key
        assert str(rows[0].id) == record.case_store_id

        # At least once: a redelivery (a worker died after the store said yes) finds the
        # same case instead of storing a second one.
        case.state, case.locked_by = "pending", None
        db.session.commit()
        drain(app)
        with case_store_engine().connect() as connection:
            assert connection.scalar(select(func.count()).select_from(intake_case)) == 1
