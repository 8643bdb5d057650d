"""What any request body may hold, checked before a view reads it, so odd input is a 400
(or the view's own 422) and never a 500.

- JSON: nested at most ``MAX_JSON_DEPTH`` deep (deeper used to exhaust the parser's
  recursion), no lone surrogate in any string (``"\\ud800"`` is valid JSON but cannot be
  stored or sent as UTF-8), and no NaN or Infinity (not JSON, and PostgreSQL refuses them).
  A body that breaks a rule reads as not JSON: ``get_json(silent=True)`` gives None.
  NUL (``"\\u0000"``) is dropped from every string: PostgreSQL text cannot hold it, and
  every free-text answer drops control characters anyway (``domain.draft``), so the
  message is kept and an id with a NUL simply matches nothing.
- Forms: nothing here takes a file, so a file posted into a form (even into a text field)
  is refused with 400.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from flask import Flask, abort, request
from flask.json.provider import DefaultJSONProvider

MAX_JSON_DEPTH = 32
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class UnacceptableJSON(ValueError):
    """JSON that parses but that the service will not take (Flask reads a ValueError from
    the JSON provider as a body that is not JSON)."""


def _refuse_constant(name: str) -> Any:
    raise UnacceptableJSON(f"{name} is not JSON")


def _check_text(text: str) -> None:
    if _LONE_SURROGATE.search(text):
        raise UnacceptableJSON("a string holds a lone surrogate")


def check_json_value(value: Any) -> None:
    """Raise ``UnacceptableJSON`` if ``value`` is too deep, or holds a lone surrogate or a
    number that is not finite. Walks without recursion."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise UnacceptableJSON("a number is too large")
        elif isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise UnacceptableJSON(f"nested more than {MAX_JSON_DEPTH} deep")
            if isinstance(item, dict):
                for key, child in item.items():
                    _check_text(key)
                    pending.append((child, depth + 1))
            else:
                pending.extend((child, depth + 1) for child in item)


def _without_nul(value: Any) -> Any:
    """``value`` with NUL dropped from every string (keys too). Recursion is safe: the
    value was checked to be at most ``MAX_JSON_DEPTH`` deep."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(child) for child in value]
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(child) for key, child in value.items()}
    return value


class CheckedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, with ``loads`` refusing what ``check_json_value`` refuses."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        kwargs.setdefault("parse_constant", _refuse_constant)
        try:
            value = json.loads(s, **kwargs)
        except RecursionError as error:
            raise UnacceptableJSON(f"nested more than {MAX_JSON_DEPTH} deep") from error
        check_json_value(value)
        nul = b"\\u0000" if isinstance(s, bytes) else "\\u0000"
        return _without_nul(value) if nul in s else value


def _refuse_files() -> None:
    if request.mimetype == "multipart/form-data" and request.files:
        abort(400, "This service does not take files.")


def init_app(app: Flask) -> None:
    app.json_provider_class = CheckedJSONProvider
    app.json = CheckedJSONProvider(app)
    app.before_request(_refuse_files)
