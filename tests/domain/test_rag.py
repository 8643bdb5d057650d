"""RAG by working days left to the stage 1 deadline: every boundary an officer relies on."""

from __future__ import annotations

from datetime import date

import pytest

from intake_app.domain.rag import (
    AMBER,
    GREEN,
    NO_DEADLINE,
    PAUSED,
    RED,
    RESPONDED,
    STOPPED,
    Rag,
    rag,
)

MONDAY = date(2026, 6, 1)  # an ordinary week in England: no bank holiday


def rag_for(deadline: date | None, today: date = MONDAY, *, paused: bool = False):
    return rag(deadline, today=today, paused=paused, nation="england")


@pytest.mark.parametrize(("deadline", "status", "left"), [
    (date(2026, 6, 5), GREEN, 4),   # Friday: 4 working days left
    (date(2026, 6, 4), AMBER, 3),   # Thursday: 3 left
    (date(2026, 6, 2), AMBER, 1),
    (MONDAY, AMBER, 0),             # due today
    (date(2026, 5, 29), RED, -1),   # the Friday before: one working day overdue
])
def test_boundaries_in_an_ordinary_week(deadline, status, left):
    result = rag_for(deadline)
    assert (result.status, result.working_days_left) == (status, left)


def test_a_weekend_gives_no_extra_working_days():
    friday = date(2026, 6, 5)
    # Friday to the next Thursday is six calendar days but four working days: green.
    assert rag_for(date(2026, 6, 11), friday).status == GREEN
    assert rag_for(date(2026, 6, 11), friday).working_days_left == 4
    # ... and to Wednesday is three: amber, although five calendar days away.
    assert rag_for(date(2026, 6, 10), friday).status == AMBER


def test_a_bank_holiday_in_between_counts_as_no_working_day():
    thursday = date(2026, 5, 21)  # Monday 25 May 2026 is the spring bank holiday
    assert rag_for(date(2026, 5, 27), thursday).status == AMBER  # 6 calendar days, 3 working
    assert rag_for(date(2026, 5, 27), thursday).working_days_left == 3
    assert rag_for(date(2026, 5, 28), thursday).status == GREEN
    assert rag_for(date(2026, 5, 28), thursday).working_days_left == 4


def test_seen_at_the_weekend_a_monday_deadline_is_one_working_day_away():
    saturday = date(2026, 6, 6)
    assert rag_for(date(2026, 6, 8), saturday).working_days_left == 1
    assert rag_for(date(2026, 6, 5), saturday) == Rag(RED, -1)  # Friday's deadline has passed


def test_overdue_counts_working_days_since():
    assert rag_for(date(2026, 5, 22), MONDAY).working_days_left == -5  # 25 May was a holiday


def test_a_paused_clock_shows_paused_whatever_the_deadline():
    assert rag_for(date(2026, 5, 1), paused=True).status == PAUSED
    assert rag_for(date(2026, 5, 1), paused=True).working_days_left is None


def test_no_deadline():
    assert rag_for(None).status == NO_DEADLINE


def test_a_responded_complaint_shows_responded_not_a_colour():
    overdue = date(2026, 5, 1)
    assert rag(overdue, today=MONDAY, paused=False, nation="england",
               responded=True) == Rag(RESPONDED, None)
    assert rag(overdue, today=MONDAY, paused=True, nation="england",
               responded=True) == Rag(RESPONDED, None)


def test_a_record_no_longer_open_has_no_running_deadline():
    assert rag(date(2026, 5, 1), today=MONDAY, paused=False, nation="england",
               stopped=True) == Rag(STOPPED, None)
