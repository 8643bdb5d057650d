"""Column types shared by the models."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Text
from sqlalchemy.types import TypeDecorator

from ..services.protection import decrypt_text, encrypt_text


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database.

    SQLite drops the offset, so values come back naive; this puts UTC back on read and
    refuses naive values on write, so no local time ever sneaks into the data.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use datetime.now(UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class EncryptedText(TypeDecorator[str]):
    """Free text a person or an officer wrote: the model reads and writes ``str``, the
    database holds a Fernet token (``services/protection``, keys ``ENCRYPTION_KEYS``).

    A token is different every time, so the database can neither compare nor search these
    columns: filter on other columns and read the text in Python.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: object) -> str | None:
        return None if value is None else encrypt_text(value)

    def process_result_value(self, value: str | None, dialect: object) -> str | None:
        return None if value is None else decrypt_text(value)


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value (triage evidence, an audit snapshot) kept as a Fernet token of its JSON
    text, like ``EncryptedText``. The column stays JSON, holding the token as a JSON
    string, so existing columns keep their type and only their values change."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: object) -> str | None:
        return None if value is None else encrypt_text(json.dumps(value, ensure_ascii=False))

    def process_result_value(self, value: str | None, dialect: object) -> Any:
        return None if value is None else json.loads(decrypt_text(value))


def utcnow() -> datetime:
    return datetime.now(UTC)
