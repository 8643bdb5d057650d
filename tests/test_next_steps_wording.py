"""What happens next is said with what a child needs to do it: the number to call, and
where to send STATUS (found trying the service as a newcomer)."""

from __future__ import annotations

import re

from intake_app.domain.draft import Contact, Draft
from intake_app.services.intake import submit

from .web_journey import send_complaint


def test_the_confirmation_gives_the_number_to_call(app, client) -> None:
    page = send_complaint(client).get_data(as_text=True)
    assert f"call {app.config['COUNCIL_PHONE']}" in page
    assert "when you call" not in page


def test_the_acknowledgement_says_where_to_text_status(app) -> None:
    app.config["TWILIO_FROM_NUMBER"] = "+447700900123"
    result = submit(Draft(text="My social worker never calls me back.", channel="web"),
                    actor="web")
    assert "to +447700900123" in result.acknowledgement_text
    assert app.config["COUNCIL_PHONE"] in result.acknowledgement_text


def test_a_chat_is_told_to_send_status_here_not_to_text_it(app) -> None:
    result = submit(Draft(text="My social worker never calls me back.", channel="chat"),
                    actor="gateway")
    assert "Send STATUS" in result.acknowledgement_sms and "here" in result.acknowledgement_sms
    assert "Text STATUS" not in result.acknowledgement_sms


def test_with_no_council_name_the_site_reads_tell_your_council(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "Tell your council" in page and "Tell Your council" not in page


def _outbox_payload(record_id: int, kind: str) -> dict:
    from sqlalchemy import select

    from intake_app.extensions import db
    from intake_app.models import OutboxMessage

    return db.session.scalars(select(OutboxMessage.payload).where(
        OutboxMessage.representation_id == record_id, OutboxMessage.kind == kind)).one()


def test_the_confirmation_gives_the_secret_and_how_to_use_it(app, client) -> None:
    app.config["TWILIO_FROM_NUMBER"] = "+447700900123"
    page = send_complaint(client).get_data(as_text=True)
    secret = re.search(r"Your secret number is<br><strong class=\"reference\">(\d{6})<", page)
    reference = re.search(r"class=\"reference\">([A-Z0-9]{4}-[A-Z0-9]{4})<", page)
    assert secret and reference
    assert f"STATUS {reference.group(1)} {secret.group(1)}" in page
    assert "to +447700900123" in page and 'href="/status"' in page
    assert "Monday to Friday" in page and f"call {app.config['COUNCIL_PHONE']}" in page


def test_every_acknowledgement_gives_the_secret_phone_hours_and_status_page(app) -> None:
    app.config["TWILIO_FROM_NUMBER"] = "+447700900123"
    by_sms = submit(Draft(text="My social worker never calls me back.", channel="web",
                          reply_channel="sms", contact=Contact(phone="07911 123456")),
                    actor="web")
    by_email = submit(Draft(text="My social worker never calls me back.", channel="web",
                            reply_channel="email", contact=Contact(email="kid@example.org")),
                      actor="web")
    status_page = app.config["PUBLIC_BASE_URL"] + "/status"
    sms = _outbox_payload(by_sms.representation_id, "sms")["body"]
    email = _outbox_payload(by_email.representation_id, "email")
    for text, sent in ((sms, by_sms), (by_sms.acknowledgement_text, by_sms),
                       (email["text"], by_email), (email["html"], by_email)):
        assert sent.status_secret and sent.status_secret in text
        assert f"STATUS {sent.reference_display} {sent.status_secret}" in text
        assert "+447700900123" in text and status_page in text
        assert app.config["COUNCIL_PHONE"] in text and "Monday to Friday" in text


def test_a_repeated_submission_gives_no_new_secret_and_says_to_call(app) -> None:
    draft = Draft(text="My social worker never calls me back.", channel="web",
                  submission_key="same-draft")
    first = submit(draft, actor="web")
    again = submit(draft, actor="web")
    assert first.status_secret and again.status_secret is None
    assert first.status_secret not in again.acknowledgement_text
    assert f"call {app.config['COUNCIL_PHONE']}" in again.acknowledgement_text
