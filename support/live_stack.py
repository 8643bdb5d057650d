"""The real conversation stack on 127.0.0.1 for the integration tests: the Flask app in a
werkzeug server thread (so the bot's actions can call its API), the Rasa server with the
trained model, and the action server, both from bot/.venv."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path
from typing import IO

import requests
from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

from .peers import free_port

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
BOT_BIN = BOT / ".venv" / "bin"
STARTUP_SECONDS = 240.0


class BotProcess:
    """One server process with its log file; it can be stopped and started again."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], health_url: str,
                 log_path: Path, cwd: Path = BOT) -> None:
        self.name, self.command, self.env, self.cwd = name, command, env, cwd
        self.health_url, self.log_path = health_url, log_path
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        self.log = self.log_path.open("ab")
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited at start:\n{self.tail()}")
            try:
                if requests.get(self.health_url, timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{self.name} did not start in {STARTUP_SECONDS:.0f}s:\n{self.tail()}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None

    def tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


class AppServer:
    """The Flask app on a real socket, in a thread."""

    def __init__(self, app: Flask) -> None:
        self.port = free_port()
        self.server: BaseWSGIServer = make_server("127.0.0.1", self.port, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def model_path() -> Path:
    """Train when the bot's data changed (a no-op when the cached model exists)."""
    subprocess.run(["make", "-s", "-C", str(BOT), "train"], check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["make", "-s", "-C", str(BOT), "model-path"], check=True,
                          capture_output=True, text=True).stdout.strip()
    return Path(path)


def bot_processes(work: Path, rasa_port: int, api_url: str, api_token: str,
                  channel_secret: str, endpoints: str = "endpoints.yml",
                  **stores: str) -> tuple[BotProcess, BotProcess]:
    """The action server and the Rasa server, configured like ``make run`` but on free
    ports and with their own tracker database. ``channel_secret`` is the app's
    RASA_CHANNEL_SECRET: the REST channel's secret and, as in the bot's Makefile, the
    token Rasa sends to the action server. ``endpoints`` and ``stores`` (environment
    variables it reads) choose other stores, as production's RASA_ENDPOINTS does."""
    actions_port = free_port()
    env = {
        **os.environ,
        "RASA_CHANNEL_SECRET": channel_secret,
        "ACTION_SERVER_TOKEN": channel_secret,
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions_port}/webhook",
        "TRACKER_DB_DIALECT": "sqlite",
        "TRACKER_DB_URL": f"sqlite:///{work / 'tracker.db'}",
        "INTAKE_API_URL": api_url,
        "INTAKE_API_TOKEN": api_token,
        "SANIC_HOST": "127.0.0.1",
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        **stores,
    }
    actions = BotProcess(
        "action server",
        # rasa-sdk's server behind the token, as `make -C bot run-actions` starts it.
        [str(BOT_BIN / "python"), "actions_server.py", "--actions", "actions",
         "-p", str(actions_port)],
        env, f"http://127.0.0.1:{actions_port}/health", work / "actions.log")
    return actions, rasa_process(work, rasa_port, env, endpoints)


def rasa_process(work: Path, port: int, env: dict[str, str], endpoints: str = "endpoints.yml",
                 name: str = "rasa server") -> BotProcess:
    """A Rasa server with ``bot_processes``' environment; more than one may share stores."""
    return BotProcess(
        name,
        # `rasa run` through the bot's launcher, as `make -C bot run-rasa` starts it.
        [str(BOT_BIN / "python"), "rasa_server.py", "run", "--model", str(model_path()),
         "-i", "127.0.0.1", "-p", str(port), "--cors", "none",
         "--credentials", "credentials.yml", "--endpoints", endpoints],
        env, f"http://127.0.0.1:{port}/", work / f"{name.replace(' ', '_')}.log")
