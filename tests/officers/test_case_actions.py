"""Every officer action on a record: what changes, what is audited (before and after), and
what an officer sees when the input is wrong (the form again, with what they typed)."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from intake_app.domain.calendar import add_working_days
from intake_app.domain.references import display
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    OutboxMessage,
    RecordNote,
    Representation,
    TriageCorrection,
)
from intake_app.services import casework

from ..outbox.conftest import (  # noqa: F401 - fixtures
    add_case,
    drain,
    forwarding_app,
    messages,
    receiver,
    webhook_settings,
)
from .conftest import sign_in_as
from .test_case_view import make_record

SLUGS = {
    "correct_triage": "correct-triage", "assign": "assign", "add_note": "notes",
    "record_safeguarding_handling": "safeguarding-handling", "forward_now": "forward-now",
    "extend_deadline": "extend-deadline", "pause_clock": "pause-clock",
    "resume_clock": "resume-clock", "decide_procedure": "procedure", "withdraw": "withdraw",
    "mark_duplicate": "duplicate", "unlink_duplicate": "not-duplicate",
}
# A Thursday; the clock starts that day, and the summer bank holiday follows.
RECEIVED = datetime(2026, 8, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def officer(make_staff):
    return make_staff("officer", name="Olu Officer")


@pytest.fixture
def client(app, officer):
    return sign_in_as(app.test_client(), officer)


def act(client, record: Representation, action: str, data: dict, *, csrf: bool = True):
    """Post one action's form the way the case view's form does (prefixed field names)."""
    path = f"/officers/records/{record.reference}"
    fields = {f"{action}-{name}": value for name, value in data.items()}
    if csrf:
        page = client.get(path).get_data(as_text=True)
        fields[f"{action}-csrf_token"] = re.search(
            r'name="[a-z_]+-csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post(f"{path}/{SLUGS[action]}", data=fields)


def last_event(record: Representation, action: str) -> AuditEvent:
    return db.session.scalars(select(AuditEvent).where(
        AuditEvent.representation_id == record.id, AuditEvent.action == action)
        .order_by(AuditEvent.id.desc())).first()


def refreshed(record: Representation) -> Representation:
    db.session.expire_all()
    return db.session.get(Representation, record.id)


def shown(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def assert_back_to_case(response, record: Representation) -> None:
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/officers/records/{record.reference}")


TRIAGE = {"type": "complaint", "primary_category": "contact",
          "secondary_categories": ["communication"], "safeguarding_kinds": [],
          "procedure": "statutory", "priority": "normal", "service_area": "children_in_care"}


# --- Correct the triage ------------------------------------------------------------------

def test_correcting_triage_updates_the_record_and_keeps_the_correction(app, client, officer):
    record = make_record(text="my social worker never calls me back")
    before_category = record.primary_category
    response = act(client, record, "correct_triage",
                   TRIAGE | {"primary_category": "money", "priority": "high",
                             "service_area": "leaving_care"})
    assert_back_to_case(response, record)
    record = refreshed(record)
    assert (record.primary_category, record.priority, record.service_area) == (
        "money", "high", "leaving_care")
    assert record.secondary_categories == ["communication"]
    assert record.status == "triaged" and not record.needs_review
    correction = db.session.scalars(select(TriageCorrection)).one()
    assert correction.staff_id == officer.id
    assert correction.before["primary_category"] == before_category
    assert correction.after["primary_category"] == "money"
    event = last_event(record, "record.triage_corrected")
    assert event.actor == f"staff:{officer.id}"
    assert event.before["primary_category"] == before_category
    assert event.after["primary_category"] == "money"
    assert "Triage corrected." in shown(client.get(response.headers["Location"]))


def test_changing_the_procedure_recomputes_deadlines(app, client):
    app.config["CORPORATE_STAGE1_WORKING_DAYS"] = 15
    app.config["CORPORATE_STAGE1_EXTENDED_WORKING_DAYS"] = 30
    record = make_record(received_at=RECEIVED)
    assert record.procedure == "statutory"
    start = record.clock_start
    act(client, record, "correct_triage", TRIAGE | {"procedure": "corporate"})
    record = refreshed(record)
    assert record.stage1_due == add_working_days(start, 15, nation="england")
    assert record.stage1_extended_due == add_working_days(start, 30, nation="england")
    event = last_event(record, "record.triage_corrected")
    assert event.before["stage1_due"] != event.after["stage1_due"]


def test_flagging_a_missed_concern_sends_the_urgent_alert_and_shows_the_banner(app, client):
    record = make_record(text="i want a different social worker please")
    assert not record.safeguarding_flag
    response = act(client, record, "correct_triage",
                   TRIAGE | {"safeguarding_kinds": ["neglect"], "priority": "urgent"})
    assert_back_to_case(response, record)
    record = refreshed(record)
    assert record.safeguarding_flag and record.safeguarding_kinds == ["neglect"]
    alert = db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "safeguarding_alert")).one()
    assert alert.urgent and alert.state == "pending"
    page = shown(client.get(response.headers["Location"]))
    assert "urgent safeguarding alert has been sent" in page
    assert "safeguarding alert not yet handled" in page


def test_flagging_again_after_unflagging_sends_a_second_alert_with_its_own_key(app, client):
    record = make_record(text="my foster dad hits me when he is drunk")
    assert record.safeguarding_flag
    act(client, record, "correct_triage", TRIAGE)
    assert not refreshed(record).safeguarding_flag
    response = act(client, record, "correct_triage",
                   TRIAGE | {"safeguarding_kinds": ["physical_abuse"], "priority": "urgent"})
    assert_back_to_case(response, record)
    keys = sorted(db.session.scalars(select(OutboxMessage.idempotency_key).where(
        OutboxMessage.kind == "safeguarding_alert")))
    assert len(keys) == 2 and len(set(keys)) == 2


@pytest.mark.parametrize(("change", "message"), [
    ({"type": "compliment", "primary_category": "placement"}, "Choose a compliment category."),
    ({"type": "enquiry", "primary_category": "money"}, "Only complaints and compliments"),
    ({"secondary_categories": ["contact"]}, "cannot also be a secondary one"),
    ({"safeguarding_kinds": ["neglect"], "priority": "normal"}, "is urgent: choose 'Urgent'"),
    ({"type": "nonsense"}, "Not a valid choice"),
])
def test_bad_triage_correction_shows_the_message_and_keeps_what_was_typed(
        app, client, change, message):
    record = make_record()
    before = refreshed(record).primary_category
    response = act(client, record, "correct_triage", TRIAGE | change)
    assert response.status_code == 400
    page = shown(response)
    assert message in page
    assert 'id="action-correct_triage" open' in page
    if change.get("type") == "compliment":
        assert '<option selected value="compliment">' in page
    assert refreshed(record).primary_category == before
    assert db.session.scalars(select(TriageCorrection)).first() is None
    assert last_event(record, "record.triage_corrected") is None


# --- Assign -------------------------------------------------------------------------------

def test_assign_to_someone_to_me_and_to_nobody(app, client, officer, make_staff):
    colleague = make_staff("manager", name="Mo Manager")
    record = make_record()
    assert_back_to_case(act(client, record, "assign", {"assignee": str(colleague.id)}),
                        record)
    assert refreshed(record).assigned_to_id == colleague.id
    event = last_event(record, "record.assigned")
    assert event.before == {"assigned_to_id": None}
    assert event.after == {"assigned_to_id": colleague.id}

    act(client, record, "assign", {"assignee": "", "to_me": "Assign to me"})
    assert refreshed(record).assigned_to_id == officer.id
    assert "Olu Officer" in shown(client.get(f"/officers/records/{record.reference}"))

    act(client, record, "assign", {"assignee": ""})
    assert refreshed(record).assigned_to_id is None
    assert last_event(record, "record.assigned").before == {"assigned_to_id": officer.id}


def test_cannot_assign_to_a_disabled_account_or_an_admin(app, client, make_staff):
    disabled = make_staff("officer")
    disabled.active = False
    admin = make_staff("admin")
    db.session.commit()
    record = make_record()
    for user in (disabled, admin):
        response = act(client, record, "assign", {"assignee": str(user.id)})
        assert response.status_code == 400
        assert "Not a valid choice" in shown(response)
    assert refreshed(record).assigned_to_id is None


# --- Notes --------------------------------------------------------------------------------

def test_note_is_kept_as_plain_text_and_audited(app, client, officer):
    record = make_record()
    response = act(client, record, "add_note",
                   {"body": "Rang the <b>foster carer</b>;\nwill call back <script>x</script>"})
    assert_back_to_case(response, record)
    note = db.session.scalars(select(RecordNote)).one()
    # Markup is removed, every word typed is kept (even inside <script>), stored plain.
    assert note.body == "Rang the foster carer;\nwill call back x"
    assert note.author_id == officer.id
    event = last_event(record, "record.note_added")
    assert event.before == {"notes": 0}
    assert event.after == {"notes": 1, "note_id": note.id, "length": len(note.body)}
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Rang the foster carer;\nwill call back x<" in page


@pytest.mark.parametrize(("body", "message"), [
    ("", "Write the note."),
    ("<b></b>", "cannot be only markup"),
    ("x" * 5001, "under 5000 characters"),
])
def test_empty_or_too_long_note_is_refused(app, client, body, message):
    record = make_record()
    response = act(client, record, "add_note", {"body": body})
    assert response.status_code == 400
    assert message in shown(response)
    assert db.session.scalars(select(RecordNote)).first() is None


# --- Safeguarding handling ----------------------------------------------------------------

def test_recording_safeguarding_handling_removes_the_banner(app, client, officer):
    record = make_record(text="my foster dad hits me when he is drunk",
                         received_at=datetime.now(UTC) - timedelta(days=1))
    when = datetime.now(UTC) - timedelta(hours=1)
    local = when.astimezone(ZoneInfo("Europe/London"))
    response = act(client, record, "record_safeguarding_handling", {
        "handled_by": "J Smith, MASH duty team", "handled_on": local.date().isoformat(),
        "handled_time": local.strftime("%H:%M"), "action": "Strategy discussion held."})
    assert_back_to_case(response, record)
    record = refreshed(record)
    assert record.safeguarding_handled_by == "J Smith, MASH duty team"
    assert abs(record.safeguarding_handled_at - when) < timedelta(minutes=1)
    assert record.safeguarding_recorded_by_id == officer.id
    event = last_event(record, "record.safeguarding_handled")
    assert event.before["safeguarding_handled_at"] is None
    assert event.after["safeguarding_action"] == "Strategy discussion held."
    page = shown(client.get(response.headers["Location"]))
    assert "alert not yet handled" not in page and "Strategy discussion held." in page


def test_handling_in_the_future_or_without_who_is_refused_keeping_what_was_typed(app, client):
    record = make_record(text="my foster dad hits me when he is drunk")
    tomorrow = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    response = act(client, record, "record_safeguarding_handling", {
        "handled_by": "Duty team", "handled_on": tomorrow, "handled_time": "10:00",
        "action": "Visited the home."})
    assert response.status_code == 400
    page = shown(response)
    assert "cannot be in the future" in page
    assert 'value="Duty team"' in page and "Visited the home." in page
    response = act(client, record, "record_safeguarding_handling", {
        "handled_by": "", "handled_on": "2026-01-01", "handled_time": "25:99",
        "action": ""})
    page = shown(response)
    assert "Write who acted" in page and "Write what was done" in page
    assert "Enter the time it was handled" in page
    response = act(client, record, "record_safeguarding_handling", {
        "handled_by": "Duty team", "handled_on": "2020-01-01", "handled_time": "10:00",
        "action": "Visited."})
    assert response.status_code == 400 and "before the record was received" in shown(response)
    assert refreshed(record).safeguarding_handled_at is None
    assert last_event(record, "record.safeguarding_handled") is None


# --- Forward now --------------------------------------------------------------------------

def case_row(record: Representation) -> OutboxMessage:
    return db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.representation_id == record.id, OutboxMessage.kind == "case")).one()


def test_forward_now_retries_a_failed_case_keeping_its_attempts(app, client):
    record = make_record()
    row = case_row(record)
    row.state, row.attempts, row.last_error = "delivery_failed", 8, "503 from the case store"
    record.status = "delivery_failed"
    db.session.commit()
    response = act(client, record, "forward_now", {})
    assert_back_to_case(response, record)
    row, record = case_row(record), refreshed(record)
    assert row.state == "pending" and row.attempts == 8
    assert row.next_attempt_at <= datetime.now(UTC)
    assert record.status in ("needs_review", "triaged")
    event = last_event(record, "record.forward_now")
    assert event.before["state"] == "delivery_failed" and event.after["state"] == "pending"
    assert event.before["status"] == "delivery_failed"


def test_forward_now_makes_a_waiting_case_due_now(app, client):
    record = make_record()
    row = case_row(record)
    row.next_attempt_at = datetime.now(UTC) + timedelta(hours=1)
    row.attempts = 2
    db.session.commit()
    assert_back_to_case(act(client, record, "forward_now", {}), record)
    row = case_row(record)
    assert row.next_attempt_at <= datetime.now(UTC) and row.attempts == 2


def test_a_case_forwarded_now_that_fails_again_ends_failed_with_a_second_alert(
        forwarding_app, receiver):  # noqa: F811 - the forwarding tests' fixtures
    app = forwarding_app(**webhook_settings(receiver))
    receiver.mode = "reject"  # the case store refuses it: failed at the first attempt
    with app.app_context():
        record = add_case()
        drain(app)
        officer = casework.Officer(1, "staff:1")
        casework.forward_now(record, officer)
        drain(app)
        (case,) = messages("case")
        assert case.state == "delivery_failed" and case.attempts == 2
        assert len(messages("manager_alert")) == 2
        receiver.mode = "ok"
        casework.forward_now(record, officer)
        drain(app)
        assert messages("case")[0].state == "delivered"
        assert refreshed(record).status in ("forwarded", "accepted")


@pytest.mark.parametrize("state", ["delivered", "sending"])
def test_forward_now_is_refused_once_delivered_or_while_sending(app, client, state):
    record = make_record()
    case_row(record).state = state
    db.session.commit()
    response = act(client, record, "forward_now", {})
    assert response.status_code == 400
    assert f"its forwarding state is {state}" in shown(response)
    assert last_event(record, "record.forward_now") is None


# --- Deadlines: extend, pause, resume ------------------------------------------------------

def test_extending_stage1_needs_a_reason_and_happens_once(app, client):
    record = make_record(received_at=RECEIVED)
    response = act(client, record, "extend_deadline", {"reason": ""})
    assert response.status_code == 400
    assert "Give the reason stage 1 needs longer." in shown(response)
    response = act(client, record, "extend_deadline",
                   {"reason": "Waiting for the placement team's records."})
    assert_back_to_case(response, record)
    record = refreshed(record)
    assert record.stage1_extended
    assert record.stage1_extension_reason == "Waiting for the placement team's records."
    event = last_event(record, "record.stage1_extended")
    assert event.before["stage1_extended"] is False and event.after["stage1_extended"] is True
    assert record.stage1_extended_due == add_working_days(record.clock_start, 20,
                                                          nation="england")
    again = act(client, record, "extend_deadline", {"reason": "More time"})
    assert again.status_code == 400 and "already extended" in shown(again)


def test_pause_and_resume_across_a_weekend_and_bank_holiday(app, client):
    record = make_record(received_at=RECEIVED)
    stage1, extended = record.stage1_due, record.stage1_extended_due
    response = act(client, record, "pause_clock",
                   {"paused_on": "2026-08-28", "reason": "Advocate being appointed (NYAS)."})
    assert_back_to_case(response, record)
    assert refreshed(record).clock_paused_on == date(2026, 8, 28)
    assert last_event(record, "record.clock_paused").after["clock_paused_on"] == "2026-08-28"
    page = shown(client.get(f"/officers/records/{record.reference}"))
    assert "Clock paused since Friday 28 August 2026" in page

    # Friday to Tuesday: the weekend and the summer bank holiday (Monday 31) do not count.
    response = act(client, record, "resume_clock", {"resumed_on": "2026-09-01"})
    assert_back_to_case(response, record)
    record = refreshed(record)
    assert record.clock_paused_on is None and record.clock_paused_working_days == 1
    assert record.stage1_due == add_working_days(stage1, 1, nation="england")
    assert record.stage1_extended_due == add_working_days(extended, 1, nation="england")
    event = last_event(record, "record.clock_resumed")
    assert event.before["clock_paused_on"] == "2026-08-28"
    assert event.after["clock_paused_working_days"] == 1
    assert "moved on by 1 working days" in shown(client.get(response.headers["Location"]))


def test_bad_pause_and_resume_dates_are_refused(app, client):
    record = make_record(received_at=RECEIVED)
    future = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    response = act(client, record, "pause_clock", {"paused_on": future, "reason": "Advocate"})
    assert response.status_code == 400 and "future" in shown(response)
    response = act(client, record, "pause_clock", {"paused_on": "2026-08-01",
                                                   "reason": "Advocate"})
    assert response.status_code == 400 and "before it started" in shown(response)
    response = act(client, record, "resume_clock", {"resumed_on": "2026-09-01"})
    assert response.status_code == 400 and "not paused" in shown(response)
    act(client, record, "pause_clock", {"paused_on": "2026-08-28", "reason": "Advocate"})
    response = act(client, record, "resume_clock", {"resumed_on": "2026-08-27"})
    assert response.status_code == 400 and "before it was paused" in shown(response)
    assert refreshed(record).clock_paused_on == date(2026, 8, 28)


def clock_events(record: Representation, action: str) -> int:
    return len(db.session.scalars(select(AuditEvent.id).where(
        AuditEvent.representation_id == record.id, AuditEvent.action == action)).all())


def test_a_new_pause_cannot_start_before_the_last_restart(app, client):
    record = make_record(received_at=RECEIVED)
    act(client, record, "pause_clock", {"paused_on": "2026-08-28", "reason": "Advocate"})
    act(client, record, "resume_clock", {"resumed_on": "2026-09-04"})
    stage1 = refreshed(record).stage1_due

    # Paused from the Tuesday again: the days up to Friday 4th were already counted.
    response = act(client, record, "pause_clock",
                   {"paused_on": "2026-09-01", "reason": "A second advocate is needed."})
    assert response.status_code == 400
    page = shown(response)
    assert "The clock restarted on Friday 4 September 2026" in page
    assert 'value="2026-09-01"' in page and "A second advocate is needed." in page
    record = refreshed(record)
    assert record.clock_paused_on is None and record.stage1_due == stage1
    assert clock_events(record, "record.clock_paused") == 1

    response = act(client, record, "pause_clock",
                   {"paused_on": "2026-09-04", "reason": "A second advocate is needed."})
    assert_back_to_case(response, record)
    assert refreshed(record).clock_paused_on == date(2026, 9, 4)


@pytest.mark.parametrize("ended", ["responded", "withdrawn"])
def test_a_responded_or_withdrawn_record_cannot_be_paused(app, client, ended):
    record = make_record(received_at=RECEIVED)
    if ended == "responded":
        record.stage1_responded_on = date(2026, 9, 10)
        db.session.commit()
        message = "Stage 1 was responded to on Thursday 10 September 2026"
    else:
        act(client, record, "withdraw", {"reason": "Asked to stop."})
        message = "This record is withdrawn"
    page = shown(client.get(f"/officers/records/{record.reference}"))
    assert 'id="action-pause_clock"' not in page  # not offered

    response = act(client, record, "pause_clock",
                   {"paused_on": "2026-09-14", "reason": "Advocate"})
    assert response.status_code == 400
    assert message in shown(response) and 'value="2026-09-14"' in shown(response)
    assert refreshed(record).clock_paused_on is None
    assert clock_events(record, "record.clock_paused") == 0


# --- Procedure and sufficient interest ------------------------------------------------------

def test_deciding_the_procedure_saves_the_reason_and_recomputes_deadlines(app, client):
    app.config["CORPORATE_STAGE1_WORKING_DAYS"] = 15
    record = make_record(received_at=RECEIVED, role="professional")
    response = act(client, record, "decide_procedure", {
        "sufficient_interest": "no", "procedure": "corporate",
        "reason_for_person": "We will look at this under our own complaints procedure."})
    assert_back_to_case(response, record)
    record = refreshed(record)
    assert (record.sufficient_interest, record.procedure) == ("no", "corporate")
    assert record.decision_reason_for_person.startswith("We will look at this")
    assert record.stage1_due == add_working_days(record.clock_start, 15, nation="england")
    event = last_event(record, "record.procedure_decided")
    assert event.before["sufficient_interest"] is None
    assert event.after["procedure"] == "corporate"


def test_no_sufficient_interest_cannot_use_the_statutory_procedure(app, client):
    record = make_record(role="professional")
    response = act(client, record, "decide_procedure", {
        "sufficient_interest": "no", "procedure": "statutory", "reason_for_person": "Sorry."})
    assert response.status_code == 400 and "choose corporate" in shown(response)
    response = act(client, record, "decide_procedure", {
        "sufficient_interest": "yes", "procedure": "statutory", "reason_for_person": ""})
    assert response.status_code == 400 and "Write what the person will be told." in shown(
        response)
    assert refreshed(record).sufficient_interest is None


# --- Withdraw -----------------------------------------------------------------------------

def test_withdrawing_keeps_the_reason_and_cannot_happen_twice(app, client):
    record = make_record()
    response = act(client, record, "withdraw", {"reason": ""})
    assert response.status_code == 400 and "Give the reason it was withdrawn." in shown(response)
    response = act(client, record, "withdraw", {"reason": "The young person asked us to stop."})
    assert_back_to_case(response, record)
    record = refreshed(record)
    assert record.status == "withdrawn" and record.withdrawn_at is not None
    event = last_event(record, "record.withdrawn")
    assert event.before["status"] != "withdrawn" and event.after["status"] == "withdrawn"
    assert "The young person asked us to stop." in shown(client.get(
        response.headers["Location"]))
    again = act(client, record, "withdraw", {"reason": "again"})
    assert again.status_code == 400 and "already withdrawn" in shown(again)


def test_a_withdrawn_record_is_not_forwarded_now(app, client):
    record = make_record()
    act(client, record, "withdraw", {"reason": "Asked to stop."})
    response = act(client, record, "forward_now", {})
    assert response.status_code == 400 and "withdrawn" in shown(response)


# --- Duplicates ---------------------------------------------------------------------------

def test_marking_a_duplicate_links_both_ways(app, client):
    original = make_record()
    record = make_record()
    response = act(client, record, "mark_duplicate",
                   {"reference": display(original.reference).lower()})
    assert_back_to_case(response, record)
    assert refreshed(record).duplicate_of_id == original.id
    event = last_event(record, "record.marked_duplicate")
    assert event.before == {"duplicate_of_id": None}
    assert event.after["duplicate_of_reference"] == original.reference
    page = shown(client.get(f"/officers/records/{original.reference}"))
    assert "Duplicates of this record" in page and display(record.reference) in page


def test_bad_duplicate_links_are_refused(app, client):
    first, second = make_record(), make_record()
    for reference, message in [(first.reference, "duplicate of itself"),
                               ("ABCD-EFGH", "no record with that reference"),
                               ("", "Enter the reference")]:
        response = act(client, first, "mark_duplicate", {"reference": reference})
        assert response.status_code == 400 and message in shown(response)
        assert f'value="{reference}"' in shown(response) or not reference
    act(client, second, "mark_duplicate", {"reference": first.reference})
    response = act(client, first, "mark_duplicate", {"reference": second.reference})
    assert response.status_code == 400 and "already a duplicate of this one" in shown(response)
    assert refreshed(first).duplicate_of_id is None


def test_a_duplicate_link_can_be_undone(app, client, officer):
    original = make_record()
    record = make_record()
    path = f"/officers/records/{record.reference}"
    assert 'id="action-unlink_duplicate"' not in shown(client.get(path))
    act(client, record, "mark_duplicate", {"reference": original.reference})
    assert 'id="action-unlink_duplicate"' in shown(client.get(path))

    response = act(client, record, "unlink_duplicate", {})
    assert_back_to_case(response, record)
    assert refreshed(record).duplicate_of_id is None
    event = last_event(record, "record.duplicate_unlinked")
    assert event.actor == f"staff:{officer.id}"
    assert event.before == {"duplicate_of_id": original.id,
                            "duplicate_of_reference": original.reference}
    assert event.after == {"duplicate_of_id": None}
    page = shown(client.get(response.headers["Location"]))
    assert f"no longer linked as a duplicate of {display(original.reference)}" in page
    assert "Duplicate of" not in page
    assert "Duplicates of this record" not in shown(
        client.get(f"/officers/records/{original.reference}"))


def test_unlinking_a_record_that_is_not_a_duplicate_is_refused(app, client):
    record = make_record()
    response = act(client, record, "unlink_duplicate", {})
    assert response.status_code == 400
    assert "not linked as a duplicate" in shown(response)
    assert last_event(record, "record.duplicate_unlinked") is None


# --- Every action ---------------------------------------------------------------------------

def staff_events() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.actor.like("staff:%"))))


@pytest.mark.parametrize("action", sorted(SLUGS))
def test_every_action_needs_the_csrf_token(app, client, action):
    record = make_record()
    response = act(client, record, action, {"reason": "x", "body": "x"}, csrf=False)
    assert response.status_code == 400
    assert staff_events() == []


@pytest.mark.parametrize("role", ["admin", "advocate"])
def test_other_roles_cannot_act_on_a_record(app, make_staff, role):
    app.config["WTF_CSRF_ENABLED"] = False  # so the role check is what refuses
    record = make_record()
    client = sign_in_as(app.test_client(), make_staff(role))
    for slug in [*SLUGS.values(), "show-contact"]:
        response = client.post(f"/officers/records/{record.reference}/{slug}",
                               data={"add_note-body": "x", "withdraw-reason": "x"})
        assert response.status_code == 403
    assert staff_events() == []
    assert refreshed(record).status != "withdrawn"


def test_actions_on_an_unknown_record_are_not_found(app, client):
    app.config["WTF_CSRF_ENABLED"] = False
    response = client.post("/officers/records/ABCD-EFGH/notes", data={"add_note-body": "hi"})
    assert response.status_code == 404
    assert db.session.scalars(select(RecordNote)).first() is None


def test_a_correction_with_no_boxes_ticked_clears_the_lists(app, client):
    """A browser sends nothing at all for a group of checkboxes with none ticked."""
    record = make_record(text="my foster dad hits me when he is drunk")
    fields = {key: value for key, value in TRIAGE.items()
              if key not in ("secondary_categories", "safeguarding_kinds")}
    assert_back_to_case(act(client, record, "correct_triage", fields), record)
    record = refreshed(record)
    assert record.secondary_categories == [] and record.safeguarding_kinds == []
    assert not record.safeguarding_flag
