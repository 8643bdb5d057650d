"""After a load or fault run: was every accepted submission stored, delivered at least once,
recorded exactly once at the case store, and did every disclosure reach the duty team?

Reads the ledger the locust file wrote (what people were told was accepted), the intake
database, and what the two webhook peers stored. Prints the counts and every discrepancy;
``check`` returns whether anything accepted was lost or recorded twice.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from support.peers import CaseStoreReceiver

WATCHED_KINDS = ("case", "safeguarding_alert")
OPEN_STATES = ("pending", "sending")


@dataclass
class Findings:
    counts: dict[str, int] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)  # data loss: the run fails
    doubled: list[str] = field(default_factory=list)  # recorded twice: the run fails
    notes: list[str] = field(default_factory=list)  # worth a look, not a loss

    def count(self, name: str, value: int) -> None:
        self.counts[name] = value


def read_ledger(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def wait_for_outbox(app: Any, timeout: float) -> int:
    """Wait until no case or alert row is waiting or being sent; how many still are."""
    from intake_app.extensions import db
    from intake_app.models import OutboxMessage

    deadline = time.monotonic() + timeout
    waiting = 0
    with app.app_context():
        while time.monotonic() < deadline:
            waiting = db.session.scalar(
                select(func.count()).select_from(OutboxMessage)
                .where(OutboxMessage.kind.in_(WATCHED_KINDS),
                       OutboxMessage.state.in_(OPEN_STATES))) or 0
            db.session.remove()
            if not waiting:
                break
            time.sleep(1.0)
    return waiting


def stored_reference(document: dict[str, Any]) -> str | None:
    """The reference a peer stored: a case document's, or the case inside an alert."""
    return document.get("reference") or (document.get("case") or {}).get("reference")


