"""The shipped model holds its quality bar on the held-out split it never trained on.

The model never trained on the held-out split, but whoever wrote the screen's patterns had
read it (reviewers' misses went into it in the same commit as the patterns that catch them):
for the screen these are SEEN sets, regression checks only, hence ``test_seen_...``. How the
screen generalises is measured on the blind sets (``test_safeguarding_blind.py``).
"""

import csv
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from intake_app.domain.triage import load_model
from intake_app.domain.triage_training import (
    DATA_DIR,
    DEFAULT_DATA_PATH,
    TrainingLibrariesMissing,
    evaluate,
    read_rows,
    train,
)
from intake_app.taxonomy import keys

EXPECTED_KEYS = {
    "count", "type_accuracy", "category_macro_f1", "per_category", "safeguarding_recall",
    "safeguarding_precision", "confusion", "misses",
}


@pytest.fixture(scope="module")
def heldout_report():
    return evaluate(read_rows(DEFAULT_DATA_PATH, split="heldout"))


def test_labelled_set_is_big_and_covers_every_label():
    rows = read_rows(DEFAULT_DATA_PATH)
    assert len(rows) >= 400
    assert {row["type"] for row in rows} == set(keys("representation_types"))
    complaint = {row["category"] for row in rows if row["type"] == "complaint"}
    compliment = {row["category"] for row in rows if row["type"] == "compliment"}
    assert complaint == set(keys("complaint_categories"))
    assert compliment == set(keys("compliment_categories"))
    heldout = [row for row in rows if row["split"] == "heldout"]
    assert 0.2 <= len(heldout) / len(rows) <= 0.3
    assert any(row["safeguarding"] == "1" for row in heldout)


def test_seen_heldout_safeguarding_recall_is_perfect(heldout_report):
    missed = [m["text"] for m in heldout_report["misses"]
              if m["expected"]["safeguarding"] and not m["got"]["safeguarding"]]
    assert missed == []
    assert heldout_report["safeguarding_recall"] == 1.0


def test_seen_heldout_type_accuracy_is_at_least_ninety_percent(heldout_report):
    assert heldout_report["type_accuracy"] >= 0.90


def test_seen_heldout_category_macro_f1_is_at_least_point_eight(heldout_report):
    assert heldout_report["category_macro_f1"] >= 0.80


def test_report_has_the_documented_shape(heldout_report):
    assert set(heldout_report) == EXPECTED_KEYS
    assert heldout_report["count"] == len(read_rows(DEFAULT_DATA_PATH, split="heldout"))
    for miss in heldout_report["misses"]:
        assert {"text", "expected", "got"} <= set(miss)


def test_evaluate_ignores_extra_columns_and_reads_empty_categories():
    report = evaluate([
        {"text": "when is my next review?", "type": "enquiry", "category": "",
         "safeguarding": "0", "notes": "ignored"},
        {"text": "he hits me", "type": "complaint", "category": "other", "safeguarding": "1"},
    ])
    assert report["count"] == 2
    assert report["safeguarding_recall"] == 1.0


def test_training_rebuilds_the_committed_artefact_from_the_train_split_only(tmp_path: Path):
    train_only = tmp_path / "train_only.csv"
    rows = read_rows(DEFAULT_DATA_PATH)
    with train_only.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in rows if row["split"] == "train")
    version = train(DEFAULT_DATA_PATH, tmp_path / "full")
    assert train(train_only, tmp_path / "train_only") == version
    # A newly committed blind set changes this too: its messages are never learnt from.
    assert version == load_model().version, "retrain with `flask triage train` and commit"


@pytest.fixture
def cli_runner(app):
    return app.test_cli_runner()  # create_app registers every command group


