"""The safe-contact windows: when a text may go, and when the next window opens, in
Europe/London time across GMT and BST (and the nights the clocks change)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from intake_app.outbox.contact_windows import LONDON, next_allowed


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


# 2026-11-25 is a Wednesday in GMT; 2026-06-17 a Wednesday in BST.
@pytest.mark.parametrize(("now", "times", "expected"), [
    # GMT: London time is UTC.
    (datetime(2026, 11, 25, 15, 0, tzinfo=UTC), ["after_school"],
     datetime(2026, 11, 25, 15, 30, tzinfo=UTC)),
    (datetime(2026, 11, 25, 16, 0, tzinfo=UTC), ["after_school"], None),
    # BST: 16:00 London is 15:00 UTC, so 15:00 UTC is allowed after school and 14:00 UTC
    # (15:00 London) waits until 15:30 London = 14:30 UTC.
    (datetime(2026, 6, 17, 15, 0, tzinfo=UTC), ["after_school"], None),
    (datetime(2026, 6, 17, 14, 0, tzinfo=UTC), ["after_school"],
     datetime(2026, 6, 17, 14, 30, tzinfo=UTC)),
    (datetime(2026, 6, 17, 17, 30, tzinfo=UTC), ["after_school"],  # 18:30 BST: tomorrow
     datetime(2026, 6, 18, 14, 30, tzinfo=UTC)),
    # Any other timezone is converted first.
    (datetime(2026, 11, 25, 14, 0, tzinfo=timezone(timedelta(hours=-5))), ["evening"], None),
])
def test_windows_follow_london_time_in_gmt_and_bst(now, times, expected):
    assert next_allowed(now, times) == expected


def test_any_time_still_means_never_at_night():
    assert next_allowed(london(2026, 11, 25, 7, 0), ["any"]) is None
    assert next_allowed(london(2026, 11, 25, 20, 59), ["any"]) is None
    assert next_allowed(london(2026, 11, 25, 21, 0), ["any"]) == london(2026, 11, 26, 7, 0)
    assert next_allowed(london(2026, 11, 26, 3, 0), ["any"]) == london(2026, 11, 26, 7, 0)
    # "any" and "evening" include weekends.
    assert next_allowed(london(2026, 11, 28, 12, 0), ["any"]) is None
    assert next_allowed(london(2026, 11, 28, 18, 30), ["evening"]) is None


def test_weekday_windows_wait_over_the_weekend():
    friday_evening = london(2026, 11, 27, 19, 0)
    assert next_allowed(friday_evening, ["after_school"]) == london(2026, 11, 30, 15, 30)
    assert next_allowed(london(2026, 11, 28, 10, 0), ["school_hours"]) == london(
        2026, 11, 30, 8, 30)
    assert next_allowed(london(2026, 11, 29, 6, 0), ["morning"]) == london(2026, 11, 30, 7, 0)
    assert next_allowed(london(2026, 11, 30, 8, 0), ["morning"]) is None
    assert next_allowed(london(2026, 11, 30, 8, 30), ["morning"]) == london(2026, 12, 1, 7, 0)


def test_several_choices_open_at_the_earliest_window():
    wednesday_noon = london(2026, 11, 25, 12, 0)
    assert next_allowed(wednesday_noon, ["morning", "evening"]) == london(2026, 11, 25, 18, 0)
    assert next_allowed(wednesday_noon, ["evening", "school_hours"]) is None
    saturday_noon = london(2026, 11, 28, 12, 0)
    assert next_allowed(saturday_noon, ["school_hours", "evening"]) == london(
        2026, 11, 28, 18, 0)


def test_the_nights_the_clocks_change():
    # Spring forward (29 March 2026): 07:00 on the Sunday is BST, 06:00 UTC.
    assert next_allowed(datetime(2026, 3, 28, 22, 0, tzinfo=UTC), ["any"]) == datetime(
        2026, 3, 29, 6, 0, tzinfo=UTC)
    # Fall back (25 October 2026): 21:00 UTC on the Saturday is 22:00 BST; 07:00 on the
    # Sunday is GMT, 07:00 UTC.
    assert next_allowed(datetime(2026, 10, 24, 21, 0, tzinfo=UTC), ["any"]) == datetime(
        2026, 10, 25, 7, 0, tzinfo=UTC)
    # The Friday evening before, still BST: Monday after school is GMT again.
    assert next_allowed(datetime(2026, 10, 23, 20, 0, tzinfo=UTC), ["after_school"]) == (
        datetime(2026, 10, 26, 15, 30, tzinfo=UTC))


def test_nothing_chosen_means_any_time_of_day_and_unknown_keys_are_ignored():
    night = london(2026, 11, 25, 23, 0)
    for times in (None, [], ["sometime"]):
        assert next_allowed(night, times) == london(2026, 11, 26, 7, 0)
    assert next_allowed(london(2026, 11, 25, 12, 0), ["sometime", "evening"]) == london(
        2026, 11, 25, 18, 0)


def test_the_answer_is_in_utc_and_a_naive_time_is_refused():
    result = next_allowed(london(2026, 6, 17, 12, 0), ["evening"])
    assert result is not None and result.utcoffset() == timedelta(0)
    with pytest.raises(ValueError):
        next_allowed(datetime(2026, 11, 25, 12, 0), ["any"])
