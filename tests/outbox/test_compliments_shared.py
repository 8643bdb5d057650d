"""A compliment about a named worker or team reaches that service area's team mailbox and
manager over a real SMTP server (aiosmtpd), and the child is told it was passed on; a
compliment for an area with nowhere to send it stays in the case store and promises
nothing."""

from __future__ import annotations

from intake_app.domain.draft import Contact, Draft
from intake_app.services.intake import submit

from .conftest import drain, messages
from .test_email import _smtp_settings, smtp_server  # noqa: F401 (the SMTP fixture)

FOSTERING = {"fostering": {"team": "fostering.team@council.example",
                           "manager": "fostering.manager@council.example"}}
PRAISE = "My social worker Jo is amazing, she always listens to me. Thank you Jo!"


def test_a_compliment_naming_a_worker_goes_to_the_team_and_its_manager(
        forwarding_app, smtp_server) -> None:  # noqa: F811
    port, mailbox = smtp_server
    app = forwarding_app(COMPLIMENT_RECIPIENTS=FOSTERING, **_smtp_settings(port))
    with app.app_context():
        result = submit(Draft(text=PRAISE, channel="web", declared_type="compliment",
                              service_area="fostering", reply_channel="email",
                              contact=Contact(email="sam@example.org")), actor="web")
        assert "We will pass on your kind words" in result.acknowledgement_text
        drain(app)
        assert [row.state for row in messages("compliment")] == ["delivered"]
    sent = dict(zip(map(id, mailbox.messages), mailbox.recipients, strict=True))
    shared = [message for message in mailbox.messages
              if "sam@example.org" not in sent[id(message)]]
    (message,) = shared
    assert sorted(sent[id(message)]) == [
        "fostering.manager@council.example", "fostering.team@council.example"]
    text = message.get_body(("plain",)).get_content()
    assert "Jo is amazing" in text and "sam@example.org" not in text
    # The child's own acknowledgement says so too.
    (acknowledgement,) = [message for message in mailbox.messages if message is not shared[0]]
    assert "kind words" in acknowledgement.get_body(("plain",)).get_content()


def test_a_compliment_for_an_area_without_a_mailbox_promises_nothing(forwarding_app) -> None:
    app = forwarding_app(COMPLIMENT_RECIPIENTS=FOSTERING)
    with app.app_context():
        result = submit(Draft(text=PRAISE, channel="web", declared_type="compliment",
                              service_area="leaving_care"), actor="web")
        assert "kind words" not in result.acknowledgement_text
        assert messages("compliment") == []
        assert [row.kind for row in messages()] == ["case"]
