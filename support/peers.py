"""A stand-in Rasa REST channel on 127.0.0.1 for the gateway's unit tests, and the helpers
that sign requests the way Twilio does."""

from __future__ import annotations

import json
import socket
import threading
import time
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
