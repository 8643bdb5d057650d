"""What happened to each demo record after it arrived: forwarding, the case store's progress,
safeguarding handled, deadlines extended or paused, notes, corrections, withdrawals.

``submit`` gives each record its deadlines and queues its deliveries as if it arrived now;
this module writes the months since, in one transaction. Past deliveries are marked as
delivered when they happened, so the outbox worker has no backlog of old messages to send
on ``make run`` and nothing is ever sent to the demo's made-up people. Every record gets an
audit event saying the demo wrote its history.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from ..domain.calendar import add_working_days, is_working_day
from ..extensions import db
from ..models import (
    CaseStatusUpdate,
    OutboxMessage,
    RecordNote,
    Representation,
    StaffUser,
    TriageCorrection,
)
from .audit import record_event
from .protection import encrypt_json, lookup_hash

if TYPE_CHECKING:
    from .demo_data import PlannedRecord

LOCAL = ZoneInfo("Europe/London")
DEMO_ACTOR = "demo"
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


def working_days_between(start: date, end: date, *, nation: str) -> int:
    """Working days after ``start`` up to and including ``end``."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day, nation=nation)
    return count


class _History:
    """The history of one record, written onto it and its rows."""

    def __init__(self, record: Representation, *, rng: random.Random, now: datetime,
                 nation: str, staff: dict[str, StaffUser]) -> None:
        self.record, self.rng, self.now, self.nation, self.staff = (
            record, rng, now, nation, staff)
        self.today = now.astimezone(LOCAL).date()
        self.updates: list[CaseStatusUpdate] = []
        self.notes: list[str] = []

    def wd(self, start: date, days: int) -> date:
        return add_working_days(start, days, nation=self.nation)

    def update(self, day: date, case_status: str, outcome: str | None = None,
               deadlines: dict[str, str] | None = None) -> bool:
        """A case store callback on ``day``; False (and nothing) when that is in the future."""
        if day > self.today:
            return False
        self.updates.append(CaseStatusUpdate(
            representation_id=self.record.id,
            event_key=f"{self.record.reference}:demo-{len(self.updates) + 1}",
            case_status=case_status, outcome=outcome, deadlines=deadlines or {},
            received_at=min(_at(day, self.rng), self.now)))
        return True

    def complaint(self, *, paused_now: bool, paused_before: bool) -> None:
        record, rng = self.record, self.rng
        assert record.clock_start and record.stage1_due and record.stage1_extended_due
        start, offset = record.clock_start, 0
        if paused_before:
            offset = rng.randint(4, 8)
            record.clock_paused_working_days = offset
            record.stage1_due = self.wd(record.stage1_due, offset)
            record.stage1_extended_due = self.wd(record.stage1_extended_due, offset)
        self.update(self.wd(start, 1), "stage1_in_progress",
                    deadlines={"stage1_due": record.stage1_due.isoformat()})
        if paused_now:
            record.clock_paused_on = min(self.wd(start, rng.randint(1, 2)), self.today)
            self.notes.append("Clock paused while an advocate is appointed.")
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
            self.extend()
        if responded > self.today:
            if working_days_between(start, self.today, nation=self.nation) > 10 + offset \
                    and not record.stage1_extended and rng.random() < 0.5:
                self.extend()
            return
        outcome = rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        record.stage1_responded_on = responded
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

    def extend(self) -> None:
        self.record.stage1_extended = True
        self.record.stage1_extension_reason = self.rng.choice(EXTENSION_REASONS)
        self.notes.append(self.rng.choice(NOTES["extended"]))

    def finish(self) -> None:
        """The record's case fields follow its last callback, as ``apply_case_status`` does."""
        for update in self.updates:
            self.record.case_status = update.case_status
            self.record.outcome = update.outcome or self.record.outcome
        db.session.add_all(self.updates)


def _settle_outbox(messages: list[OutboxMessage], record: Representation, *, pending: bool,
                   failed: bool, rng: random.Random) -> None:
    """Past deliveries happened seconds after the message arrived; a failed case delivery
    gave up after its retries; a message still held keeps its case row for the worker."""
    for message in messages:
        message.created_at = record.received_at
        message.next_attempt_at = record.received_at
        if message.kind == "case" and pending:
            continue
        message.attempts = 1
        message.locked_by = None
        message.lease_expires_at = None
        if message.kind == "case" and failed:
            message.state = "delivery_failed"
            message.attempts = 8
            message.last_error = ("case store: 503 Service Unavailable (gave up after 8 "
                                  "attempts)")
            continue
        message.state = "delivered"
        message.delivered_at = record.received_at + timedelta(seconds=rng.randint(3, 90))


