"""What happened to each demo record after it arrived, replayed through the services that
make it happen in real use: the outbox worker's delivery, retries and dead letter
(``outbox.states``), the case store's status callbacks (``services.case_status``),
officers' assignment, notes, safeguarding handling, withdrawal, duplicates, deadline
extensions, clock pauses, procedure decisions and triage corrections (``casework``,
``duplicates``, ``case_deadlines``, ``triage_corrections``).

Each call gets a clock stopped at the moment the step happened, so the services' own
rules (no pause from a future day, no handling before the record arrived, deadlines on the
working-day calendar) apply to the past as they would have then, and every step leaves
the audit event the service writes. Deliveries are marked done by a demo worker without
calling any adapter, so nothing is ever sent to the demo's made-up people, and the outbox
worker has no backlog of old messages on ``make run``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from ..domain.calendar import add_working_days, is_working_day
from ..extensions import db
from ..models import OutboxMessage, Representation, StaffUser
from ..officers.access import staff_actor
from ..outbox import states
from ..services.case_deadlines import decide_procedure, extend_stage1, pause_clock, resume_clock
from ..services.case_status import apply_case_status
from ..services.casework import (
    Officer,
    add_note,
    assign,
    record_safeguarding_handling,
    withdraw,
)
from ..services.duplicates import mark_duplicate
from ..services.review_hold import held_for_review
from ..services.triage_corrections import TriageChoice, correct_triage
from ..services.wall_clock import FixedClock

if TYPE_CHECKING:
    from .records import PlannedRecord

LOCAL = ZoneInfo("Europe/London")
FAILED_DELIVERIES = 2
MAX_CATEGORY_CORRECTIONS = 6
MAX_TYPE_CORRECTIONS = 2
OUTCOMES = {"upheld": 24, "partly_upheld": 30, "not_upheld": 38, "no_finding": 8}
EXTENSION_REASONS = (
    "The young person asked to meet with their advocate before we reply.",
    "Several teams are involved and the records need checking.",
    "The social worker is on leave until next week; agreed with the young person.",
    "A complaint with several parts; the complainant agreed to the extra time.",
)
HANDLERS = ("Duty social worker, MASH (K. Adams)", "Emergency duty team (J. Okafor)",
            "Team manager, children in care (S. Begum)", "Duty social worker, MASH (L. Rees)")
SAFEGUARDING_ACTIONS = {
    "self_harm_suicide": "Called the young person's carer and social worker; safety plan "
                         "agreed and CAMHS crisis team contacted the same day.",
    "physical_abuse": "Strategy discussion held with the police; the young person was seen "
                      "and is safe; child protection enquiry started.",
    "missing": "Missing episode reported to the police; the young person was found and is "
               "back at the placement; return interview booked.",
    "exploitation": "Referred to the exploitation team; strategy meeting held; safety plan "
                    "for the young person and sibling.",
    "domestic_abuse": "Referred to MASH; visit made the same day; the family is being "
                      "supported by the domestic abuse service.",
    "sexual_abuse": "Strategy discussion with the police; the young person was seen with "
                    "their carer; online images reported.",
}
OTHER_ACTION = ("Read by the duty social worker: the young person was contacted and is "
                "safe; no further safeguarding action needed.")
NOTES = {
    "progress": ("Chased the team manager for the response letter.",
                 "Asked the service for a copy of the care plan.",
                 "Meeting with the young person and their advocate booked for next week.",
                 "Spoke to the complainant by phone; happy with the plan for the response."),
    "extended": ("Rang to explain we need more time; agreed to the extension. Letter sent.",),
    "safeguarding": ("Duty team confirmed the young person is safe; complaint to continue "
                     "once the enquiry allows.",),
    "withdrawn": ("Young person rang to say it is sorted now and wants to withdraw; "
                  "confirmed in writing.",),
    "failed": ("Case store not answering; raised with IT. Retry once it is back.",),
}


@dataclass
class Fates:
    """Which records end where: everything not listed is accepted by the case store."""

    pending: set[int] = field(default_factory=set)
    forwarded: set[int] = field(default_factory=set)
    failed: set[int] = field(default_factory=set)
    withdrawn: set[int] = field(default_factory=set)
    paused_now: set[int] = field(default_factory=set)
    paused_before: set[int] = field(default_factory=set)


def _age(record: Representation, now: datetime) -> float:
    return (now - record.received_at).total_seconds() / 86400


def _at(day: date, rng: random.Random) -> datetime:
    """A time in office hours on ``day``, as stored (UTC)."""
    local = datetime.combine(day, time(rng.randrange(9, 17), rng.randrange(60)), LOCAL)
    return local.astimezone(UTC)


def _fates(rng: random.Random, records: list[Representation], now: datetime,
           duplicates: set[int]) -> Fates:
    fates = Fates()
    for record in records:
        age = _age(record, now)
        if record.id in duplicates:
            continue
        if age < 2 and record.needs_review:
            fates.pending.add(record.id)
        elif 2 <= age < 6 and rng.random() < 0.35:
            fates.forwarded.add(record.id)
        elif age > 30 and record.type == "complaint" and rng.random() < 0.025:
            fates.withdrawn.add(record.id)
    candidates = [record.id for record in records
                  if 3 <= _age(record, now) < 15 and not record.safeguarding_flag
                  and record.id not in fates.pending | fates.forwarded | duplicates]
    fates.failed = set(rng.sample(candidates, min(FAILED_DELIVERIES, len(candidates))))
    settled = fates.pending | fates.forwarded | fates.failed | fates.withdrawn | duplicates
    advocated = [record for record in records if record.type == "complaint"
                 and record.advocate_requested != "no" and record.id not in settled]
    # The two most recent complaints asking for an advocate wait for one to be appointed.
    fates.paused_now = {record.id for record in advocated if _age(record, now) >= 3}
    fates.paused_now = set(sorted(fates.paused_now)[-2:])
    fates.paused_before = {record.id for record in advocated if _age(record, now) > 60}
    fates.paused_before = set(sorted(fates.paused_before)[:3])
    return fates


WORKER = "demo-worker"
# The case store's callbacks come in with its API token's name, as ``api.auth`` gives it.
CASE_STORE_ACTOR = "api:demo-case-store"
ASSIGNABLE_ROLES = ("officer", "manager")
CASE_STORE_OUTAGE = "case store: 503 Service Unavailable"
PAUSE_REASON = "Waiting for an advocate to be appointed."


def working_days_between(start: date, end: date, *, nation: str) -> int:
    """Working days after ``start`` up to and including ``end``."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day, nation=nation)
    return count