def check(app: Any, ledger_path: Path, case_store: CaseStoreReceiver,
          duty_team: CaseStoreReceiver, *, drain_seconds: float = 120.0) -> Findings:
    from intake_app.extensions import db
    from intake_app.models import ChannelMessage, OutboxMessage, Representation

    findings = Findings()
    still_waiting = wait_for_outbox(app, drain_seconds)
    ledger = read_ledger(ledger_path)
    accepted = {entry["reference"] for entry in ledger if entry["kind"] in ("web", "sms")}
    disclosing_web = {entry["reference"] for entry in ledger
                      if entry["kind"] == "web" and entry.get("disclosure")}
    disclosing_sids = {entry["sid"] for entry in ledger if entry["kind"] == "disclosure_sms"}
    findings.count("web submissions shown a reference",
                   sum(entry["kind"] == "web" for entry in ledger))
    findings.count("SMS conversations that ended with a reference",
                   sum(entry["kind"] == "sms" for entry in ledger))
    unfinished = [entry for entry in ledger if entry["kind"] == "sms_unfinished"]
    findings.count("SMS conversations without a reference at the end", len(unfinished))
    endings = Counter(entry["last_reply"][:90].replace("\n", " ") for entry in unfinished)
    findings.notes += [f"{count} SMS conversation(s) ended on: {ending!r}"
                       for ending, count in endings.most_common()]
    findings.count("disclosing texts answered", len(disclosing_sids))
    findings.count("case or alert rows still waiting after the drain", still_waiting)
    if still_waiting:
        findings.notes.append(f"{still_waiting} case/alert rows were still pending or being "
                              f"sent {drain_seconds:.0f}s after the load stopped")

    with app.app_context():
        records = {record.reference: record for record in db.session.scalars(
            select(Representation))}
        rows = list(db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind.in_(WATCHED_KINDS))))
        messages = {message.provider_message_id: message for message in db.session.scalars(
            select(ChannelMessage).where(ChannelMessage.provider_message_id.in_(
                disclosing_sids)))} if disclosing_sids else {}
        flagged_by_conversation = Counter(
            record.conversation_id for record in records.values()
            if record.safeguarding_flag and record.conversation_id is not None)
        db.session.remove()

    findings.count("records in the intake database", len(records))
    # 1. Stored: every reference a person was shown is a record.
    missing = sorted(accepted - set(records))
    findings.count("accepted submissions stored", len(accepted) - len(missing))
    findings.lost += [f"reference {reference} was shown to a person but is not stored"
                      for reference in missing]

    # 2. Delivered at least once, 3. recorded exactly once at the case store.
    case_rows = {row.representation_id: row for row in rows if row.kind == "case"}
    stored_cases = Counter(stored_reference(document)
                           for document in case_store.stored.values())
    delivered = 0
    for reference, record in records.items():
        row = case_rows.get(record.id)
        if row is None:
            findings.lost.append(f"record {reference} has no case row in the outbox")
        elif row.state != "delivered" or row.idempotency_key not in case_store.stored:
            findings.lost.append(f"record {reference}'s case is {row.state}, not at the case "
                                 f"store (attempts {row.attempts}, {row.last_error or ''})")
        else:
            delivered += 1
        if stored_cases[reference] > 1:
            findings.doubled.append(f"record {reference} is at the case store "
                                    f"{stored_cases[reference]} times")
    unknown = [reference for reference in stored_cases if reference not in records]
    findings.doubled += [f"the case store holds {reference}, which is not a record"
                         for reference in unknown]
    findings.count("records delivered to the case store", delivered)
    findings.count("records recorded exactly once at the case store",
                   sum(stored_cases[reference] == 1 for reference in records))
    posts = case_store.posts
    findings.count("case store POSTs (all attempts)", sum(posts.values()))
    findings.count("case keys POSTed more than once (stored once by the key)",
                   sum(count > 1 for count in posts.values()))

    # 4. Safeguarding: every flagged record's alert reached the duty team, and every
    # disclosing text became a flagged message with a flagged record in its conversation.
    flagged = [record for record in records.values() if record.safeguarding_flag]
    alerts = {row.representation_id: row for row in rows
              if row.kind == "safeguarding_alert" and row.representation_id is not None}
    alerts_without_record = [row for row in rows if row.kind == "safeguarding_alert"
                             and row.representation_id is None]
    at_duty_team = 0
    for record in flagged:
        row = alerts.get(record.id)
        if row is None or row.state != "delivered" or row.idempotency_key not in \
                duty_team.stored:
            findings.lost.append(f"flagged record {record.reference}: alert "
                                 f"{'missing' if row is None else row.state}")
        else:
            at_duty_team += 1
    findings.count("flagged records", len(flagged))
    findings.count("flagged records whose alert reached the duty team", at_duty_team)
    findings.count("alerts queued without a record (made later by the worker)",
                   len(alerts_without_record))
    missed_web = sorted(reference for reference in disclosing_web
                        if reference in records and not records[reference].safeguarding_flag)
    findings.notes += [f"web record {reference} disclosed harm but was not flagged (the "
                       f"screen, not delivery)" for reference in missed_web]
    for sid in sorted(disclosing_sids):
        message = messages.get(sid)
        if message is None:
            findings.lost.append(f"disclosing text {sid} was answered but is not stored")
        elif not message.safeguarding_flag:
            findings.notes.append(f"disclosing text {sid} is stored but was not flagged")
        elif not flagged_by_conversation[message.conversation_id]:
            findings.lost.append(f"disclosing text {sid} is flagged but no flagged record "
                                 f"was made from it")
    findings.count("disclosing texts with a flagged record",
                   sum(1 for sid in disclosing_sids if sid in messages
                       and flagged_by_conversation[messages[sid].conversation_id]))
    findings.count("duty team alerts stored (distinct keys)", len(duty_team.stored))
    duplicate_alerts = Counter(stored_reference(document)
                               for document in duty_team.stored.values())
    findings.doubled += [f"record {reference} alerted {count} times under different keys"
                         for reference, count in duplicate_alerts.items()
                         if reference and count > 1]
    return findings


def report(findings: Findings) -> bool:
    """Print the counts and every discrepancy; True when nothing was lost or doubled."""
    print("\nDelivery check")
    for name, value in findings.counts.items():
        print(f"  {name:<62} {value:>6}")
    for note in findings.notes:
        print(f"  note: {note}")
    if findings.lost or findings.doubled:
        print("\n" + "!" * 78)
        print(f"!! DATA LOSS OR DUPLICATION: {len(findings.lost)} lost, "
              f"{len(findings.doubled)} recorded twice")
        for line in findings.lost + findings.doubled:
            print(f"!!   {line}")
        print("!" * 78)
        return False
    print("  nothing lost, nothing recorded twice")
    return True
