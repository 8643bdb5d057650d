"""The retention purge removes what an advocate wrote for a child, added later, and what
a provider answered, with the record's other words; the codes stay for reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask import Flask
from sqlalchemy import select

from intake_app.domain.draft import Draft
from intake_app.extensions import db
from intake_app.models import AdvocacyReferral, AdvocateAddition, AdvocateSubmission
from intake_app.outbox.worker import run_once
from intake_app.services import advocacy_referrals, advocate_following, advocate_intake
from intake_app.services.intake import submit

from ..test_retention import accepted_days_ago, purge_app, record, tracker  # noqa: F401
from .conftest import invite_advocate, organisation
from .test_submitting_for_a_child import CHILD_WORDS, SUMMARY


def test_the_purge_removes_the_advocates_words_and_the_providers_answers(
        purge_app: Flask, tracker: Path) -> None:  # noqa: F811 - fixtures
    with purge_app.app_context():
        advocate = invite_advocate("sam@nyas.example", "nyas")
        nyas = organisation("nyas")
        made = advocate_intake.submit_for_child(advocate_intake.ChildSubmission(
            child_name="Jo", age_band="13_to_15", child_status="looked_after",
            council_team="Team 2", language="en", interpreter=True,
            disability="Dyslexia", preferred_way="phone", child_words=CHILD_WORDS,
            advocate_summary=SUMMARY, child_wants="A worker who stays",
            consent_method="in_person", consent_given_on=date(2026, 12, 1),
            sharing="All of it, with the complaints team", replies_to="advocate",
            child_reply_channel="", child_phone="", child_email="",
            declared_type="complaint", categories=("worker_allocation",),
            service_area="children_in_care", urgency="normal", safeguarding_known=""),
            advocate=advocate, organisation=nyas).reference
        # Not "She moves on Friday": the screen's model raises that as self-harm (README,
        # round 5), and a flagged record waits for safeguarding handling, not the purge.
        advocate_following.add_information(
            nyas, made, advocate, "She would like the review meeting moved to the afternoon")
        referred = submit(Draft(text="I want an advocate please", channel="web",
                                advocate="yes", advocate_provider="nyas"), actor="web")
        referral_id = db.session.scalar(select(AdvocacyReferral.id).where(
            AdvocacyReferral.representation_id == referred.representation_id))
        advocacy_referrals.record_answer(referral_id, "nyas", advocacy_referrals.Answer(
            "declined", reason="No advocate free in the area"), actor="api:nyas")
    run_once(purge_app)
    with purge_app.app_context():
        accepted_days_ago(made, 400)
        accepted_days_ago(referred.reference, 400)

    result = purge_app.test_cli_runner().invoke(args=["retention", "purge"])
    assert result.exit_code == 0, result.output

    with purge_app.app_context():
        purged = record(made)
        assert CHILD_WORDS not in purged.text
        details = db.session.get(AdvocateSubmission, purged.id)
        assert details.child_name == "" and details.advocate_summary is None
        assert details.communication == {} and details.sharing == ""
        assert details.replies_to == "advocate" and details.age_band == "13_to_15"
        addition = db.session.scalars(select(AdvocateAddition)).one()
        assert addition.body == ""
        referral = db.session.get(AdvocacyReferral, referral_id)
        assert referral.decline_reason is None and referral.state == "declined"
