"""Following cases: the organisation's list (status, deadlines, RAG and history in plain
words), an email to the advocate through the outbox when the status changes (a real SMTP
server), information added to an open record (audited, screened for safeguarding), and
withdrawing a record at the child's request."""

from __future__ import annotations

import json

import pytest
from flask import Flask, request_started
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, Representation
from intake_app.services.tokens import create_token

from ..conftest import _fresh_request_globals, csrf_token
from ..officers.conftest import sign_in_as
from ..outbox.conftest import drain, forwarding_app, messages  # noqa: F401 - fixture
from ..outbox.test_email import _smtp_settings, smtp_server  # noqa: F401 - fixture
from .conftest import invite_advocate, sign_in_advocate
from .test_submitting_for_a_child import send, sent_record


def post(browser: FlaskClient, path: str, **data: str):
    return browser.post(path, data={"csrf_token": csrf_token(browser, "/advocates/submit"),
                                    **data})


def case_store_says(client: FlaskClient, record: Representation, status: str, event: str):
    token = create_token(f"store-{event}", scope="case_store").token
    response = client.post(f"/api/v1/cases/{record.reference}/status",
                           json={"event_id": event, "case_status": status},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.json


@pytest.fixture
def mail_app(forwarding_app, smtp_server):  # noqa: F811 - fixtures
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port))
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app, mailbox
    request_started.disconnect(_fresh_request_globals, app)


def test_the_list_shows_status_deadlines_rag_and_history_in_plain_words(
        app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser, replies_to="advocate"))
    case_store_says(app.test_client(), record, "stage1_in_progress", "e1")

    page = browser.get("/advocates/").get_data(as_text=True)
    assert record.reference[:4] in page and "Jo" in page
    assert "We are looking into your complaint now." in page
    assert f"Answer by {record.stage1_due.strftime('%d/%m/%Y')}" in page
    assert "rag-green\">On time<" in page
    assert "Sent to the council." in page


@pytest.mark.parametrize(("replies_to", "tells_status"), [("advocate", True),
                                                          ("child", False)])
def test_a_status_change_emails_the_advocate(mail_app, replies_to: str,
                                             tells_status: bool) -> None:
    app, mailbox = mail_app
    browser = sign_in_advocate(app.test_client(), invite_advocate("sam@nyas.example", "nyas"))
    record = sent_record(send(browser, replies_to=replies_to))
    drain(app)
    before = len(mailbox.messages)

    case_store_says(app.test_client(), record, "stage1_in_progress", "e1")
    drain(app)

    to_advocate = [message for message in mailbox.messages[before:]
                   if message["To"] == "sam@nyas.example"]
    assert len(to_advocate) == 1
    assert "its status changed" in to_advocate[0]["Subject"]
    text = to_advocate[0].get_body(("plain",)).get_content()
    assert ("We are looking into your complaint now." in text) is tells_status


def test_information_added_is_a_new_audited_entry_the_officers_see(
        app: Flask, advocate_client, make_staff) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser))
    path = f"/advocates/submissions/{record.reference}"

    empty = post(browser, f"{path}/information", information="  ")
    assert empty.status_code == 400
    assert "Write the information to add" in empty.get_data(as_text=True)
    added = post(browser, f"{path}/information",
                 information="Jo has now been told she must move on Friday")
    assert added.status_code == 302
    assert "must move on Friday" in browser.get(path).get_data(as_text=True)
    assert record.text.startswith("I have had four social workers")  # nothing edited

    officer = sign_in_as(app.test_client(), make_staff("officer"))
    case_page = officer.get(f"/officers/records/{record.reference}").get_data(as_text=True)
    assert "must move on Friday" in case_page
    assert db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.action == "advocate.information_added")).all() == [
        "advocate.information_added"]


def test_added_information_is_screened_for_safeguarding(app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser))
    assert not record.safeguarding_flag
    post(browser, f"/advocates/submissions/{record.reference}/information",
         information="Jo says her carer hits her when she comes home late")
    db.session.refresh(record)
    assert record.safeguarding_flag and record.priority == "urgent"
    assert len(messages("safeguarding_alert")) == 1


def test_withdrawing_at_the_childs_request_closes_the_record_to_additions(
        app: Flask, advocate_client) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser))
    path = f"/advocates/submissions/{record.reference}"

    no_reason = post(browser, f"{path}/withdraw", reason="")
    assert no_reason.status_code == 400
    assert "Say why the child wants to withdraw it" in no_reason.get_data(as_text=True)
    assert post(browser, f"{path}/withdraw",
                reason="Jo sorted it out with her social worker").status_code == 302
    db.session.refresh(record)
    assert record.status == "withdrawn" and record.withdrawn_at is not None
    page = browser.get(path).get_data(as_text=True)
    assert "Withdrawn." in page and "Add to the record" not in page
    late = post(browser, f"{path}/information", information="One more thing")
    assert late.status_code == 400
    assert "no longer open" in late.get_data(as_text=True)


def test_another_organisation_cannot_add_to_or_withdraw_a_record(
        app: Flask, advocate_client) -> None:
    ours = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(ours))
    theirs = advocate_client("ali@barnardos.example", "barnardos")
    path = f"/advocates/submissions/{record.reference}"
    assert post(theirs, f"{path}/information", information="x").status_code == 404
    assert post(theirs, f"{path}/withdraw", reason="x").status_code == 404
    db.session.refresh(record)
    assert record.status != "withdrawn"


def test_subject_access_includes_what_the_advocate_told_us(
        app: Flask, advocate_client, tmp_path) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    record = sent_record(send(browser))
    post(browser, f"/advocates/submissions/{record.reference}/information",
         information="Jo would like the meeting at school")
    output = tmp_path / "export.json"
    result = app.test_cli_runner().invoke(args=["records", "export", "--reference",
                                                record.reference, "--output", str(output)])
    assert result.exit_code == 0, result.output
    (held,) = json.loads(output.read_text())["records"]
    (details,) = held["advocate_submission"]
    assert details["child_name"] == "Jo" and details["replies_to"] == "both"
    assert details["sharing"].startswith("Everything here")
    assert [row["body"] for row in held["advocate_additions"]] == [
        "Jo would like the meeting at school"]
