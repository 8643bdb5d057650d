"""Stages 2 and 3 as officers work them: starting, extending, pausing and restarting each
clock on the working-day calendar, who investigates, the review panel's dates, Wales'
two stages, and the queue's colour for the stage that is running."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from intake_app.domain.calendar import add_working_days, date_in_words, working_days_between
from intake_app.domain.draft import Contact
from intake_app.domain.stages import stage2_dates, stage3_dates
from intake_app.extensions import db
from intake_app.models import AuditEvent, ComplaintStage, OutboxMessage
from intake_app.services.wall_clock import SYSTEM_CLOCK

from .conftest import sign_in_as
from .test_case_view import make_record, page_text

ACTIONS = {"record_extension_agreement": "extension-agreement",
           "finish_stage": "finish-stage", "record_panel_dates": "panel-dates",
           "start_stage2": "start-stage2", "extend_stage2": "extend-stage2",
           "pause_stage": "pause-stage", "resume_stage": "resume-stage",
           "record_stage2_people": "stage2-people", "start_stage3": "start-stage3",
           "extend_deadline": "extend-deadline", "decline_look_again": "decline-look-again"}


@pytest.fixture
def client(app, make_staff):
    return sign_in_as(app.test_client(), make_staff("officer", name="Olu Officer"))


def act(client, record, action: str, data: dict):
    path = f"/officers/records/{record.reference}"
    page = client.get(path).get_data(as_text=True)
    token = re.search(r'name="[a-z_0-9]+-csrf_token" type="hidden" value="([^"]+)"',
                      page).group(1)
    fields = {f"{action}-{name}": value for name, value in data.items()}
    fields[f"{action}-csrf_token"] = token
    return client.post(f"{path}/{ACTIONS[action]}", data=fields)


def stage(record, key: str = "stage2_in_progress") -> ComplaintStage:
    db.session.expire_all()
    return db.session.scalar(select(ComplaintStage).where(
        ComplaintStage.representation_id == record.id, ComplaintStage.stage == key))


def texts_to_child(record) -> list[str]:
    return [message.payload["body"] for message in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.representation_id == record.id,
                                    OutboxMessage.kind == "sms").order_by(OutboxMessage.id))]


def sms_record(**overrides):
    return make_record(reply_channel="sms", contact=Contact(phone="07911 123456"), **overrides)


def test_officer_starts_stage2_and_the_child_is_told_the_date(app, client):
    record = sms_record()
    response = act(client, record, "start_stage2", {"reason": "She asked by phone."})
    assert response.status_code == 302
    today = SYSTEM_CLOCK.today()
    running = stage(record)
    assert running.due == stage2_dates(today, nation="england").due
    assert running.extended_due == add_working_days(today, 65, nation="england")
    assert record.case_status == "stage2_in_progress"
    page = page_text(client.get(f"/officers/records/{record.reference}"))
    assert "officer's decision" in page and date_in_words(running.due) in page
    news = texts_to_child(record)[-1]
    assert "Someone new will now look again at your complaint" in news
    assert "She asked" not in news  # the officer's words never go to the child
    event = db.session.scalar(select(OutboxMessage).where(
        OutboxMessage.kind == "stage2_request", OutboxMessage.representation_id == record.id))
    assert event.payload["requested_by"] == "officer"
    # A second start is refused with a message beside the field.
    again = act(client, record, "start_stage2", {"reason": "Again"})
    assert again.status_code == 400 and "Stage 2 has already started." in page_text(again)


def test_stage2_extension_to_65_working_days_records_agreement_and_tells_the_child(
        app, client):
    record = sms_record()
    act(client, record, "start_stage2", {"reason": "Officer decided."})
    response = act(client, record, "extend_stage2", {
        "reason": "Witness away", "reason_for_child": "waiting_information",
        "agreed": "agreed"})
    assert response.status_code == 302
    running = stage(record)
    assert running.extended and running.extension_agreed == "agreed"
    assert running.due_in_force == running.extended_due
    news = texts_to_child(record)[-1]
    assert "needs more time" in news and "waiting for some information" in news
    assert "Witness" not in news
    page = page_text(client.get(f"/officers/records/{record.reference}"))
    assert "They agreed" in page


def test_pausing_and_restarting_stage2_moves_its_dates_by_working_days(app, client):
    record = sms_record()
    act(client, record, "start_stage2", {"reason": "Officer decided."})
    before = stage(record)
    due, extended_due = before.due, before.extended_due
    today = SYSTEM_CLOCK.today()
    assert act(client, record, "pause_stage", {
        "stage": "stage2_in_progress", "paused_on": today.isoformat(),
        "reason": "Advocate", "reason_for_child": "advocate"}).status_code == 302
    assert "stopped the clock" in texts_to_child(record)[-1]
    page = page_text(client.get(f"/officers/records/{record.reference}"))
    assert "Clock paused: Advocate" in page
    # Restarting on the day it paused costs nothing.
    assert act(client, record, "resume_stage", {
        "stage": "stage2_in_progress", "resumed_on": today.isoformat()}).status_code == 302
    after = stage(record)
    assert (after.due, after.extended_due, after.paused_on) == (due, extended_due, None)
    assert "started again" in texts_to_child(record)[-1]
    wrong = act(client, record, "resume_stage", {"stage": "stage2_in_progress",
                                                 "resumed_on": today.isoformat()})
    assert wrong.status_code == 400 and "The clock is not paused." in page_text(wrong)


def test_investigating_officer_and_independent_person_are_kept_for_officers_only(
        app, client):
    record = sms_record()
    act(client, record, "start_stage2", {"reason": "Officer decided."})
    record.procedure = "statutory"
    db.session.commit()
    missing = page_text(client.get(f"/officers/records/{record.reference}"))
    assert "Not set: a statutory stage 2 in England needs one" in missing
    act(client, record, "record_stage2_people", {"investigating_officer": "Ann Inv",
                                                 "independent_person": "Ian Dee"})
    page = page_text(client.get(f"/officers/records/{record.reference}"))
    assert "Ann Inv" in page and "Ian Dee" in page
    assert "needs one" not in page
    assert not any("Ann" in text for text in texts_to_child(record))
    event = db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "record.stage2_people"))
    assert event.after == {"investigating_officer": True, "independent_person": True}


def test_review_panel_dates_follow_the_request(app, client):
    record = sms_record()
    act(client, record, "start_stage2", {"reason": "Officer decided."})
    asked = SYSTEM_CLOCK.today() - timedelta(days=1)
    response = act(client, record, "start_stage3", {"requested_on": asked.isoformat()})
    assert response.status_code == 302
    panel = stage(record, "stage3_panel")
    expected = stage3_dates(asked, nation="england")
    assert (panel.due, panel.report_due, panel.response_due) == (
        expected.panel_due, expected.report_due, expected.response_due)
    assert stage(record).finished_on == asked
    assert "They will meet by" in texts_to_child(record)[-1]


def test_the_queue_colours_a_running_stage2_by_its_own_deadline(app, client):
    record = sms_record()
    record.stage1_responded_on = SYSTEM_CLOCK.today()
    db.session.commit()
    act(client, record, "start_stage2", {"reason": "Officer decided."})
    body = client.get("/officers/queue").get_data(as_text=True)
    row = body[body.index(f'/officers/records/{record.reference}"'):]
    row = row[:row.index("</tr>")]
    assert stage(record).due.isoformat() in row
    assert "rag-green" in row and "Stage 2" in row


def test_wales_has_no_stage1_extension_no_stage2_extension_and_no_panel(app, client):
    app.config["NATION"] = "wales"
    record = sms_record()
    refused = act(client, record, "extend_deadline", {"reason": "More time"})
    assert refused.status_code == 400
    assert "Stage 1 cannot be extended here" in page_text(refused)
    act(client, record, "start_stage2", {"reason": "Formal investigation."})
    running = stage(record)
    assert running.due == add_working_days(SYSTEM_CLOCK.today(), 25, nation="wales")
    assert running.extended_due is None
    page = client.get(f"/officers/records/{record.reference}").get_data(as_text=True)
    assert "extend-stage2" not in page and "start-stage3" not in page


def test_reports_count_requests_to_look_again_and_each_stage(app, client, make_staff):
    from intake_app.services.complaint_stages import ask_to_look_again

    waiting = sms_record()
    ask_to_look_again(waiting, via="sms", language="en")  # no stage 1 answer: an officer decides
    started = sms_record()
    act(client, started, "start_stage2", {"reason": "Officer decided."})
    act(client, started, "extend_stage2", {"reason": "More", "agreed": "not_asked",
                                           "reason_for_child": "more_time"})
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    today = SYSTEM_CLOCK.today()
    response = manager.get(f"/officers/reports/later_stages.csv?period=month"
                           f"&year={today.year}&month={today.month}")
    rows = {row[1]: row[3] for row in csv.reader(
        io.StringIO(response.get_data().decode("utf-8-sig")))}
    assert (rows["asked"], rows["in_time"], rows["waiting"]) == ("1", "0", "1")
    assert (rows["stage2"], rows["stage2_extended"], rows["stage3"]) == ("1", "1", "0")


def test_the_panel_meeting_sets_the_report_and_response_dates_and_the_child_hears(
        app, client):
    record = sms_record()
    act(client, record, "start_stage2", {"reason": "Officer decided."})
    today = SYSTEM_CLOCK.today()
    asked = today - timedelta(days=1)
    act(client, record, "start_stage3", {"requested_on": asked.isoformat()})
    response = act(client, record, "record_panel_dates", {"panel_met_on": today.isoformat(),
                                                          "report_sent_on": ""})
    assert response.status_code == 302
    panel = stage(record, "stage3_panel")
    expected = stage3_dates(asked, nation="england", panel_met_on=today)
    assert (panel.report_due, panel.response_due) == (expected.report_due,
                                                       expected.response_due)
    assert "We will send you our answer by" in texts_to_child(record)[-1]
    wrong = act(client, record, "record_panel_dates", {
        "panel_met_on": today.isoformat(), "report_sent_on": asked.isoformat()})
    assert wrong.status_code == 400
    assert "Choose a day from the meeting to today." in page_text(wrong)
    assert act(client, record, "finish_stage", {"stage": "stage3_panel",
                                                "finished_on": today.isoformat()}
               ).status_code == 302
    assert stage(record, "stage3_panel").finished_on == today


def test_a_finished_stage2_is_counted_in_working_days(app, client, make_staff):
    record = sms_record()
    act(client, record, "start_stage2", {"reason": "Officer decided."})
    today = SYSTEM_CLOCK.today()
    started = stage(record)
    started.started_on = today - timedelta(days=14)
    db.session.commit()
    act(client, record, "finish_stage", {"stage": "stage2_in_progress",
                                         "finished_on": today.isoformat()})
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    response = manager.get(f"/officers/reports/later_stages.csv?period=month"
                           f"&year={today.year}&month={today.month}")
    rows = {row[1]: row[3] for row in csv.reader(
        io.StringIO(response.get_data().decode("utf-8-sig")))}
    expected = working_days_between(today - timedelta(days=14), today, nation="england")
    assert float(rows["stage2_average_days"]) == expected


def test_the_childs_answer_about_an_extension_can_be_saved_after_asking(app, client):
    record = sms_record()
    act(client, record, "extend_deadline", {"reason": "More time", "agreed": "not_asked"})
    assert record.stage1_extension_agreed == "not_asked"
    response = act(client, record, "record_extension_agreement", {"stage": "stage1",
                                                                   "agreed": "did_not_agree"})
    assert response.status_code == 302
    db.session.expire_all()
    assert record.stage1_extension_agreed == "did_not_agree"
    assert "They did not agree" in page_text(
        client.get(f"/officers/records/{record.reference}"))
    refused = act(client, record, "record_extension_agreement",
                  {"stage": "stage2_in_progress", "agreed": "agreed"})
    assert refused.status_code == 400
    assert "That stage has not been extended." in page_text(refused)


def test_a_stage2_the_case_store_reports_is_kept_with_its_deadline(app, client):
    from intake_app.services.tokens import create_token

    record = sms_record()
    due = add_working_days(SYSTEM_CLOCK.today(), 30, nation="england")
    token = create_token("case-store", scope="case_store").token
    response = app.test_client().post(
        f"/api/v1/cases/{record.reference}/status",
        headers={"Authorization": f"Bearer {token}"},
        json={"event_id": "evt-s2", "case_status": "stage2_in_progress",
              "deadlines": {"stage2_due": due.isoformat()}})
    assert response.status_code == 201, response.json
    running = stage(record)
    assert running.started_by == "case_store" and running.due == due
    page = page_text(client.get(f"/officers/records/{record.reference}"))
    assert date_in_words(due) in page
