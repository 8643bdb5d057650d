"""The action server (rasa_sdk's own app), open only to this bot's Rasa server.

rasa_sdk runs any action for anyone who posts a tracker to ``/webhook``, and a tracker is
whatever the caller says it is: a forged one could ask ``action_check_status`` for a
record's status or ``action_submit`` a record attached to someone else's conversation.
Rasa 3.6 sends ``action_endpoint.token`` (endpoints.yml) as a ``token`` query parameter
on every call; this app refuses (403) any request without the right one before an action
runs. Only ``/health`` stays open, for whoever checks the server is up. The token comes
from ACTION_SERVER_TOKEN; the server will not start without one.

Sanic's access log stays off whatever the log level: its lines carry each request's
URL, token included.

    ACTION_SERVER_TOKEN=... .venv/bin/python actions_server.py --actions actions -p 5055
"""

from __future__ import annotations

import hmac
import logging
import os
import sys

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app, create_argument_parser, create_ssl_context
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

TOKEN_VARIABLE = "ACTION_SERVER_TOKEN"
OPEN_PATHS = frozenset({"/health"})

logger = logging.getLogger(__name__)


def token_matches(given: str | None, token: str) -> bool:
    """Does the request's token equal ours? Compared in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def create_guarded_app(actions_package: str, token: str, cors_origins: list[str] | None = None,
                       auto_reload: bool = False) -> Sanic:
    """rasa_sdk's app with every path but /health behind the token."""
    if not token:
        raise ValueError(f"the action server needs a token: set {TOKEN_VARIABLE}")
    app = create_app(actions_package, cors_origins=cors_origins, auto_reload=auto_reload)

    @app.middleware("request")
    async def require_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or token_matches(request.args.get("token"), token):
            return None
        return response.json({"error": "forbidden"}, status=403)

    return app


def main(argv: list[str] | None = None) -> None:
    """``python -m rasa_sdk`` (the same options) with the guarded app: its run(), but
    with this app and no access log."""
    args = create_argument_parser().parse_args(argv)
    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token:
        sys.exit(f"error: set {TOKEN_VARIABLE} (the token Rasa sends, endpoints.yml)")
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
                                 args.log_file, args.loglevel, args.logging_config_file)
    utils.update_sanic_log_level()

    app = create_guarded_app(args.actions, token, args.cors, args.auto_reload)
    ssl = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    # rasa-sdk has no --interface option and binds to SANIC_HOST; here its default is the
    # loopback interface, not every interface.
    host = os.environ.get("SANIC_HOST", "127.0.0.1")
    logger.info("Action endpoint is up and running on %s://%s:%s",
                "https" if ssl else "http", host, args.port)
    app.run(host, args.port, ssl=ssl, workers=utils.number_of_sanic_workers(),
            access_log=False)


if __name__ == "__main__":
    main()
