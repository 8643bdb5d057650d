"""Engine tuning for the embedded SQLite default: WAL and a busy timeout on every connection,
and database files only their owner can read.

WAL lets the web process read while the outbox worker writes; the busy timeout turns a
momentary lock into a short wait instead of an error a child would see. The database files
hold children's words, so each SQLite file (the intake database, the stand-in case store,
any other) is created 0600 before SQLite opens it; SQLite then gives its -wal, -shm and
-journal files the same mode. A file left readable by others by an older version is
tightened when it is next opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db

SQLITE_BUSY_TIMEOUT_MS = 5000
PRIVATE_FILE_MODE = 0o600
SQLITE_COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")


def _on_sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def sqlite_file(connect_args: list[Any], connect_params: dict[str, Any]) -> Path | None:
    """The file a SQLite connection opens; None for an in-memory or URI database."""
    if not connect_args or connect_params.get("uri"):
        return None
    name = str(connect_args[0])
    if name in ("", ":memory:") or name.startswith("file:"):
        return None
    return Path(name)


def make_private(path: Path) -> None:
    """Create the database file 0600 if it is missing; tighten it and its companions if
    they are readable by anyone but the owner."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        pass
    except OSError:
        return  # a folder that does not exist: SQLite will say so itself
    for suffix in SQLITE_COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        try:
            if companion.stat().st_mode & 0o077:
                companion.chmod(PRIVATE_FILE_MODE)
        except OSError:
            continue  # not there (a companion comes and goes), or not ours


def _before_sqlite_connect(dialect: Any, connection_record: Any, connect_args: list[Any],
                           connect_params: dict[str, Any]) -> None:
    if dialect.name == "sqlite" and (path := sqlite_file(connect_args, connect_params)):
        make_private(path)


def configure_engine_events(app: Flask) -> None:
    # Every engine of the process, the case store's too (it is made later, on first use).
    if not event.contains(Engine, "do_connect", _before_sqlite_connect):
        event.listen(Engine, "do_connect", _before_sqlite_connect)
    with app.app_context():
        engine: Engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _on_sqlite_connect)
