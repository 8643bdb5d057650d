"""Settings of the production web server (gunicorn), read by ``gunicorn.conf.py``.

They sit in the registry with the app's own settings so that README's table lists them
and one parser reads them; the app itself does not use them."""

from __future__ import annotations

import os
from typing import Any

from .config import Setting, parse_positive_int

WEB_SERVER_SETTINGS: tuple[Setting, ...] = (
    Setting("WEB_BIND", "127.0.0.1:8000", "Address and port gunicorn listens on "
            "(gunicorn.conf.py). Keep it on the loopback or a private address: the TLS "
            "reverse proxy in front is what the public reaches."),
    Setting("WEB_WORKERS", "2", "gunicorn worker processes (about one or two per CPU core).",
            parse=parse_positive_int),
    Setting("WEB_THREADS", "4", "Threads in each gunicorn worker: a chat turn waits for the "
            "bot (up to RASA_TURN_BUDGET_SECONDS) without holding up other visitors.",
            parse=parse_positive_int),
    Setting("WEB_TIMEOUT_SECONDS", "30", "gunicorn restarts a worker that has not answered "
            "for this long; keep it above RASA_TURN_BUDGET_SECONDS and "
            "FORWARDING_HTTP_TIMEOUT_SECONDS.", parse=parse_positive_int),
)


def web_server_setting(name: str) -> Any:
    """One of these settings from the environment, parsed (its default when unset)."""
    setting = next(setting for setting in WEB_SERVER_SETTINGS if setting.name == name)
    return setting.parse(os.environ.get(name) or setting.default)
