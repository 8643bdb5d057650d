"""``flask triage`` commands: rebuild the triage model, measure it (or the safeguarding
screen alone, on a blind set) on a labelled CSV, and export officers' corrections as
labelled data.

Thin wrappers over ``intake_app.domain.triage_training`` (so the same code runs in tests
without an app) and, for the corrections, ``services.triage_corrections``. ``evaluate``
prints exactly one JSON object, for scripts to read.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
from flask.cli import AppGroup

from ..domain import safeguarding_evaluation, triage_training
from ..domain.triage import MODEL_DIR
from ..services import triage_corrections

triage_cli = AppGroup("triage", help="Train and evaluate the automatic triage model.")


@triage_cli.command("train")
@click.option(
    "--data",
    "data_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=triage_training.DEFAULT_DATA_PATH,
    show_default=True,
    help="Labelled CSV; only rows whose split is 'train' are used.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=MODEL_DIR,
    show_default=True,
    help="Directory for the artefact (the app loads it from the default).",
)
def train_command(data_path: Path, out_dir: Path) -> None:
    """Rebuild the model artefact from the repository's training data (needs the training
    extra, requirements-train.txt)."""
    try:
        version = triage_training.train(data_path, out_dir)
    except triage_training.TrainingLibrariesMissing as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"triage model {version} written to {out_dir}")


@triage_cli.command("evaluate")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def evaluate_command(csv_path: Path) -> None:
    """Measure triage on CSV_PATH (columns text,type,category,safeguarding), or the
    safeguarding screen on a blind set (columns id,text,label,kind,immediate,voice,language):
    recall and precision of the alert tier, concern handling, immediate-risk misses, as
    figures only (never a message's text)."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        fieldnames = csv.DictReader(handle).fieldnames
    if safeguarding_evaluation.is_screen_set(fieldnames):
        report = safeguarding_evaluation.evaluate_screen(triage_training.read_rows(csv_path))
    else:
        report = triage_training.evaluate(triage_training.read_rows(csv_path))
    click.echo(json.dumps(report, ensure_ascii=False))


@triage_cli.command("export-corrections")
@click.argument("csv_path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_corrections_command(csv_path: Path) -> None:
    """Write officers' corrections to CSV_PATH as labelled data (the latest per record), in
    the columns ``flask triage evaluate`` reads."""
    count = triage_corrections.export_corrections(csv_path, actor="cli")
    click.echo(f"{count} corrected records written to {csv_path}")
