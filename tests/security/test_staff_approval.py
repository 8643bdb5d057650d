"""No admin can give themself children's data: an account an admin invites, or resets so
that a link alone lets someone in, waits for a different admin's approval before it can
sign in; managers are alerted and every step is audited."""

from __future__ import annotations

import re

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, OutboxMessage, StaffUser
from intake_app.services import protection, staff_accounts

from ..conftest import csrf_token, dispose, make_app, post_form
from ..officers.conftest import sign_in_as

PASSWORD = "heron lantern quietly orbit"
NEW_PASSWORD = "copper meadow lantern fjord"
INVITE_LINK = re.compile(r"https?://[^<\s]+(/officers/invite/[A-Za-z0-9_-]+)")


@pytest.fixture
def admins(app: Flask) -> tuple[StaffUser, StaffUser]:
    return (staff_accounts.create_user("ada@council.example", name="Ada Admin", role="admin",
                                       password=PASSWORD),
            staff_accounts.create_user("ben@council.example", name="Ben Admin", role="admin",
                                       password=PASSWORD))


def admin_client(app: Flask, admin: StaffUser) -> FlaskClient:
    return sign_in_as(app.test_client(), admin)


def post_action(client: FlaskClient, path: str):
    return client.post(path, data={"csrf_token": csrf_token(client, "/officers/users")})


def invite(client: FlaskClient, email: str, role: str) -> str:
    response = client.post("/officers/users/invite", data={
        "email": email, "name": "Nia New", "role": role,
        "csrf_token": csrf_token(client, "/officers/users")})
    assert response.status_code == 200
    return INVITE_LINK.search(response.get_data(as_text=True)).group(1)


def sign_in(client: FlaskClient, email: str, password: str):
    return post_form(client, "/officers/sign-in", {"email": email, "password": password})


def audit(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def alerts() -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "manager_alert")))


def flashed(client: FlaskClient) -> str:
    return client.get("/officers/users").get_data(as_text=True)


def test_an_admin_cannot_give_themself_a_manager_account(
        app: Flask, admins: tuple[StaffUser, StaffUser]) -> None:
    ada, ben = admins
    ada_browser = admin_client(app, ada)
    link = invite(ada_browser, "second.me@council.example", "manager")
    # Ada accepts her own invite and tries to sign in as the new manager.
    accepting = app.test_client()
    assert post_form(accepting, link, {"password": NEW_PASSWORD,
                                       "confirm": NEW_PASSWORD}).status_code == 302
    refused = sign_in(accepting, "second.me@council.example", NEW_PASSWORD)

    assert refused.status_code == 400
    assert "waiting for a second admin to approve it" in refused.get_data(as_text=True)
    with accepting.session_transaction() as session:
        assert "_user_id" not in session
    new = staff_accounts.find_by_email("second.me@council.example")
    assert new.approval_requested_by == f"staff:{ada.id}"
    assert [event.after for event in audit("staff.approval_requested")] == [
        {"staff_id": new.id, "role": "manager", "reason": "invited"}]
    [alert] = alerts()
    assert alert.payload["kind"] == "staff_approval_needed"
    assert alert.payload["subject"] == "Staff account waiting for approval: Nia New (manager)"
    assert "Ada Admin invited Nia New as a new manager." in alert.payload["text"]
    assert "second.me@" not in alert.payload["text"]

    # Ada cannot approve her own request.
    post_action(ada_browser, f"/officers/users/{new.id}/approve")
    assert "You made this change, so another admin must approve it." in flashed(ada_browser)
    db.session.refresh(new)
    assert new.awaiting_approval and audit("staff.approved") == []

    # Ben can; then the manager signs in and must set up two-factor first.
    ben_browser = admin_client(app, ben)
    listing = ben_browser.get("/officers/users").get_data(as_text=True)
    assert "Waiting for approval (asked by Ada Admin)" in listing
    assert f'/officers/users/{new.id}/approve' in listing
    post_action(ben_browser, f"/officers/users/{new.id}/approve")
    db.session.refresh(new)
    assert not new.awaiting_approval
    [approved] = audit("staff.approved")
    assert approved.actor == f"staff:{ben.id}"
    assert approved.after == {"staff_id": new.id, "role": "manager",
                              "requested_by": f"staff:{ada.id}"}
    signed_in = sign_in(app.test_client(), "second.me@council.example", NEW_PASSWORD)
    assert signed_in.status_code == 302
    assert signed_in.headers["Location"].startswith("/officers/two-factor/setup")


