"""A fresh app and database for every test (flaskr's pattern), and a test client that
checks every HTML page it receives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, g, request_started
from flask.testing import FlaskClient
from flask_migrate import upgrade

from intake_app import create_app
from intake_app.extensions import db

from .html_checks import check_page


class CheckingClient(FlaskClient):
    """Every HTML response is checked for valid markup, one h1, a matching title, unique
    ids and labelled inputs, so no page can regress unnoticed."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(response.get_data())
        return response


def make_app(tmp_path: Path, **overrides: object) -> Flask:
    config = {
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'intake.db'}",
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": None,
    }
    config.update(overrides)
    app = create_app(config)
    app.test_client_class = CheckingClient
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
