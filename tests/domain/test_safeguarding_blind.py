"""The screen measured on blind sets: messages written by someone who never saw the patterns,
committed before the patterns changed (``data/evaluation/``, see its README). Once a round
has been measured on them they are retired into training (``intake_app/data/``,
``test_safeguarding_seen_retired.py``); blind sets 10 and 11 measure round 9.

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
BLIND_10 = EVALUATION / "safeguarding_blind_10.csv"
BLIND_11 = EVALUATION / "safeguarding_blind_11.csv"

# Round 8 was measured on blind sets 8 and 9 (now retired into training): set 8 went from
# recall 0.9825, precision 0.7915, 2 immediate-risk misses to 0.9912, 0.8561, 0 (the bar met),
# set 9 from 0.9675, 0.7376, 1 to 0.9805, 0.8297, 0 (README, round 8).
#
# Blind set 10 (551 messages, the issue's mix; committed in d085204 before round 9 changed
# anything), measured once on round 8's screen: recall 0.9868 (225/228), precision 0.7812,
# 0 of 61 immediate-risk messages missed, 0.9189 of concern rows seen by a person; once after
# round 9 (sets 8 and 9 and a written training set learnt from, a model that is sure keeps
# its alert over settled-sounding words): 0.9912 (226/228), 0.7902, 0, 0.9324.
BLIND_10_FLOOR = {"recall": 0.9912, "precision": 0.7902, "immediate_missed": 0,
                  "concern_seen_by_a_person": 0.9324}
# Blind set 11 (407 messages, mostly web-form letters and professionals' notes; committed in
# c5ba23d before round 9), measured once on round 8's screen: recall 0.9755 (159/163),
# precision 0.7260, 0 of 54 immediate-risk messages missed, 0.9692 of concern rows seen; once
# after round 9: 0.9755, 0.7644, 0, 0.9692.
BLIND_11_FLOOR = {"recall": 0.9754, "precision": 0.7644, "immediate_missed": 0,
                  "concern_seen_by_a_person": 0.9692}


SETS = {
    "blind set 10": (BLIND_10, {"rows": 551, "labels": {"alert": 228, "concern": 74,
                                                         "none": 249}, "immediate": 61},
                     BLIND_10_FLOOR),
    "blind set 11": (BLIND_11, {"rows": 407, "labels": {"alert": 163, "concern": 65,
                                                         "none": 179}, "immediate": 54},
                     BLIND_11_FLOOR),
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
    pytest.param("blind set 10", marks=pytest.mark.xfail(
        strict=True, reason="blind set 10: recall 0.991, precision 0.790; see issue 12")),
    pytest.param("blind set 11", marks=pytest.mark.xfail(
        strict=True, reason="blind set 11: recall 0.975, precision 0.764; see issue 12")),
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
    result = cli_runner.invoke(args=["triage", "evaluate", str(BLIND_10)])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert all(value is None or isinstance(value, Number) for value in _leaves(report))
