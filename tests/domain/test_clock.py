"""Stage 1 clock arithmetic: pauses, recomputation and days left, on the working-day
calendar (weekends and bank holidays never count)."""

from __future__ import annotations

from datetime import date

import pytest

from intake_app.domain.calendar import Deadlines, add_working_days, working_days_between
from intake_app.domain.clock import (
    overlapped_restart,
    resume,
    stage1_limit,
    with_pauses,
    working_days_left,
)

FRI_28_AUG = date(2026, 8, 28)
MON_31_AUG = date(2026, 8, 31)  # summer bank holiday in England, not in Scotland
TUE_1_SEP = date(2026, 9, 1)


def test_working_days_between_skips_weekend_and_bank_holiday():
    assert working_days_between(FRI_28_AUG, TUE_1_SEP, nation="england") == 1
    assert working_days_between(FRI_28_AUG, TUE_1_SEP, nation="scotland") == 2


def test_working_days_between_is_the_inverse_of_add_working_days():
    start = date(2026, 12, 18)  # across Christmas, Boxing Day's substitute and New Year
    for days in range(0, 25):
        assert working_days_between(start, add_working_days(start, days, nation="england"),
                                    nation="england") == days


def test_no_working_days_between_a_day_and_itself_or_an_earlier_day():
    assert working_days_between(TUE_1_SEP, TUE_1_SEP, nation="england") == 0
    assert working_days_between(TUE_1_SEP, FRI_28_AUG, nation="england") == 0


def test_resume_across_a_weekend_and_a_bank_holiday_moves_deadlines_one_working_day():
    result = resume(stage1_due=date(2026, 9, 3), stage1_extended_due=date(2026, 9, 17),
                    paused_on=FRI_28_AUG, resumed_on=TUE_1_SEP, nation="england")
    assert result.paused_working_days == 1
    assert result.stage1_due == date(2026, 9, 4)
    assert result.stage1_extended_due == date(2026, 9, 18)


def test_moved_deadline_never_lands_on_a_bank_holiday():
    # Due on the Friday before the summer bank holiday; one paused day moves it to Tuesday.
    result = resume(stage1_due=FRI_28_AUG, stage1_extended_due=FRI_28_AUG,
                    paused_on=date(2026, 8, 20), resumed_on=date(2026, 8, 21),
                    nation="england")
    assert result.stage1_due == TUE_1_SEP


def test_a_weekend_only_pause_costs_nothing():
    result = resume(stage1_due=date(2026, 9, 3), stage1_extended_due=date(2026, 9, 17),
                    paused_on=date(2026, 9, 25), resumed_on=date(2026, 9, 27),
                    nation="england")
    assert result.paused_working_days == 0
    assert result.stage1_due == date(2026, 9, 3)


def test_resume_before_pause_is_refused():
    with pytest.raises(ValueError):
        resume(stage1_due=TUE_1_SEP, stage1_extended_due=TUE_1_SEP, paused_on=TUE_1_SEP,
               resumed_on=FRI_28_AUG, nation="england")


def test_recomputed_deadlines_keep_earlier_pauses():
    base = Deadlines(clock_start=date(2026, 8, 20), acknowledgement_due=date(2026, 8, 24),
                     stage1_due=FRI_28_AUG, stage1_extended_due=date(2026, 9, 17))
    moved = with_pauses(base, 2, nation="england")
    assert moved.stage1_due == date(2026, 9, 2)
    assert moved.stage1_extended_due == date(2026, 9, 21)
    assert moved.acknowledgement_due == base.acknowledgement_due
    assert with_pauses(base, 0, nation="england") == base


def test_stage1_limit_is_the_extended_date_once_extended():
    assert stage1_limit(FRI_28_AUG, TUE_1_SEP, extended=False) == FRI_28_AUG
    assert stage1_limit(FRI_28_AUG, TUE_1_SEP, extended=True) == TUE_1_SEP


@pytest.mark.parametrize(("today", "due", "left"), [
    (FRI_28_AUG, FRI_28_AUG, 0),
    (FRI_28_AUG, TUE_1_SEP, 1),
    (date(2026, 8, 27), TUE_1_SEP, 2),
    (TUE_1_SEP, FRI_28_AUG, -1),
    (date(2026, 9, 2), FRI_28_AUG, -2),
])
def test_working_days_left_counts_down_and_goes_negative_when_overdue(today, due, left):
    assert working_days_left(today, due, nation="england") == left


def test_a_pause_may_start_on_the_day_of_the_last_restart_but_not_before():
    restarts = [date(2026, 9, 4), TUE_1_SEP]
    assert overlapped_restart(date(2026, 9, 3), restarts) == date(2026, 9, 4)
    assert overlapped_restart(date(2026, 9, 4), restarts) is None
    assert overlapped_restart(date(2026, 9, 7), restarts) is None
    assert overlapped_restart(FRI_28_AUG, []) is None


def test_back_to_back_pauses_count_each_working_day_once():
    """Why a pause may start on the restart day: the two pauses then cost exactly what one
    pause over the whole span costs, while one starting earlier would count days twice."""
    def paused(start: date, end: date) -> int:
        return resume(stage1_due=TUE_1_SEP, stage1_extended_due=TUE_1_SEP, paused_on=start,
                      resumed_on=end, nation="england").paused_working_days

    first, restart, second = date(2026, 9, 2), date(2026, 9, 9), date(2026, 9, 16)
    assert paused(first, restart) + paused(restart, second) == paused(first, second)
    earlier = date(2026, 9, 3)
    assert overlapped_restart(earlier, [restart]) == restart
    assert paused(first, restart) + paused(earlier, second) > paused(first, second)
