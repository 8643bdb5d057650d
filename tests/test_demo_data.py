"""``flask demo load``: a realistic, repeatable demo with demo staff accounts, and nothing sent
to the made-up people in it."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from intake_app.demo import records as demo_records
from intake_app.demo import texts as demo_texts
from intake_app.domain.calendar import add_working_days, compute_deadlines
from intake_app.domain.clock import with_pauses
from intake_app.domain.draft import CHANNELS
from intake_app.domain.safeguarding import screen
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    CaseStatusUpdate,
    OutboxMessage,
    RecordNote,
    Representation,
    StaffUser,
    TriageCorrection,
)
from intake_app.services.staff_accounts import find_by_email, verify_password
from intake_app.services.wall_clock import FixedClock
from intake_app.taxonomy import keys

from .conftest import dispose, make_app

PASSWORD_LINE = re.compile(r"(officer|manager): (\S+@\S+)  password: (\S+)")


def _load(tmp_path: Path) -> tuple[Flask, str]:
    app = make_app(tmp_path)
    # Its own context: the command would otherwise run in the module's demo app.
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return app, result.output


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, str]]:
    """One demo for the read-only checks: loading takes a few seconds."""
    app, output = _load(tmp_path_factory.mktemp("demo"))
    with app.app_context():
        yield app, output
    dispose(app)


def records() -> list[Representation]:
    return list(db.session.scalars(select(Representation)))


def test_demo_spans_eighteen_months_with_every_type_and_channel(loaded):
    everything = records()
    assert 200 <= len(everything) <= 400
    received = [record.received_at for record in everything]
    assert max(received) - min(received) >= timedelta(days=15 * 30)
    assert max(received) > datetime.now(UTC) - timedelta(days=2)
    assert {record.type for record in everything} == set(keys("representation_types"))
    assert {record.channel for record in everything} == set(CHANNELS)
    roles = Counter(record.complainant_role for record in everything)
    assert {"young_person", "care_leaver", "advocate", "parent", "carer", "relative",
            "professional"} <= set(roles)
    assert Counter(record.type for record in everything).most_common(1)[0][0] == "complaint"
    assert len({record.primary_category for record in everything
                if record.type == "complaint"}) >= 8
    assert {"statutory", "corporate"} <= {record.procedure for record in everything}
    assert {"yes", "help_me_choose"} <= {record.advocate_requested for record in everything}


def test_every_record_went_through_submit(loaded):
    submitted = db.session.scalar(select(func.count()).where(
        AuditEvent.action == "representation.submitted", AuditEvent.actor == "demo"))
    assert submitted == len(records())
    assert all(record.triage_detail.triage_reasons and record.triage_detail.model_version
               for record in records())


def test_statuses_and_case_progress_look_like_real_work(loaded):
    everything = records()
    statuses = Counter(record.status for record in everything)
    assert statuses["accepted"] > len(everything) / 2
    for status in ("forwarded", "needs_review", "delivery_failed", "withdrawn"):
        assert statuses[status] >= 1, status
    assert 1 <= sum(record.duplicate_of_id is not None for record in everything) <= 3
    outcomes = {record.outcome for record in everything} - {None}
    assert {"upheld", "partly_upheld", "not_upheld", "withdrawn"} <= outcomes
    assert db.session.scalar(select(func.count()).where(
        CaseStatusUpdate.case_status == "stage2_in_progress")) >= 1
    assert any(record.stage1_extended and record.stage1_extension_reason
               for record in everything)
    assert any(record.clock_paused_on for record in everything)
    assert db.session.scalar(select(func.count()).select_from(RecordNote)) >= 20
    assert db.session.scalar(select(func.count()).select_from(TriageCorrection)) >= 3


def test_stage1_responses_mostly_within_ten_working_days(loaded):
    nation = loaded[0].config["NATION"]
    responded = [record for record in records() if record.stage1_responded_on]
    assert len(responded) >= 50
    within_10 = within_20 = late = 0
    for record in responded:
        start = add_working_days(record.clock_start, record.clock_paused_working_days,
                                 nation=nation)
        if record.stage1_responded_on <= add_working_days(start, 10, nation=nation):
            within_10 += 1
        elif record.stage1_responded_on <= add_working_days(start, 20, nation=nation):
            within_20 += 1
        else:
            late += 1
    assert within_10 > within_20 > 0 and late > 0
    assert within_10 / len(responded) > 0.5


def test_acknowledged_mostly_on_time(loaded):
    everything = records()
    assert all(record.acknowledged_at >= record.received_at for record in everything)
    on_time = sum(record.acknowledged_at.date() <= record.acknowledgement_due
                  for record in everything)
    assert on_time / len(everything) > 0.9


def test_safeguarding_alerts_mostly_handled_and_recent_ones_waiting(loaded):
    urgent = [record for record in records() if record.safeguarding_flag]
    assert all(record.priority == "urgent" for record in urgent)
    handled = [record for record in urgent if record.safeguarding_handled_at]
    waiting = [record for record in urgent if not record.safeguarding_handled_at]
    assert len(handled) >= 5
    assert all(record.safeguarding_handled_by and record.safeguarding_action
               and record.safeguarding_recorded_by_id for record in handled)
    assert all(record.safeguarding_handled_at >= record.received_at for record in handled)
    assert 1 <= len(waiting) <= 2
    assert all(record.received_at > datetime.now(UTC) - timedelta(days=3)
               for record in waiting)


def test_nothing_is_waiting_to_be_sent_to_the_demo_people(loaded):
    rows = list(db.session.scalars(select(OutboxMessage)))
    pending = [row for row in rows if row.state in ("pending", "sending")]
    # Only the hand-over of a record still held for review; no SMS, email or old backlog.
    assert all(row.kind == "case" for row in pending)
    held = {record.id for record in records() if record.status == "needs_review"}
    assert {row.representation_id for row in pending} <= held
    assert len(pending) <= 10
    failed = [row for row in rows if row.state == "delivery_failed"]
    assert failed and all(row.last_error for row in failed)
    assert all(row.delivered_at for row in rows if row.state == "delivered")


def test_demo_staff_get_random_argon2_passwords_shown_once(loaded):
    _app, output = loaded
    printed = {role: (email, password) for role, email, password in
               PASSWORD_LINE.findall(output)}
    assert set(printed) == {"officer", "manager"}
    assert printed["officer"][0] == "demo.officer@example.org"
    assert printed["officer"][1] != printed["manager"][1]
    for role, (email, password) in printed.items():
        user = find_by_email(email)
        assert user is not None and user.role == role and user.active
        assert user.password_hash.startswith("$argon2id$")
        assert password not in user.password_hash
        assert verify_password(user, password)
        assert not verify_password(user, password + "x")
    assert "two-factor" in output


def test_second_run_adds_nothing_and_shows_no_password(loaded):
    app, _output = loaded
    before = len(records())
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0
    assert "nothing added" in result.output
    assert "demo staff accounts exist" in result.output
    assert "password:" not in result.output
    forced = app.test_cli_runner().invoke(args=["demo", "load", "--force"])
    assert forced.exit_code == 0 and "password:" not in forced.output
    assert len(records()) == before
    assert db.session.scalar(select(func.count()).select_from(StaffUser)) == 2


def test_reset_passwords_prints_new_ones_that_work(tmp_path):
    """A separate demo (no module fixture) so the reset cannot affect the other tests."""
    app, output = _load(tmp_path)
    old = dict((email, password) for _role, email, password in PASSWORD_LINE.findall(output))
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["demo", "reset-passwords"])
        new = dict((email, password) for _role, email, password in
                   PASSWORD_LINE.findall(result.output))
        assert set(new) == set(old) == {"demo.officer@example.org", "demo.manager@example.org"}
        for email, password in new.items():
            user = find_by_email(email)
            assert verify_password(user, password)
            assert not verify_password(user, old[email])
    dispose(app)


def test_the_demo_is_the_same_every_time(loaded, tmp_path):
    def profile() -> Counter:
        return Counter((record.type, record.channel, record.status, record.priority,
                        record.case_status, record.outcome) for record in records())

    first = profile()
    other, _output = _load(tmp_path)
    with other.app_context():
        second = profile()
    dispose(other)
    assert first == second


def _actions(record: Representation) -> Counter:
    return Counter(db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.representation_id == record.id)))


def test_every_record_is_in_a_state_the_services_reach_with_the_audit_its_history_implies(
        loaded):
    """The demo writes no field itself: each state comes with the audit event of the
    service that makes it, and the deadlines are the calendar's."""
    app = loaded[0]
    config, now = app.config, datetime.now(UTC)
    for record in records():
        actions = _actions(record)
        case_rows = list(db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.representation_id == record.id, OutboxMessage.kind == "case")))
        if not case_rows:
            # Held in the intake queue for an officer's review: nothing has gone yet.
            assert record.status == "needs_review", record.reference
            continue
        assert len(case_rows) == 1, record.reference
        case_row = case_rows[0]
        assert actions["representation.submitted"] == 1
        if record.status in ("accepted", "forwarded") or (
                record.status == "withdrawn" and case_row.state == "delivered"):
            assert case_row.state == "delivered" and actions["case_forwarded"] == 1
            assert (record.case_store_id is not None) == (record.status != "forwarded")
        elif record.status == "delivery_failed":
            assert case_row.state == "delivery_failed" and actions["delivery_failed"] == 1
        else:
            assert record.status == "needs_review" and case_row.state == "pending"
        assert (record.status == "withdrawn") == (actions["record.withdrawn"] == 1)
        assert (record.withdrawn_at is not None) == (record.status == "withdrawn")
        callbacks = list(db.session.scalars(select(CaseStatusUpdate).where(
            CaseStatusUpdate.representation_id == record.id)
            .order_by(CaseStatusUpdate.received_at)))
        assert actions["case_status_updated"] == len(callbacks)
        assert record.case_status == (callbacks[-1].case_status if callbacks else None)
        if callbacks:
            assert record.case_store_id is not None  # only a case the store accepted
        responded = [update for update in callbacks if update.case_status == "stage1_responded"]
        assert (record.stage1_responded_on is not None) == bool(responded)
        if record.clock_paused_on is not None:
            assert actions["record.clock_paused"] == actions["record.clock_resumed"] + 1
            assert record.stage1_responded_on is None and record.status != "withdrawn"
        else:
            assert actions["record.clock_paused"] == actions["record.clock_resumed"]
        assert (record.clock_paused_working_days > 0) <= (actions["record.clock_resumed"] > 0)
        assert record.stage1_extended == (actions["record.stage1_extended"] == 1)
        assert (record.safeguarding_handled_at is not None) == (
            actions["record.safeguarding_handled"] == 1)
        assert (record.duplicate_of_id is not None) == (actions["record.marked_duplicate"] == 1)
        assert (record.assigned_to_id is not None) == (actions["record.assigned"] == 1)
        assert (record.sufficient_interest is not None) == (
            actions["record.procedure_decided"] == 1)
        corrections = db.session.scalar(select(func.count()).where(
            TriageCorrection.representation_id == record.id))
        assert actions["record.triage_corrected"] == corrections
        notes = db.session.scalar(select(func.count()).where(
            RecordNote.representation_id == record.id))
        assert notes == (actions["record.note_added"] + actions["record.clock_paused"]
                         + actions["record.withdrawn"])
        # Deadlines: the calendar's for the procedure, moved on by the days paused (a
        # callback's stage1_due is the one the record had).
        deadlines = with_pauses(compute_deadlines(
            record.received_at, procedure=record.procedure, nation=config["NATION"],
            acknowledgement_days=config["ACKNOWLEDGEMENT_WORKING_DAYS"],
            corporate_stage1_days=config["CORPORATE_STAGE1_WORKING_DAYS"],
            corporate_stage1_extended_days=config["CORPORATE_STAGE1_EXTENDED_WORKING_DAYS"],
            cutoff=config["CUTOFF_TIME"]), record.clock_paused_working_days,
            nation=config["NATION"])
        assert (record.clock_start, record.acknowledgement_due, record.stage1_due,
                record.stage1_extended_due) == (
            deadlines.clock_start, deadlines.acknowledgement_due, deadlines.stage1_due,
            deadlines.stage1_extended_due), record.reference
    # Nothing happened before its record arrived or after the demo's "now".
    events = db.session.execute(select(AuditEvent.action, AuditEvent.occurred_at,
                                       Representation.received_at, Representation.reference)
                                .join(Representation,
                                      Representation.id == AuditEvent.representation_id)).all()
    assert [event for event in events if not event.received_at <= event.occurred_at <= now] == []