class _Replay:
    """The history of one record, step by step, each step at its own time (never after the
    demo's "now")."""

    def __init__(self, record: Representation, *, rng: random.Random, now: datetime,
                 nation: str, officer: Officer, manager: Officer) -> None:
        self.record, self.rng, self.now, self.nation = record, rng, now, nation
        self.officer, self.manager = officer, manager
        self.today = now.astimezone(LOCAL).date()
        self.callbacks = 0
        self.notes = 0

    def clock(self, when: datetime) -> FixedClock:
        return FixedClock(min(when, self.now))

    def wd(self, start: date, days: int) -> date:
        return add_working_days(start, days, nation=self.nation)

    def on(self, day: date) -> FixedClock:
        """A time in office hours on ``day``, never before the record arrived (an officer
        acting on the day a record came in acts after it came)."""
        return self.clock(max(_at(day, self.rng),
                              self.record.received_at + timedelta(minutes=5)))

    # --- the outbox worker ------------------------------------------------------------------

    def deliver(self, when: datetime, *, case: str = "accepted") -> None:
        """The worker delivers the record's due rows seconds after ``when``. ``case`` says
        how its case hand-over goes: ``accepted`` (the store gives an id), ``forwarded`` (no
        id yet), ``failed`` (the store is down until the worker gives up) or ``held`` (the
        worker stopped mid-delivery; the sweeper puts the row back for the next start)."""
        record = self.record
        at = self.clock(when + timedelta(seconds=self.rng.randint(3, 90)))
        claimed = states.claim_batch(WORKER, limit=100, representation_id=record.id,
                                     clock=at)
        for message_id in claimed:
            message = db.session.get(OutboxMessage, message_id)
            assert message is not None
            if message.kind != "case":
                states.mark_delivered(message_id, WORKER, external_id=None, clock=at)
            elif case == "failed":
                self._fail(message, at)
            elif case != "held":
                states.mark_delivered(
                    message_id, WORKER, clock=at,
                    external_id=f"CS-{record.id:06d}" if case == "accepted" else None)
        if case == "held":
            lease = timedelta(seconds=current_app.config["OUTBOX_LEASE_SECONDS"] + 1)
            states.release_expired_leases(WORKER, clock=self.clock(at.now() + lease))

    def _fail(self, message: OutboxMessage, at: FixedClock) -> None:
        """Retried with the worker's own backoff until it gives up; the manager alert that
        raises is delivered in turn."""
        while states.schedule_retry(message.id, WORKER, error=CASE_STORE_OUTAGE, clock=at):
            db.session.refresh(message)
            if message.state == "delivery_failed":
                break
            at = self.clock(message.next_attempt_at)
            if not states.claim_batch(WORKER, limit=1, representation_id=self.record.id,
                                      clock=at):
                break
        self.deliver(at.now())

    # --- the case store ---------------------------------------------------------------------

    def update(self, day: date, case_status: str, outcome: str | None = None,
               deadlines: dict[str, str] | None = None) -> bool:
        """A case store callback on ``day`` (and the message it sends the child); False,
        and nothing, when that day is still to come."""
        if day > self.today:
            return False
        self.callbacks += 1
        at = self.on(day)
        apply_case_status(self.record.reference, event_id=f"demo-{self.callbacks}",
                          case_status=case_status, outcome=outcome, deadlines=deadlines,
                          actor=CASE_STORE_ACTOR, clock=at)
        self.deliver(at.now())
        return True

    # --- officers ---------------------------------------------------------------------------

    def note(self, body: str, when: datetime) -> None:
        """Officer and manager take turns writing the record's notes."""
        author = self.officer if self.notes % 2 == 0 else self.manager
        self.notes += 1
        add_note(self.record, author, body, clock=self.clock(when))

    def complaint(self, *, paused_now: bool, paused_before: bool) -> None:
        record, rng = self.record, self.rng
        assert record.clock_start and record.stage1_due
        start, offset = record.clock_start, 0
        self.update(self.wd(start, 1), "stage1_in_progress",
                    deadlines={"stage1_due": record.stage1_due.isoformat()})
        if paused_before:
            offset = rng.randint(4, 8)
            paused_on = self.wd(start, 1)
            at = self.on(paused_on)
            pause_clock(record, self.officer, paused_on=paused_on, reason=PAUSE_REASON,
                        clock=at)
            self.deliver(at.now())  # the child's news of the pause
            resumed_on = self.wd(paused_on, offset)
            at = self.on(resumed_on)
            resume_clock(record, self.officer, resumed_on=resumed_on, clock=at)
            self.deliver(at.now())
        if paused_now:
            paused_on = min(self.wd(start, rng.randint(1, 2)), self.today)
            at = self.on(paused_on)
            pause_clock(record, self.officer, paused_on=paused_on, reason=PAUSE_REASON,
                        clock=at)
            self.deliver(at.now())
            return
        draw = rng.random()
        if draw < 0.06:
            self.update(self.wd(start, rng.randint(2, 6)), "resolved_informally")
            return
        late = draw > 0.88
        days = (rng.randint(21, 32) if late else rng.randint(11, 20) if draw > 0.68
                else rng.randint(3, 10))
        responded = self.wd(start, days + offset)
        if days > 10 and rng.random() < 0.7:
            self.extend(self.wd(start, 9 + offset))
        if responded > self.today:
            if working_days_between(start, self.today, nation=self.nation) > 10 + offset \
                    and not record.stage1_extended and rng.random() < 0.5:
                self.extend(self.wd(start, 9 + offset))
            return
        outcome = rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        self.update(responded, "stage1_responded", outcome)
        if outcome in ("not_upheld", "partly_upheld") and rng.random() < 0.08:
            stage2 = self.wd(responded, rng.randint(8, 20))
            due = self.wd(stage2, 25)
            if self.update(stage2, "stage2_in_progress",
                           deadlines={"stage2_due": due.isoformat()}):
                self.update(self.wd(stage2, rng.randint(20, 30)), "closed",
                            rng.choice(("partly_upheld", "not_upheld", "upheld")))
            return
        if rng.random() < 0.75:
            self.update(self.wd(responded, rng.randint(5, 15)), "closed", outcome)

    def extend(self, day: date) -> None:
        """An extension on ``day``; none when that day is still to come."""
        if day > self.today:
            return
        at = self.on(day)
        extend_stage1(self.record, self.officer, self.rng.choice(EXTENSION_REASONS), clock=at)
        self.deliver(at.now())  # the child's news of the new date
        self.note(self.rng.choice(NOTES["extended"]), at.now())

    def safeguarding(self) -> None:
        """The duty team acted within hours, and an officer recorded what was done."""
        record, rng = self.record, self.rng
        kind = next((kind for kind in record.safeguarding_kinds
                     if kind in SAFEGUARDING_ACTIONS), None)
        handled_at = min(record.received_at + timedelta(minutes=rng.randint(12, 240)),
                         self.now)
        recorded = self.clock(handled_at + timedelta(minutes=rng.randint(5, 30)))
        record_safeguarding_handling(
            record, self.officer, handled_by=rng.choice(HANDLERS), handled_at=handled_at,
            action=SAFEGUARDING_ACTIONS[kind] if kind else OTHER_ACTION, clock=recorded)
        self.note(NOTES["safeguarding"][0], recorded.now())

    def decide_interest(self, *, refuse: bool) -> None:
        """Someone writing about a child they are not acting for: does the children's
        procedure apply?"""
        assert self.record.clock_start is not None
        decide_procedure(
            self.record, self.officer, sufficient_interest="no" if refuse else "yes",
            procedure="corporate" if refuse else self.record.procedure or "statutory",
            reason_for_person=(
                "The children's complaints procedure is for the young person or someone "
                "acting for them, so we will look at this under the council's complaints "
                "procedure." if refuse else
                "You are raising this with the young person's agreement, so we will look at "
                "it under the children's complaints procedure."),
            clock=self.on(self.wd(self.record.clock_start, 1)))

    def assign(self, staff: Officer | None) -> None:
        if staff is not None:
            when = self.record.received_at + timedelta(minutes=self.rng.randint(30, 180))
            assign(self.record, self.manager, staff.id, roles=ASSIGNABLE_ROLES,
                   clock=self.clock(when))


