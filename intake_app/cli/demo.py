"""``flask demo …``: demo data for the embedded default (see ``intake_app.demo``)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..demo import records as demo_records

demo_cli = AppGroup("demo", help="Demo data for the embedded default.")


@demo_cli.command("load")
@click.option("--force", is_flag=True,
              help="Add missing demo records to a database that has only demo records.")
def load_demo(force: bool) -> None:
    """Load a realistic demo (18 months of records, demo staff) when the database is empty."""
    try:
        loaded = demo_records.load(force=force)
    except demo_records.RealRecordsPresent as real:
        raise click.ClickException(
            f"this database holds not only demo records ({real.count} real record(s)), so "
            "nothing was added: demo records would be sent on like real ones. Load the demo "
            "into an empty database instead.") from real
    if loaded.created:
        click.echo(f"demo data: {loaded.created} representations added, received "
                   f"{loaded.first_received} to {loaded.last_received}")
        click.echo("  statuses: " + ", ".join(f"{count} {status}"
                                              for status, count in loaded.statuses))
        click.echo(f"  {loaded.urgent} urgent, {loaded.safeguarding_unhandled} safeguarding "
                   "alert(s) waiting for an officer to record how they were handled")
    else:
        click.echo("demo data: database already has records, nothing added")
    _echo_demo_accounts(loaded.accounts)


@demo_cli.command("reset-passwords")
def reset_demo_passwords() -> None:
    """Give the demo officer and manager new random passwords, shown once."""
    accounts = demo_records.reset_passwords()
    if not accounts:
        click.echo("no demo accounts: `flask demo load` makes them with the demo data")
    _echo_demo_accounts(accounts)


def _echo_demo_accounts(accounts: tuple[demo_records.DemoAccount, ...]) -> None:
    """Passwords are printed here once and stored nowhere else in clear."""
    if any(account.password for account in accounts):
        click.echo("demo staff accounts (copy the passwords now; they are not shown again):")
    elif accounts:
        click.echo("demo staff accounts exist: "
                   + ", ".join(f"{account.email} ({account.role})" for account in accounts)
                   + "; for new passwords run `flask demo reset-passwords`")
    for account in accounts:
        if account.password:
            click.echo(f"  {account.role}: {account.email}  password: {account.password}")
    if any(account.password and account.role == "manager" for account in accounts):
        click.echo("  the manager is asked to set up two-factor sign-in (an authenticator "
                   "app) at first sign-in, at /officers/")
