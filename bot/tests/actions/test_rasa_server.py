"""The launcher's fix to Rasa: action server answers are validated as strictly as before."""

from __future__ import annotations

import warnings

import pytest
from jsonschema import ValidationError

with warnings.catch_warnings():
    # Importing Rasa imports TensorFlow and jax, which warn about their own deprecations.
    warnings.simplefilter("ignore", DeprecationWarning)
    from rasa.core.actions.action import RemoteAction

    import rasa_server

ORIGINAL = RemoteAction._validate_action_result
ACTION = RemoteAction("validate_complaint_form", None)
GOOD = {
    "events": [{"event": "slot", "name": "rep_type", "value": "complaint"},
               {"event": "active_loop", "name": None}],
    "responses": [{"response": "utter_ask_what_happened"}, {"text": "Thanks"}],
}
BAD = [
    {"events": [{"event": "slot", "value": "complaint"}]},  # a slot event without a name
    {"events": [{"event": "no_such_event"}]},
    {"responses": ["just a string"]},
    {"events": {"event": "slot"}},
    [],
]


def test_a_valid_answer_passes_both_ways() -> None:
    assert ORIGINAL(ACTION, GOOD) is True
    assert rasa_server.validate_action_result(ACTION, GOOD) is True


@pytest.mark.parametrize("answer", BAD)
def test_an_invalid_answer_fails_with_the_same_error(answer: object) -> None:
    with pytest.raises(ValidationError) as original:
        ORIGINAL(ACTION, answer)
    with pytest.raises(ValidationError) as fixed:
        rasa_server.validate_action_result(ACTION, answer)  # type: ignore[arg-type]
    assert fixed.value.message == original.value.message
    assert list(fixed.value.absolute_path) == list(original.value.absolute_path)


def test_install_replaces_rasas_method(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", ORIGINAL)
    rasa_server.install()
    assert RemoteAction._validate_action_result is rasa_server.validate_action_result
