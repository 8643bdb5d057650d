"""The service runs on requirements.txt alone: scikit-learn and scipy only train the model
(requirements-train.txt), so nothing the app imports may need them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter, where the training libraries cannot be imported at all.
WITHOUT_TRAINING_LIBRARIES = """
import importlib, pkgutil, sys
sys.modules["sklearn"] = None
sys.modules["scipy"] = None
import intake_app
for module in pkgutil.walk_packages(intake_app.__path__, "intake_app."):
    importlib.import_module(module.name)
from intake_app.domain.model_runtime import load_model
from intake_app.domain.triage import triage
result = triage("my social worker never rings me back")
assert result.model_version == load_model().version, result.model_version
assert "model_missing" not in result.flags, result.flags
print("ok")
"""


def test_every_module_imports_and_triage_reads_the_model_without_scikit_learn_or_scipy():
    completed = subprocess.run(
        [sys.executable, "-c", WITHOUT_TRAINING_LIBRARIES],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert completed.stdout.strip() == "ok"
