"""Blind sets 1 to 13, retired into training once each had measured a round (1 to 7 in round
8, 8 and 9 in round 9, 10 and 11 in round 10, 12 and 13 in round 11; ``intake_app/data/``):
seen now, so their figures are regression data, not evidence of how the screen does on fresh
words (the blind sets still in ``data/evaluation/`` are, ``test_safeguarding_blind.py``). What
each measured while it was blind is in the README's tables and in data/evaluation/RETIRED.md.
"""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding_evaluation import evaluate_screen
from intake_app.domain.triage_training import DATA_DIR, read_rows

# Measured with round 11's model, which was trained on them: (recall, precision, immediate
# missed). A change may only keep or improve these. (A loose "back then" no longer makes a
# disclosure past, which raised one more past matter in set 11 as an alert: 0.9106 to
# 0.9056.)
FLOORS = {
    1: (1.0, 0.883, 0), 2: (1.0, 0.9153, 0), 3: (1.0, 0.9532, 0), 4: (1.0, 0.9045, 0),
    5: (1.0, 0.9181, 0), 6: (1.0, 0.9467, 0), 7: (0.9910, 0.9911, 1), 8: (1.0, 0.95, 0),
    9: (1.0, 0.939, 0), 10: (1.0, 0.8669, 0), 11: (1.0, 0.9056, 0), 12: (1.0, 0.9474, 0),
    13: (1.0, 0.9353, 0),
}


@pytest.mark.parametrize("number", FLOORS)
def test_seen_retired_set_figures_do_not_fall(number):
    report = evaluate_screen(read_rows(DATA_DIR / f"safeguarding_seen_retired_set_{number}.csv"))
    recall, precision, missed = FLOORS[number]
    assert report["alert"]["recall"] >= recall, report["alert"]
    assert report["alert"]["precision"] >= precision, report["alert"]
    assert report["immediate"]["missed"] <= missed, report["immediate"]
