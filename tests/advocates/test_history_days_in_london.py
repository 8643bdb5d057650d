"""The history an advocate follows is dated by London days: in British Summer Time, between
midnight and 1am in London it is still yesterday in UTC, so a record sent, updated, added
to and withdrawn then happened today for the advocate, not yesterday. In winter London's
day is UTC's and the dates are as before."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from flask import Flask

from intake_app.services import advocate_following, advocate_intake, case_status
from intake_app.services.wall_clock import FixedClock

from .conftest import invite_advocate, organisation
from .test_consent_day_in_london import form

# 00:30 BST on Thursday 2 July 2026 (23:30 UTC on the 1st); 00:30 GMT on 15 January 2026.
JUST_AFTER_MIDNIGHT_BST = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
JUST_AFTER_MIDNIGHT_GMT = datetime(2026, 1, 15, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize(("now", "london_today"), [
    (JUST_AFTER_MIDNIGHT_BST, date(2026, 7, 2)),
    (JUST_AFTER_MIDNIGHT_GMT, date(2026, 1, 15)),
], ids=["bst", "gmt"])
def test_every_history_line_is_dated_by_the_london_day_it_happened(
        app: Flask, now: datetime, london_today: date) -> None:
    advocate, nyas = invite_advocate("sam@nyas.example", "nyas"), organisation("nyas")
    # Each step five minutes after the last, all before 01:00 in London.
    at = [FixedClock(now + timedelta(minutes=5 * step)) for step in range(5)]
    made = advocate_intake.submit_for_child(form(london_today), advocate=advocate,
                                            organisation=nyas, clock=at[0])
    case_status.apply_case_status(made.reference, event_id="e1",
                                  case_status="stage1_in_progress", actor="test",
                                  clock=at[1])
    advocate_following.add_information(nyas, made.reference, advocate,
                                       "Jo would like the meeting after school",
                                       clock=at[2])
    advocate_following.withdraw_for_child(nyas, made.reference, advocate,
                                          "Jo sorted it out with her social worker",
                                          clock=at[3])

    [line] = advocate_following.case_list(nyas, clock=at[4])
    assert [(entry.on, entry.words) for entry in line.history] == [
        (london_today, "Sent to the council."),
        (london_today, "We are looking into your complaint now."),
        (london_today, "You added information."),
        (london_today, "Withdrawn."),
    ]
