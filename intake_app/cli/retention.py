"""``flask retention …``: how long what people told us is kept."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from ..services import retention

retention_cli = AppGroup("retention", help="How long personal data is kept.")


@retention_cli.command("purge")
def purge() -> None:
    """Remove free text, contact details and transcripts RETENTION_DAYS after the case store
    accepted each record (run daily from cron; safe to run again)."""
    report = retention.purge(actor="cli")
    days = current_app.config["RETENTION_DAYS"]
    click.echo(f"purged {len(report.purged)} records accepted more than {days} days ago"
               + (f": {', '.join(report.purged)}" if report.purged else ""))
    if report.failed:
        click.echo(f"not purged this time (see the log; run again): {', '.join(report.failed)}",
                   err=True)
        raise SystemExit(1)
