"""Reporting periods: financial years and quarters, months, labels, the previous period,
UK-midnight boundaries in BST and GMT, and parsing with a kind fallback."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from intake_app.domain.reporting_periods import (
    days_ending_in_summer_time,
    default_period,
    financial_quarter,
    financial_year,
    financial_year_of,
    local_date,
    local_days_utc,
    month,
    parse_period,
)

TODAY = date(2026, 11, 25)


def test_financial_year_runs_from_1_april_to_31_march():
    year = financial_year(2025)
    assert (year.start, year.last_day, year.end) == (
        date(2025, 4, 1), date(2026, 3, 31), date(2026, 4, 1))
    assert year.label == "2025-26" and year.slug == "2025-26"
    assert financial_year(1999).label == "1999-00"
    assert financial_year_of(date(2026, 3, 31)) == 2025
    assert financial_year_of(date(2026, 4, 1)) == 2026


@pytest.mark.parametrize(("quarter", "first", "last", "label"), [
    (1, date(2025, 4, 1), date(2025, 6, 30), "Q1 2025-26 (April to June 2025)"),
    (2, date(2025, 7, 1), date(2025, 9, 30), "Q2 2025-26 (July to September 2025)"),
    (3, date(2025, 10, 1), date(2025, 12, 31), "Q3 2025-26 (October to December 2025)"),
    (4, date(2026, 1, 1), date(2026, 3, 31), "Q4 2025-26 (January to March 2026)"),
])
def test_quarters_are_financial_quarters(quarter, first, last, label):
    period = financial_quarter(2025, quarter)
    assert (period.start, period.last_day, period.label) == (first, last, label)
    assert period.financial_year == 2025 and period.quarter == quarter
    assert period.params() == {"period": "quarter", "year": "2025", "q": str(quarter)}


def test_previous_period_is_the_one_just_before():
    assert financial_year(2025).previous() == financial_year(2024)
    assert financial_quarter(2025, 1).previous() == financial_quarter(2024, 4)
    assert financial_quarter(2025, 4).previous() == financial_quarter(2025, 3)
    assert month(2026, 1).previous() == month(2025, 12)
    assert month(2026, 3).previous().label == "February 2026"
    for period in (financial_year(2025), financial_quarter(2025, 1), month(2026, 1)):
        assert period.previous().end == period.start


def test_month_label_slug_and_params():
    march = month(2026, 3)
    assert (march.label, march.slug, march.last_day) == ("March 2026", "2026-03",
                                                         date(2026, 3, 31))
    assert march.params() == {"period": "month", "year": "2026", "month": "3"}


def test_bounds_are_uk_midnight_in_bst_and_gmt():
    # 1 April 2026 is in BST: its midnight is 23:00 UTC the day before.
    start, end = financial_year(2026).utc_bounds()
    assert start == datetime(2026, 3, 31, 23, 0, tzinfo=UTC)
    assert end == datetime(2027, 3, 31, 23, 0, tzinfo=UTC)
    # January is in GMT.
    assert month(2026, 1).utc_bounds() == (datetime(2026, 1, 1, tzinfo=UTC),
                                           datetime(2026, 2, 1, tzinfo=UTC))
    # The day the clocks go forward (29 March 2026) is 23 hours long.
    start, end = local_days_utc(date(2026, 3, 29), date(2026, 3, 29))
    assert (end - start).total_seconds() == 23 * 3600
    assert local_date(datetime(2026, 3, 31, 23, 30, tzinfo=UTC)) == date(2026, 4, 1)
    assert local_date(datetime(2026, 3, 31, 22, 30, tzinfo=UTC)) == date(2026, 3, 31)


def test_default_is_the_last_complete_financial_year():
    assert default_period(TODAY) == financial_year(2025)
    assert default_period(date(2026, 3, 31)) == financial_year(2024)
    assert default_period(date(2026, 4, 1)) == financial_year(2025)


@pytest.mark.parametrize(("params", "expected"), [
    ({"period": "fy", "year": "2025"}, financial_year(2025)),
    ({"period": "quarter", "year": "2025", "q": "4"}, financial_quarter(2025, 4)),
    ({"period": "month", "year": "2026", "month": "3"}, month(2026, 3)),
    ({"period": "month", "year": " 2026 ", "month": "11"}, month(2026, 11)),
    ({}, financial_year(2025)),
])
def test_parse_good_params(params, expected):
    choice = parse_period(params, TODAY)
    assert choice.period == expected and choice.problem is None


@pytest.mark.parametrize(("params", "problem"), [
    ({"period": "week", "year": "2025"}, "unknown_kind"),
    ({"period": "fy"}, "bad_year"),
    ({"period": "fy", "year": "twenty"}, "bad_year"),
    ({"period": "fy", "year": "1999"}, "bad_year"),
    ({"period": "fy", "year": "2027"}, "bad_year"),
    ({"period": "fy", "year": "٢٠٢٥"}, "bad_year"),
    ({"period": "quarter", "year": "2025", "q": "5"}, "bad_quarter"),
    ({"period": "quarter", "year": "2025"}, "bad_quarter"),
    ({"period": "month", "year": "2026", "month": "0"}, "bad_month"),
    ({"period": "month", "year": "2026", "month": "12"}, "not_started"),
])
def test_parse_bad_params_falls_back_to_the_default(params, problem):
    choice = parse_period(params, TODAY)
    assert choice.problem == problem and choice.period == financial_year(2025)


def test_days_ending_in_summer_time():
    # BST 2025: from 01:00 UTC on Sunday 30 March to 01:00 UTC on Sunday 26 October. The
    # 30th is the first day whose following midnight is BST; the 26th the first that is not.
    assert days_ending_in_summer_time(date(2025, 1, 1), date(2025, 12, 31)) == [
        (date(2025, 3, 30), date(2025, 10, 26))]
    assert days_ending_in_summer_time(date(2025, 6, 1), date(2025, 6, 30)) == [
        (date(2025, 6, 1), date(2025, 7, 1))]
    assert days_ending_in_summer_time(date(2025, 11, 1), date(2026, 2, 1)) == []
