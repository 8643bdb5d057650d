"""Database files and the instance folder are for the service's own user only: the
SQLite files hold children's words, the instance folder the keys that read them."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from intake_app import create_app
from intake_app.extensions import db
from intake_app.outbox.adapters.case_store import case_store_engine

from ..conftest import dispose, sqlite_only

pytestmark = sqlite_only("the modes of SQLite's files (PostgreSQL keeps its own)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask, under which files would be 0644 and folders 0755."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def embedded_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedded default's URLs: both databases in the instance folder."""
    for name in ("DATABASE_URL", "CASE_STORE_URL", "SECRET_KEY", "ENCRYPTION_KEY",
                 "LOOKUP_HASH_KEY"):
        monkeypatch.delenv(name, raising=False)


def embedded_app(instance: Path):
    return create_app({"TESTING": True, "INSTANCE_PATH": str(instance),
                       "RATELIMIT_ENABLED": False})


def test_databases_their_wal_files_and_the_instance_folder_are_owner_only(
        tmp_path: Path, open_umask: None, embedded_env: None) -> None:
    instance = tmp_path / "instance"
    app = embedded_app(instance)
    try:
        with app.app_context():
            upgrade()
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1 FROM staff_user"))
                # The stand-in case store: a write makes its journal too.
                with case_store_engine().begin() as store:
                    store.execute(text("SELECT count(*) FROM intake_case"))
                files = {path.name: mode(path) for path in instance.iterdir()}
                assert {"intake.db", "intake.db-wal", "intake.db-shm",
                        "case_store.db"} <= set(files), files
                assert files == {name: 0o600 for name in files}
        assert mode(instance) == 0o700
    finally:
        dispose(app)


def test_files_left_open_by_an_older_version_are_tightened(
        tmp_path: Path, open_umask: None, embedded_env: None) -> None:
    instance = tmp_path / "instance"
    instance.mkdir(mode=0o755)
    database = instance / "intake.db"
    database.touch(mode=0o644)
    (instance / "intake.db-wal").touch(mode=0o644)
    assert mode(database) == 0o644

    app = embedded_app(instance)
    try:
        with app.app_context():
            upgrade()
        assert mode(instance) == 0o700
        assert mode(database) == 0o600
        assert mode(instance / "intake.db-wal") == 0o600
    finally:
        dispose(app)


def test_a_database_outside_the_instance_folder_is_private_too(
        tmp_path: Path, open_umask: None) -> None:
    elsewhere = tmp_path / "data" / "intake.db"
    elsewhere.parent.mkdir()
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{elsewhere}"})
    try:
        with app.app_context():
            upgrade()
        assert mode(elsewhere) == 0o600
    finally:
        dispose(app)
