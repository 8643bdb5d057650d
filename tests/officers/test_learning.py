"""Learning from closed records: officers add learning points, owners are reminded by
email through the outbox worker's sweep (a real SMTP server), managers mark them done,
and the reports count open and overdue actions and the themes rising and falling."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask, request_started

from intake_app.extensions import db
from intake_app.models import LearningAction, OutboxMessage, Representation
from intake_app.outbox.worker import run_once
from intake_app.services.wall_clock import SYSTEM_CLOCK

from ..conftest import _fresh_request_globals, dispose, make_app
from ..outbox.test_email import _smtp_settings, smtp_server  # noqa: F401 (the SMTP fixture)
from .conftest import sign_in_as
from .test_case_view import make_record


@pytest.fixture
def mail_app(tmp_path: Path, smtp_server) -> Iterator[tuple[Flask, object]]:  # noqa: F811
    port, mailbox = smtp_server
    app = make_app(tmp_path, **_smtp_settings(port), LEARNING_REMINDER_DAYS=7,
                   PUBLIC_BASE_URL="https://complaints.council.example")
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app, mailbox
    request_started.disconnect(_fresh_request_globals, app)
    dispose(app)


def closed(record: Representation) -> Representation:
    """The case store said the case is closed (what its status callback records)."""
    record.case_status = "closed"
    db.session.commit()
    return record


def add_learning(client, record: Representation, data: dict):
    path = f"/officers/records/{record.reference}/after"
    page = client.get(path).get_data(as_text=True)
    token = re.search(r'name="learning-csrf_token" type="hidden" value="([^"]+)"', page)
    fields = {f"learning-{name}": value for name, value in data.items()}
    return client.post(f"/officers/records/{record.reference}/learning",
                       data=fields | {"learning-csrf_token": token.group(1) if token else ""})


def report_rows(client, table: str) -> list[list[str]]:
    today = SYSTEM_CLOCK.today()
    response = client.get(f"/officers/reports/{table}.csv?period=month"
                          f"&year={today.year}&month={today.month}")
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))[1:]


def test_learning_waits_until_the_record_is_closed(app, make_staff) -> None:
    officer = make_staff("officer")
    client = sign_in_as(app.test_client(), officer)
    record = make_record()
    page = html.unescape(client.get(f"/officers/records/{record.reference}/after")
                         .get_data(as_text=True))
    assert "Learning points can be added once the record is closed." in page
    refused = add_learning(client, record, {
        "theme": "communication", "action": "Call back within a day",
        "owner": str(officer.id), "due_on": SYSTEM_CLOCK.today().isoformat()})
    assert refused.status_code == 400
    assert db.session.query(LearningAction).count() == 0


def test_an_owner_is_reminded_once_and_a_manager_marks_it_done(mail_app, make_staff) -> None:
    app, mailbox = mail_app
    officer = make_staff("officer")
    owner = make_staff("officer", email="team.lead@council.example", name="Team Lead")
    client = sign_in_as(app.test_client(), officer)
    record = closed(make_record())
    due = SYSTEM_CLOCK.today() + timedelta(days=3)
    response = add_learning(client, record, {
        "theme": "communication", "action": "Social workers return calls within a day",
        "owner": str(owner.id), "due_on": due.isoformat()})
    assert response.status_code == 302
    for _ in range(3):  # the sweep runs on every poll; the reminder is queued once
        run_once(app)
    reminders = db.session.query(OutboxMessage).filter_by(kind="learning_reminder").all()
    assert [row.state for row in reminders] == ["delivered"]
    (message,) = mailbox.messages
    assert mailbox.recipients == [["team.lead@council.example"]]
    text = message.get_body(("plain",)).get_content()
    assert "due soon" in text and "Social workers return calls within a day" in text

    manager = sign_in_as(app.test_client(), make_staff("manager"))
    listing = manager.get("/officers/learning").get_data(as_text=True)
    assert "Social workers return calls within a day" in listing
    rows = {row[1]: row[3] for row in report_rows(manager, "learning_actions")}
    assert (rows["added"], rows["open"], rows["done"]) == ("1", "1", "0")
    action = db.session.query(LearningAction).one()
    page = manager.get("/officers/learning")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    assert manager.post(f"/officers/learning/{action.id}/done",
                        data={"csrf_token": token}).status_code == 302
    assert "No open learning actions." in manager.get("/officers/learning").get_data(
        as_text=True)
    rows = {row[1]: row[3] for row in report_rows(manager, "learning_actions")}
    assert (rows["open"], rows["done"]) == ("0", "1")


def test_an_overdue_action_is_reminded_as_overdue(mail_app, make_staff) -> None:
    app, mailbox = mail_app
    owner = make_staff("officer", email="owner@council.example")
    record = closed(make_record())
    db.session.add(LearningAction(
        representation_id=record.id, theme="delay", action="Laptops ordered within a week",
        owner_id=owner.id, due_on=SYSTEM_CLOCK.today() - timedelta(days=2),
        added_by_id=owner.id, added_on=SYSTEM_CLOCK.today() - timedelta(days=30)))
    db.session.commit()
    run_once(app)
    run_once(app)
    (message,) = mailbox.messages
    assert "overdue" in message.get_body(("plain",)).get_content()
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    assert "(overdue)" in manager.get("/officers/learning").get_data(as_text=True)
    rows = {row[1]: row[3] for row in report_rows(manager, "learning_actions")}
    assert rows["overdue"] == "1"


def test_themes_put_what_is_rising_first(app, make_staff) -> None:
    today = SYSTEM_CLOCK.today()
    last_month = today.replace(day=1) - timedelta(days=3)
    for category, when in (("contact", today), ("contact", today), ("delay", last_month)):
        record = make_record()
        record.primary_category = category
        record.received_at = record.received_at.replace(
            year=when.year, month=when.month, day=when.day)
    db.session.commit()
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    rows = report_rows(manager, "themes")
    keys = [row[1] for row in rows]
    assert keys[0] == "category:contact" and keys[-1] == "category:delay"
    first = rows[0]
    assert (first[3], first[4], first[5]) == ("2", "0", "2")