def _corrected(item: PlannedRecord, record: Representation, counts: dict[str, int]
               ) -> TriageChoice | None:
    """Where triage misread a message the demo wrote, what an officer says it should be."""
    meant = item.message
    if meant.safeguarding or meant.school:
        return None
    choice = _as_triaged(record)
    if record.type != meant.kind and counts["type"] < MAX_TYPE_CORRECTIONS:
        counts["type"] += 1
        return replace(choice, type=meant.kind, primary_category=meant.category,
                       secondary_categories=())
    if (record.type == meant.kind == "complaint" and meant.category
            and record.primary_category != meant.category
            and counts["category"] < MAX_CATEGORY_CORRECTIONS):
        counts["category"] += 1
        return replace(choice, primary_category=meant.category, secondary_categories=tuple(
            category for category in record.secondary_categories
            if category != meant.category))
    return None


def _as_triaged(record: Representation) -> TriageChoice:
    """The record's triage as it stands, as the correction form shows it."""
    return TriageChoice(
        type=record.type, primary_category=record.primary_category,
        secondary_categories=tuple(record.secondary_categories),
        safeguarding_kinds=tuple(record.safeguarding_kinds), procedure=record.procedure,
        priority=record.priority, service_area=record.service_area)


def _officer(user: StaffUser) -> Officer:
    return Officer(user.id, staff_actor(user))


