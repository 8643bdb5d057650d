"""``flask users``: staff accounts from the command line, for the first admin and for
operators without the admin pages.

A made-up password is printed once and never stored in clear; ``--password-stdin`` reads
one from a pipe instead, so it stays out of the shell history.
"""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from .officers.account_forms import account_error
from .services import staff_accounts

users_cli = AppGroup("users", help="Staff accounts (officers, managers, admins, advocates).")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, help="officer, manager, admin or advocate.")
@click.option("--name", default=None, help="Full name (default: from the email address).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create(email: str, role: str, name: str | None, password_stdin: bool) -> None:
    """Make a staff account that can sign in straight away."""
    password = (sys.stdin.readline().rstrip("\r\n") if password_stdin
                else staff_accounts.generate_password())
    name = name or email.split("@")[0].replace(".", " ").title()
    try:
        user = staff_accounts.create_user(email, name=name, role=role, password=password)
    except staff_accounts.InvalidStaffAccount as invalid:
        raise click.ClickException("; ".join(
            f"{field}: {account_error(field, code)}" for field, code in invalid.errors.items()
        )) from invalid
    click.echo(f"created {user.role} account {user.email} ({user.name})")
    if not password_stdin:
        click.echo(f"password (shown only now; give it to them safely): {password}")


@users_cli.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Stop an account signing in (its open sessions end at their next request)."""
    user = staff_accounts.find_by_email(email)
    if user is None:
        raise click.ClickException(f"no staff account with the email {email}")
    staff_accounts.set_active(user, False, actor="cli")
    click.echo(f"disabled {user.email}")
