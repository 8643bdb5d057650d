"""The intake queue as an officer uses it: order, filters, search, pages, flags, audit."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from itertools import count
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InterfaceError, OperationalError, PendingRollbackError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from intake_app.domain.calendar import add_working_days
from intake_app.domain.references import display, new_reference
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    ComplaintStage,
    Representation,
    RepresentationContact,
    RepresentationTriage,
)
from intake_app.services import queue as queue_service
from intake_app.services.queue import london_today

from .conftest import sign_in_as

TODAY = london_today()
_received = count()


@pytest.fixture(autouse=True)
def queue_day_is_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The queue's today is ``TODAY``, the day the records here are dated from (taken at
    import): a run that passes midnight must not turn "due today" into "overdue"."""
    monkeypatch.setattr(queue_service, "london_today", lambda: TODAY)


def make_record(**fields) -> Representation:
    """A saved record with sensible defaults; ``fields`` set what a test is about."""
    due = fields.pop("due", add_working_days(TODAY, 10, nation="england"))
    values = {
        "reference": new_reference(), "channel": "web", "type": "complaint",
        "text": "Nobody told me my contact with my mum was cancelled.",
        "complainant_role": "young_person", "priority": "normal", "status": "needs_review",
        "primary_category": "contact", "service_area": "children_in_care",
        "procedure": "statutory", "stage1_due": due,
        "stage1_extended_due": add_working_days(due, 10, nation="england") if due else None,
        # Distinct received times, in creation order, so "oldest first" is predictable.
        "received_at": datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=next(_received)),
        # No way to reach the person, as submit() stores an anonymous record.
        "contact": RepresentationContact(),
        # Every record has its triage detail row (submit() makes it with the record).
        "triage_detail": RepresentationTriage(),
    }
    values.update(fields)
    record = Representation(**values)
    db.session.add(record)
    db.session.commit()
    return record


def shown(response) -> list[str]:
    """The references listed on a queue page, in order."""
    return shown_on(response.get_data(as_text=True))


def shown_on(body: str) -> list[str]:
    return re.findall(r'<th scope="row">(?:<a [^>]*>)?([A-Z0-9]{4}-[A-Z0-9]{4})', body)


def refs(*records: Representation) -> list[str]:
    return [display(record.reference) for record in records]


def test_urgent_first_then_nearest_deadline_in_force_then_oldest(officer_client):
    later = make_record(due=TODAY + timedelta(days=20))
    extended = make_record(due=TODAY + timedelta(days=1), stage1_extended=True,
                           stage1_extended_due=TODAY + timedelta(days=30))
    old_same_day = make_record(due=TODAY + timedelta(days=5))
    new_same_day = make_record(due=TODAY + timedelta(days=5))
    no_deadline = make_record(due=None)
    overdue = make_record(due=TODAY - timedelta(days=3))
    urgent_late = make_record(priority="urgent", due=TODAY + timedelta(days=40))
    urgent_soon = make_record(priority="urgent", due=TODAY + timedelta(days=2))
    page = officer_client.get("/officers/queue")
    assert page.status_code == 200
    assert shown(page) == refs(urgent_soon, urgent_late, overdue, old_same_day, new_same_day,
                               later, extended, no_deadline)


def test_open_records_only_by_default(officer_client):
    open_record = make_record()
    withdrawn = make_record(withdrawn_at=datetime.now(UTC), status="withdrawn")
    duplicate = make_record(duplicate_of_id=open_record.id)
    closed = make_record(status="accepted", case_status="closed")
    page = officer_client.get("/officers/queue")
    assert shown(page) == refs(open_record)
    assert "1 record" in page.get_data(as_text=True)
    assert shown(officer_client.get("/officers/queue?status=withdrawn")) == refs(withdrawn)
    assert shown(officer_client.get("/officers/queue?status=duplicate")) == refs(duplicate)
    assert shown(officer_client.get("/officers/queue?status=closed")) == refs(closed)
    assert set(shown(officer_client.get("/officers/queue?status=all"))) == set(
        refs(open_record, withdrawn, duplicate, closed))


