"""The production layout on 127.0.0.1: gunicorn with the repository's gunicorn.conf.py and
`flask outbox work` as real processes, a throw-away Redis, and browser-like clients that
talk to them over HTTP."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.fernet import Fernet

from support.peers import free_port
from support.redis_server import RedisServer, RedisUnavailable

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60.0


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A throw-away Redis, no persistence, deleted after the test."""
    try:
        server = RedisServer()
    except RedisUnavailable as error:
        pytest.fail(str(error))
    yield server
    server.stop()


def production_env(database_url: str, folder: Path, **settings: str) -> dict[str, str]:
    """The environment of a production process: PostgreSQL (or the test's database), every
    secret set and the stand-in case store in ``folder`` (nothing is written into the
    repository's instance folder), OUTBOX_WORKER none, and the given settings."""
    env = {name: value for name, value in os.environ.items()
           if name not in {"TEST_DATABASE", "FLASK_RUN_FROM_CLI"}}
    env.update({
        "PYTHONPATH": str(ROOT),
        "FLASK_APP": "intake_app:create_app",
        "DATABASE_URL": database_url,
        "CASE_STORE_URL": f"sqlite:///{folder / 'case_store.db'}",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "LOOKUP_HASH_KEY": secrets.token_hex(32),
        "RASA_CHANNEL_SECRET": secrets.token_urlsafe(32),
        "OUTBOX_WORKER": "none",
        # Production refuses the embedded default's example council details.
        "COUNCIL_NAME": "Northshire County Council",
        "COUNCIL_PHONE": "0300 555 0123",
        "OUT_OF_HOURS_NUMBER": "0300 555 0999",
        "WEB_WORKERS": "2",
        "WEB_THREADS": "2",
    })
    env.update(settings)
    return env


class ServerProcess:
    """A process started from the repository root, its output in a log file; ``stop``
    sends SIGTERM (as systemd and honcho do) and waits."""

    def __init__(self, command: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self.log = log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)

    def wait_until_healthy(self, url: str) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"exited at start:\n{self.output()}")
            try:
                if requests.get(url, timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"not healthy in {STARTUP_SECONDS:.0f}s:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture
def start_process(tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    started: list[ServerProcess] = []

    def start(command: list[str], env: dict[str, str]) -> ServerProcess:
        process = ServerProcess(command, env, tmp_path / f"process{len(started)}.log")
        started.append(process)
        return process

    yield start
    for process in reversed(started):
        process.stop()


def site_url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def start_site(start_process: Callable[..., ServerProcess]
               ) -> Callable[[dict[str, str]], tuple[ServerProcess, str]]:
    """The site as its own process (``python -m intake_app.serve``) on a free port;
    returns the process and the site's URL once /healthz answers."""

    def start(env: dict[str, str]) -> tuple[ServerProcess, str]:
        port = free_port()
        url = site_url(port)
        process = start_process([sys.executable, "-m", "intake_app.serve"],
                                {"PUBLIC_BASE_URL": url, **env, "PORT": str(port)})
        process.wait_until_healthy(f"{url}/healthz")
        return process, url

    return start


@pytest.fixture
def start_gunicorn(start_process: Callable[..., ServerProcess]
                   ) -> Callable[[dict[str, str]], tuple[ServerProcess, str]]:
    """gunicorn with the repository's gunicorn.conf.py on a free port; returns the process
    and the site's URL once /healthz answers."""

    def start(env: dict[str, str]) -> tuple[ServerProcess, str]:
        port = free_port()
        url = site_url(port)
        env = {"PUBLIC_BASE_URL": url, **env, "WEB_BIND": f"127.0.0.1:{port}"}
        process = start_process([sys.executable, "-m", "gunicorn", "-c",
                                 str(ROOT / "gunicorn.conf.py")], env)
        process.wait_until_healthy(f"{url}/healthz")
        return process, url

    return start


class HttpResponse:
    """A ``requests`` answer with the test client's ``get_data``, so the web journey
    helpers in tests/web_journey.py walk a real server too."""

    def __init__(self, response: requests.Response) -> None:
        self.response = response
        self.status_code = response.status_code

    def get_data(self, as_text: bool = False) -> Any:
        return self.response.text if as_text else self.response.content


class HttpClient:
    """A browser over HTTP: one cookie jar, redirects followed only when asked."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()

    def get(self, path: str, **kwargs: Any) -> HttpResponse:
        return HttpResponse(self.session.get(self.base_url + path, timeout=30,
                                             allow_redirects=False, **kwargs))

    def post(self, path: str, data: dict | None = None, follow_redirects: bool = False,
             **kwargs: Any) -> HttpResponse:
        return HttpResponse(self.session.post(self.base_url + path, data=data, timeout=30,
                                              allow_redirects=follow_redirects, **kwargs))
