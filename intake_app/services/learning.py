"""Learning from complaints: officers add learning points to a closed record (theme,
action, owner, due date); managers track them to done; owners are reminded through the
outbox as the due day nears and each week while it is overdue.

Reminders are queued by the outbox worker's sweep (``queue_reminders`` on each poll), so
they need no cron of their own; each reminder's idempotency key names the action and the
occasion, so a sweep run many times a day queues it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.draft import clean_text
from ..extensions import db
from ..models import LearningAction, OutboxMessage, Representation, StaffUser
from ..outbox.enqueue import enqueue
from ..taxonomy import keys
from .audit import record_event
from .casework import CaseworkRefused, Officer, local_today
from .wall_clock import SYSTEM_CLOCK, WallClock

CLOSED_CASE_STATUSES = ("closed", "resolved_informally")
ACTION_MAX = 2000
REMINDER_KIND = "learning_reminder"


@dataclass(frozen=True)
class Tracked:
    """One action as the managers' list shows it."""

    action: LearningAction
    reference: str
    owner: str
    overdue: bool


def is_closed(record: Representation) -> bool:
    return record.case_status in CLOSED_CASE_STATUSES


def actions_of(record: Representation) -> list[LearningAction]:
    return list(db.session.scalars(select(LearningAction).where(
        LearningAction.representation_id == record.id).order_by(LearningAction.id)))


def add_action(record: Representation, officer: Officer, *, theme: str, action: str,
               owner_id: int, due_on: date, roles: tuple[str, ...],
               clock: WallClock = SYSTEM_CLOCK) -> LearningAction:
    """A learning point on a closed record, owned by an active member of staff."""
    if not is_closed(record):
        raise CaseworkRefused({"action": _("Learning can be added once the record is "
                                           "closed.")})
    if theme not in keys("complaint_categories"):
        raise CaseworkRefused({"theme": _("Choose the theme.")})
    words = clean_text(action)
    if not words:
        raise CaseworkRefused({"action": _("Write what will change.")})
    owner = db.session.get(StaffUser, owner_id)
    if owner is None or not owner.active or owner.role not in roles:
        raise CaseworkRefused({"owner": _("Choose who owns the action.")})
    if due_on < local_today():
        raise CaseworkRefused({"due_on": _("The due date cannot be in the past.")})
    learning = LearningAction(representation_id=record.id, theme=theme, action=words,
                              owner_id=owner.id, due_on=due_on, added_by_id=officer.id,
                              added_on=clock.today())
    db.session.add(learning)
    db.session.flush()
    record_event(officer.actor, "record.learning_added", record, after={
        "learning_action_id": learning.id, "theme": theme, "action": words,
        "owner_id": owner.id, "due_on": due_on.isoformat()}, at=clock.now())
    db.session.commit()
    return learning


def mark_done(action_id: int, manager: Officer, *,
              clock: WallClock = SYSTEM_CLOCK) -> LearningAction | None:
    """A manager marks an action done; None when there is no such action."""
    learning = db.session.get(LearningAction, action_id)
    if learning is None:
        return None
    if learning.done_on is None:
        learning.done_on, learning.done_by_id = clock.today(), manager.id
        record = db.session.get(Representation, learning.representation_id)
        record_event(manager.actor, "record.learning_done", record,
                     before={"learning_action_id": learning.id, "done_on": None},
                     after={"learning_action_id": learning.id,
                            "done_on": learning.done_on.isoformat()}, at=clock.now())
        db.session.commit()
    return learning


def tracked(*, today: date) -> list[Tracked]:
    """Open actions, overdue and soonest first, for the managers' list."""
    rows = db.session.execute(
        select(LearningAction, Representation.reference, StaffUser.name)
        .join(Representation, Representation.id == LearningAction.representation_id)
        .join(StaffUser, StaffUser.id == LearningAction.owner_id)
        .where(LearningAction.done_on.is_(None))
        .order_by(LearningAction.due_on, LearningAction.id))
    return [Tracked(action, reference, owner, action.due_on < today)
            for action, reference, owner in rows]


def _occasion(action: LearningAction, today: date, warn_days: int) -> str | None:
    """Which reminder is due today: "due" once within ``warn_days`` of the day, then one a
    week ("overdue-<year>-W<week>") while it is late."""
    if action.due_on < today:
        year, week, _day = today.isocalendar()
        return f"overdue-{year}-W{week:02d}"
    if action.due_on <= today + timedelta(days=warn_days):
        return "due"
    return None


def queue_reminders(*, clock: WallClock = SYSTEM_CLOCK) -> int:
    """Queue each reminder that is due and not queued before; returns how many."""
    today = clock.today()
    warn_days = current_app.config["LEARNING_REMINDER_DAYS"]
    rows = db.session.execute(
        select(LearningAction, Representation)
        .join(Representation, Representation.id == LearningAction.representation_id)
        .where(LearningAction.done_on.is_(None),
               LearningAction.due_on <= today + timedelta(days=warn_days))).all()
    queued = 0
    for action, record in rows:
        occasion = _occasion(action, today, warn_days)
        if occasion is None:
            continue
        suffix = f"{action.id}-{occasion}"
        key = f"{record.reference}:{REMINDER_KIND}:{suffix}"
        if db.session.scalar(select(OutboxMessage.id).where(
                OutboxMessage.idempotency_key == key)) is not None:
            continue
        enqueue(REMINDER_KIND, record, {"action_id": action.id, "occasion": occasion},
                key_suffix=suffix, at=clock.now())
        queued += 1
    db.session.commit()
    return queued
