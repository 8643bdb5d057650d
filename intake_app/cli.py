"""``flask`` commands for operators: demo data, draft clean-up, and the registration of
every command group (outbox, tokens, triage)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from .services import demo_data, inbound_spool, web_drafts

demo_cli = AppGroup("demo", help="Demo data for the embedded default.")
drafts_cli = AppGroup("drafts", help="Unsent web-form drafts.")
gateway_cli = AppGroup("gateway", help="The SMS and chat gateway.")


@gateway_cli.command("replay")
def replay_spool() -> None:
    """Store texts spooled while the database was down, as records for review."""
    click.echo(f"stored {inbound_spool.replay()} spooled texts")


@demo_cli.command("load")
@click.option("--force", is_flag=True, help="Load even when the database has records.")
def load_demo(force: bool) -> None:
    """Load a few example representations when the database is empty."""
    created = demo_data.load(force=force)
    click.echo(f"demo data: {created} representations added" if created
               else "demo data: database already has records, nothing added")


@drafts_cli.command("purge")
def purge_drafts() -> None:
    """Delete expired drafts (run from cron in production)."""
    click.echo(f"deleted {web_drafts.purge_expired()} expired drafts")


def register_commands(app: Flask) -> None:
    from .forwarding_cli import outbox_cli, tokens_cli
    from .triage_cli import triage_cli
    from .users_cli import users_cli

    for group in (demo_cli, drafts_cli, gateway_cli, outbox_cli, tokens_cli, triage_cli,
                  users_cli):
        app.cli.add_command(group)
