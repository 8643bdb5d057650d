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
