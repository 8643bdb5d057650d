"""A record that needs review waits in the intake queue until an officer confirms or
corrects its triage, then goes to the case store; the child's acknowledgement and the
duty team's alert never wait."""

from __future__ import annotations

from sqlalchemy import select

from intake_app.domain.draft import Contact, ContactSafety
from intake_app.extensions import db
from intake_app.models import OutboxMessage, Representation

from .conftest import sign_in_as
from .test_case_actions import TRIAGE, act, assert_back_to_case, refreshed
from .test_case_view import make_record


def rows(record: Representation, kind: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.representation_id == record.id, OutboxMessage.kind == kind)))


def test_a_confident_record_goes_to_the_case_store_at_once(app) -> None:
    record = make_record()
    assert not record.needs_review
    assert len(rows(record, "case")) == 1


def test_a_flagged_record_is_held_but_its_alert_and_acknowledgement_leave_at_once(app):
    record = make_record(text="my foster carer hits me", reply_channel="email",
                         contact=Contact(email="child@example.org"))
    assert record.needs_review and record.safeguarding_flag
    assert rows(record, "case") == []
    alert, = rows(record, "safeguarding_alert")
    assert alert.urgent and alert.state == "pending"
    acknowledgement, = rows(record, "email")
    assert acknowledgement.payload["purpose"] == "acknowledgement"


def test_confirming_the_triage_unchanged_forwards_the_held_record_once(app, make_staff):
    client = sign_in_as(app.test_client(), make_staff("officer"))
    record = make_record(text="my foster carer hits me")
    choice = TRIAGE | {"type": record.type, "primary_category": record.primary_category or "",
                       "secondary_categories": record.secondary_categories,
                       "safeguarding_kinds": record.safeguarding_kinds,
                       "procedure": record.procedure, "priority": record.priority,
                       "service_area": record.service_area or ""}
    assert_back_to_case(act(client, record, "correct_triage", choice), record)
    record = refreshed(record)
    assert not record.needs_review
    case, = rows(record, "case")
    assert case.state == "pending"
    # A second look (another correction) never sends it twice, nor a second alert.
    act(client, record, "correct_triage", choice | {"priority": "high"})
    assert len(rows(refreshed(record), "case")) == 1
    assert len(rows(record, "safeguarding_alert")) == 1


def test_correcting_a_record_that_went_at_once_sends_nothing_more(app, make_staff):
    client = sign_in_as(app.test_client(), make_staff("officer"))
    record = make_record()
    act(client, record, "correct_triage", TRIAGE | {"primary_category": "money"})
    assert len(rows(refreshed(record), "case")) == 1


def test_a_held_compliment_passed_on_after_review_is_told_to_the_child(app, make_staff):
    """The acknowledgement could not promise it (the compliment was waiting for an
    officer), so once it is passed on the child hears so, by text in their own time."""
    app.config["COMPLIMENT_RECIPIENTS"] = {
        "fostering": {"team": "fostering.team@council.example"}}
    client = sign_in_as(app.test_client(), make_staff("officer"))
    record = make_record(text="My social worker Jo is amazing, thank you Jo!",
                         declared_type="compliment", service_area="fostering",
                         needs_review_reason="Checked by a person first.",
                         reply_channel="sms", contact=Contact(phone="07911 123456"),
                         contact_safety=ContactSafety(times=("after_school",)))
    assert record.needs_review and rows(record, "compliment") == []
    assert all("kind words" not in text.payload["body"] for text in rows(record, "sms"))
    choice = TRIAGE | {"type": "compliment", "primary_category": "worker",
                       "secondary_categories": [], "safeguarding_kinds": [],
                       "procedure": record.procedure or "", "service_area": "fostering"}
    assert_back_to_case(act(client, record, "correct_triage", choice), record)
    assert len(rows(refreshed(record), "compliment")) == 1
    news = [text for text in rows(record, "sms")
            if text.payload["purpose"] == "compliment_passed_on"]
    assert len(news) == 1
    assert "We have now passed them on" in news[0].payload["body"]
    # A second look passes nothing on again, and tells the child nothing more.
    act(client, record, "correct_triage", choice | {"priority": "high"})
    assert len(rows(record, "compliment")) == 1
    assert len([text for text in rows(record, "sms")
                if text.payload["purpose"] == "compliment_passed_on"]) == 1
