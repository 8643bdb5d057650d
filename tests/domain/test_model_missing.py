"""A model that cannot be read is loud: logged, the record goes to a person, /healthz says so."""

from __future__ import annotations

import gzip
import logging

import pytest

from intake_app.domain import model_runtime
from intake_app.domain.model_runtime import ARTEFACT_NAME, ModelUnavailable, load_model
from intake_app.domain.safeguarding import screen
from intake_app.domain.triage import triage
from intake_app.extensions import db
from intake_app.models import Representation


@pytest.fixture
def corrupt_model(tmp_path, monkeypatch):
    (tmp_path / ARTEFACT_NAME).write_bytes(gzip.compress(b"not a pickle at all"))
    monkeypatch.setattr(model_runtime, "MODEL_DIR", tmp_path)
    return tmp_path


@pytest.fixture
def truncated_model(tmp_path, monkeypatch):
    (tmp_path / ARTEFACT_NAME).write_bytes((model_runtime.Path(model_runtime.__file__).parent
                                            / "triage_model" / ARTEFACT_NAME).read_bytes()[:500])
    monkeypatch.setattr(model_runtime, "MODEL_DIR", tmp_path)
    return tmp_path


@pytest.mark.parametrize("broken", ["corrupt_model", "truncated_model"])
def test_a_corrupt_model_file_raises_model_unavailable_and_logs_an_error(broken, request,
                                                                        caplog):
    request.getfixturevalue(broken)
    with caplog.at_level(logging.ERROR), pytest.raises(ModelUnavailable):
        load_model()
    assert any("cannot be loaded" in record.getMessage() for record in caplog.records)


def test_the_screen_says_the_model_is_missing_instead_of_passing_quietly(corrupt_model,
                                                                         caplog):
    with caplog.at_level(logging.ERROR):
        result = screen("my social worker never rings me back and i am fed up with it")
    assert result.model_missing and not result.flagged
    assert caplog.records


def test_patterns_still_flag_when_the_model_is_missing(corrupt_model):
    result = screen("he hits me")
    assert result.flagged and "physical_abuse" in result.kinds


def test_triage_without_a_model_asks_a_person_and_says_why(corrupt_model):
    result = triage("my social worker never rings me back")
    assert result.needs_review
    assert "model_missing" in result.flags
    assert result.model_version == "missing"
    assert result.type == "complaint" and result.primary_category is None
    assert any("triage model is missing" in reason for reason in result.reasons)


def test_a_record_submitted_without_a_model_is_marked_needs_review(app, corrupt_model):
    from intake_app.domain.draft import Draft
    from intake_app.services.intake import submit

    submitted = submit(Draft(text="Nobody told me my contact with my mum was cancelled.",
                             channel="web", declared_type="complaint",
                             service_area="children_in_care"), actor="web")
    record = db.session.get(Representation, submitted.representation_id)
    assert record.needs_review and record.status == "needs_review"
    detail = record.triage_detail
    assert "model_missing" in detail.triage_flags
    assert any("triage model is missing" in reason for reason in detail.triage_reasons)


def test_healthz_reports_the_model_missing(app, corrupt_model):
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["triage_model"] == "missing"


def test_healthz_reports_the_model_ok(app):
    body = app.test_client().get("/healthz").get_json()
    assert body["triage_model"] == "ok"
