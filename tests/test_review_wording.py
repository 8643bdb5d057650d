"""A record's reasons say what really happens to it: a record that needs review is still
forwarded at once (marked for review), so no reason may say it waits."""

from __future__ import annotations

from sqlalchemy import select

from intake_app.domain.draft import Draft
from intake_app.extensions import db
from intake_app.models import OutboxMessage, Representation
from intake_app.services.intake import submit


def test_a_flagged_record_says_it_is_forwarded_marked_for_review(app) -> None:
    result = submit(Draft(text="my foster carer hits me", channel="web"), actor="test")
    record = db.session.get(Representation, result.representation_id)
    assert record.needs_review
    kinds = db.session.scalars(select(OutboxMessage.kind).where(
        OutboxMessage.representation_id == record.id)).all()
    assert "case" in kinds  # forwarded at once, not held
    reasons = " ".join(record.triage_reasons)
    assert "marked for review" in reasons and "before it goes on" not in reasons


def test_a_record_a_channel_holds_for_review_never_says_no_review_is_needed(app) -> None:
    result = submit(Draft(text="My social worker never calls me back.", channel="sms",
                          declared_type="complaint", service_area="children_in_care",
                          needs_review_reason="The bot was unavailable: read the transcript"),
                    actor="gateway")
    record = db.session.get(Representation, result.representation_id)
    reasons = " ".join(record.triage_reasons)
    assert record.needs_review and "No review needed" not in reasons
    assert "marked for review" in reasons


def test_an_urgent_record_never_says_its_priority_is_normal(app) -> None:
    result = submit(Draft(text="My social worker never calls me back.", channel="web",
                          what_would_help="my foster carer hits me"), actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert record.priority == "urgent"
    assert not any(reason.startswith("Priority normal") for reason in record.triage_reasons)
