""""How was it to tell us?": asked once after an outcome, by the child's route; answered by
text or on the email's page; kept apart from records and counted in the reports."""

from __future__ import annotations

import csv
import io
import re

from flask import request_started
from sqlalchemy import inspect, select

from intake_app.domain.draft import Contact, Draft
from intake_app.extensions import db
from intake_app.models import OutboxMessage, Representation, StaffUser, TellingFeedback
from intake_app.services.intake import submit
from intake_app.services.tokens import create_token
from intake_app.services.wall_clock import SYSTEM_CLOCK

from ..conftest import _fresh_request_globals
from ..officers.conftest import sign_in_as

CHILD_PHONE = "+447911123456"


def complaint(reply_channel: str = "sms") -> Representation:
    contact = (Contact(phone="07911 123456") if reply_channel == "sms"
               else Contact(email="sam@example.org"))
    result = submit(Draft(text="Nobody told me my contact with my mum was cancelled.",
                          channel="web", declared_type="complaint",
                          reply_channel=reply_channel, contact=contact), actor="web")
    return db.session.get(Representation, result.representation_id)


def outcome(client, record: Representation, event_id: str = "evt-outcome") -> None:
    token = create_token(f"case-store-{event_id}", scope="case_store").token
    response = client.post(f"/api/v1/cases/{record.reference}/status",
                           headers={"Authorization": f"Bearer {token}"},
                           json={"event_id": event_id, "case_status": "stage1_responded",
                                 "outcome": "not_upheld"})
    assert response.status_code == 201, response.json


def questions(kind: str) -> list[OutboxMessage]:
    return [message for message in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id))
        if message.payload.get("purpose") == "telling_feedback"]


def said(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def test_after_an_outcome_one_text_asks_and_the_first_reply_is_the_answer(
        app, client, send_sms, fake_rasa):
    record = complaint()
    outcome(client, record)
    (question,) = questions("sms")
    assert "How was it to tell us?" in question.payload["body"]
    assert "EASY, OK or HARD" in question.payload["body"]
    # The outcome text says how to ask for a second look.
    assert any("reply LOOK AGAIN" in message.payload.get("body", "")
               for message in db.session.scalars(select(OutboxMessage).where(
                   OutboxMessage.kind == "sms")))
    reply = said(send_sms("Hard. Nobody listened at first", sender=CHILD_PHONE))
    assert "Thank you for telling us" in reply and fake_rasa.received == []
    (answer,) = db.session.scalars(select(TellingFeedback)).all()
    assert (answer.via, answer.ease, answer.words) == ("sms", "hard", "Nobody listened at first")
    assert answer.answered_on == SYSTEM_CLOCK.today()
    # Kept apart: nothing in the answer leads back to a record.
    assert not any("representation" in column.name
                   for column in inspect(TellingFeedback).columns)
    # A later "ok" belongs to a conversation with the bot, not to the question.
    send_sms("ok", sender=CHILD_PHONE)
    assert len(fake_rasa.received) == 1
    assert len(db.session.scalars(select(TellingFeedback)).all()) == 1


def test_no_outcome_no_question_and_an_ok_goes_to_the_bot(app, client, send_sms, fake_rasa):
    complaint()
    send_sms("OK", sender=CHILD_PHONE)
    assert questions("sms") == [] and len(fake_rasa.received) == 1
    assert db.session.scalars(select(TellingFeedback)).all() == []


def test_an_email_links_to_one_question_that_keeps_words_when_no_choice_is_made(
        app, client):
    record = complaint("email")
    outcome(client, record)
    (question,) = questions("email")
    link = re.search(r"https?://\S+/how-was-it/\S+", question.payload["text"]).group(0)
    path = link[link.index("/how-was-it/"):]
    page = client.get(path)
    assert page.status_code == 200 and "Easy" in said(page) and "Hard" in said(page)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    missing = client.post(path, data={"csrf_token": token, "words": "The form was long"})
    assert missing.status_code == 400
    assert "Choose easy, OK or hard" in said(missing) and "The form was long" in said(missing)
    done = client.post(path, data={"csrf_token": token, "ease": "ok",
                                   "words": "The form was long"})
    assert done.status_code == 200 and "Thank you" in said(done)
    (answer,) = db.session.scalars(select(TellingFeedback)).all()
    assert (answer.via, answer.ease) == ("web", "ok")
    assert client.get("/how-was-it/not-a-token").status_code == 404


def test_the_reports_count_the_answers(app, client, send_sms, fake_rasa):
    for event, ease in (("evt-1", "Easy"), ("evt-2", "hard thanks")):
        record = complaint()
        outcome(client, record, event_id=event)
        send_sms(ease, sender=CHILD_PHONE)
    staff = StaffUser(email="m@council.example", name="Mo", role="manager", active=True)
    db.session.add(staff)
    db.session.commit()
    request_started.connect(_fresh_request_globals, app)
    manager = sign_in_as(app.test_client(), staff)
    today = SYSTEM_CLOCK.today()
    response = manager.get(f"/officers/reports/telling_feedback.csv?period=month"
                           f"&year={today.year}&month={today.month}")
    request_started.disconnect(_fresh_request_globals, app)
    rows = {row[1]: row for row in csv.reader(
        io.StringIO(response.get_data().decode("utf-8-sig")))}
    assert rows["easy"][3] == "1" and rows["hard"][3] == "1" and rows["ok"][3] == "0"
    assert rows["total"][3] == "2"


def test_words_on_the_page_are_screened_and_a_disclosure_is_read_by_a_person(app, client):
    record = complaint("email")
    outcome(client, record)
    (question,) = questions("email")
    link = re.search(r"https?://\S+/how-was-it/\S+", question.payload["text"]).group(0)
    path = link[link.index("/how-was-it/"):]
    page = client.get(path)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    done = client.post(path, data={"csrf_token": token, "ease": "hard",
                                   "words": "my foster carer hits me"})
    assert "Call 999" in said(done) and "A person will read" in said(done)
    flagged = db.session.scalars(select(Representation).where(
        Representation.safeguarding_flag.is_(True))).all()
    assert [found.text for found in flagged] == ["my foster carer hits me"]
