"""``rasa run`` for this bot, with one fix to Rasa 3.6 that the gateway benchmark found.

Rasa checks every answer from the action server with ``jsonschema.validate(answer,
schema)``. That function first validates the schema itself against the JSON Schema
2020-12 meta-schema, and Rasa's schema of events is large and never changes, so the check
of the constant schema cost about 60% of the Rasa server's CPU in a form-driven turn
(py-spy under bench/gateway_bench.py: every form turn calls the action server once or
twice). Here the schema is checked once, at start, and each answer is still validated in
full against it, raising the same ``ValidationError`` with the same message as before.

    .venv/bin/python rasa_server.py run --model ... (the arguments of ``rasa``)
"""

from __future__ import annotations

import functools
import sys
from typing import Any

from jsonschema import ValidationError, exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@functools.lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The validator ``jsonschema.validate`` would build, built (and its schema checked)
    once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """``RemoteAction._validate_action_result`` without re-checking the constant schema."""
    error = exceptions.best_match(action_response_validator().iter_errors(result))
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        "For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    sys.argv[0] = "rasa"
    main()
