"""Issue 12, round 6: an everyday idiom no longer silences a disclosure beside it, and the
commonest answer to "what would help" is not an alert.

Round 4's model stood down on any message whose risk words all sat inside everyday idioms,
even when the rest of it told of danger with no risk word at all ("my phone went missing
and mum wont wake up" was silent). And read on its own, "Call me back please" scored as
immediate danger, so the web form's most common answer to "what would help" alerted the
duty team. Seen examples, written by the engineer who made the change: they guard it and
say nothing about how the screen generalises (``test_safeguarding_blind.py``, set 6)."""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding import screen


@pytest.mark.parametrize("text", [
    "my phone went missing and mum wont wake up",
    "my phone went missing, hes outside my door",
    "I take my tablets every morning and mum wont wake up",
    "call me back hes outside my door",
    "mum wont wake up call me back",
    "call me back, i want to kill myself",
])
def test_an_idiom_or_a_callback_request_beside_a_disclosure_does_not_silence_it(text):
    assert screen(text).tier == "alert"


@pytest.mark.parametrize("text", [
    "Call me back please", "please call me back", "can someone call me back",
    "ring me back please", "Text me back please", "ffoniwch fi nôl plis",
    "my phone went missing", "I take my tablets every morning",
])
def test_everyday_answers_alone_raise_nothing(text):
    assert screen(text).tier is None
