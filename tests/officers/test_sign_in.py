"""Signing in, two-factor, the idle timeout and accepting an invite, through the pages."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from argon2 import PasswordHasher
from flask import Flask, request_started
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, StaffUser
from intake_app.officers.access import SEEN_AT, TWO_FACTOR_PASSED
from intake_app.services import protection, staff_accounts

from ..conftest import _fresh_request_globals, csrf_token, dispose, make_app, post_form
from .conftest import sign_in_as

PASSWORD = "heron lantern quietly orbit"
SETUP_PAGE = "/officers/two-factor/setup"


def staff(role: str = "officer", *, email: str | None = None, totp: bool = False,
          active: bool = True) -> StaffUser:
    user = staff_accounts.create_user(email or f"{role}@council.example", name=role.title(),
                                      role=role, password=PASSWORD)
    if totp:
        user.totp_secret_encrypted = protection.encrypt_json(pyotp.random_base32())
        user.totp_enabled = True
    user.active = active
    db.session.commit()
    return user


def totp_code(user: StaffUser) -> str:
    return pyotp.TOTP(protection.decrypt_json(user.totp_secret_encrypted)).now()


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD, next_path: str = ""):
    path = "/officers/sign-in" + (f"?next={next_path}" if next_path else "")
    return post_form(client, path, {"email": email, "password": password})


def signed_in_user_id(client: FlaskClient) -> str | None:
    with client.session_transaction() as session:
        return session.get("_user_id")


def audit(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# --- password sign-in ---------------------------------------------------------------

def test_right_password_signs_in_and_goes_to_next(app: Flask, client: FlaskClient) -> None:
    user = staff("officer")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"

    response = sign_in(client, "  OFFICER@council.example ", next_path=SETUP_PAGE)

    assert response.status_code == 302
    assert response.headers["Location"] == SETUP_PAGE
    assert signed_in_user_id(client) == user.get_id()
    with client.session_transaction() as session:
        assert "planted" not in session  # the old session was emptied first
        assert session[TWO_FACTOR_PASSED] is True  # an officer without TOTP needs no code
    assert client.get(SETUP_PAGE).status_code == 200
    db.session.refresh(user)
    assert user.last_login_at is not None
    assert [event.actor for event in audit("staff.signed_in")] == [f"staff:{user.id}"]


def test_officer_without_next_lands_on_the_queue(app: Flask, client: FlaskClient) -> None:
    officer = staff("officer")
    assert sign_in(client, officer.email).headers["Location"] == "/officers/queue"
    assert client.get("/officers/queue").status_code == 200


def test_admin_without_next_lands_on_staff_accounts(app: Flask, client: FlaskClient) -> None:
    admin = staff("admin", totp=True)
    sign_in(client, admin.email)
    response = post_form(client, "/officers/two-factor", {"code": totp_code(admin)})
    assert response.headers["Location"] == "/officers/users"


@pytest.mark.parametrize("email, password", [
    ("officer@council.example", "not the password at all"),
    ("nobody@council.example", PASSWORD),
])
def test_wrong_email_or_password_gets_one_message_that_does_not_say_which(
        app: Flask, client: FlaskClient, email: str, password: str) -> None:
    staff("officer")
    response = sign_in(client, email, password)

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The email or password is not right" in page
    assert email in page  # the email stays typed in; the password does not
    assert password not in page
    assert signed_in_user_id(client) is None
    failures = audit("staff.sign_in_failed")
    assert len(failures) == 1
    stored = json.dumps([failures[0].before, failures[0].after, failures[0].actor])
    assert password not in stored and email not in stored


def test_disabled_account_cannot_sign_in(app: Flask, client: FlaskClient) -> None:
    staff("officer", active=False)
    response = sign_in(client, "officer@council.example")
    assert response.status_code == 400
    assert "The email or password is not right" in response.get_data(as_text=True)
    assert signed_in_user_id(client) is None
    assert [event.after for event in audit("staff.sign_in_failed")] == [{"reason": "disabled"}]


def test_invited_account_without_password_cannot_sign_in(app: Flask, client: FlaskClient) -> None:
    staff_accounts.invite_user("new@council.example", name="New", role="officer",
                               actor="test")
    response = sign_in(client, "new@council.example", "")
    assert response.status_code == 400
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize("unsafe", [
    "https://evil.example/officers/queue", "//evil.example/x", "/\\evil.example",
    "javascript:alert(1)",
])
def test_next_that_leaves_the_site_is_ignored(app: Flask, client: FlaskClient,
                                              unsafe: str) -> None:
    staff("admin", totp=False)
    response = sign_in(client, "admin@council.example", next_path=unsafe)
    assert response.status_code == 302
    assert "evil" not in response.headers["Location"]
    assert response.headers["Location"].startswith("/officers/two-factor/setup")


def test_password_stored_as_argon2id_at_owasp_parameters_or_stronger(app: Flask) -> None:
    user = staff("officer")
    match = re.fullmatch(r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[^$]+\$[^$]+",
                         user.password_hash)
    assert match, user.password_hash
    memory_kib, time_cost, parallelism = map(int, match.groups())
    # OWASP: m=19 MiB with t=2, or more memory / more passes.
    assert memory_kib >= 19456 and time_cost >= 2 and parallelism >= 1
    assert PASSWORD not in user.password_hash


def test_hash_with_weaker_parameters_is_upgraded_at_sign_in(app: Flask,
                                                            client: FlaskClient) -> None:
    user = staff("officer")
    user.password_hash = PasswordHasher(time_cost=1, memory_cost=8192,
                                        parallelism=1).hash(PASSWORD)
    db.session.commit()

    sign_in(client, user.email, next_path=SETUP_PAGE)

    db.session.refresh(user)
    assert user.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert staff_accounts.verify_password(user, PASSWORD)


def test_sign_in_attempts_are_rate_limited_with_a_kind_page(tmp_path) -> None:
    limited = make_app(tmp_path, RATELIMIT_ENABLED=True, STAFF_LOGIN_RATE_LIMIT="3 per minute")
    try:
        with limited.app_context():
            staff("officer")
            client = limited.test_client()
            statuses = [sign_in(client, "officer@council.example", "wrong guess number x")
                        .status_code for _ in range(3)]
            blocked = sign_in(client, "officer@council.example")  # even the right password

            assert statuses == [400, 400, 400]
            assert blocked.status_code == 429
            assert "Too many attempts" in blocked.get_data(as_text=True)
            assert signed_in_user_id(client) is None
            assert client.get("/officers/sign-in").status_code == 200  # reading is not limited
    finally:
        dispose(limited)


def test_sign_out_needs_a_post_with_csrf(app: Flask, client: FlaskClient) -> None:
    user = staff("officer")
    sign_in(client, user.email, next_path=SETUP_PAGE)
    assert client.get("/officers/sign-out").status_code == 405
    assert client.post("/officers/sign-out").status_code == 400  # no CSRF token
    assert signed_in_user_id(client) == user.get_id()

    response = client.post("/officers/sign-out",
                           data={"csrf_token": csrf_token(client, SETUP_PAGE)})
    assert response.status_code == 302
    assert signed_in_user_id(client) is None
    assert client.get(SETUP_PAGE).status_code == 302


# --- idle timeout -------------------------------------------------------------------

@pytest.mark.parametrize("idle_minutes, signed_out", [(29, False), (31, True)])
def test_idle_session_is_signed_out_after_30_minutes(app: Flask, make_staff,
                                                     idle_minutes: int,
                                                     signed_out: bool) -> None:
    client = sign_in_as(app.test_client(), make_staff("admin"))
    with client.session_transaction() as session:
        session[SEEN_AT] = time.time() - idle_minutes * 60

    response = client.get("/officers/users")

    if signed_out:
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/officers/sign-in")
        assert signed_in_user_id(client) is None
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "You were signed out because nothing happened for a while" in page
    else:
        assert response.status_code == 200


# --- two-factor ---------------------------------------------------------------------

def test_manager_without_two_factor_is_sent_to_set_it_up(app: Flask,
                                                         client: FlaskClient) -> None:
    manager = staff("manager")
    response = sign_in(client, manager.email, next_path="/officers/users")
    assert response.headers["Location"].startswith(SETUP_PAGE)
    # Every other page sends them back to the setup until it is done.
    assert client.get("/officers/users").headers["Location"] == SETUP_PAGE

    page = client.get(SETUP_PAGE).get_data(as_text=True)
    db.session.refresh(manager)
    secret = protection.decrypt_json(manager.totp_secret_encrypted)
    assert secret in page and 'src="data:image/svg+xml' in page
    assert "needs two-factor before you can go on" in page

    wrong = post_form(client, SETUP_PAGE, {"code": "000000"})
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.get_data(as_text=True)
    db.session.refresh(manager)
    assert not manager.totp_enabled

    right = post_form(client, SETUP_PAGE, {"code": pyotp.TOTP(secret).now()})
    assert right.status_code == 302
    db.session.refresh(manager)
    assert manager.totp_enabled
    with client.session_transaction() as session:
        assert session[TWO_FACTOR_PASSED] is True
    assert audit("staff.two_factor_enabled")


def test_manager_with_two_factor_must_enter_a_right_code(app: Flask,
                                                         client: FlaskClient) -> None:
    manager = staff("manager", totp=True)
    response = sign_in(client, manager.email, next_path=SETUP_PAGE)
    assert response.headers["Location"].startswith("/officers/two-factor?")
    assert client.get("/officers/users").headers["Location"] == "/officers/two-factor"

    for bad in ("000000", "98765", "abcdef"):
        wrong = post_form(client, "/officers/two-factor", {"code": bad})
        assert wrong.status_code == 400
        assert bad not in wrong.get_data(as_text=True)
    with client.session_transaction() as session:
        assert not session[TWO_FACTOR_PASSED]

    right = post_form(client, f"/officers/two-factor?next={SETUP_PAGE}",
                      {"code": totp_code(manager)})
    assert right.status_code == 302
    assert right.headers["Location"] == SETUP_PAGE
    with client.session_transaction() as session:
        assert session[TWO_FACTOR_PASSED] is True


def test_a_code_cannot_be_used_twice(app: Flask) -> None:
    manager = staff("manager", totp=True)
    code = totp_code(manager)
    first, second = app.test_client(), app.test_client()
    sign_in(first, manager.email)
    assert post_form(first, "/officers/two-factor", {"code": code}).status_code == 302

    sign_in(second, manager.email)
    replay = post_form(second, "/officers/two-factor", {"code": code})
    assert replay.status_code == 400
    with second.session_transaction() as session:
        assert not session[TWO_FACTOR_PASSED]


def test_two_factor_is_optional_for_officers(app: Flask, client: FlaskClient) -> None:
    officer = staff("officer")
    sign_in(client, officer.email, next_path=SETUP_PAGE)
    page = client.get(SETUP_PAGE)
    assert page.status_code == 200
    assert "Two-factor is optional for your role" in page.get_data(as_text=True)

    db.session.refresh(officer)
    code = pyotp.TOTP(protection.decrypt_json(officer.totp_secret_encrypted)).now()
    assert post_form(client, SETUP_PAGE, {"code": code}).status_code == 302
    db.session.refresh(officer)
    assert officer.totp_enabled

    # Once on, the officer's next sign-in asks for a code too.
    again = app.test_client()
    assert sign_in(again, officer.email).headers["Location"] == "/officers/two-factor"


def test_turning_two_factor_on_ends_the_other_sessions(app: Flask, client: FlaskClient) -> None:
    """Someone who fears their password leaked turns two-factor on: a session opened
    elsewhere with the password alone must end; this browser stays in."""
    officer = staff("officer")
    elsewhere = app.test_client()
    sign_in(elsewhere, officer.email)
    assert elsewhere.get("/officers/queue").status_code == 200
    sign_in(client, officer.email, next_path=SETUP_PAGE)
    client.get(SETUP_PAGE)
    db.session.refresh(officer)
    code = pyotp.TOTP(protection.decrypt_json(officer.totp_secret_encrypted)).now()
    assert post_form(client, SETUP_PAGE, {"code": code}).status_code == 302

    assert client.get("/officers/queue").status_code == 200
    left = elsewhere.get("/officers/queue")
    assert left.status_code == 302 and left.headers["Location"].startswith("/officers/sign-in")


def test_two_factor_pages_need_a_signed_in_user(app: Flask, client: FlaskClient) -> None:
    for path in ("/officers/two-factor", SETUP_PAGE):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/officers/sign-in")


# --- invites ------------------------------------------------------------------------

def invite(role: str = "officer") -> tuple[StaffUser, str]:
    return staff_accounts.invite_user("invited@council.example", name="Ivy Invited",
                                      role=role, actor="test")


def test_invite_sets_a_password_once(app: Flask, client: FlaskClient) -> None:
    user, token = invite()
    path = f"/officers/invite/{token}"
    page = client.get(path)
    assert page.status_code == 200
    assert "Ivy Invited" in page.get_data(as_text=True)

    response = post_form(client, path, {"password": PASSWORD, "confirm": PASSWORD})

    assert response.headers["Location"] == "/officers/sign-in"
    db.session.refresh(user)
    assert staff_accounts.verify_password(user, PASSWORD)
    assert client.get(path).status_code == 404  # used up
    assert sign_in(client, user.email, next_path=SETUP_PAGE).headers["Location"] == SETUP_PAGE


@pytest.mark.parametrize("password, message", [
    ("short pass", "Use at least 12 characters"),
    ("Password1234", "too easy to guess"),
    ("aaaaaaaaaaaaaaa", "too easy to guess"),
    ("invited-secret-words", "too easy to guess"),  # contains the email's name part
])
def test_weak_password_is_refused_and_not_shown_again(app: Flask, client: FlaskClient,
                                                      password: str, message: str) -> None:
    user, token = invite()
    response = post_form(client, f"/officers/invite/{token}",
                         {"password": password, "confirm": password})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert password not in page
    assert "Ivy Invited" in page
    db.session.refresh(user)
    assert user.password_hash is None
    assert client.get(f"/officers/invite/{token}").status_code == 200  # still usable


def test_passwords_that_differ_are_refused(app: Flask, client: FlaskClient) -> None:
    _user, token = invite()
    response = post_form(client, f"/officers/invite/{token}",
                         {"password": PASSWORD, "confirm": PASSWORD + "x"})
    assert response.status_code == 400
    assert "The two passwords are not the same" in response.get_data(as_text=True)


def test_invite_expires_after_72_hours(app: Flask, client: FlaskClient) -> None:
    user, token = invite()
    assert user.invite_expires_at - datetime.now(UTC) > timedelta(hours=71, minutes=59)
    user.invite_expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()

    response = client.get(f"/officers/invite/{token}")
    assert response.status_code == 404
    assert "This invite link does not work" in response.get_data(as_text=True)
    assert client.get("/officers/invite/made-up-token").status_code == 404


def test_idle_session_waiting_for_two_factor_setup_is_signed_out(app: Flask, make_staff) -> None:
    """The two-factor pages are reachable before two-factor is passed, but an idle session
    there ends like any other: the setup page shows the secret."""
    manager = make_staff("manager")
    client = sign_in_as(app.test_client(), manager)
    with client.session_transaction() as session:
        session[TWO_FACTOR_PASSED] = False
        session[SEEN_AT] = time.time() - 3 * 60 * 60

    response = client.get(SETUP_PAGE)

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/officers/sign-in")
    assert signed_in_user_id(client) is None
    db.session.refresh(manager)
    assert manager.totp_secret_encrypted is None  # no secret was made or shown


# --- limits per account and behind a proxy ------------------------------------------

@pytest.fixture
def limited_app(tmp_path):
    limited = make_app(tmp_path, RATELIMIT_ENABLED=True, STAFF_LOGIN_RATE_LIMIT="3 per minute")
    request_started.connect(_fresh_request_globals, limited)
    with limited.app_context():
        yield limited
    request_started.disconnect(_fresh_request_globals, limited)
    dispose(limited)


def browser_at(app: Flask, address: str) -> FlaskClient:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_guessing_a_colleagues_password_never_locks_them_out(limited_app: Flask) -> None:
    """Each address that guesses is held back for that account; the colleague signing in
    from their own address is not (guesses from many addresses alert managers instead)."""
    staff("officer")
    guessers = [browser_at(limited_app, f"10.0.0.{n}") for n in range(3)]
    statuses = [[sign_in(guesser, "Officer@council.example", "wrong guess number x")
                 .status_code for _ in range(4)] for guesser in guessers]

    assert statuses == [[400, 400, 400, 429]] * 3
    # The guessers stay held back, even were they to find the password...
    assert sign_in(guessers[0], "officer@council.example").status_code == 429
    # ...but the officer, from their own address, signs in at once.
    officer = browser_at(limited_app, "10.0.0.9")
    assert sign_in(officer, "officer@council.example ").status_code == 302
    assert signed_in_user_id(officer) is not None


def test_signing_in_rightly_uses_up_no_limit(limited_app: Flask) -> None:
    """Only failures count: a busy office, or someone who knows a colleague's password,
    cannot keep them out by signing in as them again and again."""
    staff("officer")
    statuses = [sign_in(browser_at(limited_app, "10.0.0.1"), "officer@council.example")
                .status_code for _ in range(5)]
    assert statuses == [302] * 5
    wrong = [sign_in(browser_at(limited_app, "10.0.0.1"), "officer@council.example",
                     "wrong guess number x").status_code for _ in range(4)]
    assert wrong == [400, 400, 400, 429]


def test_two_factor_guesses_are_limited_per_account(limited_app: Flask) -> None:
    manager = staff("manager", totp=True)
    browsers = []
    for n in range(2):
        browser = sign_in_as(browser_at(limited_app, f"10.0.1.{n}"), manager)
        with browser.session_transaction() as session:
            session[TWO_FACTOR_PASSED] = False
        browsers.append(browser)
    statuses = [post_form(browsers[n % 2], "/officers/two-factor", {"code": "000000"})
                .status_code for n in range(3)]
    blocked = post_form(browsers[1], "/officers/two-factor", {"code": totp_code(manager)})

    assert statuses == [400, 400, 400]
    assert blocked.status_code == 429
    with browsers[1].session_transaction() as session:
        assert not session[TWO_FACTOR_PASSED]


@pytest.mark.parametrize("hops, last_status", [(0, 429), (1, 400)])
def test_behind_a_proxy_each_visitor_has_their_own_address(tmp_path, hops: int,
                                                           last_status: int) -> None:
    """With PROXY_FIX_HOPS the address limit counts the visitor's address from
    X-Forwarded-For; without it everyone behind the proxy shares the proxy's."""
    limited = make_app(tmp_path, RATELIMIT_ENABLED=True,
                       STAFF_LOGIN_ADDRESS_RATE_LIMIT="3 per minute", PROXY_FIX_HOPS=hops)
    try:
        with limited.app_context():
            client = limited.test_client()
            statuses = [post_form(client, "/officers/sign-in",
                                  {"email": f"guess{n}@council.example", "password": "x"},
                                  headers={"X-Forwarded-For": "203.0.113.7"}).status_code
                        for n in range(3)]
            last = post_form(client, "/officers/sign-in",
                             {"email": "someone@council.example", "password": "x"},
                             headers={"X-Forwarded-For": "198.51.100.2"})
            assert statuses == [400, 400, 400]
            assert last.status_code == last_status
    finally:
        dispose(limited)


