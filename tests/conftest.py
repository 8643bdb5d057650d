"""A fresh app and database for every test (flaskr's pattern), and a test client that
checks every HTML page it receives.

The database is SQLite, or with ``TEST_DATABASE=postgres`` (the second pass of ``make
test``) a fresh PostgreSQL database on one throw-away server for the whole session: the
same tests, on what production runs. Each is a copy of one database migrated once at the
start, one per test folder, dropped when its test ends."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, g, request_started
from flask.testing import FlaskClient
from flask_migrate import upgrade

from intake_app import create_app
from intake_app.extensions import db
from support.postgres import PostgresServer, PostgresUnavailable

from .html_checks import check_page

ON_POSTGRES = os.environ.get("TEST_DATABASE", "sqlite") == "postgres"


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    """Skip in the PostgreSQL pass a test that is about SQLite; ``reason`` says how."""
    return pytest.mark.skipif(ON_POSTGRES, reason=f"SQLite only: {reason}")


class CheckingClient(FlaskClient):
    """Every HTML response is checked for valid markup, one h1, a matching title, unique
    ids and labelled inputs, so no page can regress unnoticed."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(response.get_data())
        return response


class _PostgresPass:
    """The session's PostgreSQL server, its migrated template, and a database per test
    folder (two apps made on one folder share it, as they would share its SQLite file)."""

    def __init__(self) -> None:
        self.server: PostgresServer | None = None
        self.template: str | None = None
        self.databases: dict[Path, str] = {}
        self.apps: list[Flask] = []  # disposed with their test: psycopg warns of a leak

    def running_server(self) -> PostgresServer:
        if self.server is None:
            try:
                self.server = PostgresServer(max_connections=300)
            except PostgresUnavailable as error:
                pytest.fail(str(error))
        return self.server

    def database_url(self, folder: Path) -> str:
        server = self.running_server()
        if folder not in self.databases:
            if self.template is None:
                self.template = self._migrated_template(server)
            self.databases[folder] = server.create_database(template=self.template)
        return server.url(self.databases[folder])

    @staticmethod
    def _migrated_template(server: PostgresServer) -> str:
        """Migrate once; every test's database is a copy (much faster than migrating
        each)."""
        name = server.create_database()
        instance = Path(tempfile.mkdtemp(prefix="intake-template-"))
        app = create_app({"TESTING": True, "INSTANCE_PATH": str(instance),
                          "SQLALCHEMY_DATABASE_URI": server.url(name)})
        with app.app_context():
            upgrade()
        dispose(app)
        shutil.rmtree(instance, ignore_errors=True)
        return name

    def end_test(self, databases_before: set[Path], apps_before: int) -> None:
        """Close the connections of the apps the test made (a test need not dispose
        them), then drop its databases."""
        while len(self.apps) > apps_before:
            dispose(self.apps.pop())
        assert self.server is not None
        for folder in set(self.databases) - databases_before:
            self.server.drop_database(self.databases.pop(folder))

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


POSTGRES_PASS = _PostgresPass()


def pytest_sessionfinish(session: pytest.Session) -> None:
    POSTGRES_PASS.stop()


@pytest.fixture(autouse=True)
def _drop_the_tests_postgres_databases() -> Iterator[None]:
    """On PostgreSQL, close the apps and drop the databases a test made once it ends
    (those of longer-lived fixtures, made before it started, stay)."""
    databases, apps = set(POSTGRES_PASS.databases), len(POSTGRES_PASS.apps)
    yield
    if POSTGRES_PASS.server is not None:
        POSTGRES_PASS.end_test(databases, apps)


@pytest.fixture(scope="session")
def postgres_server() -> PostgresServer:
    """The session's throw-away PostgreSQL server (``support/postgres.py``)."""
    return POSTGRES_PASS.running_server()


def make_app(tmp_path: Path, **overrides: object) -> Flask:
    chosen = "SQLALCHEMY_DATABASE_URI" in overrides
    database_url = (POSTGRES_PASS.database_url(tmp_path) if ON_POSTGRES and not chosen
                    else f"sqlite:///{tmp_path / 'intake.db'}")
    config = {
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": None,
    }
    config.update(overrides)
    app = create_app(config)
    app.test_client_class = CheckingClient
    if ON_POSTGRES:
        POSTGRES_PASS.apps.append(app)
    with app.app_context():
        upgrade()
    return app


def dispose(app: Flask) -> None:
    """Close every engine an app opened, so its temporary databases can go."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    for engine in app.extensions.get("case_store_engines", {}).values():
        engine.dispose()


def _fresh_request_globals(sender: Flask, **extra: object) -> None:
    """The ``app`` fixture's context outlives requests, so ``g`` (Flask-Login's current
    user, Flask-WTF's CSRF token) would carry from one request, or one browser, to the
    next. A real server gives each request a fresh ``g``; so do these tests."""
    for name in list(g):
        g.pop(name)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    app = make_app(tmp_path)
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app
    request_started.disconnect(_fresh_request_globals, app)
    dispose(app)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


CSRF_FIELD = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(client: FlaskClient, path: str) -> str:
    page = client.get(path)
    match = CSRF_FIELD.search(page.get_data())
    assert match, f"no CSRF token on {path}"
    return match.group(1).decode()


def post_form(client: FlaskClient, path: str, data: dict, **kwargs):
    """Post a form the way a browser does: with the CSRF token from the page."""
    return client.post(path, data={**data, "csrf_token": csrf_token(client, path)}, **kwargs)
