"""gunicorn's settings for the production web process: `gunicorn -c gunicorn.conf.py`
(Procfile.production, deploy/systemd/intake-web.service). The address, workers, threads
and timeout come from the environment (WEB_BIND, WEB_WORKERS, WEB_THREADS,
WEB_TIMEOUT_SECONDS in README's settings table).

The outbox is not delivered here: production runs `flask outbox work` processes, so this
server refuses to start unless OUTBOX_WORKER=none says so (otherwise nothing would ever
leave the service).
"""

from __future__ import annotations

import os

from intake_app.web_server_settings import web_server_setting

# The app, made once in the master (model loaded, spooled texts stored) and forked into
# each worker.
wsgi_app = "intake_app.serve:prepared_app()"
preload_app = True

bind = [web_server_setting("WEB_BIND")]
workers = web_server_setting("WEB_WORKERS")
worker_class = "gthread"
threads = web_server_setting("WEB_THREADS")
timeout = web_server_setting("WEB_TIMEOUT_SECONDS")
graceful_timeout = 30
keepalive = 5  # behind the reverse proxy, which keeps its connections open

# No gunicorn access log: its lines hold the path and query string as asked for (invite
# and reset tokens, references, the queue's search text). The app logs every request on
# the `intake_app.requests` logger with the route's pattern instead (intake_app/logs.py).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "INFO").lower()

# Forwarded headers are the app's business (PROXY_FIX_HOPS): gunicorn trusts none, so a
# header sent past the proxy can't make a plain-http request look like https.
forwarded_allow_ips = ""

proc_name = "intake-web"


def on_starting(server: object) -> None:
    if os.environ.get("OUTBOX_WORKER", "thread") != "none":
        raise SystemExit("gunicorn serves the site only: set OUTBOX_WORKER=none and run "
                         "`flask outbox work` processes to deliver the outbox")
