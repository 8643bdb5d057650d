"""Outbox throughput and latency on the embedded default (SQLite, WAL), to a local webhook.

1. Drain: fill N records with their ``case`` rows (inserted in bulk, as submit() leaves
   them: the fill itself is not what is measured), then time one worker delivering them
   all to a webhook receiver on 127.0.0.1 that checks signatures and stores each key once.
2. Steady rate: the embedded worker thread runs while records arrive through the real
   ``submit()`` at a steady rate; the delay from submit's commit to the receiver storing the
   case is measured for each (p50/p95/max).

Prints figures; not a test. Run: ``.venv/bin/python bench/outbox_bench.py [--records N]``.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import logging
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, insert, select

from intake_app import create_app
from intake_app.domain.draft import Draft
from intake_app.domain.references import new_reference
from intake_app.extensions import db
from intake_app.models import (
    OutboxMessage,
    Representation,
    RepresentationContact,
    RepresentationTriage,
)
from intake_app.outbox.worker import WorkerThread, run_once
from intake_app.services.intake import submit

SECRET = "bench-secret"


class Receiver:
    """A case store stand-in: verifies the signature, stores each key once, notes when."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.posts = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a real case store would offer
            disable_nagle_algorithm = True  # as real servers do: no 40 ms delayed-ACK stalls

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                timestamp = self.headers["X-Intake-Timestamp"]
                expected = "sha256=" + hmac.new(SECRET.encode(), timestamp.encode() + b"."
                                                + body, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, self.headers["X-Intake-Signature"]):
                    self.send_response(401)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                key = self.headers["Idempotency-Key"]
                with receiver.lock:
                    receiver.posts += 1
                    receiver.arrived.setdefault(key, time.time())
                    case_id = str(len(receiver.arrived))
                answer = json.dumps({"case_id": case_id}).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cases"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def make_bench_app(directory: Path, receiver: Receiver, poll_seconds: float) -> Flask:
    app = create_app({
        "INSTANCE_PATH": str(directory / "instance"),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{directory / 'intake.db'}",
        "CASE_STORE": "webhook",
        "CASE_STORE_WEBHOOK_URL": receiver.url,
        "CASE_STORE_WEBHOOK_SECRET": SECRET,
        "OUTBOX_POLL_SECONDS": poll_seconds,
        "LOG_LEVEL": "WARNING",
    })
    with app.app_context():
        upgrade()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return app


def fill(app: Flask, count: int) -> None:
    """Records and case rows as submit() leaves them, inserted in bulk batches."""
    now = datetime.now(UTC)
    references: set[str] = set()
    while len(references) < count:
        references.add(new_reference())
    with app.app_context():
        ordered = sorted(references)
        for start in range(0, count, 1000):
            batch = ordered[start:start + 1000]
            db.session.execute(insert(Representation), [{
                "reference": reference, "channel": "web", "language": "en",
                "type": "complaint", "text": f"Benchmark complaint {reference}: nobody "
                "told me my review meeting was moved.", "complainant_role": "young_person",
                "secondary_categories": [], "safeguarding_kinds": [],
                "primary_category": "communication", "priority": "normal",
                "procedure": "statutory", "status": "triaged", "needs_review": False,
                "clock_start": date.today(), "acknowledgement_due": date.today(),
                "stage1_due": date.today(), "stage1_extended_due": date.today(),
                "received_at": now, "created_at": now, "updated_at": now,
            } for reference in batch])
            ids = dict(db.session.execute(select(Representation.reference, Representation.id)
                                          .where(Representation.reference.in_(batch))).all())
            db.session.execute(insert(RepresentationContact), [{
                "representation_id": ids[reference], "reply_channel": "none",
                "contact_safety": {},
            } for reference in batch])
            db.session.execute(insert(RepresentationTriage), [{
                "representation_id": ids[reference], "triage": {}, "triage_reasons": ["bench"],
                "triage_flags": [], "safeguarding_evidence": [],
            } for reference in batch])
            db.session.execute(insert(OutboxMessage), [{
                "kind": "case", "representation_id": ids[reference], "payload": {},
                "idempotency_key": f"{reference}:case", "urgent": False, "state": "pending",
                "attempts": 0, "next_attempt_at": now, "created_at": now,
            } for reference in batch])
            db.session.commit()


def pending(app: Flask) -> int:
    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(OutboxMessage)
                                  .where(OutboxMessage.state != "delivered"))
        db.session.remove()
        return count or 0


def drain_benchmark(records: int, poll_seconds: float) -> None:
    receiver = Receiver()
    with tempfile.TemporaryDirectory() as directory:
        app = make_bench_app(Path(directory), receiver, poll_seconds)
        started = time.perf_counter()
        fill(app, records)
        print(f"fill: {records} records with case rows in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        while run_once(app):
            pass
        elapsed = time.perf_counter() - started
        left = pending(app)
        print(f"drain: {records} cases delivered in {elapsed:.1f} s = "
              f"{records / elapsed:.0f} records/s (one worker, SQLite WAL); "
              f"undelivered {left}; receiver stored {len(receiver.arrived)} from "
              f"{receiver.posts} POSTs")
        with app.app_context():
            db.engine.dispose()
    receiver.stop()


def steady_benchmark(rate: float, duration: float, poll_seconds: float) -> None:
    receiver = Receiver()
    with tempfile.TemporaryDirectory() as directory:
        app = make_bench_app(Path(directory), receiver, poll_seconds)
        with app.app_context():  # the first submit loads the triage model: not measured
            submit(Draft(text="Warming up the triage model.", channel="web"), actor="bench")
            db.session.remove()
        worker = WorkerThread(app).start()
        submitted: dict[str, float] = {}
        interval = 1.0 / rate
        slow_submits = 0
        started = time.perf_counter()
        next_at = started
        number = 0
        with app.app_context():
            while time.perf_counter() - started < duration:
                result = submit(Draft(text=f"Nobody told me my review meeting was moved "
                                           f"({number}).", channel="web"), actor="bench")
                submitted[f"{result.reference}:case"] = time.time()
                number += 1
                next_at += interval
                pause = next_at - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                else:
                    slow_submits += 1
            db.session.remove()
        deadline = time.time() + 60
        while len(receiver.arrived) < len(submitted) and time.time() < deadline:
            time.sleep(0.05)
        worker.stop(timeout=30)
        delays = sorted(receiver.arrived[key] - at for key, at in submitted.items()
                        if key in receiver.arrived)
        achieved = len(submitted) / duration
        print(f"steady: {len(submitted)} submits over {duration:.0f} s "
              f"({achieved:.1f}/s, asked {rate:g}/s; submit() itself was the limit "
              f"{slow_submits} times), worker poll {poll_seconds:g} s")
        if len(delays) >= 2:
            quantiles = statistics.quantiles(delays, n=100)
            print(f"steady: submit-to-delivery p50 {quantiles[49] * 1000:.0f} ms, "
                  f"p95 {quantiles[94] * 1000:.0f} ms, max {delays[-1] * 1000:.0f} ms; "
                  f"delivered {len(delays)}/{len(submitted)}")
        with app.app_context():
            db.engine.dispose()
    receiver.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=10.0, help="submits per second")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of submits")
    parser.add_argument("--poll", type=float, nargs="+", default=[2.0, 0.2],
                        help="OUTBOX_POLL_SECONDS values for the steady-rate runs")
    args = parser.parse_args()
    drain_benchmark(args.records, poll_seconds=2.0)
    for poll_seconds in args.poll:
        steady_benchmark(args.rate, args.duration, poll_seconds)


if __name__ == "__main__":
    main()
