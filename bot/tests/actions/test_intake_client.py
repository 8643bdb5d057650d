"""The intake API client against a real HTTP server on 127.0.0.1 playing the API.

The action tests use a fake client; these check the client itself: what it puts on the
wire (the bearer token, the JSON, the query) and how it reads each kind of answer the
API gives, and no answer at all. The client is built the way the action server builds
it, from INTAKE_API_URL, INTAKE_API_TOKEN and INTAKE_API_TIMEOUT.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from actions.intake_client import (
    CallbackRequest,
    IntakeClient,
    IntakeRejected,
    IntakeUnavailable,
    Status,
    StatusLimited,
    Submission,
)

TOKEN = "bot-service-token"
REPRESENTATIONS = "/api/v1/representations"
STATUS = "/api/v1/representations/ABCD-EFGH/status"
CALLBACK_REQUESTS = "/api/v1/callback-requests"
# What the bot sends (actions.build_payload): Welsh and an emoji check the JSON's encoding.
PAYLOAD = {
    "text": "Dw i'n teimlo'n ddiflas 😞\nmy social worker never calls me back",
    "type": "complaint",
    "role": "young_person",
    "service_area": "children_in_care",
    "advocate": "yes",
    "advocate_provider": "nyas",
    "reply_channel": "sms",
    "language": "cy",
    "channel": "sms",
    "conversation_id": "conv-123",
    "idempotency_key": "5d41402abc4b2a76b9719d911017c592a1b2c3d4",
}


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    content_type: str = "application/json"


def json_answer(status: int, body: Any) -> Answer:
    return Answer(status, json.dumps(body).encode())


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: Message
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class IntakeApi:
    """The stand-in API: what it answers (by method and path), and what it was sent."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.answers: dict[tuple[str, str], Answer] = {}
        self.received: list[Received] = []
        # Set ``stalled`` and the API takes each request but never answers, until released.
        self.stalled = False
        self.released = threading.Event()

    def answer(self, method: str, path: str, answer: Answer) -> None:
        self.answers[(method, path)] = answer


class _ApiServer(ThreadingHTTPServer):
    daemon_threads = True
    api: IntakeApi


