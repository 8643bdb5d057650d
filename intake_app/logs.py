"""Logs that keep secrets and children's details out, and that nobody can forge.

- One record, one line: every message has its line breaks and other control characters
  escaped when it is formatted, so a newline typed into a form (an email field, a text)
  cannot start a line that looks like the service wrote it.
- Requests are logged by the app, not by the server: method, the route's pattern, status
  and time. The pattern (``/officers/invite/<token>``) stands for the path, so invite and
  reset tokens, references and conversation ids never reach the log, and query strings
  (the queue's search text) are left out. The embedded server's own request line is off
  (``serve.py``); gunicorn's access log stays off in production for the same reason.
"""

from __future__ import annotations

import logging
import re
import time

from flask import Flask, g, request
from werkzeug.wrappers import Response

REQUEST_LOGGER = "intake_app.requests"
NO_ROUTE = "(no route)"

# C0 controls but tab, DEL, and the characters some log viewers treat as line breaks.
_LINE_BREAKING = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def one_line(text: str) -> str:
    """``text`` with every line break and control character written as an escape."""
    return _LINE_BREAKING.sub(
        lambda match: _NAMED.get(match.group(), f"\\x{ord(match.group()):02x}"
                                 if ord(match.group()) < 0x100
                                 else f"\\u{ord(match.group()):04x}"), text)


class OneLineLogRecord(logging.LogRecord):
    """A log record whose message is always one line, whatever its arguments held. The
    traceback of ``exc_info`` is kept as it is, below the line."""

    def getMessage(self) -> str:
        return one_line(super().getMessage())


def install_one_line_records() -> None:
    """Every record the process makes from now on is a ``OneLineLogRecord`` (the record
    factory is process-wide; installing it again changes nothing)."""
    if logging.getLogRecordFactory() is logging.LogRecord:
        logging.setLogRecordFactory(OneLineLogRecord)


def route_pattern() -> str:
    """The matched route's pattern, never the path as asked for."""
    rule = request.url_rule
    return rule.rule if rule is not None else NO_ROUTE


def _start_clock() -> None:
    g.request_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    started = g.get("request_started")
    elapsed_ms = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    logging.getLogger(REQUEST_LOGGER).info("%s %s %s %.0fms", request.method,
                                           route_pattern(), response.status_code,
                                           elapsed_ms)
    return response


def init_app(app: Flask) -> None:
    install_one_line_records()
    logging.basicConfig(level=app.config["LOG_LEVEL"])
    app.before_request(_start_clock)
    app.after_request(_log_request)
