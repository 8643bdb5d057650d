"""Peers on 127.0.0.1 for the tests and the benchmarks: a stand-in Rasa REST channel for the
gateway's unit tests, the helpers that sign requests the way Twilio does, and a real case
store webhook receiver whose behaviour can be switched between down, failing, hanging and
healthy (the forwarding tests and the load and fault benchmarks)."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from twilio.request_validator import RequestValidator

TWILIO_TOKEN = "test-twilio-auth-token"
TWILIO_ACCOUNT = "AC" + "0" * 32
PUBLIC_BASE_URL = "https://intake.example.org"
COUNCIL_NUMBER = "+447700900000"


class FakeRasa:
    """Answers like Rasa's REST channel; records what it was sent; can be slow."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.received_headers: list[dict[str, str]] = []
        self.delay_seconds = 0.0
        self.answer: Callable[[dict[str, Any]], list[dict[str, Any]]] = (
            lambda message: [{"recipient_id": message["sender"], "text": "Hi from the bot"}])
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                message = json.loads(self.rfile.read(length))
                fake.received.append(message)
                fake.received_headers.append(dict(self.headers))
                time.sleep(fake.delay_seconds)
                body = json.dumps(fake.answer(message)).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the gateway gave up waiting, as it should

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def twilio_params(body: str, sid: str, sender: str = "+447911123456",
                  num_media: int = 0) -> dict[str, str]:
    """The form fields Twilio posts for an inbound SMS (the ones the gateway reads and
    the usual others, so the signature covers a realistic request)."""
    return {
        "ToCountry": "GB", "ToState": "", "SmsMessageSid": sid, "NumMedia": str(num_media),
        "ToCity": "", "FromZip": "", "SmsSid": sid, "FromState": "", "SmsStatus": "received",
        "FromCity": "", "Body": body, "FromCountry": "GB", "To": COUNCIL_NUMBER,
        "ToZip": "", "NumSegments": "1", "MessageSid": sid, "AccountSid": TWILIO_ACCOUNT,
        "From": sender, "ApiVersion": "2010-04-01",
    }


def twilio_signature(params: dict[str, str], token: str = TWILIO_TOKEN,
                     base_url: str = PUBLIC_BASE_URL) -> str:
    return RequestValidator(token).compute_signature(base_url + "/sms/inbound", params)


def free_port() -> int:
    """A port nothing listens on (yet) on 127.0.0.1."""
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
