"""The dates an officer types after the answer are London days: in British Summer Time,
between midnight and 1am in London it is still yesterday in UTC. A record received then
came in on the London day, so a resolution or an Ombudsman's enquiry dated the day before
is before the record was received, and the day after is still in the future; in winter
London's day is UTC's and nothing changes. Each check uses the clock it is given."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from flask import Flask

from intake_app.extensions import db
from intake_app.models import Representation, StaffUser
from intake_app.services import aftercare
from intake_app.services.casework import CaseworkRefused, Officer
from intake_app.services.wall_clock import FixedClock

from .test_case_view import make_record

# 00:30 BST on Thursday 2 July 2026 (23:30 UTC on the 1st); 00:30 GMT on 15 January 2026.
JUST_AFTER_MIDNIGHT_BST = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
JUST_AFTER_MIDNIGHT_GMT = datetime(2026, 1, 15, 0, 30, tzinfo=UTC)
CLOCKS = pytest.mark.parametrize(("now", "london_today"), [
    (JUST_AFTER_MIDNIGHT_BST, date(2026, 7, 2)),
    (JUST_AFTER_MIDNIGHT_GMT, date(2026, 1, 15)),
], ids=["bst", "gmt"])


def received_at(now: datetime) -> Representation:
    """A record received at ``now``, the moment the officer records what came of it."""
    record = make_record()
    record.received_at = now
    db.session.commit()
    return record


def officer(make_staff) -> Officer:
    staff: StaffUser = make_staff("officer")
    return Officer(id=staff.id, actor=f"staff:{staff.id}")


def refusal(record: Representation, who: Officer, day: date, now: datetime
            ) -> dict[str, str] | None:
    """What ``record_resolution`` says of an apology dated ``day``; None when it is kept."""
    try:
        aftercare.record_resolution(record, who, kind="apology", done_on=day,
                                    clock=FixedClock(now))
    except CaseworkRefused as refused:
        return {field: str(message) for field, message in refused.errors.items()}
    return None


@CLOCKS
def test_a_resolution_dated_today_in_london_is_kept_just_after_midnight(
        app: Flask, make_staff, now: datetime, london_today: date) -> None:
    record = received_at(now)
    assert refusal(record, officer(make_staff), london_today, now) is None


@CLOCKS
def test_a_resolution_dated_the_day_before_the_record_came_in_is_refused(
        app: Flask, make_staff, now: datetime, london_today: date) -> None:
    record = received_at(now)
    day_before = london_today - timedelta(days=1)
    assert refusal(record, officer(make_staff), day_before, now) == {
        "done_on": "The date cannot be before the record was received."}


@CLOCKS
def test_a_resolution_dated_tomorrow_in_london_is_in_the_future(
        app: Flask, make_staff, now: datetime, london_today: date) -> None:
    record = received_at(now)
    tomorrow = london_today + timedelta(days=1)
    assert refusal(record, officer(make_staff), tomorrow, now) == {
        "done_on": "The date cannot be in the future."}


def test_an_ombudsman_enquiry_received_before_the_record_came_in_in_london_is_refused(
        app: Flask, make_staff) -> None:
    record, who = received_at(JUST_AFTER_MIDNIGHT_BST), officer(make_staff)
    with pytest.raises(CaseworkRefused) as refused:
        aftercare.record_ombudsman(record, who, ombudsman="lgsco",
                                   received_on=date(2026, 7, 1),
                                   clock=FixedClock(JUST_AFTER_MIDNIGHT_BST))
    assert set(refused.value.errors) == {"received_on"}
    kept = aftercare.record_ombudsman(record, who, ombudsman="lgsco",
                                      received_on=date(2026, 7, 2),
                                      clock=FixedClock(JUST_AFTER_MIDNIGHT_BST))
    assert kept.received_on == date(2026, 7, 2)
