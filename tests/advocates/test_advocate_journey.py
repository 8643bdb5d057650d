"""The whole advocate journey through the test client, with emails through a real SMTP
server: an admin invites an advocate, a second admin approves, the advocate sets a
password and two-factor, submits for a child who wants replies to go to both of them,
both get the acknowledgement, the case store moves the case on and the advocate hears,
the advocate adds information, and the officer sees it all with the child's consent."""

from __future__ import annotations

import re

import pyotp
import pytest
from flask import request_started
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import StaffUser
from intake_app.services import staff_accounts
from intake_app.services.tokens import create_token

from ..conftest import _fresh_request_globals, csrf_token, post_form
from ..officers.conftest import sign_in_as
from ..outbox.conftest import drain, forwarding_app  # noqa: F401 - fixture
from ..outbox.test_email import _smtp_settings, smtp_server  # noqa: F401 - fixture
from .conftest import PASSWORD, organisation
from .test_submitting_for_a_child import CHILD_WORDS, answers, sent_record

INVITE_LINK = re.compile(r"https?://[^<\s]+(/officers/invite/[A-Za-z0-9_-]+)")
SECRET = re.compile(r'<code class="totp-secret">([A-Z2-7]+)</code>')


@pytest.fixture
def mail_app(forwarding_app, smtp_server):  # noqa: F811 - fixtures
    port, mailbox = smtp_server
    app = forwarding_app(**_smtp_settings(port))
    request_started.connect(_fresh_request_globals, app)
    with app.app_context():
        yield app, mailbox
    request_started.disconnect(_fresh_request_globals, app)


def staff(role: str, name: str) -> StaffUser:
    user = StaffUser(email=f"{name.lower()}@council.example", name=name, role=role,
                     active=True)
    db.session.add(user)
    db.session.commit()
    return user


def test_an_advocate_from_invite_to_following_the_case(mail_app) -> None:
    app, mailbox = mail_app
    admin = sign_in_as(app.test_client(), staff("admin", "Ada"))
    invited = admin.post("/officers/users/invite", data={
        "csrf_token": csrf_token(admin, "/officers/users"), "email": "sam@nyas.example",
        "name": "Sam Advocate", "role": "advocate",
        "organisation": str(organisation("nyas").id)})
    link = INVITE_LINK.search(invited.get_data(as_text=True)).group(1)
    second = sign_in_as(app.test_client(), staff("admin", "Bea"))
    advocate = staff_accounts.find_by_email("sam@nyas.example")
    second.post(f"/officers/users/{advocate.id}/approve",
                data={"csrf_token": csrf_token(second, "/officers/users")})

    browser = app.test_client()
    post_form(browser, link, {"password": PASSWORD, "confirm": PASSWORD})
    post_form(browser, "/advocates/sign-in", {"email": "sam@nyas.example",
                                              "password": PASSWORD})
    setup = browser.get("/advocates/two-factor/setup").get_data(as_text=True)
    post_form(browser, "/advocates/two-factor/setup",
              {"code": pyotp.TOTP(SECRET.search(setup).group(1)).now()})

    sent = post_form(browser, "/advocates/submit", answers(replies_to="both"))
    assert sent.status_code == 200, sent.get_data(as_text=True)
    record = sent_record(sent)
    drain(app)
    assert sorted(mailbox.recipients) == [["jo@example.org"], ["sam@nyas.example"]]

    token = create_token("case-store", scope="case_store").token
    app.test_client().post(f"/api/v1/cases/{record.reference}/status",
                           json={"event_id": "e1", "case_status": "stage1_in_progress"},
                           headers={"Authorization": f"Bearer {token}"})
    drain(app)
    to_advocate = [m for m in mailbox.messages if m["To"] == "sam@nyas.example"]
    assert "its status changed" in to_advocate[-1]["Subject"]
    home = browser.get("/advocates/").get_data(as_text=True)
    assert "We are looking into your complaint now." in home

    browser.post(f"/advocates/submissions/{record.reference}/information", data={
        "csrf_token": csrf_token(browser, "/advocates/submit"),
        "information": "Jo would like the meeting at school"})
    officer = sign_in_as(app.test_client(), staff("officer", "Olu"))
    case_page = officer.get(f"/officers/records/{record.reference}").get_data(as_text=True)
    assert CHILD_WORDS in case_page
    assert "Jo would like the meeting at school" in case_page
    assert "Both the child and the advocate" in case_page
    assert "In person" in case_page
    assert db.session.scalar(select(StaffUser.totp_enabled).where(
        StaffUser.email == "sam@nyas.example"))
