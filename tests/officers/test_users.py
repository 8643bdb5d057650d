"""The admins' staff accounts page and the ``flask users`` commands."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake_app.extensions import db
from intake_app.models import AuditEvent, StaffUser
from intake_app.services import staff_accounts

from ..conftest import csrf_token
from .conftest import sign_in_as

INVITE_LINK = re.compile(r"https?://[^<\s]+/officers/invite/([A-Za-z0-9_-]+)")


@pytest.fixture
def admin(make_staff) -> StaffUser:
    return make_staff("admin", name="Ada Admin")


@pytest.fixture
def admin_client(app: Flask, admin: StaffUser) -> FlaskClient:
    return sign_in_as(app.test_client(), admin)


def audit(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def post_action(client: FlaskClient, path: str):
    return client.post(path, data={"csrf_token": csrf_token(client, "/officers/users")})


def test_list_shows_each_account_with_role_state_two_factor_and_last_sign_in(
        app: Flask, admin_client: FlaskClient, make_staff) -> None:
    officer = make_staff("officer", name="Olu Officer")
    officer.totp_enabled = True
    officer.last_login_at = datetime(2025, 3, 4, 9, 15, tzinfo=UTC)
    gone = make_staff("manager", name="Mo Manager")
    gone.active = False
    db.session.commit()

    page = admin_client.get("/officers/users")

    assert page.status_code == 200
    text = page.get_data(as_text=True)
    rows = {name: re.search(rf"{name}</th>(.*?)</tr>", text, re.S).group(1)
            for name in ("Olu Officer", "Mo Manager", "Ada Admin")}
    assert "Complaints officer" in rows["Olu Officer"]
    assert "04/03/2025 09:15" in rows["Olu Officer"] and ">On<" in rows["Olu Officer"]
    assert "Disabled" in rows["Mo Manager"] and "Enable" in rows["Mo Manager"]
    assert "Never" in rows["Mo Manager"] and ">Off<" in rows["Mo Manager"]
    assert "This is you" in rows["Ada Admin"]


def test_invite_makes_an_account_and_shows_its_link_once(app: Flask,
                                                         admin_client: FlaskClient,
                                                         admin: StaffUser) -> None:
    response = admin_client.post("/officers/users/invite", data={
        "email": "New.Person@Council.example", "name": "Nia New", "role": "manager",
        "csrf_token": csrf_token(admin_client, "/officers/users")})

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    token = INVITE_LINK.search(page).group(1)
    user = staff_accounts.find_by_email("new.person@council.example")
    assert user.role == "manager" and user.name == "Nia New"
    assert user.password_hash is None and user.active
    assert token not in (user.invite_token_hash or "")  # only its hash is kept
    assert [(event.actor, event.after) for event in audit("staff.invited")] == [
        (f"staff:{admin.id}", {"staff_id": user.id, "role": "manager"})]
    # Shown once: the list page does not show it again.
    listing = admin_client.get("/officers/users").get_data(as_text=True)
    assert token not in listing
    assert "Invited, no password yet" in listing
    assert staff_accounts.invited_user(token).id == user.id


def test_invite_with_a_taken_email_keeps_what_was_typed(app: Flask, admin_client: FlaskClient,
                                                        make_staff) -> None:
    make_staff("officer", email="taken@council.example")
    response = admin_client.post("/officers/users/invite", data={
        "email": "TAKEN@council.example", "name": "Tam Typed", "role": "manager",
        "csrf_token": csrf_token(admin_client, "/officers/users")})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "A staff account with this email address already exists" in page
    assert 'value="TAKEN@council.example"' in page and 'value="Tam Typed"' in page
    assert '<option value="manager" selected>' in page
    assert audit("staff.invited") == []


def test_invite_with_an_unknown_role_is_refused(app: Flask, admin_client: FlaskClient) -> None:
    response = admin_client.post("/officers/users/invite", data={
        "email": "x@council.example", "name": "X", "role": "superuser",
        "csrf_token": csrf_token(admin_client, "/officers/users")})
    assert response.status_code == 400
    assert staff_accounts.find_by_email("x@council.example") is None


def test_disable_and_enable_an_account(app: Flask, admin_client: FlaskClient, admin: StaffUser,
                                       make_staff) -> None:
    officer = make_staff("officer", name="Olu Officer")
    officer_browser = sign_in_as(app.test_client(), officer)
    assert officer_browser.get("/officers/two-factor/setup").status_code == 200

    response = post_action(admin_client, f"/officers/users/{officer.id}/disable")

    assert response.headers["Location"] == "/officers/users"
    db.session.refresh(officer)
    assert not officer.active
    assert "Olu Officer&#39;s account is disabled" in admin_client.get(
        "/officers/users").get_data(as_text=True)
    # The officer's open session ends at their next request.
    after = officer_browser.get("/officers/two-factor/setup")
    assert after.status_code == 302 and after.headers["Location"].startswith("/officers/sign-in")

    post_action(admin_client, f"/officers/users/{officer.id}/enable")
    db.session.refresh(officer)
    assert officer.active
    assert [(e.actor, e.before, e.after) for e in audit("staff.disabled")] == [
        (f"staff:{admin.id}", {"staff_id": officer.id, "active": True},
         {"staff_id": officer.id, "active": False})]
    assert len(audit("staff.enabled")) == 1


def test_admin_cannot_disable_themself(app: Flask, admin_client: FlaskClient,
                                       admin: StaffUser) -> None:
    post_action(admin_client, f"/officers/users/{admin.id}/disable")
    db.session.refresh(admin)
    assert admin.active
    assert "You cannot disable your own account" in admin_client.get(
        "/officers/users").get_data(as_text=True)
    assert audit("staff.disabled") == []


def test_disable_needs_post_csrf_and_a_real_account(app: Flask, admin_client: FlaskClient,
                                                    make_staff) -> None:
    officer = make_staff("officer")
    assert admin_client.get(f"/officers/users/{officer.id}/disable").status_code == 405
    assert admin_client.post(f"/officers/users/{officer.id}/disable").status_code == 400
    assert post_action(admin_client, "/officers/users/9999/disable").status_code == 404
    db.session.refresh(officer)
    assert officer.active


@pytest.mark.parametrize("role", ["officer", "manager", "advocate"])
def test_only_admins_manage_accounts(app: Flask, make_staff, role: str) -> None:
    target = make_staff("officer", email="target@council.example")
    browser = sign_in_as(app.test_client(), make_staff(role))
    assert browser.get("/officers/users").status_code == 403
    token = csrf_token(browser, "/officers/two-factor/setup")
    assert browser.post(f"/officers/users/{target.id}/disable",
                        data={"csrf_token": token}).status_code == 403
    db.session.refresh(target)
    assert target.active


# --- flask users --------------------------------------------------------------------

def test_cli_creates_an_account_with_a_password_printed_once(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["users", "create", "Sam.Smith@Council.example", "--role", "officer"])

    assert result.exit_code == 0, result.output
    password = re.search(r"password \(shown only now.*\): (\S+)", result.output).group(1)
    user = staff_accounts.find_by_email("sam.smith@council.example")
    assert user.role == "officer" and user.name == "Sam Smith"
    assert len(password) >= 20
    assert staff_accounts.verify_password(user, password)
    assert password not in user.password_hash


def test_cli_reads_a_password_from_stdin(app: Flask) -> None:
    password = "granite puffin meadow shelf"
    result = app.test_cli_runner().invoke(
        args=["users", "create", "m@council.example", "--role", "manager", "--name", "Mia",
              "--password-stdin"], input=password + "\n")

    assert result.exit_code == 0, result.output
    assert password not in result.output
    user = staff_accounts.find_by_email("m@council.example")
    assert user.name == "Mia" and staff_accounts.verify_password(user, password)


@pytest.mark.parametrize("args, message", [
    (["users", "create", "a@council.example", "--role", "boss"], "Choose a role"),
    (["users", "create", "taken@council.example", "--role", "officer"], "already exists"),
    (["users", "create", "not-an-email", "--role", "officer"], "Enter an email address"),
    (["users", "disable", "nobody@council.example"], "no staff account"),
])
def test_cli_explains_what_is_wrong(app: Flask, make_staff, args: list[str],
                                    message: str) -> None:
    make_staff("officer", email="taken@council.example")
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 1
    assert message in result.output
    assert db.session.query(StaffUser).count() == 1


def test_cli_refuses_a_weak_password_from_stdin(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["users", "create", "w@council.example", "--role", "officer",
              "--password-stdin"], input="password1234\n")
    assert result.exit_code == 1
    assert "too easy to guess" in result.output
    assert staff_accounts.find_by_email("w@council.example") is None


def test_cli_disables_an_account(app: Flask, make_staff) -> None:
    officer = make_staff("officer", email="leaver@council.example")
    result = app.test_cli_runner().invoke(args=["users", "disable", "LEAVER@council.example"])
    assert result.exit_code == 0
    db.session.refresh(officer)
    assert not officer.active
    assert [event.actor for event in audit("staff.disabled")] == ["cli"]


def test_last_sign_in_is_shown_in_uk_time(app: Flask, admin_client: FlaskClient,
                                          make_staff) -> None:
    officer = make_staff("officer", name="Sol Summer")
    officer.last_login_at = datetime(2025, 7, 4, 9, 15, tzinfo=UTC)  # 10:15 BST
    db.session.commit()
    text = admin_client.get("/officers/users").get_data(as_text=True)
    row = re.search(r"Sol Summer</th>(.*?)</tr>", text, re.S).group(1)
    assert "04/07/2025 10:15" in row and "UTC" not in row


# --- recovery: new links and two-factor resets ----------------------------------------

PASSWORD = "heron lantern quietly orbit"


def link_token(response) -> str:
    return INVITE_LINK.search(response.get_data(as_text=True)).group(1)


def test_an_expired_invite_can_be_sent_again(app: Flask, admin_client: FlaskClient,
                                             admin: StaffUser, client: FlaskClient) -> None:
    user, old_token = staff_accounts.invite_user("late@council.example", name="Lee Late",
                                                 role="officer", actor="test")
    user.invite_expires_at = datetime(2020, 1, 1, tzinfo=UTC)
    db.session.commit()
    assert "New invite link" in admin_client.get("/officers/users").get_data(as_text=True)

    response = post_action(admin_client, f"/officers/users/{user.id}/sign-in-link")

    assert response.status_code == 200
    assert "Invite link for Lee Late" in response.get_data(as_text=True)
    token = link_token(response)
    assert client.get(f"/officers/invite/{old_token}").status_code == 404
    assert client.get(f"/officers/invite/{token}").status_code == 200
    assert [(event.actor, event.after) for event in audit("staff.sign_in_link_issued")] == [
        (f"staff:{admin.id}", {"staff_id": user.id, "kind": "invite"})]


def test_a_password_reset_link_stops_the_old_password_and_sessions_at_once(
        app: Flask, admin_client: FlaskClient, make_staff) -> None:
    from ..conftest import post_form

    user = staff_accounts.create_user("forgot@council.example", name="Fay Forgot",
                                      role="officer", password=PASSWORD)
    user.totp_secret_encrypted, user.totp_enabled = b"kept", True
    db.session.commit()
    open_session = sign_in_as(app.test_client(), user)
    assert "Password reset link" in admin_client.get("/officers/users").get_data(as_text=True)

    response = post_action(admin_client, f"/officers/users/{user.id}/sign-in-link")

    assert "Password reset link for Fay Forgot" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.password_hash is None
    assert not staff_accounts.verify_password(user, PASSWORD)
    assert user.totp_enabled  # the reset does not touch two-factor
    assert open_session.get("/officers/queue").status_code == 302
    browser = app.test_client()
    new_password = "granite puffin meadow shelf"
    post_form(browser, f"/officers/invite/{link_token(response)}",
              {"password": new_password, "confirm": new_password})
    db.session.refresh(user)
    assert staff_accounts.verify_password(user, new_password)
    assert [event.after for event in audit("staff.sign_in_link_issued")] == [
        {"staff_id": user.id, "kind": "password_reset"}]


def test_two_factor_reset_turns_it_off_and_ends_their_sessions(
        app: Flask, admin_client: FlaskClient, admin: StaffUser, make_staff) -> None:
    manager = make_staff("manager", name="Mo Manager")
    manager.totp_secret_encrypted, manager.totp_enabled = b"lost phone", True
    db.session.commit()
    open_session = sign_in_as(app.test_client(), manager)

    response = post_action(admin_client, f"/officers/users/{manager.id}/reset-two-factor")

    assert response.headers["Location"] == "/officers/users"
    assert "Mo Manager&#39;s two-factor is reset" in admin_client.get(
        "/officers/users").get_data(as_text=True)
    db.session.refresh(manager)
    assert not manager.totp_enabled and manager.totp_secret_encrypted is None
    assert open_session.get("/officers/queue").status_code == 302
    assert [(event.actor, event.after) for event in audit("staff.two_factor_reset")] == [
        (f"staff:{admin.id}", {"staff_id": manager.id})]
    # At the next sign-in a manager must set it up again before any page.
    again = sign_in_as(app.test_client(), manager)
    with again.session_transaction() as session:
        session["staff_two_factor_passed"] = False
    assert again.get("/officers/queue").headers["Location"] == "/officers/two-factor/setup"


def test_admin_cannot_reset_their_own_password_or_two_factor_on_the_page(
        app: Flask, admin_client: FlaskClient, admin: StaffUser) -> None:
    admin.totp_secret_encrypted, admin.totp_enabled = b"mine", True
    admin.password_hash = staff_accounts.hash_password(PASSWORD)
    db.session.commit()
    for action in ("sign-in-link", "reset-two-factor"):
        response = post_action(admin_client, f"/officers/users/{admin.id}/{action}")
        assert response.status_code == 302
    page = admin_client.get("/officers/users").get_data(as_text=True)
    assert "Ask another admin" in page
    db.session.refresh(admin)
    assert admin.totp_enabled and staff_accounts.verify_password(admin, PASSWORD)
    assert audit("staff.sign_in_link_issued") == audit("staff.two_factor_reset") == []


def test_no_link_for_a_disabled_account(app: Flask, admin_client: FlaskClient,
                                        make_staff) -> None:
    user = make_staff("officer", name="Dee Disabled")
    user.active = False
    db.session.commit()
    response = post_action(admin_client, f"/officers/users/{user.id}/sign-in-link")
    assert response.status_code == 302
    assert "Enable Dee Disabled&#39;s account first" in admin_client.get(
        "/officers/users").get_data(as_text=True)
    assert audit("staff.sign_in_link_issued") == []


def test_cli_resets_two_factor(app: Flask, make_staff) -> None:
    manager = make_staff("manager", email="phone.lost@council.example")
    manager.totp_secret_encrypted, manager.totp_enabled = b"lost", True
    db.session.commit()
    result = app.test_cli_runner().invoke(
        args=["users", "reset-two-factor", "Phone.Lost@council.example"])
    assert result.exit_code == 0, result.output
    assert "two-factor reset" in result.output
    db.session.refresh(manager)
    assert not manager.totp_enabled and manager.totp_secret_encrypted is None
    assert [(event.actor, event.after) for event in audit("staff.two_factor_reset")] == [
        ("cli", {"staff_id": manager.id})]


def test_cli_prints_a_sign_in_link(app: Flask, client: FlaskClient) -> None:
    user = staff_accounts.create_user("cli.link@council.example", name="Cy", role="officer",
                                      password=PASSWORD)
    result = app.test_cli_runner().invoke(args=["users", "invite-link", user.email])
    assert result.exit_code == 0, result.output
    token = INVITE_LINK.search(result.output).group(1)
    assert result.output.count(token) == 1
    db.session.refresh(user)
    assert user.password_hash is None
    assert client.get(f"/officers/invite/{token}").status_code == 200
    assert [(event.actor, event.after) for event in audit("staff.sign_in_link_issued")] == [
        ("cli", {"staff_id": user.id, "kind": "password_reset"})]


@pytest.mark.parametrize("command", ["reset-two-factor", "invite-link"])
def test_cli_recovery_names_an_unknown_email(app: Flask, command: str) -> None:
    result = app.test_cli_runner().invoke(args=["users", command, "nobody@council.example"])
    assert result.exit_code == 1
    assert "no staff account" in result.output
