"""Issue 12, round 2: examples written by the engineer who wrote the patterns (seen, not
blind), for the kinds blind set 2 showed weak (FGM, forced marriage, online sexual abuse,
modern slavery, overdose told as a past act with a number of tablets, sexual exploitation,
radicalisation, neglect) in English, text-speak and Welsh, and ordinary complaints that use
a risky word innocently (films, games, cooking, sport, lost property, housing repairs,
medicines taken as prescribed, "dead bored", "my phone died", "killing time").

They guard against regressions; they say nothing about how the screen generalises (that is
``test_safeguarding_blind.py``).
"""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding import screen, screen_patterns
from intake_app.domain.triage_training import DATA_DIR, read_rows

SEEN = read_rows(DATA_DIR / "safeguarding_seen_round_2.csv")
ALERTS = [(row["text"], row["kind"]) for row in SEEN if row["label"] == "alert"]
ORDINARY = [row["text"] for row in SEEN if row["label"] == "none"]


def test_seen_round_2_set_covers_the_weak_kinds_and_welsh():
    kinds = {kind for _, kind in ALERTS}
    assert {"fgm", "forced_marriage", "online_sexual_abuse", "modern_slavery",
            "overdose_poisoning", "sexual_exploitation", "radicalisation", "neglect"} <= kinds
    assert sum(row["language"] == "cy" for row in SEEN if row["label"] == "alert") >= 10
    assert len(ORDINARY) >= 40


@pytest.mark.parametrize(("text", "kind"), ALERTS)
def test_seen_round_2_disclosure_is_an_alert_from_the_patterns(text, kind):
    result = screen_patterns(text)
    assert result.tier == "alert"
    assert kind in result.kinds or kind in ("online_sexual_abuse", "sexual_exploitation",
                                            "modern_slavery"), result.kinds
    for evidence in result.evidence:
        assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize("text", ORDINARY)
def test_seen_round_2_ordinary_complaint_passes_the_patterns(text):
    assert not screen_patterns(text).flagged


def test_seen_round_2_ordinary_complaints_mostly_raise_no_alert():
    # The model's second look still wakes the duty team on a few ("it hurt a bit" after
    # ears pierced, a head bumped on a cupboard): a known cost, not to grow.
    alerts = [text for text in ORDINARY if screen(text).flagged]
    assert len(alerts) <= 3, alerts


@pytest.mark.parametrize("text", [
    "i take 2 paracetamol for my period pains",
    "I take my tablets every morning like the doctor said",
    "staff took my meds away to lock them up",
    "my mum will kill me if i miss the bus again",
    "i got battered at fifa by my brother",
])
def test_seen_round_2_everyday_phrase_is_no_pattern_evidence(text):
    assert not screen_patterns(text).flagged


@pytest.mark.parametrize("text", [
    "he will kill me if i tell anyone",
    "i took 20 paracetamol an hour ago",
    "i took all my tablets",
    "took 8 tabs of my nans heart pills",
])
def test_seen_round_2_narrow_stand_downs_keep_real_disclosures(text):
    assert screen_patterns(text).flagged
