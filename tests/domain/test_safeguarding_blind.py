"""The screen measured on blind sets: messages written by someone who never saw the patterns,
committed before the patterns changed (``data/evaluation/``, see its README).

Only aggregate figures are computed and asserted; a failure message shows figures, never a
message's text. Nobody writing patterns reads these files.
"""

from __future__ import annotations

import json
from numbers import Number
from pathlib import Path

import pytest

from intake_app.domain.safeguarding_evaluation import evaluate_screen, is_screen_set
from intake_app.domain.triage_training import read_rows

EVALUATION = Path(__file__).resolve().parents[2] / "data" / "evaluation"
BLIND_1 = EVALUATION / "safeguarding_blind_1.csv"
BLIND_2 = EVALUATION / "safeguarding_blind_2.csv"
BLIND_3 = EVALUATION / "safeguarding_blind_3.csv"
BLIND_4 = EVALUATION / "safeguarding_blind_4.csv"
BLIND_5 = EVALUATION / "safeguarding_blind_5.csv"
BLIND_6 = EVALUATION / "safeguarding_blind_6.csv"
BLIND_7 = EVALUATION / "safeguarding_blind_7.csv"

# What the screen achieved on blind set 1 when it was last changed (README, "Safeguarding
# screen: how it is measured"). A change may only keep or improve these.
# Before issue 12's changes: recall 0.7892, precision 0.6093, 9 immediate misses, 0.7174 of
# concern rows seen by a person; after round 1: 0.8434, 0.6452, 6, 0.8043; after round 2:
# 0.8554, 0.6636, 6, 0.8043; after round 3: 0.8735, 0.6905, 5, 0.8043; after round 4 (the
# screen's own model, trained on every seen set): 0.9940 (165/166), 0.7112, 0, 0.8913.
BLIND_1_FLOOR = {"recall": 0.9939, "precision": 0.7112, "immediate_missed": 0,
                 "concern_seen_by_a_person": 0.8913}
# Blind set 2 (written and committed before round 2 changed the screen), measured once in
# round 2 after its changes. Before round 2: recall 0.8642 (140/162), precision 0.6763.
# After round 2: 0.8889 (144/162), 0.7024, 2 immediate missed, 0.7674 of concern rows seen.
# Round 3 cost this set two alerts (142/162: past harm told as settled now raises a concern,
# which moved two alerts to the concern tier, and one more went silent) and one concern
# row (0.7442), while sets 1 and 3 gained (net over the three sets: 6 more alerts caught);
# the floor records that trade honestly rather than hide it. After round 4: 0.9691 (157/162),
# 0.7696, 0 immediate missed, 0.8605.
BLIND_2_FLOOR = {"recall": 0.9691, "precision": 0.7696, "immediate_missed": 0,
                 "concern_seen_by_a_person": 0.8604}
# Blind set 3 (written and committed before round 3), measured once before round 3 changed
# anything: recall 0.7679 (172/224), precision 0.6908, 16 of 52 immediate-risk messages
# missed, 17 of the 52 misses in Welsh, 0.6667 of concern rows seen by a person. Measured
# once after round 3: recall 0.7902 (177/224), precision 0.7080, 14 immediate missed,
# 13 Welsh misses, 0.6481 of concern rows seen (one fewer). After round 4: 0.9598 (215/224),
# 0.7847, 1 immediate missed, no Welsh miss, 0.8333.
BLIND_3_FLOOR = {"recall": 0.9597, "precision": 0.7846, "immediate_missed": 1,
                 "concern_seen_by_a_person": 0.8333}
# Blind set 4 (written and committed before round 4 changed anything), measured once before
# round 4: recall 0.8794 (175/199), precision 0.7028, 15 of 62 immediate-risk messages
# missed, 9 of the 24 misses in Welsh, 0.78 of concern rows seen by a person. Measured once
# after round 4: 0.9799 (195/199), 0.7769, 3 immediate missed, no Welsh miss, 0.96.
BLIND_4_FLOOR = {"recall": 0.9798, "precision": 0.7768, "immediate_missed": 3,
                 "concern_seen_by_a_person": 0.96}
# Blind set 5 (written and committed after round 4, before a change for short messages was
# tried; 188 of its 400 rows have 12 words or fewer), measured once with round 4's screen:
# recall 0.9682 (152/157), precision 0.7273, 3 of 50 immediate-risk messages missed, 0.8889
# of concern rows seen. The short-message change (a short message with no risk word, no
# danger told as now and a model score under 0.75 read as a concern) measured 0.9618,
# 0.7626, 4 missed: one immediate-risk message would have waited for the next working day,
# so it was not kept (README, round 5).
BLIND_5_FLOOR = {"recall": 0.9681, "precision": 0.7272, "immediate_missed": 3,
                 "concern_seen_by_a_person": 0.8888}
# Blind set 6 (committed before round 6: an idiom no longer silences a short disclosure
# beside it, and "call me back please" alone is no alert), measured once before round 6:
# recall 0.9577 (136/142), precision 0.8193, 1 of 48 immediate-risk messages missed, 0.871
# of concern rows seen; once after: 0.9577, 0.8242 (one ordinary message fewer raised), 1,
# 0.871. Sets 1 to 5 were unchanged by round 6.
BLIND_6_FLOOR = {"recall": 0.9577, "precision": 0.8242, "immediate_missed": 1,
                 "concern_seen_by_a_person": 0.8709}
# Blind set 7 (268 messages, many of them SMS and chat turns; committed before round 7: the
# service's own STATUS and LOOK AGAIN commands are not read as disclosures), measured once
# before round 7: recall 0.9643 (108/112), precision 0.8244, 2 of 37 immediate-risk
# messages missed, 0.9231 of concern rows seen; once after: 0.9643, 0.8640 (13 ordinary
# messages raised as alerts down to 7), 2, 0.9231. Sets 1 to 6 were unchanged by round 7.
BLIND_7_FLOOR = {"recall": 0.9642, "precision": 0.8640, "immediate_missed": 2,
                 "concern_seen_by_a_person": 0.9230}


