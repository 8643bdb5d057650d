"""Stage 2 and stage 3 clocks, and the 20 working days to ask to look again, on the
working-day calendar of each nation (weekends and that nation's bank holidays skipped)."""

from __future__ import annotations

from datetime import date

import pytest

from intake_app.domain.calendar import working_days_between
from intake_app.domain.stages import (
    asked_in_time,
    look_again_closes,
    moved_on,
    stage2_dates,
    stage3_dates,
    stage_timescales,
)


def test_england_stage2_is_25_working_days_extendable_to_65_across_christmas():
    dates = stage2_dates(date(2026, 12, 1), nation="england")
    # December 2026: 25 and 28 Dec are bank holidays (Boxing Day on a Saturday moves to
    # Monday 28th), and 1 Jan 2027.
    assert working_days_between(date(2026, 12, 1), dates.due, nation="england") == 25
    assert dates.due == date(2027, 1, 8)
    assert dates.extended_due == date(2027, 3, 5)


def test_wales_formal_investigation_is_25_working_days_and_has_no_extension_or_stage3():
    dates = stage2_dates(date(2026, 12, 1), nation="wales")
    assert dates.due == date(2027, 1, 8)
    assert dates.extended_due is None
    assert not stage_timescales("wales").has_stage3
    with pytest.raises(ValueError):
        stage3_dates(date(2026, 12, 1), nation="wales")


def test_scotland_counts_its_own_bank_holidays():
    # 2 January is a bank holiday in Scotland, not in England.
    england = stage2_dates(date(2026, 12, 1), nation="england")
    scotland = stage2_dates(date(2026, 12, 1), nation="scotland")
    assert scotland.due == date(2027, 1, 11) and england.due == date(2027, 1, 8)


def test_stage3_panel_report_and_response_follow_each_other():
    dates = stage3_dates(date(2026, 8, 3), nation="england")
    # 30 working days from Mon 3 Aug skips the summer bank holiday (31 Aug).
    assert dates.panel_due == date(2026, 9, 15)
    assert dates.report_due == date(2026, 9, 22)
    assert dates.response_due == date(2026, 10, 13)
    met_early = stage3_dates(date(2026, 8, 3), nation="england", panel_met_on=date(2026, 9, 1))
    assert met_early.report_due == date(2026, 9, 8)
    assert met_early.response_due == date(2026, 9, 29)


def test_look_again_within_20_working_days_starts_stage2_and_later_does_not():
    responded = date(2026, 12, 10)
    closes = look_again_closes(responded, nation="england")
    # Christmas, the Boxing Day substitute and New Year's Day are not counted.
    assert closes == date(2027, 1, 12)
    assert asked_in_time(responded, closes, nation="england")
    assert not asked_in_time(responded, date(2027, 1, 13), nation="england")
    assert asked_in_time(responded, responded, nation="england")


def test_look_again_without_a_stage1_response_goes_to_a_person():
    assert not asked_in_time(None, date(2026, 12, 10), nation="england")


def test_pause_moves_a_stage_deadline_by_working_days_only():
    due, days = moved_on(date(2026, 9, 3), paused_on=date(2026, 8, 28),
                         resumed_on=date(2026, 9, 1), nation="england")
    assert (due, days) == (date(2026, 9, 4), 1)  # Monday 31 Aug is a bank holiday
    assert moved_on(None, paused_on=date(2026, 8, 28), resumed_on=date(2026, 9, 1),
                    nation="scotland") == (None, 2)
    with pytest.raises(ValueError):
        moved_on(date(2026, 9, 3), paused_on=date(2026, 9, 2), resumed_on=date(2026, 9, 1),
                 nation="england")
