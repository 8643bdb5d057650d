"""Subject access: a manager downloads everything held about a record, or about a phone
number, as JSON; the export is audited; nobody else may."""

from __future__ import annotations

import json

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.domain.draft import Contact, Draft
from intake_app.extensions import db
from intake_app.models import AuditEvent, ChannelMessage, Conversation, Representation
from intake_app.services import casework
from intake_app.services.intake import submit
from intake_app.services.protection import encrypt_json, lookup_hash

from ..conftest import csrf_token
from .conftest import as_staff, sign_in_as

PAGE = "/officers/subject-access"
PHONE = "+447911123456"
TEXT = "My personal adviser missed three meetings about my flat"
CHAT_TEXT = "hi can someone ring me about my pathway plan"


def web_record(phone: str = "07911 123456", text: str = TEXT) -> Representation:
    reference = submit(Draft(text=text, channel="web", declared_type="complaint",
                             reply_channel="sms", contact=Contact(phone=phone)),
                       actor="web").reference
    return db.session.scalars(select(Representation).where(
        Representation.reference == reference)).one()


def chat_record_from(phone: str) -> Representation:
    """A text conversation from ``phone`` that became a record with no contact of its own."""
    conversation = Conversation(public_id="sar-chat", channel="sms",
                                phone_encrypted=encrypt_json(phone),
                                phone_lookup_hash=lookup_hash(phone))
    db.session.add(conversation)
    db.session.flush()
    db.session.add(ChannelMessage(conversation_id=conversation.id, direction="inbound",
                                  body=CHAT_TEXT))
    db.session.commit()
    reference = submit(Draft(text=CHAT_TEXT, channel="sms", conversation_id=conversation.id),
                       actor="gateway").reference
    return db.session.scalars(select(Representation).where(
        Representation.reference == reference)).one()


def download(client: FlaskClient, **fields: str):
    return client.post(PAGE, data={"reference": "", "phone": "", **fields,
                                   "csrf_token": csrf_token(client, PAGE)})


def exports_recorded() -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "record.subject_access_exported")))


def test_a_manager_downloads_everything_about_a_record(app: Flask, make_staff) -> None:
    record = web_record()
    officer = make_staff("officer")
    casework.add_note(record, casework.Officer(officer.id, f"staff:{officer.id}"),
                      "Left a message with the adviser's manager")
    manager = make_staff("manager")
    client = sign_in_as(app.test_client(), manager)

    response = download(client, reference=record.reference.lower())
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    document = response.get_json()
    (held,) = document["records"]
    assert held["record"]["text"] == TEXT
    assert held["contact"]["contact"]["phone"] == PHONE
    assert "phone_lookup_hash" not in held["contact"]
    assert held["triage"]["triage_reasons"] and held["triage"]["model_version"]
    assert held["triage"]["triage"]["type"] == held["record"]["type"]
    assert [note["body"] for note in held["notes"]] == ["Left a message with the adviser's "
                                                         "manager"]
    assert {message["kind"] for message in held["outbox_messages"]} >= {"case", "sms"}
    assert {event["action"] for event in held["audit_events"]} >= {"record.note_added"}
    (event,) = exports_recorded()
    assert event.actor == f"staff:{manager.id}" and event.representation_id == record.id


def test_by_phone_it_finds_forms_and_conversations_from_that_number_only(
        app: Flask, make_staff) -> None:
    form = web_record()
    chat = chat_record_from(PHONE)
    web_record(phone="07911 765432", text="Somebody else's complaint about transport")
    client = as_staff(app, make_staff, "manager")

    document = download(client, phone="07911 123456").get_json()
    assert sorted(held["reference"] for held in document["records"]) == sorted(
        [form.reference, chat.reference])
    (from_chat,) = [held for held in document["records"] if held["reference"] == chat.reference]
    assert [message["body"] for message in from_chat["conversation"]["messages"]] == [
        CHAT_TEXT]
    assert from_chat["conversation"]["phone"] == PHONE
    assert len(exports_recorded()) == 2
    audit_text = json.dumps([[event.before, event.after] for event in
                             db.session.scalars(select(AuditEvent))])
    assert "7911123456" not in audit_text


def test_what_cannot_be_found_is_said_beside_the_field(app: Flask, make_staff) -> None:
    client = as_staff(app, make_staff, "manager")
    page = download(client, reference="ZZZZ-ZZZZ").get_data(as_text=True)
    assert "No record has that reference." in page
    both = download(client, reference="ABCD-EFGH", phone="07911 123456").get_data(as_text=True)
    assert "Enter a reference or a phone number (one of them)." in both
    assert exports_recorded() == []


def test_staff_without_the_manager_role_get_403(app: Flask, make_staff) -> None:
    record = web_record()
    for role in ("officer", "admin", "advocate"):
        client = as_staff(app, make_staff, role)
        assert client.get(PAGE).status_code == 403
        token = csrf_token(client, "/officers/two-factor/setup")
        refused = client.post(PAGE, data={"reference": record.reference, "csrf_token": token})
        assert refused.status_code == 403
        assert TEXT not in refused.get_data(as_text=True)
    assert exports_recorded() == []


def test_the_command_line_exports_the_same_document(app: Flask, tmp_path) -> None:
    record = web_record()
    output = tmp_path / "export.json"
    result = app.test_cli_runner().invoke(args=["records", "export", "--reference",
                                                record.reference, "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.stat().st_mode & 0o077 == 0
    (held,) = json.loads(output.read_text())["records"]
    assert held["record"]["text"] == TEXT
    (event,) = exports_recorded()
    assert event.actor == "cli"
    refused = app.test_cli_runner().invoke(args=["records", "export"])
    assert refused.exit_code != 0
