"""What reaches the log: the route's pattern, never tokens, references, search text,
conversation ids or staff emails; and never a line someone typed."""

from __future__ import annotations

import logging
import socket
import threading
import urllib.request
from collections.abc import Iterator

import pytest
from flask import Flask
from werkzeug.serving import make_server

from intake_app.logs import REQUEST_LOGGER
from intake_app.serve import AppLoggedRequestHandler
from intake_app.services import staff_accounts
from intake_app.services.tokens import create_token

from ..conftest import dispose, make_app, post_form
from ..officers.conftest import sign_in_as

FORGED = "INFO:intake_app:staff.signed_in admin"


def request_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == REQUEST_LOGGER]


def assert_one_line_each(caplog: pytest.LogCaptureFixture) -> None:
    for record in caplog.records:
        message = record.getMessage()
        assert "\n" not in message and "\r" not in message, message


def test_invite_tokens_in_paths_and_query_strings_stay_out(
        app: Flask, client, caplog: pytest.LogCaptureFixture) -> None:
    _user, token = staff_accounts.invite_user("new@council.example", name="Nia",
                                              role="officer", actor="cli")
    with caplog.at_level(logging.INFO):
        assert client.get(f"/officers/invite/{token}?from=email-{token}").status_code == 200

    assert token not in caplog.text
    assert any(line.startswith("GET /officers/invite/<token> 200 ")
               for line in request_lines(caplog))


def test_search_text_references_and_conversation_ids_stay_out(
        app: Flask, make_staff, caplog: pytest.LogCaptureFixture) -> None:
    officer = sign_in_as(app.test_client(), make_staff("officer"))
    manager = sign_in_as(app.test_client(), make_staff("manager"))
    api = app.test_client()
    headers = {"Authorization": f"Bearer {create_token('bot', scope='intake').token}"}
    with caplog.at_level(logging.INFO):
        officer.get("/officers/queue?q=Jayden+Okafor+Riverside")
        manager.get("/officers/records/QWER7TYU/audit")
        api.get("/api/v1/representations/QWER-7TYU/status?conversation_id=conv-d41d8cd9",
                headers=headers)

    for secret in ("Jayden", "Okafor", "QWER", "d41d8cd9"):
        assert secret not in caplog.text
    assert {line.split(" ")[1] for line in request_lines(caplog)} == {
        "/officers/queue", "/officers/records/<reference>/audit",
        "/api/v1/representations/<reference>/status"}


def test_a_newline_typed_into_the_email_field_cannot_forge_a_line(
        app: Flask, client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        post_form(client, "/officers/sign-in",
                  {"email": f"x@council.example\n{FORGED}", "password": "wrong"})
        logging.getLogger("intake_app").warning("typed: %s", f"a\r\n{FORGED}\u2028b")

    assert_one_line_each(caplog)
    assert caplog.records[-1].getMessage() == f"typed: a\\r\\n{FORGED}\\u2028b"


@pytest.fixture
def limited_app(tmp_path) -> Iterator[Flask]:
    limited = make_app(tmp_path, RATELIMIT_ENABLED=True, STAFF_LOGIN_RATE_LIMIT="2 per minute",
                       STAFF_LOGIN_ADDRESS_RATE_LIMIT="2 per minute")
    with limited.app_context():
        yield limited
    dispose(limited)


def test_the_rate_limiter_never_logs_the_email_typed(
        limited_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    client = limited_app.test_client()
    email = "duty.officer@council.example"
    with caplog.at_level(logging.INFO):
        statuses = [post_form(client, "/officers/sign-in",
                              {"email": f"{email}\n{FORGED}", "password": "wrong"}).status_code
                    for _ in range(3)]

    assert statuses[-1] == 429
    assert any("exceeded" in record.getMessage() for record in caplog.records)
    assert "duty.officer" not in caplog.text
    assert_one_line_each(caplog)


def test_an_unhandled_error_is_logged_with_the_route_not_the_path(
        tmp_path, caplog: pytest.LogCaptureFixture) -> None:
    app = make_app(tmp_path, PROPAGATE_EXCEPTIONS=False)

    def fail(secret: str) -> str:
        raise RuntimeError("something broke")

    app.add_url_rule("/boom/<secret>", view_func=fail)
    try:
        with app.app_context(), caplog.at_level(logging.INFO):
            assert app.test_client().get("/boom/reset-7f3a9c?q=private").status_code == 500
        assert "Exception on /boom/<secret> [GET]" in caplog.text
        assert "RuntimeError: something broke" in caplog.text  # the traceback is kept
        assert "7f3a9c" not in caplog.text and "private" not in caplog.text
    finally:
        dispose(app)


@pytest.fixture
def served(app: Flask) -> Iterator[str]:
    """The app behind the embedded default's server, on a free 127.0.0.1 port."""
    server = make_server("127.0.0.1", 0, app, threaded=True,
                         request_handler=AppLoggedRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def test_the_embedded_server_logs_no_request_line_of_its_own(
        app: Flask, served: str, caplog: pytest.LogCaptureFixture) -> None:
    _user, token = staff_accounts.invite_user("new@council.example", name="Nia",
                                              role="officer", actor="cli")
    with caplog.at_level(logging.INFO):
        with urllib.request.urlopen(f"http://{served}/officers/invite/{token}?q=Jayden") as page:
            assert page.status == 200
        # A request line the server cannot read, carrying a token and a forged line.
        with socket.create_connection(tuple(served.split(":"))) as raw:
            raw.sendall(f"GET /officers/invite/{token}\r{FORGED} HTTP/1.1 x\r\n\r\n".encode())
            assert b"400" in raw.recv(1000)

    assert token not in caplog.text and "Jayden" not in caplog.text
    assert any(line.startswith("GET /officers/invite/<token> 200 ")
               for line in request_lines(caplog))
    assert "the server refused a request it could not read (HTTP 400)" in caplog.text
    assert_one_line_each(caplog)
