"""The day a child agreed is a London day: in British Summer Time, between midnight and 1am
in London it is still yesterday in UTC, and an advocate who writes today's date then must
not be told it is in the future."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask import Flask

from intake_app.services import advocate_intake
from intake_app.services.wall_clock import FixedClock

from .conftest import invite_advocate, organisation
from .test_submitting_for_a_child import CHILD_WORDS, SUMMARY

# 00:30 BST on Thursday 2 July 2026 (23:30 UTC on the 1st); 00:30 GMT on 8 December.
JUST_AFTER_MIDNIGHT_BST = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
JUST_AFTER_MIDNIGHT_GMT = datetime(2026, 12, 8, 0, 30, tzinfo=UTC)


def form(consent_given_on: date) -> advocate_intake.ChildSubmission:
    return advocate_intake.ChildSubmission(
        child_name="Jo", age_band="13_to_15", child_status="looked_after", council_team="",
        language="en", interpreter=False, disability="", preferred_way="phone",
        child_words=CHILD_WORDS, advocate_summary=SUMMARY, child_wants="A worker who stays",
        consent_method="in_person", consent_given_on=consent_given_on,
        sharing="All of it, with the complaints team", replies_to="advocate",
        child_reply_channel="", child_phone="", child_email="", declared_type="complaint",
        categories=(), service_area="", urgency="normal", safeguarding_known="")


@pytest.mark.parametrize(("now", "london_today"), [
    (JUST_AFTER_MIDNIGHT_BST, date(2026, 7, 2)),
    (JUST_AFTER_MIDNIGHT_GMT, date(2026, 12, 8)),
], ids=["bst", "gmt"])
def test_consent_given_today_in_london_is_taken_just_after_midnight(
        app: Flask, now: datetime, london_today: date) -> None:
    advocate = invite_advocate("sam@nyas.example", "nyas")
    made = advocate_intake.submit_for_child(
        form(london_today), advocate=advocate, organisation=organisation("nyas"),
        clock=FixedClock(now))
    assert made.reference


def test_consent_given_tomorrow_in_london_is_still_in_the_future(app: Flask) -> None:
    advocate = invite_advocate("sam@nyas.example", "nyas")
    with pytest.raises(advocate_intake.InvalidAdvocateSubmission) as refused:
        advocate_intake.submit_for_child(
            form(date(2026, 7, 3)), advocate=advocate, organisation=organisation("nyas"),
            clock=FixedClock(JUST_AFTER_MIDNIGHT_BST))
    assert refused.value.errors == {"consent_given_on": "in_future"}
