"""A real, throw-away PostgreSQL server for the tests marked ``postgres``.

One server per test session: ``initdb`` into a temporary directory, ``pg_ctl start`` on a
free port bound to 127.0.0.1 only (its unix socket in the same directory), stopped and
deleted at the end. Each test gets fresh databases from ``pg_database``. The server's
binaries come from the Debian ``postgresql`` package (``scripts/ensure_postgres.sh``
installs it); as root, the server runs as the ``postgres`` user, since PostgreSQL refuses
to run as root.

The server's time zone is deliberately not UTC, so a timestamp that is stored or compared
without its offset shows up as a wrong lease or a wrong due time.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from ..conftest import dispose, make_app
from ..outbox.conftest import FAST_WORKER

SERVER_TIME_ZONE = "America/New_York"
SERVER_USER = "postgres"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs a real PostgreSQL server (started "
                                       "by the tests; binaries from scripts/ensure_postgres.sh)")


def server_bindir() -> Path | None:
    """The newest installed server's bin directory (initdb and pg_ctl are not on PATH on
    Debian)."""
    found = sorted(
        (Path(initdb).parent for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb")
         if Path(initdb).with_name("pg_ctl").exists()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0)
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def admin(self) -> Any:
        import psycopg

        return psycopg.connect(host=self.host, port=self.port, user=self.user,
                               dbname="postgres", autocommit=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = server_bindir()
    if bindir is None:
        pytest.fail("no PostgreSQL server binaries (initdb, pg_ctl): run "
                    "`bash scripts/ensure_postgres.sh` first (make test does)")
    as_root = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="intake-pg-"))
    if as_root:
        account = pwd.getpwnam(SERVER_USER)
        os.chown(base, account.pw_uid, account.pw_gid)
    data, log = base / "data", base / "server.log"

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", SERVER_USER, "--"] if as_root else []
        return subprocess.run([*prefix, *command], capture_output=True, text=True,
                              timeout=120, check=False, cwd=base)

    port = free_port()
    initdb = run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                 "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync")
    if initdb.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"initdb failed:\n{initdb.stdout}\n{initdb.stderr}")
    options = (f"-c listen_addresses=127.0.0.1 -c port={port} "
               f"-c unix_socket_directories={base} -c fsync=off -c full_page_writes=off "
               f"-c synchronous_commit=off -c timezone={SERVER_TIME_ZONE} "
               f"-c max_connections=100")
    start = run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                "-w", "-t", "60", "start")
    if start.returncode != 0:
        server_log = log.read_text() if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"pg_ctl start failed:\n{start.stdout}\n{start.stderr}\n{server_log}")
    try:
        yield PostgresServer(host="127.0.0.1", port=port, user="postgres")
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_database(postgres_server: PostgresServer) -> Iterator[Callable[[], str]]:
    """Make a fresh, empty database; returns its ``postgresql+psycopg://`` URL. Dropped
    after the test (with any connection a test left open)."""
    made: list[str] = []

    def create() -> str:
        name = f"intake_{uuid.uuid4().hex[:12]}"
        with postgres_server.admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return postgres_server.url(name)

    yield create
    with postgres_server.admin() as connection:
        for name in made:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_app(tmp_path: Path, pg_database: Callable[[], str]) -> Iterator[Callable[..., Flask]]:
    """Make apps on one fresh, migrated PostgreSQL database (each app with its own engine,
    as separate worker processes would have); the case store is a second PostgreSQL
    database. Settings as in the SQLite forwarding tests, plus any overrides."""
    made: list[Flask] = []
    urls: dict[str, str] = {}

    def factory(**overrides: Any) -> Flask:
        if not urls:
            urls["intake"], urls["case_store"] = pg_database(), pg_database()
        config = {"SQLALCHEMY_DATABASE_URI": urls["intake"],
                  "CASE_STORE_URL": urls["case_store"], **FAST_WORKER, **overrides}
        app = make_app(tmp_path / f"app{len(made)}", **config)
        made.append(app)
        return app

    yield factory
    for app in made:
        dispose(app)
