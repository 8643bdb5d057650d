"""Load run: the whole service under a bounded crowd, production-shaped, on 127.0.0.1.

Starts a throw-away PostgreSQL, migrates, makes officers (with two-factor) and the bot's
service token, starts gunicorn (2 workers, OUTBOX_WORKER=none), one ``flask outbox work``
process, webhook peers for the case store and the duty team, and the real Rasa and action
servers; then runs bench/load/locustfile.py headless: web complainants going through every
form page with CSRF, children texting whole SMS conversations through the bot (signed like
Twilio), and officers working the queue. Prints p50/p95/p99, errors and requests/s per
scenario and whether each target is met (0 errors; form steps p95 < 300 ms with 50 users;
SMS turns p95 < 1 s), then checks that every accepted submission reached the case store
exactly once. Exits non-zero only on data loss or duplication, never on a missed target.

    .venv/bin/python bench/load_run.py [--seconds 150] [--web-users 50] [--sms-users 6]

Needs bot/.venv and a trained model (``make -C bot venv train``) and PostgreSQL's server
binaries (``bash scripts/ensure_postgres.sh``). Logs stay in the printed work folder with
``--keep``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load.delivery_check import check, report
from bench.load.figures import print_figures
from bench.load.stack import LoadStack, finish_locust, start_locust


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=150, help="length of the load")
    parser.add_argument("--web-users", type=int, default=50)
    parser.add_argument("--sms-users", type=int, default=6)
    parser.add_argument("--officers", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="intake-load-"))
    stack = LoadStack(work, officers=options.officers)
    print(f"work folder {work}; starting PostgreSQL, gunicorn, the outbox worker and the bot")
    try:
        stack.start()
        print(f"stack up on {stack.url}; {options.web_users} web, {options.sms_users} SMS, "
              f"{options.officers} officer users for {options.seconds}s")
        locust = start_locust(stack, web_users=options.web_users,
                              sms_users=options.sms_users, seconds=options.seconds,
                              spawn_rate=10)
        results = finish_locust(stack, locust, options.seconds)
        print_figures(results, heading="Load run")
        assert stack.app is not None
        intact = report(check(stack.app, stack.ledger, stack.case_store, stack.duty_team,
                              drain_seconds=90))
    finally:
        stack.stop()
        if options.keep:
            print(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if intact else 1)


if __name__ == "__main__":
    main()
