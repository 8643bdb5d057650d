"""Outbox row states: claiming, leases, retries with backoff, and the dead-letter state.

Each function here is one short transaction, so no lock is held while a peer is slow.
Every state change after the claim is conditional on the worker still owning the row
(``state == "sending"`` and ``locked_by`` is this worker): a worker whose lease ran out and
whose row another worker took over cannot overwrite that worker's result.

Claiming is one ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`` statement:
on PostgreSQL several workers take disjoint rows without waiting on each other; SQLite
ignores the locking clause and its single writer makes the statement atomic anyway.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import func, select, update

from ..domain.redaction import redact
from ..extensions import db
from ..models import OutboxMessage, Representation
from ..services.audit import record_event
from ..services.wall_clock import SYSTEM_CLOCK, WallClock
from .enqueue import enqueue

WORKER_ACTOR = "worker"
# A failed manager alert must not raise another manager alert, forever.
NO_FAILURE_ALERT = frozenset({"manager_alert"})
# Record statuses that delivering the case may move on; a withdrawn record stays withdrawn.
FORWARDABLE_STATUSES = frozenset(
    {"received", "triaged", "needs_review", "forwarded", "delivery_failed"})
LAST_ERROR_CHARS = 4000


def _now() -> datetime:
    return SYSTEM_CLOCK.now()


def backoff_seconds(
    attempts: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Full jitter: a uniform wait in [0, min(cap, base * 2^(attempts-1))], so many
    messages failing together do not retry together; a peer's ``Retry-After`` is a floor
    (still bounded by the cap, so a wrong header cannot park a message for days)."""
    ceiling = min(cap, base * 2 ** max(attempts - 1, 0))
    delay = (rng or random).uniform(0, ceiling)
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
    return delay


def _owned(message_id: int, worker_id: str) -> Any:
    return (
        (OutboxMessage.id == message_id)
        & (OutboxMessage.state == "sending")
        & (OutboxMessage.locked_by == worker_id)
    )


def claim_batch(worker_id: str, *, limit: int, urgent_only: bool = False,
                representation_id: int | None = None,
                clock: WallClock = SYSTEM_CLOCK) -> list[int]:
    """Take up to ``limit`` due rows, urgent first, with a lease; returns their ids in the
    order to deliver them. ``representation_id`` takes only one record's rows (a replay
    delivers record by record)."""
    now = clock.now()
    lease = timedelta(seconds=current_app.config["OUTBOX_LEASE_SECONDS"])
    due = (
        select(OutboxMessage.id)
        .where(OutboxMessage.state == "pending", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.urgent.desc(), OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if urgent_only:
        due = due.where(OutboxMessage.urgent.is_(True))
    if representation_id is not None:
        due = due.where(OutboxMessage.representation_id == representation_id)
    claimed = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(due.scalar_subquery()), OutboxMessage.state == "pending")
        .values(state="sending", locked_by=worker_id, lease_expires_at=now + lease,
                attempts=OutboxMessage.attempts + 1)
        .returning(OutboxMessage.id, OutboxMessage.urgent, OutboxMessage.next_attempt_at)
        .execution_options(synchronize_session=False)
    ).all()
    db.session.commit()
    claimed.sort(key=lambda row: (not row.urgent, row.next_attempt_at, row.id))
    return [row.id for row in claimed]