@pytest.mark.parametrize(("query", "matching", "other"), [
    ("type=compliment", {"type": "compliment"}, {"type": "complaint"}),
    ("status=delivery_failed", {"status": "delivery_failed"}, {"status": "needs_review"}),
    ("priority=high", {"priority": "high"}, {"priority": "normal"}),
    ("service_area=fostering", {"service_area": "fostering"}, {"service_area": "adoption"}),
    ("channel=sms", {"channel": "sms"}, {"channel": "web"}),
    ("procedure=corporate", {"procedure": "corporate"}, {"procedure": "statutory"}),
    ("advocate=y", {"advocate_requested": "help_me_choose"}, {"advocate_requested": "no"}),
    ("category=placement", {"primary_category": "placement"}, {"primary_category": "delay"}),
    ("category=placement", {"secondary_categories": ["delay", "placement"]},
     {"secondary_categories": ["contact"]}),
])
def test_each_filter_shows_only_matching_records(officer_client, query, matching, other):
    wanted = make_record(**matching)
    make_record(**other)
    page = officer_client.get(f"/officers/queue?{query}")
    assert shown(page) == refs(wanted)


def test_filters_combine(officer_client):
    wanted = make_record(type="complaint", primary_category="placement", status="needs_review")
    make_record(type="complaint", primary_category="placement", status="accepted")
    make_record(type="complaint", primary_category="delay", status="needs_review")
    make_record(type="comment", primary_category=None, secondary_categories=["placement"],
                status="needs_review")
    page = officer_client.get(
        "/officers/queue?type=complaint&category=placement&status=needs_review")
    assert shown(page) == refs(wanted)


def test_assigned_to_me(app, make_staff):
    me, colleague = make_staff("officer"), make_staff("officer", name="Sam Colleague")
    mine = make_record(assigned_to_id=me.id)
    theirs = make_record(assigned_to_id=colleague.id)
    make_record()
    client = sign_in_as(app.test_client(), me)
    assert shown(client.get("/officers/queue?mine=y")) == refs(mine)
    everything = client.get("/officers/queue")
    assert len(shown(everything)) == 3
    assert "Sam Colleague" in everything.get_data(as_text=True)
    assert display(theirs.reference) in everything.get_data(as_text=True)


def test_unknown_filter_values_get_a_kind_message_not_an_error(officer_client):
    wanted = make_record()
    page = officer_client.get("/officers/queue?type=grumble&category=weather&status=lost")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "There is no type called “grumble”" in body
    assert "There is no category (primary or secondary) called “weather”" in body
    assert "There is no status called “lost”" in body
    assert shown(page) == refs(wanted)


@pytest.mark.parametrize("typed", ["with dash", "without dash", "lower case", "spaces"])
def test_search_by_reference_however_it_is_typed(officer_client, typed):
    wanted = make_record(status="accepted", case_status="closed")  # found even when closed
    make_record()
    reference = wanted.reference
    text = {"with dash": display(reference), "without dash": reference,
            "lower case": display(reference).lower(),
            "spaces": f" {reference[:4]} {reference[4:]} "}[typed]
    page = officer_client.get("/officers/queue", query_string={"reference": text})
    if page.status_code == 302:  # the case view exists: straight to the record
        assert page.location.endswith(f"/officers/records/{reference}")
    else:
        assert shown(page) == refs(wanted)


def test_search_for_an_unknown_reference_says_there_is_no_record(officer_client):
    make_record()
    for typed in ("ABCD-EFGH", "not a reference"):
        page = officer_client.get("/officers/queue", query_string={"reference": typed})
        body = page.get_data(as_text=True)
        assert page.status_code == 200
        assert f"No record has the reference “{typed}”" in body
        assert shown(page) == []
        assert f'value="{typed}"' in body  # kept as typed, to correct it


