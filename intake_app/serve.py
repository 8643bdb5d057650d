"""The embedded default's web process: the site on 127.0.0.1 with the outbox worker as a
thread beside it (production runs gunicorn and ``flask outbox work`` instead). Both start
the app through ``prepared_app``, so both load the model and store spooled texts first."""

from __future__ import annotations

import contextlib
import logging
import os
from typing import Any

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from . import create_app
from .domain.triage import ModelUnavailable, load_model
from .services import inbound_spool

logger = logging.getLogger("intake_app.serve")  # not "__main__" under python -m


class AppLoggedRequestHandler(WSGIRequestHandler):
    """Werkzeug's handler without its own request lines: they print the path and query
    string as asked for (invite and reset tokens, search text). The app logs each request
    without them (``logs``)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None

    def log_error(self, format: str, *args: Any) -> None:
        # http.server words these with the raw request line; say only what happened.
        code = args[0] if args and isinstance(args[0], int) else "-"
        logger.warning("the server refused a request it could not read (HTTP %s)", code)


def prepared_app() -> Flask:
    """The app, ready to serve. gunicorn (``gunicorn.conf.py``) calls this once in its
    master process, before it forks the workers."""
    from .extensions import db

    app = create_app()
    with app.app_context():
        # Load the triage model now, not on a child's first message (the bot's API call
        # has a short timeout), and store any texts spooled during an outage.
        # A broken model is logged as an error by load_model; the site still takes every
        # message (the patterns screen them, each record is marked for review) and
        # /healthz answers 503.
        with contextlib.suppress(ModelUnavailable):
            load_model()
        recovered = inbound_spool.replay()
        if recovered:
            app.logger.warning("stored %d texts spooled during a fault", recovered)
        # A forked worker must not share this process's database connections.
        db.engine.dispose()
    return app


def main() -> None:
    app = prepared_app()
    if app.config.get("OUTBOX_WORKER", "thread") == "thread":
        from .outbox.worker import start_worker_thread

        start_worker_thread(app)
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "5000"))
    server = make_server(host, port, app, threaded=True,
                         request_handler=AppLoggedRequestHandler)
    logger.info("serving the site on http://%s:%d", host, server.server_port)
    server.serve_forever()


if __name__ == "__main__":
    main()
