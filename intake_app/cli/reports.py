"""``flask reports …``: the managers' monthly scorecard and the annual report as files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from flask.cli import AppGroup

from ..domain.reporting_periods import LONDON, financial_year, month
from ..services import scorecard

reports_cli = AppGroup("reports", help="Scorecards and the annual report.")


@reports_cli.command("scorecard")
@click.option("--month", "month_text", required=True, metavar="YYYY-MM",
              help="The month, for example 2026-11.")
def scorecard_command(month_text: str) -> None:
    """Email the month's figures by service area to MANAGERS_EMAIL through the outbox (run
    monthly from cron or a systemd timer; a second run sends nothing more)."""
    try:
        year, number = (int(part) for part in month_text.split("-"))
        period = month(year, number)
    except ValueError:
        raise click.BadParameter("give the month as YYYY-MM, for example 2026-11",
                                 param_hint="--month") from None
    today = datetime.now(LONDON).date()
    if scorecard.queue_scorecard(period, actor="cli", today=today):
        click.echo(f"scorecard for {period.label} queued for MANAGERS_EMAIL")
    else:
        click.echo(f"scorecard for {period.label} was already queued; nothing more sent")


@reports_cli.command("annual")
@click.option("--year", type=int, required=True,
              help="The financial year by the year it starts: 2025 is April 2025 to March 2026.")
@click.option("--out", "folder", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Folder for the HTML document and the CSVs.")
def annual_command(year: int, folder: Path) -> None:
    """Write the Regulation 13 annual report: one printable HTML document and a CSV per
    table."""
    written = scorecard.write_annual_report(financial_year(year), folder, actor="cli",
                                            today=datetime.now(LONDON).date())
    click.echo(f"wrote {len(written)} files to {folder}")
