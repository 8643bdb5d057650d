"""Report arithmetic: shares with their counts, rounding, differences and working days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from intake_app.domain.calendar import working_days_between
from intake_app.domain.report_figures import (
    PERCENT,
    Figure,
    Row,
    WorkingDayIndex,
    mean,
    middle,
    one_decimal,
)


def test_share_keeps_its_counts_and_rounds_half_up():
    assert Figure.share(7, 11) == Figure(63.6, 7, 11)
    assert Figure.share(1, 8).value == 12.5
    assert Figure.share(1, 16).value == 6.3  # 6.25 rounds up, as by hand
    assert Figure.share(0, 0).value is None
    assert one_decimal(0.05) == 0.1


def test_difference_in_counts_and_in_percentage_points():
    assert Row("a", "A", Figure(7), Figure(3)).difference == 4
    assert Row("b", "B", Figure(63.6), Figure(75.0), unit=PERCENT).difference == -11.4
    assert Row("c", "C", Figure(None), Figure(3)).difference is None


def test_middle_and_mean():
    assert middle([3.0, 10.0]) == 6.5 and middle([]) is None
    assert mean([8, 15, 22]) == 15.0


@pytest.mark.parametrize("nation", ["england", "wales", "scotland"])
def test_working_day_index_counts_as_the_calendar_does(nation):
    start = date(2025, 12, 1)
    days = [start + timedelta(days=offset) for offset in range(0, 150, 3)]
    index = WorkingDayIndex(days, nation=nation)
    for first in days[:10]:
        for last in days:
            expected = working_days_between(first, last, nation=nation)
            assert index.between(first, last) == expected, (first, last)


def test_working_days_over_christmas():
    index = WorkingDayIndex([date(2025, 12, 22), date(2026, 1, 6)], nation="england")
    assert index.between(date(2025, 12, 22), date(2026, 1, 6)) == 8
