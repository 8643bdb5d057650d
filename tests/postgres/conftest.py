"""Fresh PostgreSQL databases for the tests marked ``postgres``, on the session's one
throw-away server (``postgres_server`` in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from flask import Flask

from support.postgres import PostgresServer

from ..conftest import dispose, make_app
from ..outbox.conftest import FAST_WORKER


@pytest.fixture
def pg_database(postgres_server: PostgresServer) -> Iterator[Callable[[], str]]:
    """Make a fresh, empty database; returns its ``postgresql+psycopg://`` URL. Dropped
    after the test (with any connection a test left open)."""
    made: list[str] = []

    def create() -> str:
        made.append(postgres_server.create_database())
        return postgres_server.url(made[-1])

    yield create
    for name in made:
        postgres_server.drop_database(name)


@pytest.fixture
def pg_app(tmp_path: Path, pg_database: Callable[[], str]) -> Iterator[Callable[..., Flask]]:
    """Make apps on one fresh, migrated PostgreSQL database (each app with its own engine,
    as separate worker processes would have); the case store is a second PostgreSQL
    database. Settings as in the SQLite forwarding tests, plus any overrides."""
    made: list[Flask] = []
    urls: dict[str, str] = {}
    # One deployment's secrets, as every worker process of it reads them: each app reads
    # what the others encrypted.
    secrets = {"ENCRYPTION_KEY": Fernet.generate_key().decode(),
               "LOOKUP_HASH_KEY": Fernet.generate_key().decode()}

    def factory(**overrides: Any) -> Flask:
        if not urls:
            urls["intake"], urls["case_store"] = pg_database(), pg_database()
        config = {"SQLALCHEMY_DATABASE_URI": urls["intake"],
                  "CASE_STORE_URL": urls["case_store"], **secrets, **FAST_WORKER, **overrides}
        app = make_app(tmp_path / f"app{len(made)}", **config)
        made.append(app)
        return app

    yield factory
    for app in made:
        dispose(app)
