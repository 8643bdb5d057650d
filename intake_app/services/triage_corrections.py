"""Officers' corrections of the automatic triage, and their export as labelled data.

A correction changes the record and is also kept as a ``TriageCorrection`` (before and
after), so ``flask triage export-corrections`` can hand real cases back to training in
exactly the CSV ``flask triage evaluate`` reads. Correcting a record counts as reviewing
it: a record held for review (``FORWARD_BEFORE_REVIEW`` off) then goes to the case store,
with the officer's triage. Submitting the form unchanged confirms the triage; the
correction row keeps before and after alike, which is labelled data all the same.
Flagging a concern the screen missed sends the urgent alert at once, as intake would.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..extensions import db
from ..models import OutboxMessage, Representation, TriageCorrection
from ..outbox.enqueue import enqueue
from . import compliments
from .audit import record_event
from .case_deadlines import DEADLINE_FIELDS, recompute_deadlines
from .casework import SAFEGUARDING_HANDLING_FIELDS, Officer, snapshot
from .child_news import tell_child
from .wall_clock import SYSTEM_CLOCK, WallClock

CORRECTED_FIELDS = ("type", "primary_category", "secondary_categories", "safeguarding_kinds",
                    "procedure", "priority", "service_area")
# The columns ``triage_training.read_rows`` / ``evaluate`` read, in the repository's order.
EXPORT_COLUMNS = ("text", "type", "category", "safeguarding")


@dataclass(frozen=True)
class TriageChoice:
    """What an officer says the triage should have been."""

    type: str
    primary_category: str | None
    secondary_categories: tuple[str, ...]
    safeguarding_kinds: tuple[str, ...]
    procedure: str
    priority: str
    service_area: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "primary_category": self.primary_category,
            "secondary_categories": list(self.secondary_categories),
            "safeguarding_kinds": list(self.safeguarding_kinds),
            "procedure": self.procedure,
            "priority": self.priority,
            "service_area": self.service_area,
        }


def current_choice(record: Representation) -> dict[str, Any]:
    """The record's triage as the correction form shows it."""
    return {name: getattr(record, name) for name in CORRECTED_FIELDS}


def correct_triage(record: Representation, officer: Officer, choice: TriageChoice, *,
                   clock: WallClock = SYSTEM_CLOCK) -> TriageCorrection:
    before = current_choice(record) | {"safeguarding_flag": record.safeguarding_flag}
    audit_fields = ("status", "needs_review", *DEADLINE_FIELDS, *SAFEGUARDING_HANDLING_FIELDS)
    audit_before = before | snapshot(record, audit_fields)
    newly_flagged = bool(choice.safeguarding_kinds) and not record.safeguarding_flag
    procedure_changed = choice.procedure != record.procedure

    for name, value in choice.as_dict().items():
        setattr(record, name, value)
    record.safeguarding_flag = bool(choice.safeguarding_kinds)
    record.needs_review = False
    if record.status == "needs_review":
        record.status = "triaged"
    if procedure_changed:
        recompute_deadlines(record)
    if newly_flagged:
        # A new concern needs its own handling recorded, even if an earlier one was.
        for name in SAFEGUARDING_HANDLING_FIELDS:
            setattr(record, name, None)
    after = current_choice(record) | {"safeguarding_flag": record.safeguarding_flag}
    correction = TriageCorrection(representation_id=record.id, staff_id=officer.id,
                                  before=before, after=after, created_at=clock.now())
    db.session.add(correction)
    db.session.flush()
    if newly_flagged:
        # The record may have had an alert before (flagged, unflagged, flagged again): the
        # correction's id keeps this alert's idempotency key apart from the first one's.
        enqueue("safeguarding_alert", record, urgent=True,
                key_suffix=f"correction-{correction.id}", at=clock.now())
    forwarded = _forward_if_held(record, clock)
    record_event(officer.actor, "record.triage_corrected", record, before=audit_before,
                 after=after | snapshot(record, audit_fields)
                 | {"triage_correction_id": correction.id, "alert_sent": newly_flagged,
                    "forwarded": forwarded},
                 at=clock.now())
    db.session.commit()
    return correction


def _forward_if_held(record: Representation, clock: WallClock) -> bool:
    """Send a record held for review to the case store, now that an officer has looked.
    Whether it was held is read from the outbox (no ``case`` row yet), so a record that
    went at once is never sent twice, whatever the setting is now."""
    sent = db.session.scalar(select(OutboxMessage.id).where(
        OutboxMessage.representation_id == record.id, OutboxMessage.kind == "case"))
    if sent is not None or record.status == "withdrawn":
        return False
    enqueue("case", record, at=clock.now())
    if compliments.pass_on(record, at=clock.now()):
        # Its acknowledgement said nothing of passing it on (it was waiting for this
        # review), so the child hears it now, by their chosen route and, for a text,
        # in their safe times (the SMS delivery waits for them).
        tell_child(record, "compliment_passed_on", at=clock.now())
    return True


def export_rows() -> list[dict[str, str]]:
    """One labelled row per corrected record, from its latest correction.

    ``category`` is the primary category (empty for comments and enquiries, as in the
    repository's labelled data); ``safeguarding`` is "1" when any kind was kept and "0"
    when none: evaluation judges flagged or not, whatever the kind.
    """
    latest = (select(TriageCorrection.representation_id,
                     func.max(TriageCorrection.id).label("id"))
              .group_by(TriageCorrection.representation_id).subquery())
    rows = db.session.execute(
        select(Representation.text, TriageCorrection.after)
        .join(latest, latest.c.id == TriageCorrection.id)
        .join(Representation, Representation.id == TriageCorrection.representation_id)
        .order_by(TriageCorrection.id)).all()
    return [{"text": text, "type": after["type"],
             "category": after.get("primary_category") or "",
             "safeguarding": "1" if after.get("safeguarding_kinds") else "0"}
            for text, after in rows]


def export_corrections(path: Path, *, actor: str) -> int:
    """Write the labelled CSV; returns how many rows. The file holds children's own words,
    so writing it is audited (how many rows, and where; never the text)."""
    rows = export_rows()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    record_event(actor, "triage.corrections_exported",
                 after={"rows": len(rows), "path": str(path.resolve())})
    db.session.commit()
    return len(rows)