def add_history(created: list[tuple[PlannedRecord, int]], staff: dict[str, StaffUser], *,
                now: datetime, rng: random.Random) -> None:
    """Replay each new record's history, oldest record first."""
    if not created:
        return
    ids = [record_id for _item, record_id in created]
    records = {record.id: record for record in db.session.scalars(
        select(Representation).where(Representation.id.in_(ids)))}
    by_key = {record.submission_key: record for record in records.values()}
    duplicates = {record_id for item, record_id in created if item.duplicate_of_key}
    ordered = [records[record_id] for record_id in ids]
    fates = _fates(rng, ordered, now, duplicates)
    flagged = sorted((record for record in ordered if record.safeguarding_flag),
                     key=lambda record: record.received_at)
    unhandled = {record.id for record in flagged[-2:] if _age(record, now) < 3}
    officer, manager = _officer(staff["officer"]), _officer(staff["manager"])
    nation = current_app.config["NATION"]
    interest_refused = False
    corrections = {"type": 0, "category": 0}
    for item, record_id in created:
        record = records[record_id]
        replay = _Replay(record, rng=rng, now=now, nation=nation, officer=officer,
                         manager=manager)
        arrived = record.received_at
        case = ("held" if record.id in fates.pending else "failed" if record.id in fates.failed
                else "forwarded" if record.id in fates.forwarded else "accepted")
        # Its rows were queued when it was submitted, a few seconds after it arrived.
        replay.deliver(record.acknowledged_at or arrived, case=case)
        if held_for_review(record) and record.id not in fates.pending:
            # An officer reads it and confirms its triage (the correction form sent
            # unchanged); only then does it go to the case store.
            confirmed = replay.clock(arrived + timedelta(minutes=rng.randint(20, 240)))
            correct_triage(record, officer, _as_triaged(record), clock=confirmed)
            replay.deliver(confirmed.now(), case=case)
        if record.safeguarding_flag and record.id not in unhandled:
            replay.safeguarding()
        if record.complainant_role in ("professional", "other") and _age(record, now) > 10:
            refuse = not interest_refused and record.type == "complaint"
            interest_refused = interest_refused or refuse
            replay.decide_interest(refuse=refuse)
        if case == "failed":
            replay.note(NOTES["failed"][0], arrived + timedelta(hours=2))
        elif case == "accepted":
            assert record.clock_start is not None
            if item.duplicate_of_key:
                original = by_key.get(item.duplicate_of_key)
                linked = replay.clock(arrived + timedelta(hours=rng.randint(2, 20)))
                if original is not None:
                    mark_duplicate(record, officer, original.reference, clock=linked)
                replay.update(replay.wd(record.clock_start, 1), "closed")
                replay.note("Same young person texted twice; linked to the first message "
                            "and closed this one.", linked.now())
            elif record.id in fates.withdrawn:
                withdrawn = replay.clock(arrived + timedelta(days=rng.randint(4, 15)))
                withdraw(record, officer, NOTES["withdrawn"][0], clock=withdrawn)
                replay.update(withdrawn.now().astimezone(LOCAL).date(), "closed", "withdrawn")
            elif record.type == "complaint":
                replay.complaint(paused_now=record.id in fates.paused_now,
                                 paused_before=record.id in fates.paused_before)
            elif _age(record, now) > 7:
                replay.update(replay.wd(record.clock_start, rng.randint(2, 8)), "closed")
        draw = rng.random()
        if record.status != "withdrawn" and not record.outcome:
            replay.assign(officer if draw < 0.6 else manager if draw < 0.75 else None)
        elif draw < 0.9:
            replay.assign(officer if rng.random() < 0.8 else manager)
        if rng.random() < 0.15:
            replay.note(rng.choice(NOTES["progress"]), arrived + timedelta(hours=22))
        if _age(record, now) >= 14 and (choice := _corrected(item, record, corrections)):
            correct_triage(record, officer, choice,
                           clock=replay.clock(arrived + timedelta(days=rng.randint(1, 3))))