def test_pages_keep_the_filters(app, officer_client):
    app.config["QUEUE_PAGE_SIZE"] = 2
    made = [make_record(channel="sms", due=TODAY + timedelta(days=day)) for day in range(5)]
    make_record(channel="web")
    first = officer_client.get("/officers/queue?channel=sms")
    body = first.get_data(as_text=True)
    assert "5 records" in body and "page 1 of 3" in body
    assert shown(first) == refs(*made[:2])
    next_link = re.search(r'<a href="([^"]+)" rel="next">', body).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(next_link).query) == {"channel": ["sms"], "page": ["2"]}
    second = officer_client.get(next_link)
    assert shown(second) == refs(*made[2:4])
    assert 'rel="prev"' in second.get_data(as_text=True)
    last = officer_client.get("/officers/queue?channel=sms&page=3")
    assert shown(last) == refs(made[4])
    assert 'rel="next"' not in last.get_data(as_text=True)
    # A page past the end shows the last one rather than nothing.
    assert shown(officer_client.get("/officers/queue?channel=sms&page=99")) == refs(made[4])


def test_pages_run_on_across_urgent_dated_and_undated_records(app, officer_client):
    app.config["QUEUE_PAGE_SIZE"] = 2
    urgent = make_record(priority="urgent", safeguarding_handled_at=datetime.now(UTC))
    dated = [make_record(due=TODAY + timedelta(days=day)) for day in (1, 2)]
    undated = make_record(due=None)
    listed = [ref for page in (1, 2) for ref in
              shown(officer_client.get(f"/officers/queue?page={page}"))]
    assert listed == refs(urgent, *dated, undated)


def test_pages_run_on_across_every_slice(app, officer_client):
    app.config["QUEUE_PAGE_SIZE"] = 2
    responded = make_record(stage1_responded_on=TODAY, status="accepted",
                            case_status="stage1_responded")
    comment = make_record(type="comment", primary_category=None)
    dated = make_record(due=TODAY + timedelta(days=3))
    urgent = make_record(priority="urgent")
    alert = unhandled_alert(status="withdrawn", withdrawn_at=datetime.now(UTC))
    pages = [shown(officer_client.get(f"/officers/queue?page={page}")) for page in (1, 2, 3)]
    assert pages == [refs(alert, urgent), refs(dated, comment), refs(responded)]
    assert "5 records" in officer_client.get("/officers/queue?page=3").get_data(as_text=True)


def test_rag_is_shown_as_words_as_well_as_colour(officer_client):
    make_record(due=TODAY - timedelta(days=7))
    make_record(due=TODAY)
    make_record(due=add_working_days(TODAY, 8, nation="england"))
    make_record(due=TODAY + timedelta(days=1), clock_paused_on=TODAY)
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert re.search(r'class="rag rag-red">Red: overdue by \d+ working days?<', body)
    assert 'class="rag rag-amber">Amber: due today<' in body
    assert 'class="rag rag-green">Green: 8 working days left<' in body
    assert 'class="rag rag-paused">Paused<' in body


def test_urgent_record_carries_a_banner_until_the_alert_is_handled(officer_client):
    record = make_record(priority="urgent", safeguarding_flag=True)
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert "1 record has a safeguarding alert nobody has recorded as handled" in body
    assert 'class="queue-alert"' in body
    assert "Urgent: safeguarding alert not yet handled" in body
    assert "Safeguarding: not yet handled" in body

    record.safeguarding_handled_at = datetime.now(UTC)
    db.session.commit()
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert "nobody has recorded as handled" not in body
    assert 'class="queue-alert"' not in body
    assert "Safeguarding: handled" in body


def unhandled_alert(**fields) -> Representation:
    return make_record(**{"priority": "urgent", "safeguarding_flag": True,
                          "safeguarding_kinds": ["neglect"], **fields})


def banner_count(body: str) -> int | None:
    found = re.search(r"(\d+) records? (?:has|have) a safeguarding alert nobody has recorded "
                      r"as handled", body)
    return int(found.group(1)) if found else None


