"""A real browser on the real app: Debian's chromium driven by Playwright, the app in a
werkzeug server thread on 127.0.0.1, and a tiny local page standing in for the neutral
site that "Leave this site" opens (this machine may have no internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

from support.peers import free_port

from ..conftest import dispose, make_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EXIT_PAGE = b"<!DOCTYPE html><html lang='en'><title>Weather</title><h1>Weather today</h1></html>"


class _ExitPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(EXIT_PAGE)))
        self.end_headers()
        self.wfile.write(EXIT_PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def exit_url() -> Iterator[str]:
    """The neutral page: another origin (another port) on 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _ExitPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/weather"
    server.shutdown()
    server.server_close()


@dataclass
class LiveSite:
    app: Flask
    url: str
    exit_url: str


@pytest.fixture
def live_site(tmp_path: Path, exit_url: str) -> Iterator[LiveSite]:
    # Nothing listens on the bot's port: the chat runs degraded (a person reads it).
    app = make_app(tmp_path, EXIT_URL=exit_url, RASA_URL=f"http://127.0.0.1:{free_port()}")
    server: BaseWSGIServer = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveSite(app=app, url=f"http://127.0.0.1:{server.server_port}", exit_url=exit_url)
    server.shutdown()
    server.server_close()
    dispose(app)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run scripts/ensure_chromium.sh (as root) to "
                    "install Debian's chromium for the browser tests")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@dataclass
class AccessibleSite:
    """One app for the accessibility tests (tests/web/test_accessibility_browser.py and the
    keyboard and reflow tests): English, Welsh and Arabic compiled from the catalogues as
    they are now, the demo's records for the officers' pages, and a manager who signs in
    with a password and a two-factor code like anyone else."""

    app: Flask
    url: str
    exit_url: str
    manager_email: str
    manager_password: str
    manager_totp_secret: str


@pytest.fixture(scope="session")
def accessible_site(tmp_path_factory: pytest.TempPathFactory,
                    exit_url: str) -> Iterator[AccessibleSite]:
    import pyotp

    from intake_app.extensions import db
    from intake_app.services import protection, staff_accounts

    from ..i18n.catalogues import compile_to

    work = tmp_path_factory.mktemp("accessible-site")
    # Nothing listens on the bot's port: the chat answers in degraded mode (a person reads
    # it), in the conversation's language, without waiting long for the bot.
    app = make_app(work, EXIT_URL=exit_url, SUPPORTED_LOCALES=("en", "cy", "ar"),
                   BABEL_TRANSLATION_DIRECTORIES=str(compile_to(work / "translations")),
                   RASA_URL=f"http://127.0.0.1:{free_port()}", RASA_TURN_BUDGET_SECONDS=1.0)
    password, secret = "heron lantern quietly orbit", pyotp.random_base32()
    # In a request, as the demo's later history builds links (the feedback link) as a
    # page would; the demo loader on its own cannot yet (without SERVER_NAME).
    with app.test_request_context("/"):
        loaded = app.test_cli_runner().invoke(args=["demo", "load"])
        assert loaded.exit_code == 0, loaded.output
        manager = staff_accounts.create_user("a11y.manager@council.example",
                                             name="Alex Manager", role="manager",
                                             password=password)
        manager.totp_secret_encrypted = protection.encrypt_json(secret)
        manager.totp_enabled = True
        db.session.commit()
        db.session.remove()
    server: BaseWSGIServer = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield AccessibleSite(app=app, url=f"http://127.0.0.1:{server.server_port}",
                         exit_url=exit_url, manager_email="a11y.manager@council.example",
                         manager_password=password, manager_totp_secret=secret)
    server.shutdown()
    server.server_close()
    dispose(app)
