"""The one submit path: what every channel relies on."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from intake_app.domain.draft import Contact, ContactSafety, Draft, OnBehalf
from intake_app.domain.references import normalise
from intake_app.extensions import db
from intake_app.models import AuditEvent, OutboxMessage, Representation, RepresentationContact
from intake_app.services import intake
from intake_app.services.intake import InvalidDraft, submit
from intake_app.services.protection import decrypt_json, lookup_hash


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def draft(**overrides) -> Draft:
    values = {"text": "Nobody told me my contact with my mum was cancelled.", "channel": "web",
              "declared_type": "complaint", "service_area": "children_in_care"}
    values.update(overrides)
    return Draft(**values)


def test_submit_saves_record_audit_and_outbox_together(app):
    result = submit(draft(), actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert normalise(result.reference_display) == record.reference
    assert record.text.startswith("Nobody told me")
    # An ordinary, declared complaint: confident triage, no review, ready to forward.
    assert (record.status, record.needs_review, result.status) == ("triaged", False, "triaged")
    assert record.acknowledgement_due is not None and record.stage1_due > record.clock_start
    events = db.session.scalars(select(AuditEvent)).all()
    assert [event.action for event in events] == ["representation.submitted"]
    assert events[0].representation_id == record.id
    kinds = {row.kind for row in db.session.scalars(select(OutboxMessage))}
    assert "case" in kinds
    case_row = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "case")).one()
    assert case_row.idempotency_key == f"{record.reference}:case"


def test_same_draft_submitted_twice_makes_one_record(app):
    first = submit(draft(submission_key="draft-123"), actor="web")
    second = submit(draft(submission_key="draft-123"), actor="web")
    assert first.created and not second.created
    assert first.reference == second.reference
    assert count(Representation) == 1
    # One case message, as after a single submit: the repeat queued nothing more.
    assert db.session.scalars(select(OutboxMessage.kind)).all() == ["case"]
    assert db.session.scalars(select(AuditEvent.action)).all() == ["representation.submitted"]


def test_nothing_is_written_when_the_outbox_write_fails(app, monkeypatch):
    def broken_enqueue(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(intake, "enqueue", broken_enqueue)
    with pytest.raises(RuntimeError):
        submit(draft(), actor="web")
    assert count(Representation) == 0
    assert count(AuditEvent) == 0
    assert count(OutboxMessage) == 0


def test_nothing_is_written_when_the_audit_write_fails(app, monkeypatch):
    def broken_audit(*args, **kwargs):
        raise RuntimeError("audit table locked")

    monkeypatch.setattr(intake, "record_event", broken_audit)
    with pytest.raises(RuntimeError):
        submit(draft(), actor="web")
    assert count(Representation) == 0
    assert count(OutboxMessage) == 0


def test_markup_is_stripped_and_stored_as_plain_text(app):
    result = submit(draft(text="<script>alert('x')</script>He <b>shouted</b> at me & I <3 my "
                                "cat"), actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert "<" not in record.text.replace("<3", "")
    assert "He shouted at me & I <3 my cat" in record.text


def test_empty_and_over_long_text_are_refused_with_codes(app):
    with pytest.raises(InvalidDraft) as empty:
        submit(draft(text="   "), actor="web")
    assert empty.value.errors == {"text": "required"}
    with pytest.raises(InvalidDraft) as long:
        submit(draft(text="a" * (app.config["TEXT_MAX_CHARS"] + 1)), actor="web")
    assert long.value.errors == {"text": "too_long"}
    assert count(Representation) == 0


def test_markup_only_text_counts_as_empty(app):
    with pytest.raises(InvalidDraft) as error:
        submit(draft(text="<img src=x onerror=alert(1)>"), actor="web")
    assert error.value.errors == {"text": "required"}


def test_invalid_phone_and_email_are_refused(app):
    with pytest.raises(InvalidDraft) as phone:
        submit(draft(reply_channel="sms", contact=Contact(phone="12345")), actor="web")
    assert phone.value.errors == {"phone": "invalid_mobile"}
    with pytest.raises(InvalidDraft) as email:
        submit(draft(reply_channel="email", contact=Contact(email="me@")), actor="web")
    assert email.value.errors == {"email": "invalid_email"}


def test_contact_details_are_encrypted_at_rest_and_phone_is_found_by_keyed_hash(app):
    result = submit(draft(reply_channel="sms", contact=Contact(phone="07911 123456")),
                    actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert b"7911123456" not in record.contact.contact_encrypted
    assert decrypt_json(record.contact.contact_encrypted)["phone"] == "+447911123456"
    assert record.contact.phone_lookup_hash == lookup_hash("+447911123456")
    found = db.session.scalars(select(Representation).join(Representation.contact).where(
        RepresentationContact.phone_lookup_hash == lookup_hash("+447911123456"))).one()
    assert found.id == record.id


def test_anonymous_sender_gets_no_message_rows_and_no_contact_kept(app):
    result = submit(draft(reply_channel="none", contact=Contact(phone="07911 123456")),
                    actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert record.contact.contact_encrypted is None and record.contact.phone_lookup_hash is None
    kinds = {row.kind for row in db.session.scalars(select(OutboxMessage))}
    assert not kinds & {"sms", "email"}
    assert "can not reply" in result.acknowledgement_text


def test_reply_by_text_queues_an_sms_acknowledgement_with_the_reference(app):
    result = submit(draft(reply_channel="sms", contact=Contact(phone="07911 123456")),
                    actor="web")
    sms = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "sms")).one()
    assert result.reference_display in sms.payload["body"]
    assert "+447911123456" not in str(sms.payload)  # the worker decrypts at send time


def test_advocate_request_queues_a_referral(app):
    submit(draft(advocate="yes", advocate_provider="coram_voice"), actor="web")
    submit(draft(advocate="help_me_choose", text="I want help to complain about my placement"),
           actor="web")
    referrals = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "advocacy_referral")).all()
    assert sorted(row.payload["provider"] for row in referrals) == ["coram_voice",
                                                                    "help_me_choose"]


def test_helper_details_and_contact_safety_are_kept(app):
    helper = OnBehalf(helper_name="Priya", organisation="NYAS", relationship="advocate",
                      consent="We talked and Jay asked me to send it")
    result = submit(draft(role="advocate", on_behalf=helper, reply_channel="sms",
                          contact=Contact(phone="07911 123456"),
                          contact_safety=ContactSafety(times=("after_school",),
                                                       leave_message=False,
                                                       note="only text")), actor="advocate")
    record = db.session.get(Representation, result.representation_id)
    assert decrypt_json(record.contact.on_behalf_encrypted)["organisation"] == "NYAS"
    assert record.contact.contact_safety == {"times": ["after_school"], "leave_message": False,
                                     "note": "only text"}


def test_advocate_without_helper_details_is_refused(app):
    with pytest.raises(InvalidDraft) as error:
        submit(draft(role="advocate"), actor="api")
    assert set(error.value.errors) == {"helper_name", "relationship", "consent"}


def test_disclosure_in_what_would_help_is_flagged(app):
    result = submit(draft(what_would_help="i dont feel safe at home, he hits me"), actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert record.safeguarding_flag and record.priority == "urgent"
    assert any(item["field"] == "what_would_help"
               for item in record.triage_detail.safeguarding_evidence)
    alert = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "safeguarding_alert")).one()
    assert alert.urgent


def test_angle_brackets_that_are_not_html_keep_the_childs_words(app):
    typed = "my foster dad <b hits me and I am scared. he calls me <useless> x<y <3"
    result = submit(draft(text=typed), actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert record.text == typed
    assert record.safeguarding_flag


def test_text_as_typed_is_screened_even_when_markup_is_removed(app):
    result = submit(draft(text="<p>all good thanks</p><b title='he hits me'>x</b>"), actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert "he hits me" not in record.text
    assert record.safeguarding_flag
    assert any(item["field"] == "text_as_typed"
               for item in record.triage_detail.safeguarding_evidence)


def test_emoji_joiners_are_kept(app):
    result = submit(draft(text="my family 👨‍👩‍👧 miss me"), actor="web")
    assert "👨‍👩‍👧" in db.session.get(Representation, result.representation_id).text


def test_a_channel_can_hold_a_record_for_review_with_its_reason(app):
    result = submit(draft(needs_review_reason="The bot was unavailable: read the transcript"),
                    actor="gateway")
    record = db.session.get(Representation, result.representation_id)
    assert record.needs_review and record.status == "needs_review"
    assert record.triage_detail.triage_reasons[0] == "The bot was unavailable: read the transcript"


def test_every_free_text_answer_has_a_length_limit(app):
    too_long = "x" * (app.config["TEXT_MAX_CHARS"] + 1)
    helper = OnBehalf(helper_name="Sam", relationship="advocate", consent=too_long)
    cases = [
        (draft(contact_safety=ContactSafety(note=too_long)), "note"),
        (draft(role="advocate", on_behalf=helper), "consent"),
        (draft(reply_channel="none", contact=Contact(address="y" * 501)), "address"),
    ]
    for long_draft, field in cases:
        with pytest.raises(InvalidDraft) as error:
            submit(long_draft, actor="web")
        assert error.value.errors.get(field) == "too_long", field


def test_a_record_keeps_a_language_we_have_no_texts_for_yet(app):
    result = submit(draft(language="cy"), actor="api")
    record = db.session.get(Representation, result.representation_id)
    assert record.language == "cy"
    assert "Thank you for telling us." in result.acknowledgement_text
    with pytest.raises(InvalidDraft) as error:
        submit(draft(language="xx"), actor="api")
    assert error.value.errors == {"language": "unknown"}


def test_disclosure_typed_in_the_address_or_helper_name_is_flagged(app):
    result = submit(draft(reply_channel="letter",
                          contact=Contact(address="got kicked out, nowhere to sleep tonite")),
                    actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert record.safeguarding_flag
    assert any(item["field"] == "contact_address"
               for item in record.triage_detail.safeguarding_evidence)