def test_an_unhandled_alert_stays_at_the_top_of_the_queue_whatever_its_status(officer_client):
    waiting = make_record(due=TODAY - timedelta(days=10))
    original = make_record()
    alerts = [
        unhandled_alert(status="withdrawn", withdrawn_at=datetime.now(UTC)),
        unhandled_alert(duplicate_of_id=original.id),
        unhandled_alert(status="accepted", case_status="closed"),
        unhandled_alert(status="accepted", case_status="resolved_informally"),
    ]
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert banner_count(body) == 4
    assert shown_on(body)[:4] == refs(*alerts)
    assert set(shown_on(body)[4:]) == set(refs(waiting, original))
    assert body.count('class="queue-alert"') == 4

    for record in alerts:
        record.safeguarding_handled_at = datetime.now(UTC)
    db.session.commit()
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert banner_count(body) is None
    assert shown_on(body) == refs(waiting, original)


@pytest.mark.parametrize("query", ["type=complaint", "mine=y", "status=closed",
                                   "status=withdrawn", "priority=normal", "channel=sms",
                                   "reference=ABCD-EFGH"])
def test_the_banner_counts_every_unhandled_alert_whatever_the_filters(officer_client, query):
    alert = unhandled_alert(type="comment")
    unhandled_alert(type="complaint", status="withdrawn", withdrawn_at=datetime.now(UTC))
    make_record(priority="urgent", safeguarding_flag=True,
                safeguarding_handled_at=datetime.now(UTC))
    page = officer_client.get(f"/officers/queue?{query}")
    body = page.get_data(as_text=True)
    assert banner_count(body) == 2
    link = re.search(r'<a href="([^"]+)">Show (?:them|it)</a>', body).group(1).replace("&amp;", "&")
    listed = officer_client.get(link).get_data(as_text=True)
    assert len(shown_on(listed)) == 2
    assert display(alert.reference) in listed


def test_the_alerts_view_lists_exactly_the_unhandled_alerts(officer_client):
    alerts = [unhandled_alert(due=TODAY + timedelta(days=3)),
              unhandled_alert(status="accepted", case_status="closed",
                              due=TODAY + timedelta(days=5)),
              # Flagged but (wrongly) not urgent: still an alert to handle.
              unhandled_alert(priority="normal", due=TODAY + timedelta(days=9))]
    make_record(priority="urgent", safeguarding_flag=True,
                safeguarding_handled_at=datetime.now(UTC))
    make_record(priority="urgent")  # urgent, no safeguarding concern
    make_record()
    page = officer_client.get("/officers/queue?status=unhandled_alerts")
    assert page.status_code == 200
    assert shown(page) == refs(*alerts)


def test_urgent_without_a_safeguarding_flag_is_just_urgent(officer_client):
    make_record(priority="urgent")
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert banner_count(body) is None
    assert 'class="queue-alert"' not in body
    assert "not yet handled</li>" not in body
    assert '<li class="badge">Urgent</li>' in body


def test_a_flagged_record_not_marked_urgent_still_needs_handling_and_comes_first(
        officer_client):
    soon = make_record(due=TODAY)
    flagged = unhandled_alert(priority="normal", due=TODAY + timedelta(days=30))
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert banner_count(body) == 1
    assert shown_on(body) == refs(flagged, soon)
    assert "Safeguarding alert not yet handled" in body


def test_queue_and_case_view_agree_on_what_needs_handling(officer_client):
    urgent_only = make_record(priority="urgent")
    flagged = unhandled_alert(priority="high")
    handled = unhandled_alert(safeguarding_handled_at=datetime.now(UTC))
    listed = shown(officer_client.get("/officers/queue?status=unhandled_alerts"))
    assert listed == refs(flagged)
    for record in (urgent_only, flagged, handled):
        case_page = officer_client.get(f"/officers/records/{record.reference}")
        assert ("Urgent: safeguarding alert not yet handled." in case_page.get_data(
            as_text=True)) is (display(record.reference) in listed)
        assert db.session.scalar(select(Representation.needs_safeguarding_handling).where(
            Representation.id == record.id)) == record.needs_safeguarding_handling


