"""The screen measured on blind sets: messages written by someone who never saw the patterns,
committed before the patterns changed (``data/evaluation/``, see its README). Once a round
has been measured on them they are retired into training (``intake_app/data/``,
``test_safeguarding_seen_retired.py``); blind sets 12 and 13 measure round 10.

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
BLIND_12 = EVALUATION / "safeguarding_blind_12.csv"
BLIND_13 = EVALUATION / "safeguarding_blind_13.csv"

# Earlier rounds were measured on sets now retired into training (README, rounds 8 and 9):
# round 8 on sets 8 (the bar met: recall 0.9912, precision 0.8561, no immediate-risk miss) and
# 9 (0.9805, 0.8297, 0); round 9 on sets 10 (0.9912, 0.7902, 0) and 11 (0.9755, 0.7644, 0).
#
# Blind set 12 (462 messages, mostly SMS and chat turns; committed in 46fcf22 before round 10
# changed anything), measured once on round 9's screen: recall 0.9722 (175/180), precision
# 0.7991, 1 of 52 immediate-risk messages missed, 1.0 of concern rows seen by a person; once
# after round 10 (sets 10 and 11 and four written training sets learnt from): 0.9889
# (178/180), 0.8599, 0, 0.9839.
BLIND_12_FLOOR = {"recall": 0.9888, "precision": 0.8599, "immediate_missed": 0,
                  "concern_seen_by_a_person": 0.9838}
# Blind set 13 (600 messages, an even mix; committed in 9d54159 before round 10), measured
# once on round 9's screen: recall 0.9885 (257/260), precision 0.7932, 1 of 76 immediate-risk
# messages missed, 0.9747 of concern rows seen; once after round 10: 0.9885, 0.8185, 1,
# 0.9494.
BLIND_13_FLOOR = {"recall": 0.9884, "precision": 0.8185, "immediate_missed": 1,
                  "concern_seen_by_a_person": 0.9493}


SETS = {
    "blind set 12": (BLIND_12, {"rows": 462, "labels": {"alert": 180, "concern": 62,
                                                         "none": 220}, "immediate": 52},
                     BLIND_12_FLOOR),
    "blind set 13": (BLIND_13, {"rows": 600, "labels": {"alert": 260, "concern": 79,
                                                         "none": 261}, "immediate": 76},
                     BLIND_13_FLOOR),
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
    "blind set 12",
    pytest.param("blind set 13", marks=pytest.mark.xfail(
        strict=True, reason="blind set 13: recall 0.989, precision 0.819, 1 immediate-risk "
                            "miss; see issue 12")),
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


def test_no_blind_set_is_also_training_data():
    from intake_app.domain.triage_training import DATA_DIR, SCREEN_SETS
    from tests.domain.test_triage_evaluation import STOCK_ANSWER_CHARS

    blind = {row["text"] for path, _, _ in SETS.values() for row in read_rows(path)}
    trained = {row["text"] for name in SCREEN_SETS for row in read_rows(DATA_DIR / name)}
    # Stock answers ("yes", "A children's home") recur in every set; no message is shared.
    assert not {text for text in blind & trained if len(text) >= STOCK_ANSWER_CHARS}


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
    result = cli_runner.invoke(args=["triage", "evaluate", str(BLIND_12)])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert all(value is None or isinstance(value, Number) for value in _leaves(report))
