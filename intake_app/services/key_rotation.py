"""``flask keys rotate``: every encrypted value re-encrypted with the newest key.

A key is replaced in three steps (README, "Rotating the encryption key"): put the new key
first in ``ENCRYPTION_KEYS`` (the old one after it, so everything stays readable), run the
rotation, then drop the old key. The rotation finds the encrypted columns from the models
themselves (``EncryptedText``/``EncryptedJSON`` columns, and the ``*_encrypted`` byte
columns), so a new encrypted column is rotated without a change here. It works on the raw
column values, in batches of ``batch_size`` rows, each batch its own short transaction; a
value is written back only if nobody changed it meanwhile, and only if it was not already
under the newest key, so a second run (or a run after an interruption) changes nothing
more.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Engine,
    LargeBinary,
    Table,
    Text,
    cast,
    column,
    select,
)
from sqlalchemy import table as table_clause

from ..extensions import db
from ..models.types import EncryptedJSON, EncryptedText
from .audit import record_event
from .protection import encrypt_text, encryption_keys, reencrypted

BATCH_SIZE = 500


@dataclass(frozen=True)
class EncryptedColumn:
    """One encrypted column and how its raw value is held: ``text`` (a token in a text
    column), ``json`` (a token as a JSON string) or ``bytes`` (a token in a binary column)."""

    table: str
    key: str
    name: str
    held_as: str


def encrypted_columns() -> tuple[EncryptedColumn, ...]:
    found = []
    for table in db.metadata.sorted_tables:
        key = _single_primary_key(table)
        for col in table.columns:
            held_as = _held_as(col)
            if held_as is not None:
                found.append(EncryptedColumn(table.name, key, col.name, held_as))
    return tuple(found)


def _single_primary_key(table: Table) -> str:
    (key,) = table.primary_key.columns
    return key.name


def _held_as(col: Column[Any]) -> str | None:
    if isinstance(col.type, EncryptedText):
        return "text"
    if isinstance(col.type, EncryptedJSON):
        return "json"
    if isinstance(col.type, LargeBinary) and col.name.endswith("_encrypted"):
        return "bytes"
    return None


RAW_TYPES = {"text": Text, "json": JSON, "bytes": LargeBinary}


def rotate_all(*, actor: str, batch_size: int = BATCH_SIZE,
               elsewhere: Sequence[tuple[str, Engine, EncryptedColumn]] = ()
               ) -> dict[str, int]:
    """Re-encrypt every value not yet under the newest key; returns how many were
    re-encrypted per ``table.column``. ``elsewhere``: encrypted columns of other databases
    (name, engine, column), such as the stand-in case store's. One audit event says what
    was done."""
    counts = {f"{target.table}.{target.name}": _rotate_column(db.engine, target, batch_size)
              for target in encrypted_columns()}
    for name, engine, target in elsewhere:
        counts[f"{name}.{target.table}.{target.name}"] = _rotate_column(engine, target,
                                                                        batch_size)
    record_event(actor, "keys.rotated", after={
        "keys_in_force": len(encryption_keys(current_app.config)),
        "reencrypted": {name: count for name, count in counts.items() if count},
        "total": sum(counts.values())})
    db.session.commit()
    return counts


def _rotate_column(engine: Engine, target: EncryptedColumn, batch_size: int) -> int:
    key = column(target.key)
    value = column(target.name, RAW_TYPES[target.held_as])
    raw = table_clause(target.table, key, value)
    changed = 0
    last = None
    while True:
        with engine.begin() as connection:
            rows = _batch(connection, raw, key, value, after=last, size=batch_size)
            for row_key, old in rows:
                new = _reencrypted(old, target.held_as)
                if new is None:
                    continue
                # Written back only if unchanged since read: a value saved meanwhile was
                # already encrypted with the newest key.
                unchanged = (cast(value, Text) == json.dumps(old) if target.held_as == "json"
                             else value == old)
                changed += connection.execute(raw.update().where(key == row_key, unchanged)
                                              .values({target.name: new})).rowcount
        if not rows:
            return changed
        last = rows[-1][0]


def _batch(connection: Connection, raw: Any, key: Any, value: Any, *, after: Any,
           size: int) -> list[Any]:
    """The next ``size`` rows with a value, in key order (keyset paging, so a batch's
    writes never move the next batch)."""
    query = select(key, value).select_from(raw).where(value.is_not(None))
    if after is not None:
        query = query.where(key > after)
    return list(connection.execute(query.order_by(key).limit(size)).all())


def _reencrypted(old: Any, held_as: str) -> Any:
    if held_as == "bytes":
        return reencrypted(bytes(old))
    if old is None:  # JSON null
        return None
    if held_as == "json" and not isinstance(old, str):
        # A document the stand-in case store kept before it encrypted them.
        return encrypt_text(json.dumps(old, ensure_ascii=False))
    new = reencrypted(old.encode("ascii"))
    return None if new is None else new.decode("ascii")
