"""``flask`` commands for operators, one module per command group; ``register_commands``
adds every group to the app."""

from __future__ import annotations

from flask import Flask


def register_commands(app: Flask) -> None:
    from .demo import demo_cli
    from .drafts import drafts_cli
    from .gateway import gateway_cli
    from .keys import keys_cli
    from .outbox import outbox_cli
    from .records import records_cli
    from .reports import reports_cli
    from .retention import retention_cli
    from .tokens import tokens_cli
    from .triage import triage_cli
    from .users import users_cli

    for group in (demo_cli, drafts_cli, gateway_cli, keys_cli, outbox_cli, records_cli,
                  reports_cli, retention_cli, tokens_cli, triage_cli, users_cli):
        app.cli.add_command(group)
