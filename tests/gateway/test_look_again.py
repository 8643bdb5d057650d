"""Asking us to look again (stage 2) from the status page, by text and in plain words:
within 20 working days of the stage 1 answer it starts stage 2 at once, later it waits for
an officer, never refused; each route gives the same answer, records the request, and
sends the case store a stage2_request event."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import textstat
from flask import request_started
from sqlalchemy import select

from intake_app.domain.calendar import clock_start, working_days_between
from intake_app.domain.draft import Contact, Draft
from intake_app.domain.stages import stage2_dates
from intake_app.extensions import db
from intake_app.models import (
    ComplaintStage,
    LookAgainRequest,
    OutboxMessage,
    Representation,
    StaffUser,
)
from intake_app.services.intake import submit
from intake_app.services.wall_clock import SYSTEM_CLOCK

from ..conftest import _fresh_request_globals, post_form
from ..officers.conftest import sign_in_as
from .test_chat import chat_token, post

CHILD_PHONE = "+447911123456"
OTHER_PHONE = "+447911654321"


def answered_complaint(working_days_ago: int) -> tuple[Representation, str]:
    """A complaint from the child's phone, answered at stage 1 that many working days ago;
    with its secret number."""
    result = submit(Draft(text="Nobody told me my contact with my mum was cancelled.",
                          channel="web", declared_type="complaint", reply_channel="sms",
                          contact=Contact(phone="07911 123456")), actor="web")
    record = db.session.get(Representation, result.representation_id)
    today = SYSTEM_CLOCK.today()
    day = today
    while working_days_between(day, today, nation="england") < working_days_ago:
        day -= timedelta(days=1)
    record.stage1_responded_on = day
    record.case_status = "stage1_responded"
    db.session.commit()
    return record, result.status_secret


def said(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))
                    .split())


def request_of(record: Representation) -> LookAgainRequest:
    db.session.expire_all()
    return db.session.scalar(select(LookAgainRequest).where(
        LookAgainRequest.representation_id == record.id))


def stage2_of(record: Representation) -> ComplaintStage | None:
    return db.session.scalar(select(ComplaintStage).where(
        ComplaintStage.representation_id == record.id))


def case_store_events(record: Representation) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.representation_id == record.id,
        OutboxMessage.kind == "stage2_request")))


def ask_on_status_page(client, record: Representation, secret: str, words: str = ""):
    assert post_form(client, "/status", {"reference": record.reference}).status_code == 302
    answer = post_form(client, "/status/secret", {"secret": secret})
    assert "Ask us to look again" in said(answer)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      answer.get_data(as_text=True)).group(1)
    return client.post("/status/look-again", data={"words": words, "csrf_token": token})


def test_status_page_within_20_working_days_starts_stage2(app, client, fake_rasa):
    record, secret = answered_complaint(working_days_ago=20)
    page = ask_on_status_page(client, record, secret, words="They did not listen to me.")
    text = said(page)
    assert "Someone new will now look again at your complaint" in text
    assert textstat.flesch_kincaid_grade(text) <= 5, text
    started = stage2_of(record)
    assert started is not None and started.started_by == "child"
    request = request_of(record)
    # Stage 2 runs from the working day the child asked (the next one when they asked
    # after the cut-off or on a day off), and the page tells them the day it will finish.
    started_on = clock_start(request.requested_at, nation="england",
                             cutoff=app.config["CUTOFF_TIME"])
    due = stage2_dates(started_on, nation="england").due
    assert (started.started_on, started.due) == (started_on, due)
    assert f"They will finish by {due:%A} {due.day} {due:%B %Y}." in text
    assert request.in_time and request.via == "web" and request.decision == "started"
    assert request.words == "They did not listen to me."
    [event] = case_store_events(record)
    assert event.payload["in_time"] is True and "listen" not in str(event.payload)
    # Once stage 2 runs, the page offers no second request and gives its date instead.
    post_form(client, "/status", {"reference": record.reference})
    answer = said(post_form(client, "/status/secret", {"secret": secret}))
    assert "Ask us to look again" not in answer
    assert "They will finish by" in answer


def test_status_page_after_20_working_days_waits_for_an_officer(app, client, fake_rasa):
    record, secret = answered_complaint(working_days_ago=21)
    text = said(ask_on_status_page(client, record, secret))
    assert "A person will decide what happens next by" in text
    assert textstat.flesch_kincaid_grade(text) <= 5, text
    assert stage2_of(record) is None
    request = request_of(record)
    assert not request.in_time and request.decision is None
    assert case_store_events(record)[0].payload["in_time"] is False
    # Checking again says the same, with the same date.
    post_form(client, "/status", {"reference": record.reference})
    again = said(post_form(client, "/status/secret", {"secret": secret}))
    decide_by = re.search(r"A person will decide what happens next by (\w+ \d+ \w+ \d{4})",
                          text)
    assert decide_by.group(1) in again and "Ask us to look again" not in again
    staff = StaffUser(email="o@council.example", name="Olu", role="officer", active=True)
    db.session.add(staff)
    db.session.commit()
    officer = sign_in_as(app.test_client(), staff)
    # This app outlives requests; give each request a fresh ``g`` as a real server does.
    request_started.connect(_fresh_request_globals, app)
    queue = officer.get("/officers/queue").get_data(as_text=True)
    request_started.disconnect(_fresh_request_globals, app)
    row = queue[queue.index(f"/officers/records/{record.reference}\""):]
    assert "Asked to look again: decide" in row[:row.index("</tr>")]


def test_look_again_by_text_from_the_same_phone_matches_the_status_page(
        app, client, send_sms, fake_rasa):
    by_page, secret = answered_complaint(working_days_ago=3)
    page = said(ask_on_status_page(client, by_page, secret))
    by_text, _secret = answered_complaint(working_days_ago=3)
    reply = said(send_sms(f"look again {by_text.reference.lower()}", sender=CHILD_PHONE))
    assert fake_rasa.received == []  # answered by the gateway, not the bot
    assert "Someone new will now look again at your complaint" in reply
    started = stage2_of(by_text)
    assert started is not None and request_of(by_text).via == "sms"
    # The same sentences and date, whichever way the child asked.
    sentence = re.search(r"They will finish by [^.]+\.", reply).group(0)
    assert sentence in page
    assert len(case_store_events(by_text)) == 1


def test_look_again_by_text_from_another_phone_needs_the_secret(app, send_sms, fake_rasa):
    record, secret = answered_complaint(working_days_ago=1)
    refused = said(send_sms(f"LOOK AGAIN {record.reference}", sender=OTHER_PHONE))
    assert "We could not find that" in refused
    assert request_of(record) is None
    wrong = f"{(int(secret) + 1) % 1_000_000:06d}"
    assert "We could not find that" in said(
        send_sms(f"LOOK AGAIN {record.reference} {wrong}", sender=OTHER_PHONE))
    accepted = said(send_sms(f"LOOK AGAIN {record.reference} {secret}", sender=OTHER_PHONE))
    assert "Someone new will now look again" in accepted
    assert request_of(record).via == "sms"


def test_a_plain_reply_to_the_outcome_text_asks_to_look_again(app, send_sms, fake_rasa):
    record, _secret = answered_complaint(working_days_ago=2)
    reply = said(send_sms("I'm not happy", sender=CHILD_PHONE))
    assert "Someone new will now look again" in reply
    assert stage2_of(record) is not None


def test_a_plain_reply_without_an_answered_complaint_goes_to_the_bot(app, send_sms,
                                                                      fake_rasa):
    reply = said(send_sms("not happy", sender=OTHER_PHONE))
    assert "Hi from the bot" in reply
    assert len(fake_rasa.received) == 1


def test_a_request_before_any_stage1_answer_is_kept_for_an_officer(app, send_sms,
                                                                   fake_rasa):
    record, _secret = answered_complaint(working_days_ago=0)
    record.stage1_responded_on = None
    record.case_status = None
    db.session.commit()
    reply = said(send_sms(f"LOOK AGAIN {record.reference}", sender=CHILD_PHONE))
    assert "A person will decide what happens next by" in reply
    assert request_of(record).decision is None and stage2_of(record) is None


def test_guessing_the_secret_by_text_stops_after_ten_wrong_tries(app, send_sms, fake_rasa):
    record, secret = answered_complaint(working_days_ago=1)
    for guess in range(10):
        wrong = f"{(int(secret) + 1 + guess) % 1_000_000:06d}"
        send_sms(f"LOOK AGAIN {record.reference} {wrong}", sender=OTHER_PHONE)
    refused = said(send_sms(f"LOOK AGAIN {record.reference} {secret}", sender=OTHER_PHONE))
    assert "We could not find that" in refused
    assert request_of(record) is None


def test_look_again_in_the_chat_with_the_secret(app, client, fake_rasa):
    record, secret = answered_complaint(working_days_ago=5)
    token = chat_token(client)
    response = post(client, token, f"Look again {record.reference} {secret}", "m1")
    assert response.status_code == 200
    assert "Someone new will now look again" in " ".join(response.json["replies"])
    assert fake_rasa.received == []
    assert request_of(record).via == "chat" and stage2_of(record) is not None


def flagged_records() -> list[Representation]:
    return list(db.session.scalars(select(Representation).where(
        Representation.safeguarding_flag.is_(True))))


def test_words_on_the_status_page_are_screened_and_a_disclosure_makes_its_own_record(
        app, client, fake_rasa):
    record, secret = answered_complaint(working_days_ago=2)
    text = said(ask_on_status_page(client, record, secret,
                                   words="My foster carer hits me when I ask for help"))
    assert "999" in text and "Childline" in text
    assert "Someone new will now look again" in text
    (disclosure,) = flagged_records()
    assert disclosure.id != record.id and "hits me" in disclosure.text
    assert any(record.reference[:4] in reason for reason in disclosure.triage_detail.triage_reasons)
    assert db.session.scalar(select(OutboxMessage).where(
        OutboxMessage.kind == "safeguarding_alert",
        OutboxMessage.representation_id == disclosure.id)) is not None


def test_a_flagged_look_again_text_gets_the_safety_reply_and_is_still_heard(
        app, send_sms, fake_rasa):
    record, _secret = answered_complaint(working_days_ago=2)
    reply = said(send_sms(f"LOOK AGAIN {record.reference} he hits me at home",
                          sender=CHILD_PHONE))
    assert "999" in reply and "Someone new will now look again" in reply
    assert stage2_of(record) is not None
    assert len(flagged_records()) == 1  # the gateway's record of the message itself
