"""``flask users``: staff accounts from the command line, for the first admin and for
operators without the admin pages.

A made-up password is printed once and never stored in clear; ``--password-stdin`` reads
one from a pipe instead, so it stays out of the shell history.
"""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from ..models import StaffUser
from ..officers.account_forms import account_error
from ..services import advocates, staff_accounts

users_cli = AppGroup("users", help="Staff accounts (officers, managers, admins, advocates).")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, help="officer, manager, admin or advocate.")
@click.option("--name", default=None, help="Full name (default: from the email address).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--organisation", default=None,
              help="For an advocate: their organisation's key (nyas, barnardos, coram_voice, "
                   "action_for_children, local).")
def create(email: str, role: str, name: str | None, password_stdin: bool,
           organisation: str | None) -> None:
    """Make a staff account that can sign in straight away."""
    password = (sys.stdin.readline().rstrip("\r\n") if password_stdin
                else staff_accounts.generate_password())
    name = name or email.split("@")[0].replace(".", " ").title()
    try:
        user = staff_accounts.create_user(
            email, name=name, role=role, password=password,
            organisation=advocates.organisation_by_key(organisation) if organisation else None)
    except staff_accounts.InvalidStaffAccount as invalid:
        raise click.ClickException("; ".join(
            f"{field}: {account_error(field, code)}" for field, code in invalid.errors.items()
        )) from invalid
    click.echo(f"created {user.role} account {user.email} ({user.name})")
    if not password_stdin:
        click.echo(f"password (shown only now; give it to them safely): {password}")


def _account(email: str) -> StaffUser:
    user = staff_accounts.find_by_email(email)
    if user is None:
        raise click.ClickException(f"no staff account with the email {email}")
    return user


@users_cli.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Stop an account signing in (its open sessions end at their next request)."""
    user = _account(email)
    staff_accounts.set_active(user, False, actor="cli")
    click.echo(f"disabled {user.email}")


@users_cli.command("reset-two-factor")
@click.argument("email")
def reset_two_factor(email: str) -> None:
    """Turn off two-factor for someone who lost their phone; they set it up again (a must
    for managers and admins) when they next sign in. Their open sessions end."""
    user = _account(email)
    if not (user.totp_enabled or user.totp_secret_encrypted is not None):
        click.echo(f"{user.email} has no two-factor to reset")
        return
    staff_accounts.reset_two_factor(user, actor="cli")
    click.echo(f"two-factor reset for {user.email}; they set it up again at next sign-in")


@users_cli.command("invite-link")
@click.argument("email")
def invite_link(email: str) -> None:
    """Print a new one-time link to choose a password: an invite again for someone who never
    set one, or else a password reset (the old password stops working at once)."""
    user = _account(email)
    try:
        kind, token = staff_accounts.issue_sign_in_link(user, actor="cli")
    except staff_accounts.AccountDisabled as disabled:
        raise click.ClickException(f"{user.email} is disabled; enable it first") from disabled
    path = current_app.url_map.bind("").build("officers.accept_invite", {"token": token})
    link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
    hours = int(staff_accounts.INVITE_LIFETIME.total_seconds() // 3600)
    what = "invite" if kind == staff_accounts.INVITE_LINK else "password reset"
    click.echo(f"{what} link for {user.email} (works once, for {hours} hours; shown only "
               f"now, send it to them safely):")
    click.echo(link)
