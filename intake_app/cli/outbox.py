"""``flask outbox …``: run and inspect the outbox worker."""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType

import click
from flask import current_app
from flask.cli import AppGroup

from ..outbox import states
from ..outbox.worker import configuration_problems, new_worker_id, run_forever, run_once

outbox_cli = AppGroup("outbox", help="Deliver and inspect the outbox.")


@outbox_cli.command("work")
@click.option("--once", is_flag=True, help="Deliver one batch of due messages, then exit.")
def work(once: bool) -> None:
    """Run an outbox worker (one per process; many may run against PostgreSQL)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    problems = configuration_problems(app.config)
    if problems:
        for problem in problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    worker_id = new_worker_id()
    if once:
        click.echo(f"{run_once(app, worker_id=worker_id)} messages worked on")
        return
    stop = threading.Event()

    def finish_current_delivery(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, finish_current_delivery)
    signal.signal(signal.SIGINT, finish_current_delivery)
    click.echo(f"outbox worker {worker_id} running; SIGTERM stops it after the current message")
    run_forever(app, stop, worker_id=worker_id)


@outbox_cli.command("status")
def status() -> None:
    """Messages by state, and how long the oldest waiting one has waited."""
    result = states.summary()
    for state in ("pending", "sending", "delivered", "delivery_failed", "cancelled"):
        click.echo(f"{state:16} {result.by_state.get(state, 0)}")
    if result.oldest_pending is not None:
        click.echo(f"oldest pending   {result.oldest_pending.isoformat()}")


@outbox_cli.command("retry")
@click.argument("message_id", type=int)
def retry(message_id: int) -> None:
    """Send a failed or cancelled message again once its cause is fixed."""
    if not states.retry_now(message_id, actor="cli"):
        raise click.ClickException(f"message {message_id} is not failed or cancelled")
    click.echo(f"message {message_id} queued again")