@pytest.mark.parametrize("now", [
    datetime(2026, 12, 7, 13, 34, tzinfo=UTC),  # a Monday afternoon (CI once failed then)
    datetime(2026, 12, 8, 6, 5, tzinfo=UTC),  # before the office opens
    datetime(2026, 12, 13, 23, 50, tzinfo=UTC),  # a Sunday night
], ids=["monday-afternoon", "early-morning", "sunday-night"])
def test_nothing_in_the_demo_happens_before_its_record_arrived_at_any_time_of_day(
        tmp_path, now):
    """Records arriving on the demo's own day get their officers' steps after they came, and
    no step waits for a day still to come, whenever ``make run`` is typed."""
    app = make_app(tmp_path)
    with app.app_context():
        demo_records.load(clock=FixedClock(now))
        events = db.session.execute(
            select(AuditEvent.action, AuditEvent.occurred_at, Representation.received_at)
            .join(Representation, Representation.id == AuditEvent.representation_id)).all()
        assert events
        assert [event for event in events
                if not event.received_at <= event.occurred_at <= now] == []
    dispose(app)


def test_urgent_demo_messages_are_flagged_and_others_mostly_not():
    rng = random.Random(1)
    for variant in range(len(demo_texts.SAFEGUARDING_FIRST)):
        message, _child = demo_texts.message(rng, "young_person", "complaint", None,
                                             texting=True, safeguarding=True, variant=variant)
        assert screen(message.text).flagged, message.text
    for variant in range(len(demo_texts.SAFEGUARDING_THIRD)):
        message, _child = demo_texts.message(rng, "advocate", "complaint", None,
                                             safeguarding=True, variant=variant)
        assert screen(message.text).flagged, message.text
    everyday = [demo_texts.message(rng, role, "complaint", category)[0].text
                for role in ("young_person", "parent", "advocate")
                for category in demo_texts.COMPLAINT_FIRST for _ in range(3)]
    assert sum(screen(text).flagged for text in everyday) <= len(everyday) / 20


def test_force_refuses_a_database_with_real_records(tmp_path):
    """Demo records go through submit, which queues deliveries: never mix them with real
    work."""
    from intake_app.domain.draft import Draft
    from intake_app.services.intake import submit

    app = make_app(tmp_path)
    with app.app_context():
        submit(Draft(text="my placement is far from school", channel="web"), actor="web")
        outbox_before = db.session.scalar(select(func.count()).select_from(OutboxMessage))

        result = app.test_cli_runner().invoke(args=["demo", "load", "--force"])

        assert result.exit_code == 1
        assert "not only demo records" in result.output
        assert len(records()) == 1
        assert db.session.scalar(select(func.count()).select_from(StaffUser)) == 0
        assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == outbox_before
    dispose(app)
