"""Issue 12, round 4: the development set written by the engineer who changed the screen
(seen, not blind), in ``safeguarding_seen_round_4.csv``: 418 messages in text-speak and UK
slang, euphemism, third person, long letters, Welsh with mutations, and hard ordinary ones.

It was committed before round 4 changed the screen and measured once then (recall 0.756,
precision 0.729, 11 of 54 immediate-risk rows missed). Three quarters of it (``r4-``) then
trained the screen's model; every fourth row (``r4h-``) is held out from training and from
tuning, so its figures are the set's honest ones (before round 4: recall 0.821, precision
0.754, 2 of 16 immediate-risk rows missed). Neither says how the screen generalises to a
blind set (``test_safeguarding_blind.py``). The floors are the figures after round 4.
"""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding import screen, screen_patterns
from intake_app.domain.safeguarding_evaluation import evaluate_screen
from intake_app.domain.triage_training import DATA_DIR, HELD_OUT_PREFIX, read_rows

SEEN = read_rows(DATA_DIR / "safeguarding_seen_round_4.csv")
# Written after round 4's changes, measured once before anything was tuned on it (recall
# 0.942, precision 0.754, no immediate-risk miss), never trained on; what it showed wrong
# was then fixed ("taking extra paracetamol every day", "now resolved", "llond bol ar y").
AFTER = read_rows(DATA_DIR / "safeguarding_seen_round_4c.csv")
HELD_OUT = [row for row in SEEN if row["id"].startswith(HELD_OUT_PREFIX)]
TRAINED = [row for row in SEEN if not row["id"].startswith(HELD_OUT_PREFIX)]


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    return {"trained": evaluate_screen(TRAINED), "held out": evaluate_screen(HELD_OUT),
            "written after": evaluate_screen(AFTER)}


def test_seen_round_4_set_covers_welsh_text_speak_letters_and_immediate_risk():
    voices = {row["voice"] for row in SEEN}
    assert {"welsh", "child_textspeak", "third_person_professional", "advocate_letter",
            "young_child", "teen_care_leaver"} <= voices
    assert len(SEEN) >= 400 and len(HELD_OUT) >= 100
    assert sum(row["label"] == "alert" and row["immediate"] == "1" for row in SEEN) >= 50
    assert sum(row["label"] == "alert" and row["language"] == "cy" for row in SEEN) >= 30
    assert {row["label"] for row in HELD_OUT} == {"alert", "concern", "none"}


@pytest.mark.parametrize(("part", "floor"), [
    ("trained", {"recall": 0.987, "precision": 0.90, "immediate_missed": 0}),
    ("held out", {"recall": 0.928, "precision": 0.764, "immediate_missed": 1}),
    ("written after", {"recall": 0.961, "precision": 0.781, "immediate_missed": 0}),
])
def test_seen_round_4_figures_do_not_fall(reports, part, floor):
    report = reports[part]
    assert report["alert"]["recall"] >= floor["recall"], report["alert"]
    assert report["alert"]["precision"] >= floor["precision"], report["alert"]
    assert report["immediate"]["missed"] <= floor["immediate_missed"], report["immediate"]


@pytest.mark.parametrize("text", [
    "went paintballing for my bday n got shot like 20 times, got bruises everywhere but it "
    "was the best day",
    "The bullies in Harry Potter are horrible, I'm reading it at bedtime with my carer",
])
def test_seen_round_4_an_alert_on_single_risky_words_the_model_finds_ordinary_is_a_concern(
        text):
    assert screen_patterns(text).flagged
    assert screen(text).tier == "concern"


@pytest.mark.parametrize("text", [
    # Ordinary words around a disclosure bring the model's score of the whole message down:
    # evidence of more than one word always stands.
    "wifi review the wifi my foster dad hits me late lol",
    "worker worker he said he will stab me back late school lol never wifi",
    # A harm that can kill within hours is never stood down, even on one word.
    "We watched Suicide Squad at movie night and the younger kids were scared",
])
def test_a_patterns_alert_stands_when_the_model_could_be_diluted_or_it_cannot_wait(text):
    assert screen(text).tier == "alert"


@pytest.mark.parametrize("text", ["hi", "no", "hello", "yes please", "im ok"])
def test_the_model_leaves_messages_under_four_words_to_the_patterns(text):
    assert screen(text).tier is None
