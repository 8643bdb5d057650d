"""Working-day deadlines as a complainant and an officer would check them on a calendar."""

from datetime import UTC, date, datetime, time

import pytest

from intake_app.domain.calendar import (
    Deadlines,
    add_working_days,
    clock_start,
    compute_deadlines,
    date_in_words,
    is_working_day,
)

CORPORATE = {"corporate_stage1_days": 15, "corporate_stage1_extended_days": 25}


def test_weekends_are_not_working_days():
    assert not is_working_day(date(2026, 3, 7), nation="england")  # Saturday
    assert not is_working_day(date(2026, 3, 8), nation="england")  # Sunday
    assert is_working_day(date(2026, 3, 9), nation="england")


def test_deadline_skips_christmas_boxing_day_substitute_and_new_year():
    # Wed 23 Dec 2026 + 2: Thu 24, then 25 (Christmas), 26-27 weekend, 28 (Boxing Day
    # substitute because 26 Dec is a Saturday) are skipped -> Tue 29 Dec.
    assert add_working_days(date(2026, 12, 23), 2, nation="england") == date(2026, 12, 29)
    # ...and 1 Jan 2027 (Friday) is skipped too.
    assert add_working_days(date(2026, 12, 30), 2, nation="england") == date(2027, 1, 4)


def test_boxing_day_2026_substitute_is_a_bank_holiday():
    assert not is_working_day(date(2026, 12, 28), nation="england")
    assert is_working_day(date(2026, 12, 29), nation="england")


def test_easter_friday_and_monday_are_skipped_in_england():
    # Thu 2 Apr 2026 + 1 working day: Good Friday 3 Apr and Easter Monday 6 Apr skipped.
    assert add_working_days(date(2026, 4, 2), 1, nation="england") == date(2026, 4, 7)


def test_easter_monday_is_a_working_day_in_scotland():
    assert add_working_days(date(2026, 4, 2), 1, nation="scotland") == date(2026, 4, 6)


def test_second_of_january_is_a_holiday_in_scotland_only():
    # Fri 2 Jan 2026.
    assert is_working_day(date(2026, 1, 2), nation="england")
    assert is_working_day(date(2026, 1, 2), nation="wales")
    assert not is_working_day(date(2026, 1, 2), nation="scotland")
    assert add_working_days(date(2025, 12, 31), 1, nation="england") == date(2026, 1, 2)
    assert add_working_days(date(2025, 12, 31), 1, nation="scotland") == date(2026, 1, 5)


def test_st_patricks_day_is_a_holiday_in_northern_ireland_only():
    # Tue 17 Mar 2026.
    assert not is_working_day(date(2026, 3, 17), nation="northern_ireland")
    assert is_working_day(date(2026, 3, 17), nation="england")


def test_zero_days_is_the_start_day():
    assert add_working_days(date(2026, 6, 10), 0, nation="england") == date(2026, 6, 10)


def test_negative_days_are_rejected():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 6, 10), -1, nation="england")


def test_unknown_nation_is_rejected():
    with pytest.raises(ValueError):
        is_working_day(date(2026, 6, 10), nation="narnia")


def test_received_before_cutoff_on_a_working_day_starts_that_day():
    received = datetime(2026, 1, 14, 16, 59, tzinfo=UTC)  # GMT: 16:59 local
    assert clock_start(received, nation="england") == date(2026, 1, 14)


def test_received_at_cutoff_in_winter_starts_next_working_day():
    received = datetime(2026, 1, 14, 17, 0, tzinfo=UTC)  # GMT: 17:00 local
    assert clock_start(received, nation="england") == date(2026, 1, 15)


def test_cutoff_is_local_time_in_summer():
    # 16:30 UTC is 17:30 BST: after the cut-off.
    assert clock_start(datetime(2026, 7, 15, 16, 30, tzinfo=UTC), nation="england") == date(
        2026, 7, 16
    )
    # 15:59 UTC is 16:59 BST: before it.
    assert clock_start(datetime(2026, 7, 15, 15, 59, tzinfo=UTC), nation="england") == date(
        2026, 7, 15
    )


def test_naive_datetimes_are_utc():
    assert clock_start(datetime(2026, 7, 15, 16, 30), nation="england") == date(2026, 7, 16)


def test_late_friday_message_starts_on_monday():
    friday_evening = datetime(2026, 3, 6, 20, 0, tzinfo=UTC)
    assert clock_start(friday_evening, nation="england") == date(2026, 3, 9)


def test_weekend_message_starts_on_next_working_day_even_after_a_bank_holiday():
    # Sun 5 Apr 2026 morning; Mon 6 Apr is Easter Monday in England.
    assert clock_start(datetime(2026, 4, 5, 9, 0, tzinfo=UTC), nation="england") == date(
        2026, 4, 7
    )


def test_custom_cutoff():
    received = datetime(2026, 1, 14, 16, 0, tzinfo=UTC)
    assert clock_start(received, nation="england", cutoff=time(16, 0)) == date(2026, 1, 15)


def test_statutory_deadlines_in_england():
    deadlines = compute_deadlines(
        datetime(2026, 11, 20, 10, 0, tzinfo=UTC),  # Friday morning
        procedure="statutory",
        nation="england",
        acknowledgement_days=2,
        cutoff=time(17, 0),
        **CORPORATE,
    )
    assert deadlines == Deadlines(
        clock_start=date(2026, 11, 20),
        acknowledgement_due=date(2026, 11, 24),
        stage1_due=date(2026, 12, 4),
        stage1_extended_due=date(2026, 12, 18),
    )


def test_statutory_deadlines_over_christmas():
    deadlines = compute_deadlines(
        datetime(2026, 12, 18, 12, 0, tzinfo=UTC),
        procedure="statutory",
        nation="england",
        acknowledgement_days=2,
        cutoff=time(17, 0),
        **CORPORATE,
    )
    # 21,22,23,24,29,30,31 Dec, 4,5,6 Jan -> 10th working day is Wed 6 Jan 2027.
    assert deadlines.stage1_due == date(2027, 1, 6)


def test_wales_local_resolution_has_no_extension():
    deadlines = compute_deadlines(
        datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        procedure="statutory",
        nation="wales",
        acknowledgement_days=2,
        cutoff=time(17, 0),
        **CORPORATE,
    )
    assert deadlines.stage1_due == date(2026, 12, 4)  # 10 working days
    # The formal investigation is stage 2 (domain.stages), not a longer stage 1.
    assert deadlines.stage1_extended_due == date(2026, 12, 4)


def test_corporate_procedure_uses_configured_timescales():
    deadlines = compute_deadlines(
        datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        procedure="corporate",
        nation="england",
        acknowledgement_days=3,
        cutoff=time(17, 0),
        **CORPORATE,
    )
    assert deadlines.acknowledgement_due == date(2026, 11, 25)
    assert deadlines.stage1_due == add_working_days(date(2026, 11, 20), 15, nation="england")
    assert deadlines.stage1_extended_due == add_working_days(
        date(2026, 11, 20), 25, nation="england"
    )


def test_unknown_procedure_is_rejected():
    with pytest.raises(ValueError):
        compute_deadlines(
            datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
            procedure="informal",
            nation="england",
            acknowledgement_days=2,
            cutoff=time(17, 0),
            **CORPORATE,
        )


def test_date_in_words():
    assert date_in_words(date(2026, 12, 4)) == "Friday 4 December 2026"
    assert date_in_words(date(2027, 1, 1)) == "Friday 1 January 2027"