def _safeguarding(record: Representation, history: _History, handled: bool,
                  officer: StaffUser) -> None:
    if not handled:
        return
    rng = history.rng
    kind = next((kind for kind in record.safeguarding_kinds if kind in SAFEGUARDING_ACTIONS),
                None)
    record.safeguarding_handled_at = min(
        record.received_at + timedelta(minutes=rng.randint(12, 240)), history.now)
    record.safeguarding_handled_by = rng.choice(HANDLERS)
    record.safeguarding_action = SAFEGUARDING_ACTIONS[kind] if kind else OTHER_ACTION
    record.safeguarding_recorded_by_id = officer.id
    history.notes.append(NOTES["safeguarding"][0])


def _acknowledged(record: Representation, rng: random.Random, now: datetime) -> datetime:
    """On screen within the minute; a partner app's batch, now and then, days late."""
    assert record.acknowledgement_due is not None
    if record.channel == "api" and _age(record, now) > 30 and rng.random() < 0.3:
        late = datetime.combine(record.acknowledgement_due + timedelta(days=rng.randint(1, 3)),
                                time(10), LOCAL).astimezone(UTC)
        if late < now:
            return late
    return record.received_at + timedelta(seconds=rng.randint(2, 90))


def _reply_by_drama_number(record: Representation, item: PlannedRecord) -> None:
    """Reply by text or phone to a number in Ofcom's drama range, set after ``submit``
    (which rightly refuses it) so that no demo message can reach a real phone."""
    if item.phone is None or item.phone_reply not in ("sms", "phone"):
        return
    record.reply_channel = item.phone_reply
    record.contact_encrypted = encrypt_json({"name": "", "phone": item.phone, "email": "",
                                             "address": ""})
    record.phone_lookup_hash = lookup_hash(item.phone)


def _corrections(pairs: list[tuple[PlannedRecord, Representation]], officer: StaffUser,
                 now: datetime, rng: random.Random) -> None:
    """Where triage misread a message the demo wrote, an officer corrected it a day or two
    later: labelled data for retraining, as in real use."""
    categories = types = 0
    for item, record in pairs:
        meant = item.message
        if _age(record, now) < 14 or meant.safeguarding or meant.school:
            continue
        after: dict[str, Any] = {}
        if record.type != meant.kind and types < MAX_TYPE_CORRECTIONS:
            types += 1
            after = {"type": meant.kind, "primary_category": meant.category,
                     "secondary_categories": []}
        elif (record.type == meant.kind == "complaint" and meant.category
              and record.primary_category != meant.category
              and categories < MAX_CATEGORY_CORRECTIONS):
            categories += 1
            after = {"primary_category": meant.category,
                     "secondary_categories": [c for c in record.secondary_categories
                                              if c != meant.category]}
        if not after:
            continue
        before = _triage_view(record)
        for name, value in after.items():
            setattr(record, name, value)
        record.needs_review = False  # as ``correct_triage`` does: an officer has looked
        db.session.add(TriageCorrection(
            representation_id=record.id, staff_id=officer.id, before=before,
            after=_triage_view(record),
            created_at=min(record.received_at + timedelta(days=rng.randint(1, 3)), now)))


def _triage_view(record: Representation) -> dict[str, Any]:
    return {"type": record.type, "primary_category": record.primary_category,
            "secondary_categories": list(record.secondary_categories),
            "safeguarding_kinds": list(record.safeguarding_kinds),
            "procedure": record.procedure, "priority": record.priority,
            "service_area": record.service_area, "safeguarding_flag": record.safeguarding_flag}