class _ApiHandler(BaseHTTPRequestHandler):
    server: _ApiServer

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        api = self.server.api
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        api.received.append(Received(self.command, url.path, parse_qs(url.query),
                                     self.headers, body))
        if api.stalled:
            api.released.wait(timeout=30)
            return
        answer = api.answers.get((self.command, url.path), json_answer(501, {"error": "unset"}))
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests read what was received from ``IntakeApi.received``."""


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[IntakeApi]:
    server = _ApiServer(("127.0.0.1", 0), _ApiHandler)
    host, port = server.server_address[:2]
    server.api = IntakeApi(f"http://{host}:{port}/api/v1")
    # A short poll so that shutting the server down after each test is quick.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    # With a trailing slash, as people write it in an environment file.
    monkeypatch.setenv("INTAKE_API_URL", server.api.url + "/")
    monkeypatch.setenv("INTAKE_API_TOKEN", TOKEN)
    # Generous, so a busy machine cannot turn a slow answer into a failed test; the
    # timeout test sets its own.
    monkeypatch.setenv("INTAKE_API_TIMEOUT", "10")
    yield server.api
    server.api.released.set()
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def client(api: IntakeApi) -> Iterator[IntakeClient]:
    client = IntakeClient.from_env()
    yield client
    client.session.close()


# The client's three calls, each with the method and path the API serves it on.
CALLS: dict[str, tuple[str, str, Callable[[IntakeClient], Any]]] = {
    "submit": ("POST", REPRESENTATIONS, lambda client: client.submit(PAYLOAD)),
    "status": ("GET", STATUS, lambda client: client.status("ABCD-EFGH", "conv-123")),
    "callback": ("POST", CALLBACK_REQUESTS,
                 lambda client: client.request_callback("conv-123", "", method="text")),
}


def test_submit_posts_the_payload_as_json_with_the_bearer_token(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("POST", REPRESENTATIONS, json_answer(201, {
        "reference": "ABCD-EFGH", "status": "received", "deadlines": {},
        "reply_by": "2026-12-04", "reply_by_words": "dydd Gwener 4 Rhagfyr 2026",
        "acknowledgement": "Diolch.", "safeguarding": True}))
    submission = client.submit(PAYLOAD)
    (request,) = api.received
    assert (request.method, request.path) == ("POST", REPRESENTATIONS)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Content-Type"] == "application/json"
    # The idempotency key travels in the body, where the API reads it.
    assert request.json() == PAYLOAD
    assert submission == Submission(
        reference="ABCD-EFGH", reply_by="2026-12-04",
        reply_by_words="dydd Gwener 4 Rhagfyr 2026", safeguarding=True)


def test_a_submission_the_api_has_seen_before_is_the_same_record(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("POST", REPRESENTATIONS, json_answer(200, {
        "reference": "ABCD-EFGH", "reply_by": "2026-12-04",
        "reply_by_words": "Friday 4 December 2026", "safeguarding": False}))
    first, again = client.submit(PAYLOAD), client.submit(PAYLOAD)
    assert first == again == Submission("ABCD-EFGH", "2026-12-04", "Friday 4 December 2026",
                                        False)
    assert [request.json()["idempotency_key"] for request in api.received] == [
        PAYLOAD["idempotency_key"]] * 2


def test_a_refused_submission_says_which_fields(api: IntakeApi, client: IntakeClient) -> None:
    errors = {"text": "is required", "contact.phone": "must be a mobile number"}
    api.answer("POST", REPRESENTATIONS, json_answer(422, {"errors": errors}))
    with pytest.raises(IntakeRejected) as refused:
        client.submit(PAYLOAD)
    assert refused.value.errors == errors


def test_a_refusal_without_json_is_still_a_refusal(api: IntakeApi, client: IntakeClient) -> None:
    api.answer("POST", REPRESENTATIONS, Answer(422, b"<h1>Unprocessable</h1>", "text/html"))
    with pytest.raises(IntakeRejected) as refused:
        client.submit(PAYLOAD)
    assert refused.value.errors == {}


@pytest.mark.parametrize("call", CALLS)
def test_every_call_carries_the_bearer_token(
    api: IntakeApi, client: IntakeClient, call: str,
) -> None:
    method, path, make_call = CALLS[call]
    api.answer(method, path, json_answer(503, {"error": "Service Unavailable"}))
    with pytest.raises(IntakeUnavailable):
        make_call(client)
    assert [request.headers["Authorization"] for request in api.received] == [
        f"Bearer {TOKEN}"]


@pytest.mark.parametrize("status", [500, 502, 503, 401, 409])
@pytest.mark.parametrize("call", CALLS)
def test_an_error_answer_is_the_api_unavailable(
    api: IntakeApi, client: IntakeClient, call: str, status: int,
) -> None:
    method, path, make_call = CALLS[call]
    api.answer(method, path, json_answer(status, {"error": "no"}))
    with pytest.raises(IntakeUnavailable):
        make_call(client)


@pytest.mark.parametrize("call", CALLS)
def test_a_success_that_is_not_the_apis_json_is_the_api_unavailable(
    api: IntakeApi, client: IntakeClient, call: str,
) -> None:
    """A proxy or a wrong INTAKE_API_URL can answer 200 with a page: the action must still
    be able to tell the child honestly, which it can only do for IntakeUnavailable."""
    method, path, make_call = CALLS[call]
    api.answer(method, path, Answer(200, b"<!doctype html><h1>Welcome</h1>", "text/html"))
    with pytest.raises(IntakeUnavailable):
        make_call(client)


@pytest.mark.parametrize("call", CALLS)
def test_no_answer_within_the_timeout_is_the_api_unavailable(
    api: IntakeApi, monkeypatch: pytest.MonkeyPatch, call: str,
) -> None:
    monkeypatch.setenv("INTAKE_API_TIMEOUT", "0.2")
    api.stalled = True
    client = IntakeClient.from_env()
    with pytest.raises(IntakeUnavailable) as unavailable:
        CALLS[call][2](client)
    client.session.close()
    assert isinstance(unavailable.value.__cause__, requests.Timeout)
    assert len(api.received) == 1  # it was heard, and never answered


# The gateway's default wait for the bot's whole turn (RASA_TURN_BUDGET_SECONDS, README).
GATEWAY_TURN_BUDGET_SECONDS = 4


def test_the_timeout_is_the_setting_or_inside_the_gateways_turn_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTAKE_API_TIMEOUT", "1.5")
    assert IntakeClient.from_env().timeout == 1.5
    monkeypatch.delenv("INTAKE_API_TIMEOUT")
    assert IntakeClient.from_env().timeout < GATEWAY_TURN_BUDGET_SECONDS


@pytest.mark.parametrize("call", CALLS)
def test_nothing_listening_is_the_api_unavailable(
    monkeypatch: pytest.MonkeyPatch, call: str,
) -> None:
    # A port bound and never listened on: every connection to it is refused.
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        monkeypatch.setenv("INTAKE_API_URL", f"http://127.0.0.1:{bound.getsockname()[1]}/api/v1")
        client = IntakeClient.from_env()
        with pytest.raises(IntakeUnavailable) as unavailable:
            CALLS[call][2](client)
        client.session.close()
    assert isinstance(unavailable.value.__cause__, requests.ConnectionError)


def test_status_asks_for_the_reference_as_this_conversation(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("GET", STATUS, json_answer(200, {
        "reference": "ABCD-EFGH", "status": "triaged",
        "status_text": "We have it and a person is looking at it.",
        "case_status": None, "updated_at": "2026-11-20T10:00:00+00:00"}))
    # A conversation id with characters a query string must escape.
    status = client.status("ABCD-EFGH", "chat:7f3a/b+c&d")
    (request,) = api.received
    assert (request.method, request.path) == ("GET", STATUS)
    assert request.query == {"conversation_id": ["chat:7f3a/b+c&d"]}
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert status == Status("ABCD-EFGH", "triaged", "We have it and a person is looking at it.")


def test_status_of_a_reference_this_sender_may_not_see_is_none(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("GET", STATUS, json_answer(404, {"error": "Not Found"}))
    assert client.status("ABCD-EFGH", "conv-123") is None


def test_a_status_request_the_api_refuses_is_the_api_unavailable(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("GET", STATUS, json_answer(422, {"errors": {"conversation_id": "is required"}}))
    with pytest.raises(IntakeUnavailable):
        client.status("ABCD-EFGH", "conv-123")


def test_status_with_a_secret_number_is_posted_not_put_in_the_address(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("POST", "/api/v1/status-checks", json_answer(200, {
        "reference": "ABCD-EFGH", "status": "triaged", "status_text": "We are on it.",
        "case_status": None, "next_date": None, "updated_at": "2026-11-20T10:00:00+00:00"}))
    status = client.status("ABCD-EFGH", "conv-123", "042917")
    (request,) = api.received
    assert (request.method, request.path, request.query) == ("POST", "/api/v1/status-checks", {})
    assert request.json() == {"conversation_id": "conv-123", "reference": "ABCD-EFGH",
                              "secret": "042917"}
    assert status == Status("ABCD-EFGH", "triaged", "We are on it.")


def test_status_look_ups_limited_bring_the_words_for_the_child(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("POST", "/api/v1/status-checks", json_answer(429, {
        "error": "Too Many Requests", "message": "see Retry-After",
        "status_text": "You have tried a lot of times."}))
    with pytest.raises(StatusLimited) as limited:
        client.status("ABCD-EFGH", "conv-123", "042917")
    assert limited.value.text == "You have tried a lot of times."


def test_callback_sends_how_and_when_and_reads_the_promise(
    api: IntakeApi, client: IntakeClient,
) -> None:
    api.answer("POST", CALLBACK_REQUESTS, json_answer(201, {
        "id": 12, "reachable": True, "method": "call", "reply_by": "2026-11-27",
        "reply_by_words": "Friday 27 November 2026", "council_phone": "0300 123 4000",
        "council_opening_hours": "Monday to Friday, 9:00 AM to 5:00 PM"}))
    callback = client.request_callback(
        "conv-123", "they moved me", method="call_or_text", phone="02079460000",
        times=("after_school", "evening"))
    (request,) = api.received
    assert (request.method, request.path) == ("POST", CALLBACK_REQUESTS)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.json() == {
        "conversation_id": "conv-123", "note": "they moved me",
        "contact": {"method": "call_or_text", "phone": "02079460000"},
        "contact_safety": {"times": ["after_school", "evening"]}}
    assert callback == CallbackRequest(
        id=12, reachable=True, method="call", reply_by="2026-11-27",
        reply_by_words="Friday 27 November 2026", council_phone="0300 123 4000",
        council_opening_hours="Monday to Friday, 9:00 AM to 5:00 PM")


def test_callback_with_no_way_to_reach_them_sends_no_number_or_times(
    api: IntakeApi, client: IntakeClient,
) -> None:
    # The API's answer when nobody can be reached: no words for a day it does not promise.
    api.answer("POST", CALLBACK_REQUESTS, json_answer(201, {
        "id": 13, "reachable": False, "method": "none", "reply_by": "2026-11-27",
        "reply_by_words": None, "council_phone": "0300 123 4000",
        "council_opening_hours": "Monday to Friday, 9:00 AM to 5:00 PM"}))
    callback = client.request_callback("conv-123", "", method="none", times=("evening",))
    (request,) = api.received
    assert request.json() == {"conversation_id": "conv-123", "contact": {"method": "none"}}
    assert (callback.reachable, callback.method, callback.reply_by_words) == (False, "none", "")
    assert callback.council_phone == "0300 123 4000"


def test_a_refused_callback_number_says_which_field(
    api: IntakeApi, client: IntakeClient,
) -> None:
    errors = {"contact.phone": "must be a mobile number (UK, or another country's with + "
                               "and its code)"}
    api.answer("POST", CALLBACK_REQUESTS, json_answer(422, {"errors": errors}))
    with pytest.raises(IntakeRejected) as refused:
        client.request_callback("conv-123", "", method="text", phone="07000000000")
    assert refused.value.errors == errors
