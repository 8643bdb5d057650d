"""A ``flask outbox work`` process killed with SIGKILL mid-delivery, then restarted:
nothing is lost and the receiver stores nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from intake_app.config import all_settings
from intake_app.extensions import db
from intake_app.models import Representation

from .conftest import WEBHOOK_SECRET, add_case, messages
from .peers import CaseStoreReceiver

PROJECT_ROOT = Path(__file__).parents[2]
RECORDS = 15


def _worker_env(app: Flask, receiver: CaseStoreReceiver) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("FLASK_")}
    for setting in all_settings():
        if setting.generate is not None:  # the same keys as the test app, so data decrypts
            env[setting.name] = app.config[setting.config_key or setting.name]
    env.update({
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "CASE_STORE": "webhook",
        "CASE_STORE_WEBHOOK_URL": receiver.url,
        "CASE_STORE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        # A webhook case store is not the embedded default, so the worker would refuse to
        # start without a duty-team target; this test is about cases, not alerts.
        "DUTY_TEAM_CONSOLE_FALLBACK": "1",
        "OUTBOX_LEASE_SECONDS": "3",
        "FORWARDING_HTTP_TIMEOUT_SECONDS": "2",
        "OUTBOX_POLL_SECONDS": "0.1",
        "OUTBOX_BACKOFF_BASE_SECONDS": "0.05",
        "OUTBOX_BACKOFF_CAP_SECONDS": "0.2",
        "OUTBOX_BATCH_SIZE": "5",
        "OUTBOX_WORKER": "none",
        # On PostgreSQL (make test's second pass) a process that is not a test refuses to
        # start with the example council details; this test is about deliveries.
        "COUNCIL_NAME": "Northshire County Council",
        "COUNCIL_PHONE": "0300 555 0123",
        "OUT_OF_HOURS_NUMBER": "0300 555 0999",
    })
    return env


def _start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "intake_app", "outbox",
                             "work"], env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.mark.slow
def test_worker_killed_mid_delivery_loses_and_duplicates_nothing(forwarding_app, receiver):
    app = forwarding_app()
    receiver.delay_seconds = 0.3  # each delivery takes a while, so one is always in flight
    env = _worker_env(app, receiver)
    with app.app_context():
        for _ in range(RECORDS):
            add_case()
        references = set(db.session.scalars(select(Representation.reference)))
    expected = {f"{reference}:case" for reference in references}

    worker = _start_worker(env)
    try:
        _wait_for(lambda: len(receiver.stored) >= 3 and receiver.in_flight > 0, 60,
                  "the first deliveries")
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert worker.returncode == -signal.SIGKILL
    with app.app_context():
        stuck = [message for message in messages("case") if message.state == "sending"]
    assert stuck, "the killed worker should have left claimed rows behind"
    assert len(receiver.stored) < RECORDS

    restarted = _start_worker(env)
    try:
        def all_delivered() -> bool:
            with app.app_context():
                return all(message.state == "delivered" for message in messages("case"))

        _wait_for(all_delivered, 90, "every case to be delivered after the restart")
        restarted.send_signal(signal.SIGTERM)
        assert restarted.wait(30) == 0, restarted.stderr.read().decode() if restarted.stderr else ""
    finally:
        if restarted.poll() is None:
            restarted.kill()
            restarted.wait()
        if restarted.stderr:
            restarted.stderr.close()
        if worker.stderr:
            worker.stderr.close()

    assert set(receiver.stored) == expected  # nothing lost
    assert len(receiver.stored) == RECORDS  # stored once each...
    assert max(receiver.posts.values()) >= 2  # ...although one was sent again after the kill
    with app.app_context():
        assert {record.status for record in db.session.scalars(select(Representation))} == {
            "accepted"}
