"""Issue 12, round 7: the service's own commands are not screened as disclosures.

Read on its own, "STATUS ABCD-EFGH 042917" scored as self-harm, so a child checking their
case by text got the safety reply instead of their status and the duty team an alert.
A command with its reference and secret number is a structured answer (the issue: those are
not screened as free disclosures); any other words after it are read as usual. Seen
examples: the blind measure is set 7 (``test_safeguarding_blind.py``)."""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding import screen


@pytest.mark.parametrize("text", [
    "STATUS ABCD-EFGH 042917", "status abcd-efgh 123456", "status wxyz-2345 042 917",
    "LOOK AGAIN ABCD-EFGH", "edrych eto abcd-efgh 123456", "statws ABCD-EFGH",
    # References with doubled letters, which the fold squeezes.
    "STATUS VKKB-HSN4 100234", "STATUS AAAB-C3DD 000111", "status vkkbhsn4",
])
def test_a_status_or_look_again_command_raises_nothing(text):
    assert screen(text).tier is None


@pytest.mark.parametrize("text", [
    "status ABCD-EFGH help me hes here", "status im going to kill myself",
])
def test_words_after_a_command_are_screened(text):
    assert screen(text).tier == "alert"
