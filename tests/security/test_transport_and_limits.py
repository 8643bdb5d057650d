"""Request size, CSRF token lifetime, the API's rate limit per token, the Secure session
cookie and HSTS."""

from __future__ import annotations

import io
import json
import time

import flask_wtf.csrf
import pytest
import textstat
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import func, select

from intake_app.extensions import db
from intake_app.models import AuditEvent, ChannelMessage, Representation
from intake_app.services import staff_accounts
from intake_app.services.tokens import create_token

from ..api.conftest import representation
from ..conftest import csrf_token, dispose, make_app, post_form
from ..html_checks import main_text
from ..officers.conftest import sign_in_as
from ..web_journey import answer

MAX_GRADE = 5


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


class CountingStream(io.RawIOBase):
    """A request body of ``size`` bytes that counts how much of it the app reads."""

    def __init__(self, size: int) -> None:
        self.size, self.position, self.read_so_far = size, 0, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = self.size + offset if whence == io.SEEK_END else offset
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer) -> int:
        wanted = min(len(buffer), self.size - self.position)
        buffer[:wanted] = b"a" * wanted
        self.position += wanted
        self.read_so_far += wanted
        return wanted


# --- MAX_CONTENT_LENGTH ---------------------------------------------------------------

def test_a_50_mb_chat_body_is_refused_unread_with_json(app: Flask, client: FlaskClient) -> None:
    body = CountingStream(50 * 1024 * 1024)
    response = client.post("/chat/messages", input_stream=body,
                           content_type="application/json", content_length=body.size,
                           headers={"X-CSRFToken": csrf_token(client, "/chat")})

    assert response.status_code == 413
    assert response.is_json and "at most 262144 bytes" in response.json["message"]
    assert body.read_so_far == 0
    assert count(ChannelMessage) == 0


def test_an_api_body_over_the_limit_is_a_413_and_nothing_is_saved(
        app: Flask, client: FlaskClient) -> None:
    headers = {"Authorization": f"Bearer {create_token('bot', scope='intake').token}"}
    body = representation(text="x" * 300_000)
    response = client.post("/api/v1/representations", json=body, headers=headers)

    assert response.status_code == 413
    assert response.json["error"] == "Request Entity Too Large"
    assert count(Representation) == 0


def test_a_form_post_over_the_limit_gets_a_kind_page_and_the_answers_are_kept(
        app: Flask, client: FlaskClient) -> None:
    assert answer(client, "what", {"type": "complaint"}).status_code == 302
    response = answer(client, "what-happened", {"text": "x" * 300_000})

    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "That was too much to send" in page
    assert "Your other answers are still saved" in page
    assert textstat.flesch_kincaid_grade(main_text(response.get_data())) <= MAX_GRADE
    # The question before is still answered: the next page of the form opens.
    assert client.get("/tell-us/who").status_code == 200
    assert 'value="complaint" checked' in client.get("/tell-us/what").get_data(as_text=True)


# --- CSRF tokens expire with the draft ------------------------------------------------

def test_csrf_tokens_last_as_long_as_a_draft(app: Flask) -> None:
    assert app.config["WTF_CSRF_TIME_LIMIT"] == app.config["DRAFT_TTL_MINUTES"] * 60 == 7200


def token_from_the_past(client: FlaskClient, path: str, seconds_ago: int,
                        monkeypatch: pytest.MonkeyPatch) -> str:
    """The CSRF token of ``path`` as if the page had been opened ``seconds_ago`` (only the
    token's clock moves: the session and the draft are as they are now)."""

    class PastSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - seconds_ago

    class PastSerializer(URLSafeTimedSerializer):
        default_signer = PastSigner

    with monkeypatch.context() as past:
        past.setattr(flask_wtf.csrf, "URLSafeTimedSerializer", PastSerializer)
        return csrf_token(client, path)