def test_a_responded_complaint_shows_responded_and_waits_behind_pending_ones(officer_client):
    responded = make_record(due=TODAY - timedelta(days=14),
                            stage1_responded_on=TODAY - timedelta(days=20),
                            status="accepted", case_status="stage1_responded")
    pending = make_record(due=TODAY + timedelta(days=30))
    no_deadline = make_record(type="comment", primary_category=None)
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert shown_on(body) == refs(pending, no_deadline, responded)
    assert 'class="rag rag-responded">Responded<' in body
    assert "overdue" not in body


def in_stage(record: Representation, stage: str, due: date, *, extended_due: date | None = None,
             finished_on: date | None = None) -> Representation:
    """Give the record a stage 2 or 3 clock (running unless ``finished_on``)."""
    db.session.add(ComplaintStage(
        representation_id=record.id, stage=stage, started_on=TODAY - timedelta(days=5),
        started_by="officer", due=due, extended_due=extended_due,
        extended=extended_due is not None, paused_working_days=0, finished_on=finished_on))
    db.session.commit()
    return record


def later_stage_record(stage: str, due: date, **stage_fields) -> Representation:
    """An older complaint answered at stage 1, now in a later stage."""
    record = make_record(due=TODAY - timedelta(days=40),
                         stage1_responded_on=TODAY - timedelta(days=20),
                         status="accepted", case_status=stage)
    return in_stage(record, stage, due, **stage_fields)


def test_later_stages_are_ordered_by_their_own_deadline_among_stage_1s(app, officer_client):
    """A stage 2 due soon must not wait behind every stage 1 because its record is older;
    extended stage clocks count by the extended date, as stage 1 does."""
    stage2_soon = later_stage_record("stage2_in_progress", TODAY + timedelta(days=2))
    stage2_extended = later_stage_record("stage2_in_progress", TODAY + timedelta(days=1),
                                         extended_due=TODAY + timedelta(days=25))
    stage3 = later_stage_record("stage3_panel", TODAY + timedelta(days=8))
    in_stage(stage3, "stage2_in_progress", TODAY - timedelta(days=30),
             finished_on=TODAY - timedelta(days=6))  # its stage 2 is over: not counted
    # An officer may start stage 2 with no stage 1 response on record.
    unanswered = in_stage(make_record(due=TODAY - timedelta(days=1)), "stage2_in_progress",
                          TODAY + timedelta(days=12))
    stage1_sooner = make_record(due=TODAY + timedelta(days=5))
    stage1_later = make_record(due=TODAY + timedelta(days=20))
    finished = in_stage(make_record(due=TODAY - timedelta(days=40),
                                    stage1_responded_on=TODAY - timedelta(days=30),
                                    status="accepted", case_status="stage1_responded"),
                        "stage2_in_progress", TODAY - timedelta(days=9),
                        finished_on=TODAY - timedelta(days=10))
    comment = make_record(type="comment", primary_category=None)
    expected = refs(stage2_soon, stage1_sooner, stage3, unanswered, stage1_later,
                    stage2_extended, comment, finished)
    assert shown(officer_client.get("/officers/queue")) == expected
    # Page by page, the slices run on in the same order.
    app.config["QUEUE_PAGE_SIZE"] = 3
    assert [ref for page in (1, 2, 3) for ref in
            shown(officer_client.get(f"/officers/queue?page={page}"))] == expected
    # Urgent records are ordered by the same deadlines.
    for record in (stage1_sooner, stage2_soon):
        record.priority = "urgent"
    db.session.commit()
    app.config["QUEUE_PAGE_SIZE"] = 20
    assert shown(officer_client.get("/officers/queue"))[:2] == refs(stage2_soon,
                                                                     stage1_sooner)


def test_resolved_informally_counts_as_closed_as_in_the_reports(officer_client):
    open_record = make_record()
    resolved = make_record(status="accepted", case_status="resolved_informally")
    closed = make_record(status="accepted", case_status="closed")
    assert shown(officer_client.get("/officers/queue")) == refs(open_record)
    assert set(shown(officer_client.get("/officers/queue?status=closed"))) == set(
        refs(resolved, closed))