def test_the_approve_button_shows_only_to_another_admin(
        app: Flask, admins: tuple[StaffUser, StaffUser]) -> None:
    ada, ben = admins
    ada_browser = admin_client(app, ada)
    invite(ada_browser, "new@council.example", "admin")
    new = staff_accounts.find_by_email("new@council.example")
    assert f"/officers/users/{new.id}/approve" not in flashed(ada_browser)
    assert f"/officers/users/{new.id}/approve" in flashed(admin_client(app, ben))


def test_an_account_waiting_cannot_approve_anyone(
        app: Flask, admins: tuple[StaffUser, StaffUser]) -> None:
    ada, _ben = admins
    _first, _ = staff_accounts.invite_user("x@council.example", name="X", role="admin",
                                           actor=f"staff:{ada.id}")
    second, _ = staff_accounts.invite_user("y@council.example", name="Y", role="manager",
                                           actor=f"staff:{ada.id}")
    first = staff_accounts.find_by_email("x@council.example")
    with pytest.raises(staff_accounts.ApprovalRefused) as refused:
        staff_accounts.approve(second, first)
    assert refused.value.reason == "not_an_admin"
    with pytest.raises(staff_accounts.ApprovalRefused) as refused:
        staff_accounts.approve(first, first)
    assert refused.value.reason == "own_account"


def test_officers_wait_too_unless_the_council_says_otherwise(tmp_path) -> None:
    for roles, waits in (("officer,manager,admin", True), ("manager,admin", False)):
        app = make_app(tmp_path / roles.replace(",", "-"), STAFF_APPROVAL_ROLES=roles.split(","))
        try:
            with app.app_context():
                user, _token = staff_accounts.invite_user(
                    "o@council.example", name="O", role="officer", actor="staff:99")
                assert user.awaiting_approval is waits
        finally:
            dispose(app)


@pytest.fixture
def officer(app: Flask) -> StaffUser:
    return staff_accounts.create_user("olu@council.example", name="Olu Officer",
                                      role="officer", password=PASSWORD)


def with_two_factor(user: StaffUser) -> StaffUser:
    user.totp_secret_encrypted = protection.encrypt_json(pyotp.random_base32())
    user.totp_enabled = True
    db.session.commit()
    return user


def test_a_password_reset_without_two_factor_waits_for_approval(
        app: Flask, admins: tuple[StaffUser, StaffUser], officer: StaffUser) -> None:
    ada, _ben = admins
    response = post_action(admin_client(app, ada), f"/officers/users/{officer.id}/sign-in-link")

    assert "Another admin must approve the account" in response.get_data(as_text=True)
    db.session.refresh(officer)
    assert officer.approval_requested_by == f"staff:{ada.id}"
    assert audit("staff.approval_requested")[0].after["reason"] == (
        "password_reset_without_two_factor")
    assert "a password reset link, and the account has no two-factor" in (
        alerts()[0].payload["text"])


def test_a_password_reset_with_two_factor_needs_no_approval(
        app: Flask, admins: tuple[StaffUser, StaffUser], officer: StaffUser) -> None:
    ada, _ben = admins
    with_two_factor(officer)
    post_action(admin_client(app, ada), f"/officers/users/{officer.id}/sign-in-link")
    db.session.refresh(officer)
    assert not officer.awaiting_approval and alerts() == []


def test_a_two_factor_reset_waits_for_approval_and_blocks_sign_in(
        app: Flask, admins: tuple[StaffUser, StaffUser], officer: StaffUser) -> None:
    ada, ben = admins
    with_two_factor(officer)
    post_action(admin_client(app, ada), f"/officers/users/{officer.id}/reset-two-factor")

    db.session.refresh(officer)
    assert officer.awaiting_approval and not officer.totp_enabled
    assert sign_in(app.test_client(), officer.email, PASSWORD).status_code == 400
    assert [event.actor for event in audit("staff.sign_in_awaiting_approval")] == [
        f"staff:{officer.id}"]
    staff_accounts.approve(officer, ben)
    assert sign_in(app.test_client(), officer.email, PASSWORD).status_code == 302


def test_a_wrong_password_for_an_account_waiting_says_nothing_about_waiting(
        app: Flask, admins: tuple[StaffUser, StaffUser]) -> None:
    ada, _ben = admins
    staff_accounts.invite_user("w@council.example", name="W", role="manager",
                               actor=f"staff:{ada.id}")
    page = sign_in(app.test_client(), "w@council.example", "not the password").get_data(
        as_text=True)
    assert "The email or password is not right" in page and "approve" not in page


def test_the_command_line_needs_no_second_admin(app: Flask, officer: StaffUser) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "cli@council.example", "--role", "admin"])
    assert result.exit_code == 0
    assert not staff_accounts.find_by_email("cli@council.example").awaiting_approval
    assert runner.invoke(args=["users", "invite-link", officer.email]).exit_code == 0
    db.session.refresh(officer)
    assert not officer.awaiting_approval and alerts() == []
