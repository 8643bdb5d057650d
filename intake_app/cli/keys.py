"""``flask keys …``: the encryption keys of data at rest."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from ..outbox.adapters.case_store import case_store_engine
from ..services import key_rotation

# The stand-in case store (CASE_STORE=database) keeps each case's document encrypted too;
# rotating it also encrypts documents it stored before it encrypted them.
CASE_STORE_DOCUMENT = key_rotation.EncryptedColumn("intake_case", "id", "document", "json")

keys_cli = AppGroup("keys", help="Encryption keys of data at rest.")


@keys_cli.command("rotate")
@click.option("--batch-size", default=key_rotation.BATCH_SIZE, show_default=True,
              help="Rows re-encrypted per transaction.")
def rotate(batch_size: int) -> None:
    """Re-encrypt everything with the newest key in ENCRYPTION_KEYS (safe to run again);
    afterwards the older keys can be removed."""
    elsewhere = ([("case_store", case_store_engine(), CASE_STORE_DOCUMENT)]
                 if current_app.config["CASE_STORE"] == "database" else [])
    counts = key_rotation.rotate_all(actor="cli", batch_size=batch_size, elsewhere=elsewhere)
    for name, count in counts.items():
        if count:
            click.echo(f"{name}: {count} re-encrypted")
    click.echo(f"re-encrypted {sum(counts.values())} values with the newest key")
