"""The case.v1 document: valid against the published schema, and minimal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from intake_app.extensions import db
from intake_app.models import ChannelMessage, Conversation
from intake_app.outbox.adapters.case_document import build_case_document

from .conftest import add_record

SCHEMA_PATH = Path(__file__).parents[2] / "docs" / "schemas" / "case.v1.json"


@pytest.fixture
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_document_with_contact_details_is_valid_case_v1(forwarding_app, validator):
    with forwarding_app().app_context():
        record = add_record(reply_channel="sms", safeguarding=True,
                            contact={"name": "Sam", "phone": "+447911123456", "email": "",
                                     "address": ""})
        document = build_case_document(record, idempotency_key=f"{record.reference}:case")
    validator.validate(document)
    assert document["reply"]["contact"] == {"name": "Sam", "phone": "+447911123456"}
    # Officers plan calls and voicemail from these: when it is safe to get in touch.
    assert document["reply"]["contact_safety"] == {"times": ["after_school"],
                                                   "leave_message": False, "note": ""}
    assert document["safeguarding"]["flagged"] is True
    assert document["deadlines"]["stage1_due"] == "2026-12-10"
    assert document["received_at"] == "2026-11-26T10:00:00Z"


def test_no_contact_details_when_the_person_chose_no_reply(forwarding_app, validator):
    with forwarding_app().app_context():
        # Details typed before the person changed their mind must not travel.
        record = add_record(reply_channel="none", contact={"phone": "+447911123456"})
        document = build_case_document(record, idempotency_key="X:case")
    validator.validate(document)
    assert document["reply"]["contact"] is None


def test_schema_refuses_contact_details_when_no_reply_was_chosen(forwarding_app, validator):
    with forwarding_app().app_context():
        record = add_record(reply_channel="sms", contact={"phone": "+447911123456"})
        document = build_case_document(record, idempotency_key="X:case")
    document["reply"]["channel"] = "none"
    assert not validator.is_valid(document)


def test_bot_cases_carry_the_conversation_transcript(forwarding_app, validator):
    with forwarding_app().app_context():
        conversation = Conversation(public_id="conv-1", channel="chat")
        db.session.add(conversation)
        db.session.flush()
        for direction, body in (("inbound", "hi"), ("outbound", "Hello, what happened?"),
                                ("inbound", "nobody calls me back")):
            db.session.add(ChannelMessage(conversation_id=conversation.id,
                                          direction=direction, body=body))
        record = add_record(channel="chat", conversation_id=conversation.id)
        document = build_case_document(record, idempotency_key="X:case")
    validator.validate(document)
    assert [line["body"] for line in document["transcript"]] == [
        "hi", "Hello, what happened?", "nobody calls me back"]