def test_a_child_whose_token_expired_mid_form_keeps_every_word(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert answer(client, "what", {"type": "complaint"}).status_code == 302
    typed = "Nobody came to my review meeting and I waited all day."
    stale = token_from_the_past(client, "/tell-us/what-happened", 7201, monkeypatch)

    response = client.post("/tell-us/what-happened", data={"text": typed,
                                                            "csrf_token": stale})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert typed in page  # what they typed is on the page again
    assert "We kept what you typed" in page
    # Pressing Continue again (the page carries a fresh token) saves it.
    again = post_form(client, "/tell-us/what-happened", {"text": typed})
    assert again.status_code == 302
    assert typed in client.get("/tell-us/what-happened").get_data(as_text=True)
    assert 'value="complaint" checked' in client.get("/tell-us/what").get_data(as_text=True)


def test_a_token_younger_than_a_draft_still_works(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = token_from_the_past(client, "/tell-us/what", 7000, monkeypatch)
    response = client.post("/tell-us/what", data={"type": "complaint", "csrf_token": stale})
    assert response.status_code == 302


def test_an_officer_page_open_past_the_limit_changes_nothing_and_says_so(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    admin = staff_accounts.create_user("admin@council.example", name="Ada", role="admin")
    officer = staff_accounts.create_user("officer@council.example", name="Olu",
                                         role="officer")
    client = sign_in_as(app.test_client(), admin)
    stale = token_from_the_past(client, "/officers/users", 7201, monkeypatch)

    response = client.post(f"/officers/users/{officer.id}/disable",
                           data={"csrf_token": stale})

    assert response.status_code == 400
    assert "nothing was changed" in response.get_data(as_text=True)
    db.session.refresh(officer)
    assert officer.active
    assert db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "staff.disabled")).first() is None


# --- the API's rate limit, per token --------------------------------------------------

@pytest.fixture
def limited_api(tmp_path):
    limited = make_app(tmp_path, RATELIMIT_ENABLED=True, API_RATE_LIMIT="2 per minute")
    with limited.app_context():
        yield limited
    dispose(limited)


def test_each_api_token_has_its_own_limit(limited_api: Flask) -> None:
    client = limited_api.test_client()
    first = {"Authorization": f"Bearer {create_token('partner-a').token}"}
    second = {"Authorization": f"Bearer {create_token('partner-b').token}"}
    statuses = [client.post("/api/v1/representations", headers=first,
                            json=representation(text=f"Complaint number {n} about my "
                                                     "placement.")).status_code
                for n in range(3)]

    assert statuses == [201, 201, 429]
    refused = client.post("/api/v1/representations", headers=first, json=representation())
    assert refused.is_json and refused.json["error"] == "Too Many Requests"
    assert 1 <= int(refused.headers["Retry-After"]) <= 61
    assert count(Representation) == 2  # nothing was saved for the refused requests
    other = client.post("/api/v1/representations", headers=second, json=representation())
    assert other.status_code == 201


def test_made_up_tokens_share_their_address_limit(limited_api: Flask) -> None:
    client = limited_api.test_client()
    statuses = [client.post("/api/v1/representations", json=representation(),
                            headers={"Authorization": f"Bearer made-up-{n}"}).status_code
                for n in range(3)]
    assert statuses == [401, 401, 429]


# --- Secure cookie and HSTS -----------------------------------------------------------

def session_cookie(client: FlaskClient) -> str:
    response = client.get("/tell-us/what")
    return next(value for value in response.headers.getlist("Set-Cookie")
                if value.startswith("session="))


@pytest.mark.parametrize("public_base_url, setting, secure", [
    ("http://127.0.0.1:5000", "", False),   # make run: the embedded default over http
    ("http://localhost:5000", "", False),
    ("https://tellus.council.example", "", True),
    ("http://tellus.council.example", "", True),  # never a session in clear off this machine
    ("http://127.0.0.1:5000", "1", True),
    ("https://tellus.council.example", "0", False),
])
def test_the_session_cookie_is_secure_unless_served_locally_over_http(
        tmp_path, monkeypatch: pytest.MonkeyPatch, public_base_url: str, setting: str,
        secure: bool) -> None:
    monkeypatch.setenv("PUBLIC_BASE_URL", public_base_url)
    monkeypatch.setenv("SESSION_COOKIE_SECURE", setting)
    app = make_app(tmp_path)
    try:
        with app.app_context():
            cookie = session_cookie(app.test_client())
        assert ("; Secure" in cookie) is secure
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    finally:
        dispose(app)


def test_hsts_is_sent_over_https_only(app: Flask) -> None:
    plain = app.test_client().get("/")
    secure = app.test_client().get("/", base_url="https://localhost")
    assert "Strict-Transport-Security" not in plain.headers
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_hsts_is_sent_behind_a_tls_proxy_when_the_public_url_is_https(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://tellus.council.example")
    app = make_app(tmp_path)
    try:
        with app.app_context():
            response = app.test_client().get("/")
        assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    finally:
        dispose(app)


def test_the_api_answers_json_for_its_limits(app: Flask, client: FlaskClient) -> None:
    response = client.post("/api/v1/representations", data=json.dumps(representation()),
                           content_type="application/json")
    assert response.status_code == 401 and response.is_json
