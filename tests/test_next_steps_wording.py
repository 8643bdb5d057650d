"""What happens next is said with what a child needs to do it: the number to call, and
where to send STATUS (found trying the service as a newcomer)."""

from __future__ import annotations

from intake_app.domain.draft import Draft
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
