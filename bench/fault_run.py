"""Fault run: the load run's stack and crowd (bench/load_run.py), with parts failing under
load, then a check that nothing accepted was lost.

While locust runs, in turn: the case store goes down and comes back; the Rasa server and
the action server are SIGKILLed and restarted; the outbox worker is SIGKILLed and a new
one started (its claimed rows come back when their lease runs out); PostgreSQL is
restarted. Then texts spooled while the database was away are stored (``flask gateway
replay``, as an operator or the next start-up does), the outbox is given time to drain,
and the check prints the counts: every submission a person was told was accepted is
stored, delivered at least once, recorded exactly once at the case store (its idempotency
key), and every flagged record's alert reached the duty team. Any discrepancy is printed
loudly and the run exits non-zero on data loss or duplication. Errors seen by the crowd
during a fault are expected and printed, not judged: a person told "please try again" was
not told their words were kept.

    .venv/bin/python bench/fault_run.py [--seconds 200] [--keep]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load.delivery_check import check, report
from bench.load.figures import print_figures
from bench.load.stack import LoadStack, finish_locust, start_locust


def kill_bot(stack: LoadStack) -> None:
    for part in (stack.rasa, stack.actions):
        assert part is not None and part.process is not None
        part.process.send_signal(signal.SIGKILL)
        part.process.wait()
        part.stop()


def restart_bot(stack: LoadStack) -> None:
    assert stack.actions is not None and stack.rasa is not None
    stack.actions.start()
    stack.rasa.start()


def kill_outbox_worker(stack: LoadStack) -> None:
    assert stack.outbox_worker is not None
    stack.outbox_worker.kill(signal.SIGKILL)


def start_outbox_worker(stack: LoadStack) -> None:
    assert stack.outbox_worker is not None
    stack.outbox_worker.start()


def restart_postgres(stack: LoadStack) -> None:
    assert stack.postgres is not None
    stack.postgres.halt("fast")
    time.sleep(5)  # long enough for requests and the worker to meet a closed database
    stack.postgres.start()


def outbox_worker_alive(stack: LoadStack) -> None:
    """A worker that died of the database restart is a finding; start another so the
    check can still see what the outbox holds."""
    worker = stack.outbox_worker
    assert worker is not None
    if worker.process is not None and worker.process.poll() is not None:
        print(f"!! the outbox worker exited (code {worker.process.returncode}) after the "
              f"database restart; see {worker.log_path}. Starting another.")
        worker.stop()
        worker.start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=200, help="length of the load")
    parser.add_argument("--web-users", type=int, default=30)
    parser.add_argument("--sms-users", type=int, default=6)
    parser.add_argument("--officers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    options = parser.parse_args()
    if options.seconds < 150:
        parser.error("--seconds must leave room for the faults (150 or more)")

    work = Path(tempfile.mkdtemp(prefix="intake-faults-"))
    stack = LoadStack(work, officers=options.officers)
    print(f"work folder {work}; starting PostgreSQL, gunicorn, the outbox worker and the bot")
    try:
        stack.start()
        print(f"stack up on {stack.url}; load for {options.seconds}s with faults")
        locust = start_locust(stack, web_users=options.web_users,
                              sms_users=options.sms_users, seconds=options.seconds,
                              spawn_rate=10)
        began = time.monotonic()

        def at(seconds: float, what: str, action: Callable[[LoadStack], None]) -> None:
            """At ``seconds`` after the load started (at once if that has passed)."""
            time.sleep(max(0.0, began + seconds - time.monotonic()))
            print(f"  t={time.monotonic() - began:5.0f}s  {what}", flush=True)
            action(stack)

        at(20, "case store down", lambda s: s.case_store.stop())
        at(45, "case store back", lambda s: s.case_store.start())
        at(55, "Rasa and the action server SIGKILLed", kill_bot)
        # The bot restarts beside the load and the next faults: on a busy machine that
        # takes a minute or two, and the conversations meanwhile meet degraded mode.
        bot_back = threading.Thread(target=restart_bot, args=(stack,))
        at(65, "Rasa and the action server restarting", lambda s: bot_back.start())
        at(75, "outbox worker SIGKILLed", kill_outbox_worker)
        at(80, "new outbox worker started", start_outbox_worker)
        at(100, "PostgreSQL stopped for 5 s and started", restart_postgres)
        at(120, "is the outbox worker still running?", outbox_worker_alive)
        bot_back.join()
        print(f"  t={time.monotonic() - began:5.0f}s  Rasa and the action server are back",
              flush=True)
        results = finish_locust(stack, locust, options.seconds)
        print_figures(results, heading="Fault run (errors during faults are expected)",
                      expect_errors=True)
        replay = stack.flask("gateway", "replay")
        print(f"  flask gateway replay: {(replay.stdout + replay.stderr).strip() or 'done'}")
        assert stack.app is not None
        intact = report(check(stack.app, stack.ledger, stack.case_store, stack.duty_team,
                              drain_seconds=150))
    finally:
        stack.stop()
        if options.keep:
            print(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if intact else 1)


if __name__ == "__main__":
    main()
