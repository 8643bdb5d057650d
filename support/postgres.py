"""A real, throw-away PostgreSQL server on 127.0.0.1, shared by the tests (the ``postgres``
tests and the PostgreSQL pass of the whole suite) and the load and fault benchmarks.

``initdb`` into a temporary directory, ``pg_ctl start`` on a free port bound to 127.0.0.1
only (its unix socket in the same directory), stopped and deleted by ``stop``. The server's
binaries come from the Debian ``postgresql`` package (``scripts/ensure_postgres.sh``
installs it); as root, the server runs as the ``postgres`` user, since PostgreSQL refuses
to run as root.

The server's time zone is deliberately not UTC by default, so a timestamp that is stored
or compared without its offset shows up as a wrong lease or a wrong due time. ``halt``
then ``start`` restarts it on the same port and data, as an operator restarting the
database would (the fault benchmark does this under load).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any

from .peers import free_port

SERVER_TIME_ZONE = "America/New_York"
SERVER_USER = "postgres"


class PostgresUnavailable(RuntimeError):
    """No server binaries, or the server would not start: the message says which."""


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


class PostgresServer:
    """One running server in its own temporary directory, started on construction.
    ``max_connections`` bounds what every process together may open."""

    def __init__(self, *, max_connections: int = 100,
                 time_zone: str = SERVER_TIME_ZONE) -> None:
        bindir = server_bindir()
        if bindir is None:
            raise PostgresUnavailable("no PostgreSQL server binaries (initdb, pg_ctl): run "
                                      "`bash scripts/ensure_postgres.sh` first (make test does)")
        self.bindir = bindir
        self.host, self.user, self.port = "127.0.0.1", "postgres", free_port()
        self.options = (f"-c listen_addresses={self.host} -c port={self.port} "
                        f"-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
                        f"-c timezone={time_zone} -c max_connections={max_connections}")
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="intake-pg-"))
        if self.as_root:
            account = pwd.getpwnam(SERVER_USER)
            os.chown(self.base, account.pw_uid, account.pw_gid)
        self.data, self.log = self.base / "data", self.base / "server.log"
        self.options += f" -c unix_socket_directories={self.base}"
        initdb = self._run(str(bindir / "initdb"), "-D", str(self.data), "-U", self.user,
                           "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync")
        if initdb.returncode != 0:
            shutil.rmtree(self.base, ignore_errors=True)
            raise PostgresUnavailable(f"initdb failed:\n{initdb.stdout}\n{initdb.stderr}")
        try:
            self.start()
        except PostgresUnavailable:
            shutil.rmtree(self.base, ignore_errors=True)
            raise

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", SERVER_USER, "--"] if self.as_root else []
        return subprocess.run([*prefix, *command], capture_output=True, text=True,
                              timeout=120, check=False, cwd=self.base)

    def start(self) -> None:
        start = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                          str(self.log), "-o", self.options, "-w", "-t", "60", "start")
        if start.returncode != 0:
            server_log = self.log.read_text() if self.log.exists() else ""
            raise PostgresUnavailable(
                f"pg_ctl start failed:\n{start.stdout}\n{start.stderr}\n{server_log}")

    def halt(self, mode: str = "fast") -> None:
        """Stop the server but keep its data (``fast`` ends every session, ``immediate``
        is a crash); ``start`` brings it back on the same port."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def stop(self) -> None:
        """Stop the server and delete everything it held."""
        self.halt()
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def admin(self) -> Any:
        """An autocommit connection to the ``postgres`` database (CREATE/DROP DATABASE)."""
        import psycopg

        return psycopg.connect(host=self.host, port=self.port, user=self.user,
                               dbname="postgres", autocommit=True)

    def create_database(self, template: str | None = None) -> str:
        """A new database (empty, or a copy of ``template``); returns its name."""
        name = f"intake_{uuid.uuid4().hex[:12]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with self.admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"{copy}')
        return name

    def drop_database(self, name: str) -> None:
        """Drop it, with any connection a test left open."""
        with self.admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
