"""Alerts to managers about staff accounts, through the outbox (``manager_alert``: to
MANAGERS_EMAIL, else the log) and audited: many failed sign-ins on one account, and an
account waiting for a second admin's approval.

Failed sign-ins never lock an account: each address that guesses is held back on its own
(see ``staff_sign_in``), so nobody can keep a colleague out. Guesses spread over
many addresses are instead made visible: when one account has more failed passwords and
two-factor codes than STAFF_SIGN_IN_ALERT allows, from wherever, managers are told once per
that time, and can act (a password reset ends the old password at once).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from flask import current_app
from limits import parse
from sqlalchemy import func, select

from ..extensions import db
from ..models import AuditEvent, StaffUser
from ..outbox.enqueue import enqueue
from .audit import record_event

logger = logging.getLogger(__name__)

FAILED_PASSWORD = "staff.sign_in_failed"
FAILED_CODE = "staff.two_factor_failed"
FAILURES_ALERTED = "staff.failed_attempts_alerted"


def _actor(user: StaffUser) -> str:
    return f"staff:{user.id}"


def _count(action: str, actor: str, since: datetime) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == action, AuditEvent.actor == actor,
        AuditEvent.occurred_at >= since)) or 0


def after_failed_attempt(user: StaffUser) -> None:
    """Call once a failed password or two-factor code for ``user`` is recorded: alerts
    managers when the account's failures reach STAFF_SIGN_IN_ALERT, once per its time."""
    rate = parse(current_app.config["STAFF_SIGN_IN_ALERT"].split(";")[0])
    window = timedelta(seconds=rate.get_expiry())
    since = datetime.now(UTC) - window
    actor = _actor(user)
    passwords, codes = _count(FAILED_PASSWORD, actor, since), _count(FAILED_CODE, actor, since)
    if passwords + codes < rate.amount or _count(FAILURES_ALERTED, actor, since):
        return
    minutes = int(window.total_seconds() // 60)
    # Named by the account, like the failures themselves (whoever typed them).
    record_event(actor, FAILURES_ALERTED, after={
        "failed_passwords": passwords, "failed_codes": codes, "minutes": minutes})
    known = (" Wrong two-factor codes mean someone may know the password."
             if codes else "")
    enqueue("manager_alert", None, {
        "kind": "staff_sign_in_failures",
        "staff_id": user.id,
        "subject": f"Staff sign-in alert: {user.name}",
        "text": (f"The staff account of {user.name} ({user.role}, account {user.id}) had "
                 f"{passwords} wrong passwords and {codes} wrong two-factor codes in the last "
                 f"{minutes} minutes, from any addresses.\n\nNobody is locked out: each "
                 f"address that guesses is held back, and {user.name} can still sign in. If "
                 f"it was not them, someone may be guessing their password.{known} An admin "
                 "can send them a password reset link from Staff accounts, which stops the "
                 "old password at once."),
    }, key_suffix=f"staff-failures:{user.id}:{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    db.session.commit()
    logger.warning("failed sign-ins on staff account %s: %d wrong passwords and %d wrong "
                   "two-factor codes in %d minutes; managers alerted", user.id, passwords,
                   codes, minutes)


APPROVAL_REASONS = {
    "invited": "{by} invited {name} as a new {role}.",
    "two_factor_reset": "{by} reset the two-factor of {name} ({role}).",
    "password_reset_without_two_factor": "{by} sent {name} ({role}) a password reset link, "
                                         "and the account has no two-factor.",
}


def approval_needed(user: StaffUser, requested_by: str, reason: str) -> None:
    """Tell managers an account waits for a second admin's approval; in the caller's
    transaction (the caller commits)."""
    requester = db.session.get(StaffUser, int(requested_by.split(":", 1)[1]))
    by = requester.name if requester is not None else requested_by
    enqueue("manager_alert", None, {
        "kind": "staff_approval_needed",
        "staff_id": user.id,
        "subject": f"Staff account waiting for approval: {user.name} ({user.role})",
        "text": (APPROVAL_REASONS[reason].format(by=by, name=user.name, role=user.role)
                 + f" The account (number {user.id}) cannot sign in until a different admin "
                 "approves it on the Staff accounts page. If nobody expected this, do not "
                 "approve it: ask who made the change and why."),
    }, key_suffix=f"staff-approval:{user.id}:{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    logger.warning("staff account %s (%s) waits for a second admin's approval (%s by %s); "
                   "managers alerted", user.id, user.role, reason, requested_by)