SETS = {
    "blind set 1": (BLIND_1, {"rows": 407, "labels": {"alert": 166, "concern": 46, "none": 195},
                              "immediate": 37}, BLIND_1_FLOOR),
    "blind set 2": (BLIND_2, {"rows": 418, "labels": {"alert": 162, "concern": 43, "none": 213},
                              "immediate": 48}, BLIND_2_FLOOR),
    "blind set 3": (BLIND_3, {"rows": 488, "labels": {"alert": 224, "concern": 54, "none": 210},
                              "immediate": 52}, BLIND_3_FLOOR),
    "blind set 4": (BLIND_4, {"rows": 440, "labels": {"alert": 199, "concern": 50, "none": 191},
                              "immediate": 62}, BLIND_4_FLOOR),
    "blind set 5": (BLIND_5, {"rows": 400, "labels": {"alert": 157, "concern": 45, "none": 198},
                              "immediate": 50}, BLIND_5_FLOOR),
    "blind set 6": (BLIND_6, {"rows": 332, "labels": {"alert": 142, "concern": 31, "none": 159},
                              "immediate": 48}, BLIND_6_FLOOR),
    "blind set 7": (BLIND_7, {"rows": 268, "labels": {"alert": 112, "concern": 26, "none": 130},
                              "immediate": 37}, BLIND_7_FLOOR),
}


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    """Each blind set evaluated once for the module."""
    return {name: evaluate_screen(read_rows(path)) for name, (path, _, _) in SETS.items()}


def _figures(report: dict) -> dict:
    return {"recall": report["alert"]["recall"], "precision": report["alert"]["precision"],
            "immediate_missed": report["immediate"]["missed"],
            "concern_seen_by_a_person": report["concern"]["seen_by_a_person"]}


@pytest.mark.parametrize("name", SETS)
def test_blind_set_is_intact_and_read_as_a_screen_set(reports, name):
    path, expected, _floor = SETS[name]
    report = reports[name]
    assert is_screen_set(list(read_rows(path)[0]))
    assert report["rows"] == expected["rows"]
    assert report["labels"] == expected["labels"]
    assert report["immediate"]["total"] == expected["immediate"]


@pytest.mark.parametrize("name", [
    pytest.param("blind set 1", marks=pytest.mark.xfail(
        strict=True, reason="blind set 1: recall 0.994, precision 0.711; see issue 12")),
    pytest.param("blind set 2", marks=pytest.mark.xfail(
        strict=True, reason="blind set 2: recall 0.969, precision 0.770; see issue 12")),
    pytest.param("blind set 3", marks=pytest.mark.xfail(
        strict=True, reason="blind set 3: recall 0.960, precision 0.785, 1 immediate-risk "
                            "miss; see issue 12")),
    pytest.param("blind set 4", marks=pytest.mark.xfail(
        strict=True, reason="blind set 4: recall 0.980, precision 0.777, 3 immediate-risk "
                            "misses; see issue 12")),
    pytest.param("blind set 5", marks=pytest.mark.xfail(
        strict=True, reason="blind set 5: recall 0.968, precision 0.727, 3 immediate-risk "
                            "misses; see issue 12")),
    pytest.param("blind set 6", marks=pytest.mark.xfail(
        strict=True, reason="blind set 6: recall 0.958, precision 0.824, 1 immediate-risk "
                            "miss; see issue 12")),
    pytest.param("blind set 7", marks=pytest.mark.xfail(
        strict=True, reason="blind set 7: recall 0.964, precision 0.864, 2 immediate-risk "
                            "misses; see issue 12")),
])
def test_blind_set_meets_the_issue_thresholds(reports, name):
    figures = _figures(reports[name])
    assert figures["recall"] >= 0.98, figures
    assert figures["precision"] >= 0.85, figures
    assert figures["immediate_missed"] == 0, figures


@pytest.mark.parametrize("name", SETS)
def test_blind_set_figures_do_not_get_worse(reports, name):
    floor = SETS[name][2]
    figures = _figures(reports[name])
    assert figures["recall"] >= floor["recall"], figures
    assert figures["precision"] >= floor["precision"], figures
    assert figures["immediate_missed"] <= floor["immediate_missed"], figures
    assert figures["concern_seen_by_a_person"] >= floor["concern_seen_by_a_person"], figures


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    else:
        yield value


@pytest.fixture
def cli_runner(app):
    return app.test_cli_runner()  # create_app registers every command group


def test_flask_triage_evaluate_reads_a_screen_set_by_its_header(cli_runner, tmp_path: Path):
    path = tmp_path / "screen.csv"
    path.write_text(
        "id,text,label,kind,immediate,voice,language\n"
        "x1,i took 20 paracetamol an hour ago,alert,overdose_poisoning,1,child_plain,en\n"
        "x2,when is my next review?,none,,0,child_plain,en\n"
        "x3,he hits me,alert,physical_abuse,0,child_plain,en\n",
        encoding="utf-8",
    )
    result = cli_runner.invoke(args=["triage", "evaluate", str(path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["rows"] == 3 and report["alert"]["total"] == 2
    assert report["immediate"]["total"] == 1
    assert "paracetamol" not in result.output and "review" not in result.output


def test_the_blind_set_report_holds_figures_only(cli_runner):
    result = cli_runner.invoke(args=["triage", "evaluate", str(BLIND_1)])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert all(value is None or isinstance(value, Number) for value in _leaves(report))
