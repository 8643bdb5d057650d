"""The case view: what an officer sees of one record, and what opening it records."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from intake_app.domain.calendar import working_days_between
from intake_app.domain.draft import Contact, ContactSafety, Draft, OnBehalf
from intake_app.domain.references import display
from intake_app.extensions import db
from intake_app.models import (
    AuditEvent,
    CaseStatusUpdate,
    ChannelMessage,
    Conversation,
    OutboxMessage,
    Representation,
)
from intake_app.services.casework import local_today
from intake_app.services.intake import submit

from .conftest import sign_in_as

PHONE = "07911 123456"


def make_record(**overrides) -> Representation:
    values = {"text": "Nobody told me my contact with my mum was cancelled.", "channel": "web",
              "declared_type": "complaint", "service_area": "children_in_care"}
    values.update(overrides)
    result = submit(Draft(**values), actor="web")
    return db.session.get(Representation, result.representation_id)


def page_text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def audit_actions(record: Representation) -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action)
                                   .where(AuditEvent.representation_id == record.id)
                                   .order_by(AuditEvent.id)))


@pytest.fixture
def officer(make_staff):
    return make_staff("officer", name="Olu Officer")


@pytest.fixture
def client_as_officer(app, officer):
    return sign_in_as(app.test_client(), officer)


def test_page_shows_text_triage_and_deadlines_and_is_audited(app, client_as_officer, officer):
    record = make_record(text="Line one <b>bold</b>\nline two & more",
                         what_would_help="A new social worker")
    response = client_as_officer.get(f"/officers/records/{record.reference}")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert f"<h1>Record {display(record.reference)}</h1>" in body
    assert "Line one bold\nline two &amp; more" in body  # plain, escaped, line break kept
    assert "A new social worker" in body
    assert record.triage_detail.triage_reasons
    for reason in record.triage_detail.triage_reasons:
        assert reason in html.unescape(body)
    assert record.triage_detail.model_version in body
    assert "Acknowledgement due" in body and "Working days left" in body
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "record.viewed")).one()
    assert event.actor == f"staff:{officer.id}" and event.representation_id == record.id


@pytest.mark.parametrize("typed", ["lower", "dashed", "dashed-lower"])
def test_reference_is_accepted_with_or_without_dash_in_any_case(app, client_as_officer, typed):
    record = make_record()
    reference = {"lower": record.reference.lower(), "dashed": display(record.reference),
                 "dashed-lower": display(record.reference).lower()}[typed]
    response = client_as_officer.get(f"/officers/records/{reference}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert display(record.reference) in page and record.text in page


def test_unknown_or_invalid_reference_is_not_found(app, client_as_officer):
    record = make_record()
    wrong_check = record.reference[:7] + ("A" if record.reference[7] != "A" else "B")
    assert client_as_officer.get(f"/officers/records/{wrong_check}").status_code == 404
    assert client_as_officer.get("/officers/records/nonsense").status_code == 404


def test_admins_and_advocates_cannot_open_a_record(app, make_staff):
    record = make_record()
    for role in ("admin", "advocate"):
        client = sign_in_as(app.test_client(), make_staff(role))
        assert client.get(f"/officers/records/{record.reference}").status_code == 403
    assert app.test_client().get(f"/officers/records/{record.reference}").status_code == 302


def test_contact_details_are_hidden_until_revealed_and_the_reveal_is_audited(
        app, client_as_officer, officer):
    record = make_record(reply_channel="sms", contact=Contact(name="Sam", phone=PHONE),
                         contact_safety=ContactSafety(times=("after_school",), note="not mum"))
    path = f"/officers/records/{record.reference}"
    page = client_as_officer.get(path)
    assert "123456" not in page.get_data(as_text=True)
    assert 'value="Show contact details"' in page.get_data(as_text=True)
    # The label an officer reads, not the key (issue 16).
    assert "After school (15:30 to 18:00, weekdays)" in page_text(page)
    assert "after_school" not in page_text(page) and "not mum" in page_text(page)

    token = re.search(r'name="reveal_contact-csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    revealed = client_as_officer.post(f"{path}/show-contact",
                                      data={"reveal_contact-csrf_token": token})
    assert revealed.status_code == 200
    assert "+447911123456" in revealed.get_data(as_text=True)
    assert revealed.headers["Cache-Control"] == "no-store"
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "record.contact_revealed")).one()
    assert event.actor == f"staff:{officer.id}"
    assert event.after == {"fields": ["name", "phone"], "reply_channel": "sms"}
    assert "123456" not in str(event.after) and "Sam" not in str(event.after)
    # Only that response: the next view hides them again.
    assert "123456" not in client_as_officer.get(path).get_data(as_text=True)


def test_reveal_without_csrf_token_is_refused(app, client_as_officer):
    record = make_record(reply_channel="sms", contact=Contact(phone=PHONE))
    response = client_as_officer.post(f"/officers/records/{record.reference}/show-contact")
    assert response.status_code == 400
    assert "record.contact_revealed" not in audit_actions(record)


def test_helper_details_are_decrypted_for_the_officer(app, client_as_officer):
    record = make_record(role="advocate", advocate="yes", advocate_provider="nyas",
                         on_behalf=OnBehalf(helper_name="Ade Advocate", organisation="NYAS",
                                            relationship="my advocate",
                                            consent="she asked me to send it"))
    text = page_text(client_as_officer.get(f"/officers/records/{record.reference}"))
    assert "Ade Advocate, NYAS" in text and "she asked me to send it" in text
    assert "NYAS (National Youth Advocacy Service)" in text


def test_transcript_shows_both_sides_in_order(app, client_as_officer):
    conversation = Conversation(public_id="conv-1", channel="sms")
    db.session.add(conversation)
    db.session.flush()
    start = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    for offset, (direction, body) in enumerate([
            ("inbound", "hi i want to complain"), ("outbound", "What happened?"),
            ("inbound", "my placement is moving and nobody asked me")]):
        db.session.add(ChannelMessage(conversation_id=conversation.id, direction=direction,
                                      body=body, created_at=start + timedelta(minutes=offset)))
    db.session.commit()
    record = make_record(channel="sms", conversation_id=conversation.id,
                         text="my placement is moving and nobody asked me")
    text = page_text(client_as_officer.get(f"/officers/records/{record.reference}"))
    first = text.index("hi i want to complain")
    assert first < text.index("What happened?") < text.index("nobody asked me", first)
    assert "From the person" in text and "From the service" in text


def test_forwarding_and_case_store_history_are_shown(app, client_as_officer):
    record = make_record()
    row = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "case")).one()
    row.state, row.attempts, row.last_error = "delivery_failed", 8, "case store said 503"
    db.session.add(CaseStatusUpdate(representation_id=record.id, event_key="e1",
                                    case_status="stage1_responded", outcome="partly_upheld"))
    db.session.commit()
    text = page_text(client_as_officer.get(f"/officers/records/{record.reference}"))
    assert "delivery failed" in text and "case store said 503" in text
    assert "Partly upheld" in text


def test_urgent_unhandled_record_shows_a_banner_with_its_evidence(app, client_as_officer):
    record = make_record(text="my foster dad hits me when he is drunk")
    assert record.safeguarding_flag
    body = client_as_officer.get(f"/officers/records/{record.reference}").get_data(as_text=True)
    assert "safeguarding alert not yet handled" in body
    assert body.index("safeguarding alert not yet handled") < body.index("<h1>")
    assert "Words that raised the flag" in body


def test_record_without_safeguarding_has_no_banner(app, client_as_officer):
    record = make_record()
    body = client_as_officer.get(f"/officers/records/{record.reference}").get_data(as_text=True)
    assert not record.safeguarding_flag
    assert "alert not yet handled" not in body


def test_managers_see_the_audit_trail_link_only_when_that_page_exists(app, make_staff):
    record = make_record()
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    officer = sign_in_as(app.test_client(), make_staff("officer"))
    path = f"/officers/records/{record.reference}"
    has_page = "officers.record_audit" in app.view_functions
    assert ("Audit trail of this record" in page_text(manager.get(path))) is has_page
    assert "Audit trail of this record" not in page_text(officer.get(path))


def test_likely_duplicates_are_suggested_by_sender_and_by_text(app, client_as_officer):
    received = datetime(2026, 10, 5, 10, 0, tzinfo=UTC)
    record = make_record(text="my social worker keeps cancelling our visits and never rings "
                              "me back when she says she will", received_at=received,
                         reply_channel="sms", contact=Contact(phone=PHONE))
    similar = make_record(text="My social worker keeps cancelling visits and never rings me "
                               "back when she says she will!", received_at=received
                          + timedelta(days=3))
    same_phone = make_record(text="can i have a different school taxi", reply_channel="sms",
                             contact=Contact(phone=PHONE), received_at=received
                             - timedelta(days=10))
    too_late = make_record(text=record.text, received_at=received + timedelta(days=15))
    different = make_record(text="thank you to my foster carers for a lovely christmas",
                            received_at=received + timedelta(days=1))
    body = client_as_officer.get(f"/officers/records/{record.reference}").get_data(as_text=True)
    section = body[body.index("Possible duplicates"):body.index("<h2>Actions")]
    assert display(similar.reference) in section
    assert display(same_phone.reference) in section and "Same phone number" in section
    assert display(too_late.reference) not in section
    assert display(different.reference) not in section
    assert display(record.reference) not in section


def test_deadlines_show_working_days_overdue_and_stop_counting_once_responded(
        app, client_as_officer):
    record = make_record(received_at=datetime(2026, 8, 20, 9, 0, tzinfo=UTC))
    late = working_days_between(record.stage1_due, local_today(), nation="england")
    assert late > 0
    path = f"/officers/records/{record.reference}"
    assert f"Overdue by {late} working days" in page_text(client_as_officer.get(path))
    record.stage1_responded_on = record.stage1_due
    db.session.commit()
    text = page_text(client_as_officer.get(path))
    assert "Overdue by" not in text and "Not counting" in text


@pytest.mark.parametrize(("reply", "contact", "shown"), [
    ("sms", Contact(phone=PHONE), "Text message"),
    ("letter", Contact(name="Sam", address="1 High Street, Leeds LS1 1AA"), "Letter"),
    ("none", Contact(), "No reply wanted"),
])
def test_reply_preference_is_named_in_words(app, client_as_officer, reply, contact, shown):
    record = make_record(reply_channel=reply, contact=contact)
    text = page_text(client_as_officer.get(f"/officers/records/{record.reference}"))
    assert f"Reply by {shown} " in text


def test_times_are_shown_in_uk_time_in_the_same_style_as_the_queue(app, client_as_officer):
    # 23:30 UTC in summer is half past midnight the next day in the UK.
    record = make_record(received_at=datetime(2026, 7, 1, 23, 30, tzinfo=UTC))
    text = page_text(client_as_officer.get(f"/officers/records/{record.reference}"))
    assert "Received 2 Jul 2026 00:30 (Web form)" in text
