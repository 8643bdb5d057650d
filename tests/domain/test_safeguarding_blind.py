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

# What the screen achieved on blind set 1 when it was last changed (README, "Safeguarding
# screen: how it is measured"). A change may only keep or improve these.
# Before issue 12's changes: recall 0.7892, precision 0.6093, 9 immediate misses, 0.7174 of
# concern rows seen by a person; after round 1: 0.8434, 0.6452, 6, 0.8043.
BLIND_1_FLOOR = {"recall": 0.8554, "precision": 0.6636, "immediate_missed": 6,
                 "concern_seen_by_a_person": 0.8043}
# Blind set 2 (written and committed before round 2 changed the screen), measured once in
# round 2 after its changes. Before round 2: recall 0.8642 (140/162), precision 0.6763.
BLIND_2_FLOOR = {"recall": 0.8888, "precision": 0.7024, "immediate_missed": 2,
                 "concern_seen_by_a_person": 0.7674}


@pytest.fixture(scope="module")
def blind_1() -> dict:
    return evaluate_screen(read_rows(BLIND_1))


@pytest.fixture(scope="module")
def blind_2() -> dict:
    return evaluate_screen(read_rows(BLIND_2))


def _figures(report: dict) -> dict:
    return {"recall": report["alert"]["recall"], "precision": report["alert"]["precision"],
            "immediate_missed": report["immediate"]["missed"],
            "concern_seen_by_a_person": report["concern"]["seen_by_a_person"]}


def test_blind_set_1_is_intact_and_read_as_a_screen_set(blind_1):
    assert is_screen_set(list(read_rows(BLIND_1)[0]))
    assert blind_1["rows"] == 407
    assert blind_1["labels"] == {"alert": 166, "concern": 46, "none": 195}
    assert blind_1["immediate"]["total"] == 37


@pytest.mark.xfail(strict=True, reason="blind set 1: recall 0.855, precision 0.664, 6 "
                   "immediate-risk misses; see issue 12")
def test_blind_set_1_meets_the_issue_thresholds(blind_1):
    figures = _figures(blind_1)
    assert figures["recall"] >= 0.98, figures
    assert figures["precision"] >= 0.85, figures
    assert figures["immediate_missed"] == 0, figures


def test_blind_set_1_figures_do_not_get_worse(blind_1):
    figures = _figures(blind_1)
    assert figures["recall"] >= BLIND_1_FLOOR["recall"], figures
    assert figures["precision"] >= BLIND_1_FLOOR["precision"], figures
    assert figures["immediate_missed"] <= BLIND_1_FLOOR["immediate_missed"], figures
    assert figures["concern_seen_by_a_person"] >= BLIND_1_FLOOR["concern_seen_by_a_person"], (
        figures)


def test_blind_set_2_is_intact_and_read_as_a_screen_set(blind_2):
    assert is_screen_set(list(read_rows(BLIND_2)[0]))
    assert blind_2["rows"] == 418
    assert blind_2["labels"] == {"alert": 162, "concern": 43, "none": 213}
    assert blind_2["immediate"]["total"] == 48


@pytest.mark.xfail(strict=True, reason="blind set 2: recall 0.889, precision 0.702, 2 "
                   "immediate-risk misses; see issue 12")
def test_blind_set_2_meets_the_issue_thresholds(blind_2):
    figures = _figures(blind_2)
    assert figures["recall"] >= 0.98, figures
    assert figures["precision"] >= 0.85, figures
    assert figures["immediate_missed"] == 0, figures


def test_blind_set_2_figures_do_not_get_worse(blind_2):
    figures = _figures(blind_2)
    assert figures["recall"] >= BLIND_2_FLOOR["recall"], figures
    assert figures["precision"] >= BLIND_2_FLOOR["precision"], figures
    assert figures["immediate_missed"] <= BLIND_2_FLOOR["immediate_missed"], figures
    assert figures["concern_seen_by_a_person"] >= BLIND_2_FLOOR["concern_seen_by_a_person"], (
        figures)


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    else:
        yield value


@pytest.fixture
def cli_runner(app):
    from intake_app.cli.triage import triage_cli

    if "triage" not in app.cli.commands:
        app.cli.add_command(triage_cli)
    return app.test_cli_runner()


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
