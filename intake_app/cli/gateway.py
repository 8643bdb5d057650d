"""``flask gateway …``: the SMS and chat gateway."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..services import inbound_spool

gateway_cli = AppGroup("gateway", help="The SMS and chat gateway.")


@gateway_cli.command("replay")
def replay_spool() -> None:
    """Store texts spooled while the database was down, as records for review."""
    click.echo(f"stored {inbound_spool.replay()} spooled texts")
