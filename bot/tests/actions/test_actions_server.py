"""The action server runs no action for a caller without Rasa's token.

actions_server.py is started as ``make run-actions`` starts it, on a free port on
127.0.0.1, with the intake API played by a recording HTTP server: a forged tracker asking
for a record's status or a submission is refused before any action runs, so the API hears
nothing; the same call with the token (what Rasa sends) still works.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

BOT = Path(__file__).resolve().parents[2]
TOKEN = "rasas-action-token"
VICTIM = "conv-of-another-child"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingApi:
    """Plays the intake API: records every request, answers status and submit."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                api.requests.append(("GET", self.path))
                self.answer(200, {"reference": "ABCD-EFGH", "status": "triaged",
                                  "status_text": "A person is looking at it."})

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                api.requests.append(("POST", self.path))
                self.answer(201, {"reference": "QWER-TYUI", "reply_by": "2026-12-04"})

            def answer(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class ActionServer:
    def __init__(self, url: str, log_path: Path) -> None:
        self.url, self.log_path = url, log_path

    def webhook(self, action_call: dict[str, Any], params: dict[str, str] | None = None,
                headers: dict[str, str] | None = None) -> requests.Response:
        return requests.post(self.url + "/webhook", json=action_call, params=params,
                             headers=headers, timeout=20)


def server_env(**extra: str) -> dict[str, str]:
    """This environment without any token of its own, on 127.0.0.1, plus ``extra``."""
    inherited = {name: value for name, value in os.environ.items()
                 if name != "ACTION_SERVER_TOKEN"}
    return {**inherited, "SANIC_HOST": "127.0.0.1", **extra}


@pytest.fixture(scope="module")
def api() -> Iterator[RecordingApi]:
    recording = RecordingApi()
    yield recording
    recording.close()


@pytest.fixture(scope="module")
def action_server(api: RecordingApi, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[ActionServer]:
    port = free_port()
    log_path = tmp_path_factory.mktemp("actions") / "actions.log"
    env = server_env(ACTION_SERVER_TOKEN=TOKEN, INTAKE_API_URL=api.url + "/api/v1",
                     INTAKE_API_TOKEN="bot-service-token")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "actions_server.py", "--actions", "actions", "-p", str(port)],
            cwd=BOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log_path.read_text()
            try:
                if requests.get(url + "/health", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.2)
        yield ActionServer(url, log_path)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def heard(api: RecordingApi) -> list[tuple[str, str]]:
    """What the intake API is asked during the test."""
    api.requests.clear()
    return api.requests


def action_call(action: str, text: str, slots: dict[str, Any] | None = None
                ) -> dict[str, Any]:
    """What Rasa posts to the action server, as anyone can write it."""
    return {
        "next_action": action,
        "sender_id": VICTIM,
        "version": "3.6.21",
        "domain": {},
        "tracker": {"sender_id": VICTIM, "slots": slots or {},
                    "latest_message": {"text": text, "entities": [], "intent": {}},
                    "events": [], "paused": False, "followup_action": None,
                    "active_loop": {}, "latest_action_name": "action_listen"},
    }


STATUS_CALL = action_call("action_check_status", "status ABCD-EFGH")
SUBMIT_CALL = action_call("action_submit", "yes", {
    "story_text": "a forged story", "rep_type": "complaint", "language": "en"})
REFUSED = [
    {"params": None},
    {"params": {"token": ""}},
    {"params": {"token": "wrong"}},
    {"params": {"token": TOKEN + "x"}},
    {"params": {"token": TOKEN.upper()}},
    {"params": {"auth": TOKEN}},
    {"params": None, "headers": {"Authorization": f"Bearer {TOKEN}"}},
]


@pytest.mark.parametrize("call", [STATUS_CALL, SUBMIT_CALL], ids=["status", "submit"])
@pytest.mark.parametrize("how", REFUSED)
def test_a_forged_tracker_without_the_token_runs_no_action(
        action_server: ActionServer, heard: list, call: dict[str, Any],
        how: dict[str, Any]) -> None:
    response = action_server.webhook(call, **how)
    assert response.status_code == 403
    assert response.json() == {"error": "forbidden"}
    assert heard == []


def test_the_list_of_actions_is_behind_the_token_and_health_is_not(
        action_server: ActionServer) -> None:
    assert requests.get(action_server.url + "/actions", timeout=10).status_code == 403
    listed = requests.get(action_server.url + "/actions", params={"token": TOKEN}, timeout=10)
    assert {"name": "action_submit"} in listed.json()
    assert requests.get(action_server.url + "/health", timeout=10).json() == {"status": "ok"}


def test_with_rasas_token_the_actions_run_as_before(
        action_server: ActionServer, heard: list) -> None:
    """The control: the calls refused above do reach the API when the token is right."""
    status = action_server.webhook(STATUS_CALL, params={"token": TOKEN})
    assert status.status_code == 200
    assert status.json()["responses"][0]["response"] == "utter_status"
    submit = action_server.webhook(SUBMIT_CALL, params={"token": TOKEN})
    assert submit.status_code == 200
    assert submit.json()["responses"][0]["response"] == "utter_submitted"
    assert heard == [
        ("GET", f"/api/v1/representations/ABCD-EFGH/status?conversation_id={VICTIM}"),
        ("POST", "/api/v1/representations")]


def test_the_token_never_reaches_the_servers_log(action_server: ActionServer) -> None:
    action_server.webhook(STATUS_CALL, params={"token": TOKEN})
    action_server.webhook(STATUS_CALL, params={"token": "wrong"})
    log = action_server.log_path.read_text()
    assert "Action endpoint is up" in log
    assert TOKEN not in log and "wrong" not in log


def test_the_server_will_not_start_without_a_token() -> None:
    finished = subprocess.run(
        [sys.executable, "actions_server.py", "--actions", "actions", "-p", str(free_port())],
        cwd=BOT, env=server_env(), capture_output=True, text=True, timeout=60)
    assert finished.returncode != 0
    assert "set ACTION_SERVER_TOKEN" in finished.stderr
