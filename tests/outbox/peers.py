"""Real peers on 127.0.0.1 for the forwarding tests: a case store webhook receiver whose
behaviour can be switched between down, failing, hanging and healthy."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def free_port() -> int:
    """A port nothing listens on (yet): connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CaseStoreReceiver:
    """A webhook receiver that checks signatures and stores each idempotency key once.

    ``mode``: "ok" (201 with a case id), "error" (500), "hang" (answers only after
    ``hang_seconds``), "reject" (422), "throttle" (429 with Retry-After).
    """

    def __init__(self, secret: str, *, port: int | None = None) -> None:
        self.secret = secret
        self.port = port or free_port()
        self.mode = "ok"
        self.hang_seconds = 5.0
        self.delay_seconds = 0.0
        self.retry_after = "30"
        self.posts: Counter[str] = Counter()  # POSTs per idempotency key, including failed ones
        self.stored: dict[str, dict[str, Any]] = {}  # key -> document, stored once
        self.bad_signatures = 0
        self.in_flight = 0
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/cases"

    def start(self) -> CaseStoreReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the test output is for the tests."""

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, answer, headers = receiver.handle(dict(self.headers.items()), body)
                payload = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender timed out and went away

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def signature_ok(self, headers: dict[str, str], body: bytes) -> bool:
        timestamp = headers.get("X-Intake-Timestamp", "")
        expected = "sha256=" + hmac.new(self.secret.encode(), timestamp.encode() + b"." + body,
                                        hashlib.sha256).hexdigest()
        fresh = timestamp.isdigit() and abs(time.time() - int(timestamp)) < 300
        return fresh and hmac.compare_digest(expected, headers.get("X-Intake-Signature", ""))

    def handle(self, headers: dict[str, str], body: bytes
               ) -> tuple[int, dict[str, Any], dict[str, str]]:
        key = headers.get("Idempotency-Key", "")
        with self.lock:
            self.posts[key] += 1
            mode = self.mode
        if not self.signature_ok(headers, body):
            with self.lock:
                self.bad_signatures += 1
            return 401, {"error": "bad signature"}, {}
        if mode == "error":
            return 500, {"error": "case store is broken"}, {}
        if mode == "reject":
            return 422, {"error": "field 'service_area' is not known here"}, {}
        if mode == "throttle":
            return 429, {"error": "slow down"}, {"Retry-After": self.retry_after}
        with self.lock:
            self.in_flight += 1
        if mode == "hang":
            time.sleep(self.hang_seconds)
        if self.delay_seconds:
            time.sleep(self.delay_seconds)
        with self.lock:
            self.in_flight -= 1
            if key not in self.stored:
                self.stored[key] = json.loads(body)
            case_id = f"CS-{list(self.stored).index(key) + 1:05d}"
        return 201, {"case_id": case_id}, {}
