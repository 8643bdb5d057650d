"""Production refuses to start with the embedded default's example council details: a
frightened child must never be told to call a number that is not the council's."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app import create_app
from intake_app.config import PlaceholderCouncilDetails

POSTGRES_URL = "postgresql+psycopg://intake@127.0.0.1:1/intake"  # never connected to
REAL_DETAILS = {"COUNCIL_NAME": "Northshire County Council", "COUNCIL_PHONE": "0300 555 0123",
                "OUT_OF_HOURS_NUMBER": "0300 555 0999"}


def _production(tmp_path: Path, **overrides: str) -> dict[str, object]:
    return {"INSTANCE_PATH": str(tmp_path / "instance"), "SQLALCHEMY_DATABASE_URI": POSTGRES_URL,
            **REAL_DETAILS, **overrides}


@pytest.mark.parametrize("name", sorted(REAL_DETAILS))
def test_production_will_not_start_with_an_example_council_detail(tmp_path: Path,
                                                                   name: str) -> None:
    config = _production(tmp_path)
    del config[name]  # left at its default
    with pytest.raises(PlaceholderCouncilDetails) as refused:
        create_app(config)
    assert name in str(refused.value) and "README" in str(refused.value)


def test_production_starts_with_the_councils_own_details(tmp_path: Path) -> None:
    app = create_app(_production(tmp_path))
    assert app.config["COUNCIL_PHONE"] == "0300 555 0123"


def test_the_embedded_default_keeps_its_examples_so_a_fresh_checkout_runs(
        tmp_path: Path) -> None:
    app = create_app({"INSTANCE_PATH": str(tmp_path / "instance"),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'intake.db'}"})
    assert app.config["COUNCIL_PHONE"] == "0300 123 4000"
