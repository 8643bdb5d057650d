"""Blind sets 1 to 11, retired into training once each had measured a round (1 to 7 in round
8, 8 and 9 in round 9, 10 and 11 in round 10; ``intake_app/data/``): seen now, so their
figures are regression data, not evidence of how the screen does on fresh words (the blind
sets still in ``data/evaluation/`` are, ``test_safeguarding_blind.py``). What each measured
while it was blind is in the README's tables and in data/evaluation/RETIRED.md.
"""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding_evaluation import evaluate_screen
from intake_app.domain.triage_training import DATA_DIR, read_rows

# Measured with round 10's model, which was trained on them: (recall, precision, immediate
# missed). A change may only keep or improve these. (Round 10's retraining moved set 7's
# precision from 0.9823 to 0.9737: three more ordinary turns raised, in a set now trained on.)
FLOORS = {
    1: (1.0, 0.8384, 0), 2: (1.0, 0.905, 0), 3: (1.0, 0.9295, 0), 4: (1.0, 0.8924, 0),
    5: (1.0, 0.882, 0), 6: (1.0, 0.9161, 0), 7: (0.9910, 0.9737, 1), 8: (1.0, 0.9194, 0),
    9: (1.0, 0.8953, 0), 10: (1.0, 0.8352, 0), 11: (1.0, 0.8763, 0),
}


@pytest.mark.parametrize("number", FLOORS)
def test_seen_retired_set_figures_do_not_fall(number):
    report = evaluate_screen(read_rows(DATA_DIR / f"safeguarding_seen_retired_set_{number}.csv"))
    recall, precision, missed = FLOORS[number]
    assert report["alert"]["recall"] >= recall, report["alert"]
    assert report["alert"]["precision"] >= precision, report["alert"]
    assert report["immediate"]["missed"] <= missed, report["immediate"]
