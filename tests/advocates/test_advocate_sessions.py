"""The advocates' sign-in keeps the staff accounts' protections: failed attempts are
limited with a kind page, an idle session is signed out, two-factor is always asked, and
signing out ends the session."""

from __future__ import annotations

import time

import pytest
from flask import Flask

from intake_app.officers.access import SEEN_AT
from intake_app.services import advocates, staff_accounts

from ..conftest import csrf_token, dispose, make_app, post_form
from .conftest import PASSWORD, invite_advocate, sign_in_advocate


def test_failed_sign_ins_are_limited_with_a_kind_page(tmp_path) -> None:
    limited = make_app(tmp_path, RATELIMIT_ENABLED=True, STAFF_LOGIN_RATE_LIMIT="3 per minute")
    try:
        with limited.app_context():
            invite_advocate("sam@nyas.example", "nyas")
            browser = limited.test_client()
            statuses = [post_form(browser, "/advocates/sign-in",
                                  {"email": "sam@nyas.example",
                                   "password": "wrong guess number x"}).status_code
                        for _ in range(3)]
            blocked = post_form(browser, "/advocates/sign-in",
                                {"email": "sam@nyas.example", "password": PASSWORD})
            assert statuses == [400, 400, 400]
            assert blocked.status_code == 429
            assert "Too many attempts" in blocked.get_data(as_text=True)
            assert browser.get("/advocates/").status_code == 302
    finally:
        dispose(limited)


@pytest.mark.parametrize(("idle_minutes", "signed_out"), [(29, False), (31, True)])
def test_an_idle_advocate_is_signed_out(app: Flask, advocate_client, idle_minutes: int,
                                        signed_out: bool) -> None:
    browser = advocate_client("sam@nyas.example", "nyas")
    with browser.session_transaction() as session:
        session[SEEN_AT] = time.time() - idle_minutes * 60
    response = browser.get("/advocates/")
    if signed_out:
        assert response.headers["Location"].startswith("/advocates/sign-in")
        page = browser.get(response.headers["Location"]).get_data(as_text=True)
        assert "You were signed out because nothing happened for a while" in page
    else:
        assert response.status_code == 200


def test_the_right_password_alone_opens_nothing(app: Flask) -> None:
    invite_advocate("sam@nyas.example", "nyas")
    browser = app.test_client()
    post_form(browser, "/advocates/sign-in", {"email": "sam@nyas.example",
                                              "password": PASSWORD})
    assert browser.get("/advocates/").headers["Location"].startswith("/advocates/two-factor")
    assert browser.get("/advocates/submit").headers["Location"].startswith(
        "/advocates/two-factor")


def test_signing_out_ends_the_session(app: Flask) -> None:
    browser = sign_in_advocate(app.test_client(), invite_advocate("sam@nyas.example", "nyas"))
    token = csrf_token(browser, "/advocates/submit")
    assert browser.post("/advocates/sign-out", data={"csrf_token": token}).headers[
        "Location"] == "/advocates/sign-in"
    assert browser.get("/advocates/").headers["Location"].startswith("/advocates/sign-in")


def test_the_command_line_makes_an_advocate_of_an_organisation(app: Flask) -> None:
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["users", "create", "kim@nyas.example", "--role", "advocate"])
    assert refused.exit_code != 0
    assert "Choose the advocate's organisation" in refused.output
    made = runner.invoke(args=["users", "create", "kim@nyas.example", "--role", "advocate",
                               "--organisation", "nyas"])
    assert made.exit_code == 0, made.output
    user = staff_accounts.find_by_email("kim@nyas.example")
    assert advocates.organisation_of(user).key == "nyas"
