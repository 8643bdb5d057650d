"""A flagged message whose record could not be made is shown above the queue, so a person
sees it even while the service is still failing to make its record (issue 11)."""

from __future__ import annotations

from intake_app.extensions import db
from intake_app.models import ChannelMessage, Conversation
from intake_app.services.conversations import new_public_id


def test_a_flagged_message_without_a_record_is_shown_to_officers(officer_client) -> None:
    conversation = Conversation(public_id=new_public_id(), channel="chat",
                                safeguarding_flag=True)
    db.session.add(conversation)
    db.session.flush()
    db.session.add(ChannelMessage(conversation_id=conversation.id, direction="inbound",
                                  body="my foster dad hits me and i want to die",
                                  safeguarding_flag=True))
    db.session.commit()
    page = officer_client.get("/officers/queue").get_data(as_text=True)
    assert "1 flagged message has no record yet" in page
    assert "my foster dad hits me" in page and conversation.public_id in page


def test_no_banner_when_every_flagged_message_has_its_record(officer_client) -> None:
    page = officer_client.get("/officers/queue").get_data(as_text=True)
    assert "no record yet" not in page
