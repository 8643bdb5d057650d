"""``flask drafts …``: unsent web-form drafts."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..services import web_drafts

drafts_cli = AppGroup("drafts", help="Unsent web-form drafts.")


@drafts_cli.command("purge")
def purge_drafts() -> None:
    """Delete expired drafts (run from cron in production)."""
    click.echo(f"deleted {web_drafts.purge_expired()} expired drafts")
