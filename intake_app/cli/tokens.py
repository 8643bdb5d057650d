"""``flask tokens …``: service tokens for the intake API (the bot, partners, the case
store)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..services.tokens import SCOPES, TokenError, create_token, revoke_token

tokens_cli = AppGroup("tokens", help="Service tokens for the intake API.")


@tokens_cli.command("create")
@click.argument("name")
@click.option("--scope", type=click.Choice(SCOPES), default="intake", show_default=True)
def create(name: str, scope: str) -> None:
    """Make a token and print it once; only its hash is kept."""
    try:
        created = create_token(name, scope=scope)
    except TokenError as error:
        raise click.ClickException(str(error)) from error
    click.echo(created.token)
    click.echo(f"token {created.name!r} (scope {created.scope}) created; it is not shown again",
               err=True)


@tokens_cli.command("revoke")
@click.argument("name")
def revoke(name: str) -> None:
    """Stop a token from working."""
    if not revoke_token(name):
        raise click.ClickException(f"no live token named {name!r}")
    click.echo(f"token {name!r} revoked")
