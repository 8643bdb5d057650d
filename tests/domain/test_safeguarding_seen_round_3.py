"""Issue 12, round 3: the development sets written by the engineer who changed the screen
(seen, not blind), in ``safeguarding_seen_round_3.csv``.

Five sets, each written before the changes it was then used for: ``s3-`` (336 messages:
Welsh with mutations and code-switching, text-speak, immediate risk, professional reports),
``s3b-`` (142, written after the first set's changes, to see whether they carried over),
``s3c-`` (85), ``s3d-`` (79) and ``s3e-`` (67), each measured once before being tuned on.
Once tuned on, they guard against regressions and say nothing about how the screen
generalises (that is ``test_safeguarding_blind.py``). The floors are the figures with the
patterns and the model of round 3.
"""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding import screen
from intake_app.domain.safeguarding_evaluation import evaluate_screen
from intake_app.domain.triage_training import DATA_DIR, read_rows

SEEN = read_rows(DATA_DIR / "safeguarding_seen_round_3.csv")
WELSH_ALERTS = [row["text"] for row in SEEN if row["label"] == "alert"
                and row["language"] == "cy"]
IMMEDIATE = [row["text"] for row in SEEN if row["label"] == "alert"
             and row["immediate"] == "1"]


@pytest.fixture(scope="module")
def report() -> dict:
    return evaluate_screen(SEEN)


def test_seen_round_3_sets_cover_welsh_text_speak_and_immediate_risk():
    voices = {row["voice"] for row in SEEN}
    assert {"welsh", "child_textspeak", "third_person_professional", "teen_care_leaver"} <= voices
    assert len(SEEN) >= 700
    assert len(WELSH_ALERTS) >= 100
    assert len(IMMEDIATE) >= 110


def test_seen_round_3_figures_do_not_fall(report):
    alert = report["alert"]
    assert alert["recall"] >= 0.997, alert
    assert alert["precision"] >= 0.888, alert
    assert report["immediate"]["missed"] == 0, report["immediate"]
    assert report["none"]["as_alert"] <= 23, report["none"]
    assert report["concern"]["as_alert"] <= 22, report["concern"]


@pytest.mark.parametrize("text", WELSH_ALERTS + IMMEDIATE)
def test_seen_round_3_welsh_and_immediate_disclosures_are_alerts(text):
    assert screen(text).tier == "alert"
