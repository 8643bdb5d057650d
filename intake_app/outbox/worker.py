"""The outbox worker: claim due rows, deliver each through its adapter, record the result.

Delivery is at least once: a row is marked delivered only after its peer said yes, so a
worker killed in between leaves the row "sending" until its lease runs out and the sweeper
hands it to the next worker; peers de-duplicate on the idempotency key. Urgent rows
(safeguarding alerts) are claimed first and, while a batch is being worked through, looked
for again every few seconds so a slow case store cannot hold an alert back.

Runs as a thread inside the app (``OUTBOX_WORKER=thread``, the embedded default) or as
``flask outbox work`` processes; ``run_once`` is the same loop body, called by tests.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
import uuid
from collections.abc import Mapping
from typing import Any

from flask import Flask

from ..domain.redaction import redact
from ..extensions import db
from ..models import OutboxMessage, Representation
from ..services import advocacy_referrals, conversations, learning
from . import states
from .adapters.case_store import CASE_STORES
from .adapters.deliveries import DELIVERIES, duty_console_allowed
from .outcomes import Deferred, Delivered, PermanentError, RetryableError, Skipped

logger = logging.getLogger(__name__)

# How often a worker busy with a batch looks for newly due urgent rows.
URGENT_CHECK_SECONDS = 5.0


def new_worker_id() -> str:
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def configuration_problems(config: Mapping[str, Any]) -> list[str]:
    """What stops the worker from delivering; checked before it starts, so a missing secret
    is an error at start-up rather than a pile of failed deliveries."""
    problems = []
    store = config.get("CASE_STORE")
    if store not in CASE_STORES:
        problems.append(f"CASE_STORE must be one of {', '.join(CASE_STORES)}, not {store!r}")
    if store == "webhook":
        for name in ("CASE_STORE_WEBHOOK_URL", "CASE_STORE_WEBHOOK_SECRET"):
            if not config.get(name):
                problems.append(f"CASE_STORE=webhook needs {name}")
    if store == "email":
        for name in ("SMTP_HOST", "MAIL_FROM", "COMPLAINTS_INBOX"):
            if not config.get(name):
                problems.append(f"CASE_STORE=email needs {name}")
    if config.get("DUTY_TEAM_WEBHOOK_URL") and not config.get("DUTY_TEAM_WEBHOOK_SECRET"):
        problems.append("DUTY_TEAM_WEBHOOK_URL needs DUTY_TEAM_WEBHOOK_SECRET")
    if (not config.get("DUTY_TEAM_EMAIL") and not config.get("DUTY_TEAM_WEBHOOK_URL")
            and not duty_console_allowed(config)):
        problems.append("no duty-team target: safeguarding alerts need DUTY_TEAM_EMAIL "
                        "and/or DUTY_TEAM_WEBHOOK_URL (the log-only console target is for "
                        "the embedded default: CASE_STORE=database on SQLite, or "
                        "DUTY_TEAM_CONSOLE_FALLBACK=1)")
    sms_adapter, worker = config.get("SMS_ADAPTER"), config.get("OUTBOX_WORKER")
    if sms_adapter not in ("console", "twilio"):
        problems.append(f"SMS_ADAPTER must be console or twilio, not {sms_adapter!r}")
    if sms_adapter == "twilio":
        for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"):
            if not config.get(name):
                problems.append(f"SMS_ADAPTER=twilio needs {name}")
    if worker not in ("thread", "none"):
        problems.append(f"OUTBOX_WORKER must be thread or none, not {worker!r}")
    if config.get("FORWARDING_HTTP_TIMEOUT_SECONDS", 0) >= config.get("OUTBOX_LEASE_SECONDS", 0):
        problems.append("FORWARDING_HTTP_TIMEOUT_SECONDS must be shorter than "
                        "OUTBOX_LEASE_SECONDS, or a slow peer makes every message go twice")
    return problems


def deliver_one(message_id: int, worker_id: str, *, renew_lease: bool = True) -> None:
    """Deliver one claimed row and record what happened. ``renew_lease`` restarts the lease
    first (and checks the row is still ours): needed when earlier rows of the batch took a
    good part of the lease, a wasted write when the row was claimed a moment ago."""
    if renew_lease and not states.renew_lease(message_id, worker_id):
        return
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        return
    record = (db.session.get(Representation, message.representation_id)
              if message.representation_id else None)
    try:
        deliver = DELIVERIES.get(message.kind)
        if deliver is None:
            raise PermanentError(f"no delivery for outbox kind {message.kind!r}")
        outcome = deliver(message, record)
    except RetryableError as error:
        db.session.rollback()
        states.schedule_retry(message_id, worker_id, error=str(error),
                              retry_after=error.retry_after)
    except PermanentError as error:
        db.session.rollback()
        states.mark_failed(message_id, worker_id, error=str(error))
    except Exception as error:
        # A bug or an unexpected peer: retried like an outage, so nothing is dropped, and
        # the row reaches delivery_failed (with this message) if it never goes away. The
        # traceback is logged redacted: an exception's text may quote a phone or address.
        logger.error("unexpected error delivering outbox message %s\n%s", message_id,
                     redact(traceback.format_exc()))
        db.session.rollback()
        states.schedule_retry(message_id, worker_id,
                              error=f"unexpected {type(error).__name__}: {error}")
    else:
        if isinstance(outcome, Skipped):
            states.mark_skipped(message_id, worker_id, reason=outcome.reason)
        elif isinstance(outcome, Deferred):
            states.defer(message_id, worker_id, until=outcome.until)
        elif isinstance(outcome, Delivered):
            states.mark_delivered(message_id, worker_id, external_id=outcome.external_id)


def run_once(app: Flask, *, worker_id: str | None = None) -> int:
    """Sweep expired leases, then claim and deliver one batch; returns rows worked on."""
    worker_id = worker_id or new_worker_id()
    batch_size = app.config["OUTBOX_BATCH_SIZE"]
    fresh_for = app.config["OUTBOX_LEASE_SECONDS"] / 4
    with app.app_context():
        try:
            _record_missed_disclosures()
            _remind_learning_owners()
            _alert_unanswered_referrals()
            states.release_expired_leases(worker_id)
            queue = states.claim_batch(worker_id, limit=batch_size)
            claimed_at = last_urgent_check = time.monotonic()
            handled = 0
            while queue:
                if time.monotonic() - last_urgent_check >= URGENT_CHECK_SECONDS:
                    urgent = states.claim_batch(worker_id, limit=batch_size,
                                                urgent_only=True)
                    for message_id in urgent:
                        deliver_one(message_id, worker_id, renew_lease=False)
                    handled += len(urgent)
                    last_urgent_check = time.monotonic()
                stale = time.monotonic() - claimed_at > fresh_for
                deliver_one(queue.pop(0), worker_id, renew_lease=stale)
                handled += 1
            return handled
        finally:
            db.session.remove()


def _record_missed_disclosures() -> None:
    """A flagged message whose record failed at the time gets it now (and so its alert);
    a failure here must not stop deliveries."""
    try:
        made = conversations.record_unrecorded_disclosures()
    except Exception:
        db.session.rollback()
        logger.exception("could not look for flagged messages without a record")
        return
    if made:
        logger.warning("made %d records for flagged messages that had none", made)


def _remind_learning_owners() -> None:
    """Queue reminders of learning actions coming due or overdue (each once per occasion);
    a failure here must not stop deliveries."""
    try:
        learning.queue_reminders()
    except Exception:
        db.session.rollback()
        logger.exception("could not queue learning action reminders")


def _alert_unanswered_referrals() -> None:
    """Queue the complaints team's alert for each advocacy referral a provider has not
    accepted within a working day (once each); a failure here must not stop deliveries."""
    try:
        advocacy_referrals.queue_overdue_alerts()
    except Exception:
        db.session.rollback()
        logger.exception("could not look for advocacy referrals not accepted in time")


def run_forever(app: Flask, stop: threading.Event, *, worker_id: str | None = None) -> None:
    """Work until ``stop`` is set; a failing database is logged and retried, never fatal."""
    worker_id = worker_id or new_worker_id()
    poll = app.config["OUTBOX_POLL_SECONDS"]
    logger.info("outbox worker %s started", worker_id)
    while not stop.is_set():
        try:
            handled = run_once(app, worker_id=worker_id)
        except Exception:
            logger.exception("outbox worker %s: poll failed; trying again", worker_id)
            handled = 0
        if handled == 0:
            stop.wait(poll)
    logger.info("outbox worker %s stopped", worker_id)


class WorkerThread:
    """The embedded worker: a daemon thread with a way to stop it cleanly."""

    def __init__(self, app: Flask) -> None:
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=run_forever, args=(app, self.stop_event),
                                       name="outbox-worker", daemon=True)

    def start(self) -> WorkerThread:
        self.thread.start()
        return self

    def stop(self, timeout: float | None = None) -> None:
        self.stop_event.set()
        self.thread.join(timeout)


def start_worker_thread(app: Flask) -> WorkerThread | None:
    """Start the embedded worker when ``OUTBOX_WORKER=thread``; call it only from a process
    that actually serves (not under the reloader's parent, not in tests)."""
    if app.config["OUTBOX_WORKER"] != "thread":
        return None
    problems = configuration_problems(app.config)
    if problems:
        raise RuntimeError("outbox worker cannot start: " + "; ".join(problems))
    return WorkerThread(app).start()
