"""``flask records …``: subject access to the records held about a person."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import AppGroup

from ..services import FieldErrors, subject_access

records_cli = AppGroup("records", help="Subject access to what is held about a person.")


@records_cli.command("export")
@click.option("--reference", help="The record's reference.")
@click.option("--phone", help="A phone number: every record and conversation from it.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON here (made readable by its owner only); default stdout.")
def export(reference: str | None, phone: str | None, output: Path | None) -> None:
    """Everything held about one record, or about a phone number, as JSON (audited)."""
    if (reference is None) == (phone is None):
        raise click.UsageError("give --reference or --phone (one of them)")
    try:
        document = (subject_access.export_by_reference(reference, actor="cli")
                    if reference is not None
                    else subject_access.export_by_phone(phone or "", actor="cli"))
    except FieldErrors as refused:
        raise click.ClickException(" ".join(refused.errors.values())) from None
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if output is None:
        click.echo(text)
        return
    output.touch(mode=0o600)
    output.write_text(text + "\n")
    click.echo(f"wrote {len(document['records'])} records to {output}", err=True)