# --- sessions end everywhere ----------------------------------------------------------

def copy_of(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another browser holding a copy of this one's session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def test_signing_out_ends_a_copied_session_too(app: Flask, client: FlaskClient) -> None:
    user = staff("officer")
    sign_in(client, user.email)
    thief = copy_of(app, client)
    assert thief.get("/officers/queue").status_code == 200

    client.post("/officers/sign-out", data={"csrf_token": csrf_token(client, SETUP_PAGE)})

    response = thief.get("/officers/queue")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/officers/sign-in")
    # Signing in again works, with a session the copy does not share.
    assert sign_in(client, user.email).status_code == 302
    assert client.get("/officers/queue").status_code == 200
    assert thief.get("/officers/queue").status_code == 302


def test_a_session_from_before_disabling_does_not_come_back_on_enabling(
        app: Flask, client: FlaskClient) -> None:
    user = staff("officer")
    sign_in(client, user.email)
    staff_accounts.set_active(user, False, actor="test")
    staff_accounts.set_active(user, True, actor="test")
    assert client.get("/officers/queue").status_code == 302


# --- a code used once, even by two requests at the same moment -----------------------

def test_a_code_raced_by_another_request_is_refused(app: Flask) -> None:
    """The other request stores the step between this one reading the account and
    accepting the code: only one of them may pass."""
    manager = staff("manager", totp=True)
    totp = pyotp.TOTP(protection.decrypt_json(manager.totp_secret_encrypted))
    step = totp.timecode(datetime.now(UTC))
    code = totp.generate_otp(step)
    assert manager.last_totp_step is None  # this request has read the account
    with db.engine.begin() as other_request:
        other_request.execute(StaffUser.__table__.update()
                              .where(StaffUser.id == manager.id)
                              .values(last_totp_step=step))

    with pytest.raises(staff_accounts.InvalidTwoFactorCode):
        staff_accounts.check_two_factor(manager, code)


def test_a_passed_code_is_remembered_on_the_account(app: Flask) -> None:
    manager = staff("manager", totp=True)
    code = totp_code(manager)
    staff_accounts.check_two_factor(manager, code)
    db.session.refresh(manager)
    assert manager.last_totp_step is not None
    with pytest.raises(staff_accounts.InvalidTwoFactorCode):
        staff_accounts.check_two_factor(manager, code)
