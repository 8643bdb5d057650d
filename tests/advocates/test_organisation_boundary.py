"""Advocates' accounts and the organisation boundary: an admin invites an advocate to an
organisation, the advocate signs in with two-factor at /advocates/ and sees only that
organisation's work, whatever reference they type, and only the new one's once moved."""

from __future__ import annotations

import re

import pyotp
from flask import Flask
from sqlalchemy import select

from intake_app.domain.draft import Draft
from intake_app.domain.references import display
from intake_app.extensions import db
from intake_app.models import AdvocacyReferral, AuditEvent, Representation, StaffUser
from intake_app.services import staff_accounts
from intake_app.services.intake import submit

from ..conftest import csrf_token, post_form
from ..officers.conftest import sign_in_as
from .conftest import PASSWORD, invite_advocate, organisation, sign_in_advocate

INVITE_LINK = re.compile(r"https?://[^<\s]+(/officers/invite/[A-Za-z0-9_-]+)")
SECRET = re.compile(r'<code class="totp-secret">([A-Z2-7]+)</code>')


def referral(provider: str, text: str = "My social worker never calls me back") -> str:
    """A child's record asking ``provider`` for an advocate; its reference."""
    return submit(Draft(text=text, channel="web", declared_type="complaint",
                        advocate="yes" if provider != "help_me_choose" else provider,
                        advocate_provider=provider if provider != "help_me_choose" else None),
                  actor="web").reference


def referral_id(reference: str) -> int:
    return db.session.scalar(
        select(AdvocacyReferral.id).join(
            Representation, Representation.id == AdvocacyReferral.representation_id)
        .where(Representation.reference == reference))


def test_an_invited_advocate_sets_a_password_and_two_factor_then_sees_their_organisation(
        app: Flask, make_staff) -> None:
    admin = sign_in_as(app.test_client(), make_staff("admin", name="Ada Admin"))
    nyas = organisation("nyas")
    response = admin.post("/officers/users/invite", data={
        "csrf_token": csrf_token(admin, "/officers/users"), "email": "sam@nyas.example",
        "name": "Sam Advocate", "role": "advocate", "organisation": str(nyas.id)})
    assert response.status_code == 200
    link = INVITE_LINK.search(response.get_data(as_text=True)).group(1)
    advocate = staff_accounts.find_by_email("sam@nyas.example")
    second_admin = make_staff("admin", name="Bea Admin")
    staff_accounts.approve(advocate, second_admin)

    browser = app.test_client()
    accepted = post_form(browser, link, {"password": PASSWORD, "confirm": PASSWORD})
    assert accepted.headers["Location"] == "/advocates/sign-in"
    signed_in = post_form(browser, "/advocates/sign-in",
                          {"email": "sam@nyas.example", "password": PASSWORD})
    assert signed_in.headers["Location"].startswith("/advocates/two-factor/setup")
    assert browser.get("/advocates/").headers["Location"] == "/advocates/two-factor/setup"
    setup = browser.get("/advocates/two-factor/setup").get_data(as_text=True)
    code = pyotp.TOTP(SECRET.search(setup).group(1)).now()
    done = post_form(browser, "/advocates/two-factor/setup", {"code": code})
    assert done.headers["Location"] == "/advocates/"

    home = browser.get("/advocates/").get_data(as_text=True)
    assert "NYAS (National Youth Advocacy Service)" in home


def test_an_advocate_invite_without_an_organisation_is_refused_kindly(
        app: Flask, make_staff) -> None:
    admin = sign_in_as(app.test_client(), make_staff("admin"))
    response = admin.post("/officers/users/invite", data={
        "csrf_token": csrf_token(admin, "/officers/users"), "email": "kim@nyas.example",
        "name": "Kim Advocate", "role": "advocate", "organisation": ""})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "Choose the advocate&#39;s organisation" in text
    assert 'value="kim@nyas.example"' in text  # nothing typed is lost
    assert staff_accounts.find_by_email("kim@nyas.example") is None


def test_council_staff_cannot_sign_in_at_the_advocates_area(app: Flask) -> None:
    staff_accounts.create_user("olu@council.example", name="Olu", role="officer",
                               password=PASSWORD)
    browser = app.test_client()
    response = post_form(browser, "/advocates/sign-in",
                         {"email": "olu@council.example", "password": PASSWORD})
    assert response.status_code == 400
    assert "The email or password is not right" in response.get_data(as_text=True)


def test_an_advocate_sees_only_their_organisations_referrals(
        app: Flask, advocate_client) -> None:
    ours = referral("nyas")
    theirs = referral("barnardos")
    browser = advocate_client("sam@nyas.example", "nyas")

    home = browser.get("/advocates/").get_data(as_text=True)
    assert display(ours) in home
    assert display(theirs) not in home
    assert browser.get(f"/advocates/referrals/{referral_id(ours)}").status_code == 200
    # Another organisation's referral id, a guessed one, or a reference in its place all
    # answer like a referral that does not exist.
    for guess in (referral_id(theirs), referral_id(theirs) + 1000, 0, 2**70, theirs,
                  display(theirs), "../1"):
        assert browser.get(f"/advocates/referrals/{guess}").status_code == 404, guess
    answered = browser.post(f"/advocates/referrals/{referral_id(theirs)}/answer", data={
        "csrf_token": csrf_token(browser, "/advocates/submit"), "status": "accepted"})
    assert answered.status_code == 404, answered.headers.get("Location")


def test_help_me_choose_goes_to_the_councils_default_provider(
        app: Flask, advocate_client) -> None:
    reference = referral("help_me_choose")
    default = advocate_client("lee@council-advocacy.example",
                              app.config["DEFAULT_ADVOCACY_PROVIDER"])
    other = advocate_client("sam@nyas.example", "nyas")
    assert display(reference) in default.get("/advocates/").get_data(as_text=True)
    assert other.get(f"/advocates/referrals/{referral_id(reference)}").status_code == 404


def test_viewing_a_referral_is_audited(app: Flask, advocate_client) -> None:
    reference = referral("nyas")
    browser = advocate_client("sam@nyas.example", "nyas")
    browser.get(f"/advocates/referrals/{referral_id(reference)}")
    actions = db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.action == "advocate.referral_viewed")).all()
    assert actions == ["advocate.referral_viewed"]


def test_a_moved_advocate_is_signed_out_and_then_sees_only_the_new_organisation(
        app: Flask, make_staff) -> None:
    ours, theirs = referral("nyas"), referral("barnardos")
    advocate = invite_advocate("sam@nyas.example", "nyas")
    browser = sign_in_advocate(app.test_client(), advocate)
    assert browser.get(f"/advocates/referrals/{referral_id(ours)}").status_code == 200

    admin = sign_in_as(app.test_client(), make_staff("admin"))
    moved = admin.post(f"/officers/users/{advocate.id}/organisation", data={
        "csrf_token": csrf_token(admin, "/officers/users"),
        "organisation": str(organisation("barnardos").id)})
    assert moved.status_code == 302
    assert "now works for Barnardo" in admin.get("/officers/users").get_data(as_text=True)

    # The old session ends: the open page is no way back into the old organisation's work.
    assert browser.get(f"/advocates/referrals/{referral_id(ours)}").headers[
        "Location"].startswith("/advocates/sign-in")
    advocate = db.session.get(StaffUser, advocate.id)
    sign_in_advocate(browser, advocate)
    assert browser.get(f"/advocates/referrals/{referral_id(ours)}").status_code == 404
    assert browser.get(f"/advocates/referrals/{referral_id(theirs)}").status_code == 200