def test_flask_triage_evaluate_prints_one_json_object(cli_runner, tmp_path: Path):
    path = tmp_path / "unseen.csv"
    path.write_text(
        "text,type,category,safeguarding,notes\n"
        "i wanna die,complaint,other,1,x\n"
        "when is my next review?,enquiry,,0,y\n",
        encoding="utf-8",
    )
    result = cli_runner.invoke(args=["triage", "evaluate", str(path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) == EXPECTED_KEYS
    assert report["count"] == 2
    assert report["safeguarding_recall"] == 1.0


def test_flask_triage_train_rebuilds_the_shipped_model_version(cli_runner, tmp_path: Path):
    result = cli_runner.invoke(args=["triage", "train", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert load_model().version in result.output


@pytest.fixture
def without_training_libraries(monkeypatch):
    """An install from requirements.txt alone: scikit-learn and scipy cannot be imported."""
    for module in ("sklearn", "scipy"):
        monkeypatch.setitem(sys.modules, module, None)


def test_training_without_scikit_learn_says_what_to_install(without_training_libraries,
                                                           tmp_path: Path):
    with pytest.raises(TrainingLibrariesMissing, match=r"scikit-learn and scipy.*"
                       r"requirements-train\.txt"):
        train(DEFAULT_DATA_PATH, tmp_path)
    assert not any(tmp_path.iterdir())


def test_flask_triage_train_without_scikit_learn_fails_with_a_plain_message(
    without_training_libraries, cli_runner, tmp_path: Path
):
    result = cli_runner.invoke(args=["triage", "train", "--out", str(tmp_path / "model")])
    assert result.exit_code == 1
    assert "Error: Training the triage model needs scikit-learn and scipy" in result.output
    assert "requirements-train.txt" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "model").exists()


def test_runtime_features_match_scikit_learn():
    from intake_app.domain.triage import prepare
    from intake_app.domain.triage_training import vectorisers

    texts = [prepare(row["text"]) for row in read_rows(DEFAULT_DATA_PATH, split="train")]
    words, chars = vectorisers()
    words.fit(texts)
    chars.fit(texts)
    model = load_model()
    for text in [prepare("My SW never rings me back?? 😡"), prepare("dw i eisiau gweld fy mam"),
                 *texts[:20]]:
        indices, values = model.features(text)
        expected = np.concatenate([words.transform([text]).toarray()[0],
                                   chars.transform([text]).toarray()[0]])
        got = np.zeros(len(expected) + len(model.cues))
        got[indices] = values
        np.testing.assert_allclose(got[: len(expected)], expected, rtol=1e-5, atol=1e-6)


def test_the_screen_models_features_match_scikit_learn():
    from intake_app.domain.triage import prepare
    from intake_app.domain.triage_training import screen_rows, vectorisers

    rows = screen_rows(read_rows(DEFAULT_DATA_PATH, split="train"))
    texts = [prepare(row["text"], disclosure_marker=False) for row in rows]
    words, chars = vectorisers()
    words.fit(texts)
    chars.fit(texts)
    screen = load_model().screen
    for text in [prepare("mae o'n fy nharo i", disclosure_marker=False), *texts[::150]]:
        indices, values = screen.features(text)
        expected = np.concatenate([words.transform([text]).toarray()[0],
                                   chars.transform([text]).toarray()[0]])
        got = np.zeros(len(expected) + len(screen.risk_cues))
        got[indices] = values
        np.testing.assert_allclose(got[: len(expected)], expected, rtol=1e-5, atol=1e-6)


# Shorter texts are the stock lines writers who never met each other both use ("yes", "call
# me back please"; blind set 11 shares one 30-character line with retired set 7).
STOCK_ANSWER_CHARS = 40


def test_the_screen_model_never_learns_from_a_blind_set_or_the_held_out_rows():
    from intake_app.domain.triage_training import HELD_OUT_PREFIX, SCREEN_SETS, screen_rows

    assert not any("blind" in name for name in SCREEN_SETS)
    held_out = {row["text"] for name in SCREEN_SETS for row in read_rows(DATA_DIR / name)
                if row["id"].startswith(HELD_OUT_PREFIX)}
    assert held_out
    # Stock answers ("A children's home") recur in every set; no message is shared.
    assert not {text for text in held_out & {row["text"] for row in screen_rows([])}
                if len(text) >= STOCK_ANSWER_CHARS}