def test_compliments_comments_and_enquiries_have_no_deadline_and_come_after_complaints(
        officer_client):
    compliment = make_record(type="compliment", primary_category=None,
                             due=TODAY - timedelta(days=10))
    enquiry = make_record(type="enquiry", primary_category=None, due=TODAY - timedelta(days=30))
    complaint = make_record(due=TODAY + timedelta(days=40))
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert shown_on(body) == refs(complaint, compliment, enquiry)
    assert body.count('class="rag rag-none">No deadline<') == 2
    assert "overdue" not in body


def test_filter_choices_are_named_for_people_not_keys(officer_client):
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert '<option value="sms">Text message</option>' in body
    assert '<option value="accepted">Open: Accepted by the case store</option>' in body
    assert ">Sms<" not in body and ">SMS<" not in body


def test_rows_show_what_an_officer_needs(officer_client):
    text = ("My foster carer said I cannot see my brother at the weekend any more and nobody "
            "has explained why this has happened to me")
    record = make_record(text=text, advocate_requested="yes", status="delivery_failed",
                         received_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
                         due=date(2026, 3, 16))
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert display(record.reference) in body
    assert ">My foster carer said I cannot see my brother at the weekend any more and nobody…<" \
        in body
    assert "has explained" not in body
    assert '<time datetime="2026-03-02">2 Mar 2026</time>' in body
    assert '<time datetime="2026-03-16">16 Mar 2026</time>' in body
    for words in ("Complaint", "Delivery failed", "Advocate requested", "Nobody"):
        assert words in body


def test_text_is_escaped(officer_client):
    make_record(text="<script>alert(1)</script> I am scared")
    body = officer_client.get("/officers/queue").get_data(as_text=True)
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)" in body


def test_each_page_view_is_audited_with_its_filters(officer_client):
    make_record()
    officer_client.get("/officers/queue?type=complaint&advocate=y")
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "queue.viewed"))
    (event,) = events.all()
    assert event.representation_id is None
    assert event.actor.startswith("staff:")
    assert event.after == {"type": "complaint", "advocate": True, "page": 1}


@pytest.mark.parametrize("typed", ["Jamie Smith", "jamie@example.org"])
def test_free_text_typed_in_the_search_is_not_kept_in_the_audit_trail(officer_client, typed):
    make_record()
    officer_client.get("/officers/queue", query_string={"reference": typed})
    (event,) = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "queue.viewed")).all()
    assert typed.split()[0].lower() not in str(event.after).lower()


def test_a_searched_reference_is_kept_in_the_audit_trail_in_canonical_form(officer_client):
    make_record()
    officer_client.get("/officers/queue", query_string={"reference": "2222 2222"})
    (event,) = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "queue.viewed")).all()
    assert event.after["reference"] == "22222222"


@pytest.mark.parametrize("role", ["admin", "advocate"])
def test_only_casework_roles_see_the_queue(app, make_staff, role):
    make_record()
    client = sign_in_as(app.test_client(), make_staff(role))
    assert client.get("/officers/queue").status_code == 403


def test_signed_out_staff_are_sent_to_sign_in(client):
    response = client.get("/officers/queue")
    assert response.status_code == 302
    assert "/officers/sign-in" in response.location


@pytest.mark.parametrize("fault", [
    OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly")),
    InterfaceError("SELECT", {}, Exception("connection already closed")),
    PoolTimeout("QueuePool limit of size 5 overflow 10 reached, connection timed out"),
    PendingRollbackError("This Session's transaction has been rolled back"),
], ids=["operational", "interface", "pool timeout", "pending rollback"])
def test_a_database_that_is_down_or_restarting_gets_the_staff_503_page(
        officer_client, monkeypatch, fault):
    """The load run's PostgreSQL restart gave officers 500s on the queue."""
    from intake_app.officers import queue_views

    def down(*args, **kwargs):
        raise fault

    monkeypatch.setattr(queue_views.queue, "queue_page", down)
    response = officer_client.get("/officers/queue")
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "The database could not be reached just now" in page
    assert "Childline" not in page