def add_history(created: list[tuple[PlannedRecord, int]], staff: dict[str, StaffUser], *,
                now: datetime, rng: random.Random) -> None:
    if not created:
        return
    ids = [record_id for _item, record_id in created]
    records = {record.id: record for record in db.session.scalars(
        select(Representation).where(Representation.id.in_(ids)))}
    outbox: dict[int, list[OutboxMessage]] = defaultdict(list)
    for message in db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.representation_id.in_(ids))
            .order_by(OutboxMessage.id)):
        outbox[message.representation_id or 0].append(message)
    by_key = {record.submission_key: record for record in records.values()}
    duplicates = {records[record_id].id for item, record_id in created
                  if item.duplicate_of_key}
    ordered = [records[record_id] for record_id in ids]
    fates = _fates(rng, ordered, now, duplicates)
    flagged = sorted((record for record in ordered if record.safeguarding_flag),
                     key=lambda record: record.received_at)
    unhandled = {record.id for record in flagged[-2:] if _age(record, now) < 3}
    officer, manager = staff["officer"], staff["manager"]
    nation = current_app.config["NATION"]
    interest_refused = False
    for item, record_id in created:
        record = records[record_id]
        history = _History(record, rng=rng, now=now, nation=nation, staff=staff)
        _reply_by_drama_number(record, item)
        record.acknowledged_at = _acknowledged(record, rng, now)
        _settle_outbox(outbox[record.id], record, pending=record.id in fates.pending,
                       failed=record.id in fates.failed, rng=rng)
        if record.safeguarding_flag:
            _safeguarding(record, history, record.id not in unhandled, officer)
        if record.id in fates.pending:
            pass  # still held for review; the worker forwards it on the next start
        elif record.id in fates.failed:
            record.status = "delivery_failed"
            history.notes.append(NOTES["failed"][0])
        elif record.id in fates.forwarded:
            record.status = "forwarded"
        else:
            record.status = "accepted"
            record.case_store_id = f"CS-{record.id:06d}"
            if item.duplicate_of_key:
                original = by_key.get(item.duplicate_of_key)
                record.duplicate_of_id = original.id if original else None
                history.update(history.wd(record.clock_start or history.today, 1), "closed")
                history.notes.append("Same young person texted twice; linked to the first "
                                     "message and closed this one.")
            elif record.id in fates.withdrawn:
                record.status = "withdrawn"
                withdrawn = record.received_at + timedelta(days=rng.randint(4, 15))
                record.withdrawn_at = withdrawn
                history.update(withdrawn.astimezone(LOCAL).date(), "closed", "withdrawn")
                history.notes.append(NOTES["withdrawn"][0])
            elif record.type == "complaint":
                history.complaint(paused_now=record.id in fates.paused_now,
                                  paused_before=record.id in fates.paused_before)
            elif _age(record, now) > 7:
                assert record.clock_start is not None
                history.update(history.wd(record.clock_start, rng.randint(2, 8)), "closed")
        if record.complainant_role in ("professional", "other") and _age(record, now) > 10:
            refuse = not interest_refused and record.type == "complaint"
            interest_refused = interest_refused or refuse
            record.sufficient_interest = "no" if refuse else "yes"
            if refuse:
                record.procedure = "corporate"
            record.decision_reason_for_person = (
                "The children's complaints procedure is for the young person or someone "
                "acting for them, so we will look at this under the council's complaints "
                "procedure." if refuse else
                "You are raising this with the young person's agreement, so we will look at "
                "it under the children's complaints procedure.")
        if record.status != "withdrawn" and not record.outcome:
            draw = rng.random()
            record.assigned_to_id = (officer.id if draw < 0.6 else manager.id if draw < 0.75
                                     else None)
        elif rng.random() < 0.9:
            record.assigned_to_id = officer.id if rng.random() < 0.8 else manager.id
        if rng.random() < 0.15:
            history.notes.append(rng.choice(NOTES["progress"]))
        history.finish()
        for step, body in enumerate(history.notes):
            db.session.add(RecordNote(
                representation_id=record.id, body=body,
                author_id=(officer if step % 2 == 0 else manager).id,
                created_at=min(record.received_at + timedelta(hours=2 + 20 * step), now)))
        record_event(DEMO_ACTOR, "demo.history_added", record, after={
            "status": record.status, "case_status": record.case_status,
            "outcome": record.outcome, "stage1_extended": record.stage1_extended,
            "safeguarding_handled": record.safeguarding_handled_at is not None})
    _corrections([(item, records[record_id]) for item, record_id in created],
                 officer, now, rng)
    db.session.commit()