def renew_lease(message_id: int, worker_id: str) -> bool:
    """Restart the lease just before delivering; False when the row is no longer ours
    (its lease ran out while earlier rows of the batch were slow, and it was swept)."""
    lease = timedelta(seconds=current_app.config["OUTBOX_LEASE_SECONDS"])
    result = db.session.execute(
        update(OutboxMessage)
        .where(_owned(message_id, worker_id))
        .values(lease_expires_at=_now() + lease)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def mark_delivered(message_id: int, worker_id: str, *, external_id: str | None,
                   clock: WallClock = SYSTEM_CLOCK) -> bool:
    """Delivered; for a case, the record moves to accepted (with the store's id) or to
    forwarded (sent, but the store gave no id yet)."""
    now = clock.now()
    result = db.session.execute(
        update(OutboxMessage)
        .where(_owned(message_id, worker_id))
        .values(state="delivered", delivered_at=now, lease_expires_at=None, last_error=None)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        return False
    message = db.session.get(OutboxMessage, message_id)
    if message is not None and message.kind == "case" and message.representation_id:
        record = db.session.get(Representation, message.representation_id)
        if record is not None and record.status in FORWARDABLE_STATUSES:
            before = {"status": record.status, "case_store_id": record.case_store_id}
            record.status = "accepted" if external_id else "forwarded"
            record.case_store_id = external_id or record.case_store_id
            record_event(WORKER_ACTOR, "case_forwarded", record, before=before,
                         after={"status": record.status, "case_store_id": record.case_store_id,
                                "store": current_app.config["CASE_STORE"]}, at=now)
    db.session.commit()
    return True


def mark_skipped(message_id: int, worker_id: str, *, reason: str) -> bool:
    """Not sent on purpose (STOP, no reply wanted): cancelled, with the reason kept."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(_owned(message_id, worker_id))
        .values(state="cancelled", lease_expires_at=None,
                last_error=redact(reason)[:LAST_ERROR_CHARS])
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def defer(message_id: int, worker_id: str, *, until: datetime) -> bool:
    """Not now, on purpose (outside the person's safe contact times): back to pending,
    due at ``until``. The claim's attempt is given back and ``last_error`` is left as it
    was, so waiting for a safe time never counts towards ``delivery_failed``. Nothing is
    logged or audited: the person's safe times are theirs."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(_owned(message_id, worker_id))
        .values(state="pending", locked_by=None, lease_expires_at=None,
                next_attempt_at=until, attempts=OutboxMessage.attempts - 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def schedule_retry(
    message_id: int, worker_id: str, *, error: str, retry_after: float | None = None,
    clock: WallClock = SYSTEM_CLOCK,
) -> bool:
    """Back to pending after a backoff, or ``delivery_failed`` once attempts are used up."""
    error = redact(error)
    message = db.session.get(OutboxMessage, message_id)
    config = current_app.config
    if message is None:
        return False
    if message.attempts >= config["OUTBOX_MAX_ATTEMPTS"]:
        return mark_failed(message_id, worker_id,
                           error=f"gave up after {message.attempts} attempts: {error}",
                           clock=clock)
    delay = backoff_seconds(message.attempts, base=config["OUTBOX_BACKOFF_BASE_SECONDS"],
                            cap=config["OUTBOX_BACKOFF_CAP_SECONDS"], retry_after=retry_after)
    result = db.session.execute(
        update(OutboxMessage)
        .where(_owned(message_id, worker_id))
        .values(state="pending", locked_by=None, lease_expires_at=None,
                next_attempt_at=clock.now() + timedelta(seconds=delay),
                last_error=error[:LAST_ERROR_CHARS])
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def mark_failed(message_id: int, worker_id: str | None, *, error: str,
                clock: WallClock = SYSTEM_CLOCK) -> bool:
    """Dead letter: the row and (for a case) the record become ``delivery_failed``, an
    audit event says why, and managers are alerted through the outbox. Phone numbers and
    email addresses in the error (peers quote them) are redacted before any of that."""
    error = redact(error)
    condition = (_owned(message_id, worker_id) if worker_id is not None
                 else OutboxMessage.id == message_id)
    result = db.session.execute(
        update(OutboxMessage)
        .where(condition)
        .values(state="delivery_failed", lease_expires_at=None,
                last_error=error[:LAST_ERROR_CHARS])
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        return False
    message = db.session.get(OutboxMessage, message_id)
    assert message is not None  # the update above just matched it
    db.session.refresh(message)
    record = (db.session.get(Representation, message.representation_id)
              if message.representation_id else None)
    if record is not None and message.kind == "case" and record.status in FORWARDABLE_STATUSES:
        record_event(WORKER_ACTOR, "delivery_failed", record, before={"status": record.status},
                     after={"status": "delivery_failed", "kind": message.kind,
                            "error": error[:500]}, at=clock.now())
        record.status = "delivery_failed"
    else:
        record_event(WORKER_ACTOR, "delivery_failed", record,
                     after={"kind": message.kind, "outbox_message_id": message.id,
                            "error": error[:500]}, at=clock.now())
    if message.kind not in NO_FAILURE_ALERT:
        # One alert per failure: a message retried by an officer can fail again, and a
        # repeated key would stop the worker with the row stuck in "sending".
        failed_at = clock.now().strftime("%Y%m%dT%H%M%S%f")
        enqueue("manager_alert", record, {
            "failed_message_id": message.id,
            "kind": message.kind,
            "attempts": message.attempts,
            "error": error[:500],
        }, key_suffix=f"{message.id}:{failed_at}", urgent=message.urgent, at=clock.now())
    db.session.commit()
    current_app.logger.error("outbox message %s (%s) failed for good: %s",
                             message.id, message.kind, error[:500])
    return True


def release_expired_leases(worker_id: str, *, clock: WallClock = SYSTEM_CLOCK) -> int:
    """Sweeper: rows left in "sending" by a worker that died or hung go back to pending
    (or to ``delivery_failed`` when that was their last attempt). Returns how many."""
    now = clock.now()
    expired = db.session.execute(
        select(OutboxMessage.id, OutboxMessage.attempts, OutboxMessage.locked_by)
        .where(OutboxMessage.state == "sending", OutboxMessage.lease_expires_at < now)
    ).all()
    db.session.commit()
    released = 0
    for row in expired:
        note = f"lease of worker {row.locked_by} expired mid-delivery"
        if row.attempts >= current_app.config["OUTBOX_MAX_ATTEMPTS"]:
            # Take the row over first, so only one sweeper raises the alert.
            if _take_over(row.id, row.locked_by, worker_id, now) and mark_failed(
                    row.id, worker_id, error=f"gave up after {row.attempts} attempts: {note}",
                    clock=clock):
                released += 1
            continue
        result = db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id, OutboxMessage.state == "sending",
                   OutboxMessage.lease_expires_at < now)
            .values(state="pending", locked_by=None, lease_expires_at=None,
                    next_attempt_at=now, last_error=note)
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        released += result.rowcount
    return released


def _take_over(message_id: int, owner: str | None, worker_id: str, now: datetime) -> bool:
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.state == "sending",
               OutboxMessage.lease_expires_at < now)
        .values(locked_by=worker_id)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def retry_now(message_id: int, *, actor: str) -> bool:
    """An officer or operator sends a failed or cancelled message again, from scratch."""
    message = db.session.get(OutboxMessage, message_id)
    if message is None or message.state not in ("delivery_failed", "cancelled"):
        return False
    record = (db.session.get(Representation, message.representation_id)
              if message.representation_id else None)
    record_event(actor, "delivery_retried", record,
                 before={"state": message.state, "attempts": message.attempts},
                 after={"kind": message.kind, "outbox_message_id": message.id})
    message.state = "pending"
    message.attempts = 0
    message.next_attempt_at = _now()
    message.locked_by = None
    if record is not None and message.kind == "case" and record.status == "delivery_failed":
        record.status = "needs_review" if record.needs_review else "triaged"
    db.session.commit()
    return True


@dataclass(frozen=True)
class OutboxSummary:
    by_state: dict[str, int]
    oldest_pending: datetime | None


def summary() -> OutboxSummary:
    """Counts by state and the oldest waiting row, for operators."""
    query = select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
    oldest = select(func.min(OutboxMessage.created_at)).where(OutboxMessage.state == "pending")
    counts = {state: count for state, count in db.session.execute(query).all()}
    oldest_at = db.session.scalar(oldest)
    db.session.commit()
    return OutboxSummary(by_state=counts, oldest_pending=oldest_at)
