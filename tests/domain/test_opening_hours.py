"""COUNCIL_OPENING_HOURS: read once at start-up, told to a child in their language."""

from __future__ import annotations

from datetime import time

import pytest

from intake_app.domain.opening_hours import OpeningSpan, parse_opening_hours
from intake_app.services.council_contact import opening_hours_words


def test_spans_are_read_from_the_setting() -> None:
    assert parse_opening_hours("Mon-Fri 09:00-17:00; sat 10:00-13:00") == (
        OpeningSpan(0, 4, time(9), time(17)), OpeningSpan(5, 5, time(10), time(13)))


@pytest.mark.parametrize("raw", ["", "weekdays 9-5", "mon-fri 9am-5pm", "fri-mon 09:00-17:00",
                                 "mon 17:00-09:00", "mon 25:00-26:00", "xyz 09:00-10:00"])
def test_a_setting_that_cannot_be_read_stops_the_app(raw: str) -> None:
    with pytest.raises(ValueError, match="COUNCIL_OPENING_HOURS"):
        parse_opening_hours(raw)


def test_the_hours_in_words_in_english_and_welsh(app) -> None:
    spans = parse_opening_hours("mon-fri 09:00-17:00; sat 10:00-13:30")
    assert opening_hours_words(spans, "en") == (
        "Monday to Friday, 9:00 AM to 5:00 PM; Saturday, 10:00 AM to 1:30 PM")
    # Day names and times from the locale; the joining words from the Welsh catalogue.
    assert opening_hours_words(spans, "cy") == (
        "Dydd Llun i Dydd Gwener, 09:00 i 17:00; Dydd Sadwrn, 10:00 i 13:30")
