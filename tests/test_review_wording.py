"""A record's reasons say what really happens to it: a record that needs review waits for
an officer (or, where the council triages in its own case system, is forwarded at once
marked for review), and no reason may say otherwise."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from intake_app.domain.draft import Draft
from intake_app.extensions import db
from intake_app.models import OutboxMessage, Representation
from intake_app.services.intake import submit

from .conftest import dispose, make_app


def _kinds(record: Representation) -> list[str]:
    return list(db.session.scalars(select(OutboxMessage.kind).where(
        OutboxMessage.representation_id == record.id)))


def test_a_flagged_record_says_it_waits_for_an_officer_and_does(app) -> None:
    result = submit(Draft(text="my foster carer hits me", channel="web"), actor="test")
    record = db.session.get(Representation, result.representation_id)
    assert record.needs_review
    assert "case" not in _kinds(record)  # held in the intake queue
    reasons = " ".join(record.triage_detail.triage_reasons)
    assert "stays in the intake queue until an officer confirms or corrects" in reasons
    assert "at once" not in reasons


def test_where_the_council_triages_itself_a_flagged_record_says_it_goes_at_once(
        tmp_path: Path) -> None:
    app = make_app(tmp_path, FORWARD_BEFORE_REVIEW=True)
    try:
        with app.app_context():
            result = submit(Draft(text="my foster carer hits me", channel="web"),
                            actor="test")
            record = db.session.get(Representation, result.representation_id)
            assert record.needs_review
            assert "case" in _kinds(record)  # forwarded at once, not held
            reasons = " ".join(record.triage_detail.triage_reasons)
            assert "marked for review" in reasons and "intake queue" not in reasons
    finally:
        dispose(app)


def test_a_record_a_channel_holds_for_review_never_says_no_review_is_needed(app) -> None:
    result = submit(Draft(text="My social worker never calls me back.", channel="sms",
                          declared_type="complaint", service_area="children_in_care",
                          needs_review_reason="The bot was unavailable: read the transcript"),
                    actor="gateway")
    record = db.session.get(Representation, result.representation_id)
    reasons = " ".join(record.triage_detail.triage_reasons)
    assert record.needs_review and "No review needed" not in reasons
    assert "stays in the intake queue" in reasons and "case" not in _kinds(record)


def test_an_urgent_record_never_says_its_priority_is_normal(app) -> None:
    result = submit(Draft(text="My social worker never calls me back.", channel="web",
                          what_would_help="my foster carer hits me"), actor="web")
    record = db.session.get(Representation, result.representation_id)
    assert record.priority == "urgent"
    assert not any(reason.startswith("Priority normal")
                   for reason in record.triage_detail.triage_reasons)
