"""The screen measured on blind sets: messages written by someone who never saw the patterns,
committed before the patterns changed (``data/evaluation/``, see its README). Once a round
has been measured on them they are retired into training (``intake_app/data/``,
``test_safeguarding_seen_retired.py``); blind sets 14 and 15 measure round 11, and 16 and 17,
written after it, measure it again before round 12.

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
BLIND_14 = EVALUATION / "safeguarding_blind_14.csv"
BLIND_15 = EVALUATION / "safeguarding_blind_15.csv"
BLIND_16 = EVALUATION / "safeguarding_blind_16.csv"
BLIND_17 = EVALUATION / "safeguarding_blind_17.csv"

# What earlier rounds measured on sets now retired is in the README ("Safeguarding screen")
# and data/evaluation/RETIRED.md.
#
# Blind set 14 (576 messages, an even mix; committed in 81218ad before round 11 changed
# anything), measured once on round 10's screen: recall 0.9786 (229/234), precision 0.7710,
# no immediate-risk miss of 64, 0.9474 of concern rows seen by a person; after round 11:
# 0.9829 (230/234), 0.7986, 0, 0.9368; with the model no longer learning five lines earlier
# writers had also written (``triage_training.blind_texts``): 0.9829, 0.8014, 0, 0.9474; and
# with the model no longer learning lines of blind sets 16 and 17 either: 0.9829, 0.7986, 0,
# 0.9474.
BLIND_14_FLOOR = {"recall": 0.9829, "precision": 0.7986, "immediate_missed": 0,
                  "concern_seen_by_a_person": 0.9473}
# Blind set 15 (601 messages, mostly SMS and chat; committed in fa4c840 before round 11),
# measured once on round 10's screen: recall 0.9841 (248/252), precision 0.8407, 2 of 74
# immediate-risk messages missed, 0.8851 of concern rows seen; after round 11: 0.9841,
# 0.8552, 2, 0.8851; without the five shared lines: 0.9841, 0.8522, 2, 0.8736; without the
# lines of sets 16 and 17 either: 0.9841, 0.8552, 2, 0.8851.
BLIND_15_FLOOR = {"recall": 0.9841, "precision": 0.8552, "immediate_missed": 2,
                  "concern_seen_by_a_person": 0.885}
# Blind sets 16 (599 messages, an even mix; 3c940d8) and 17 (584, mostly SMS and chat;
# 78f489b) were written after round 11, before round 12 changes anything: round 11 measured
# on them, with the model learning none of their lines: set 16 recall 0.9957 (230/231),
# precision 0.8394, no immediate-risk miss of 61, 0.957 of concern rows seen; set 17 recall
# 0.9693 (253/261), precision 0.8462, none of 75 missed, 0.9789.
BLIND_16_FLOOR = {"recall": 0.9956, "precision": 0.8394, "immediate_missed": 0,
                  "concern_seen_by_a_person": 0.9569}
BLIND_17_FLOOR = {"recall": 0.9693, "precision": 0.8462, "immediate_missed": 0,
                  "concern_seen_by_a_person": 0.9788}


SETS = {
    "blind set 14": (BLIND_14, {"rows": 576, "labels": {"alert": 234, "concern": 95,
                                                         "none": 247}, "immediate": 64},
                     BLIND_14_FLOOR),
    "blind set 15": (BLIND_15, {"rows": 601, "labels": {"alert": 252, "concern": 87,
                                                         "none": 262}, "immediate": 74},
                     BLIND_15_FLOOR),
    "blind set 16": (BLIND_16, {"rows": 599, "labels": {"alert": 231, "concern": 93,
                                                         "none": 275}, "immediate": 61},
                     BLIND_16_FLOOR),
    "blind set 17": (BLIND_17, {"rows": 584, "labels": {"alert": 261, "concern": 95,
                                                         "none": 228}, "immediate": 75},
                     BLIND_17_FLOOR),
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
    pytest.param("blind set 14", marks=pytest.mark.xfail(
        strict=True, reason="blind set 14: recall 0.983, precision 0.799; see issue 12")),
    pytest.param("blind set 15", marks=pytest.mark.xfail(
        strict=True, reason="blind set 15: recall 0.984, precision 0.855, 2 immediate-risk "
                            "misses; see issue 12")),
    pytest.param("blind set 16", marks=pytest.mark.xfail(
        strict=True, reason="blind set 16: recall 0.996, precision 0.839; see issue 12")),
    pytest.param("blind set 17", marks=pytest.mark.xfail(
        strict=True, reason="blind set 17: recall 0.969, precision 0.846; see issue 12")),
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


def test_the_screen_model_never_learns_a_blind_message():
    """Not even one an earlier writer, who never saw the blind set, wrote word for word."""
    from intake_app.domain.triage_training import DEFAULT_DATA_PATH, screen_rows

    blind = {row["text"] for path, _, _ in SETS.values() for row in read_rows(path)}
    trained = {row["text"] for row in screen_rows(read_rows(DEFAULT_DATA_PATH, split="train"))}
    assert not blind & trained


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
    result = cli_runner.invoke(args=["triage", "evaluate", str(BLIND_14)])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert all(value is None or isinstance(value, Number) for value in _leaves(report))
