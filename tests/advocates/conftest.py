"""Advocates of an organisation, signed in the way a browser does: an admin's invite, a
password, then two-factor with a code from an authenticator app (pyotp stands in for the
phone)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient

from intake_app.extensions import db
from intake_app.models import AdvocacyOrganisation, StaffUser
from intake_app.services import advocates, protection, staff_accounts

from ..conftest import post_form
from ..officers.conftest import make_staff  # noqa: F401 - the fixture, for these tests too

PASSWORD = "correct horse battery staple"


def organisation(key: str) -> AdvocacyOrganisation:
    return next(org for org in advocates.organisations() if org.key == key)


def invite_advocate(email: str, key: str) -> StaffUser:
    """An advocate of the organisation ``key`` with a password and two-factor on (made the
    way an admin's invite and the advocate's first sign-in make them)."""
    user, token = staff_accounts.invite_user(email, name=email.split("@")[0].title(),
                                             role="advocate", actor="test",
                                             organisation=organisation(key))
    staff_accounts.accept_invite(token, PASSWORD)
    user.totp_secret_encrypted = protection.encrypt_json(pyotp.random_base32())
    user.totp_enabled = True
    db.session.commit()
    return user


def totp_code(user: StaffUser) -> str:
    """The code the app shows; a code is accepted once, so a second sign-in in the same
    30 seconds uses the next one (the service allows a step of clock drift)."""
    totp = pyotp.TOTP(protection.decrypt_json(user.totp_secret_encrypted))
    step = int(time.time()) // totp.interval
    if user.last_totp_step is not None and user.last_totp_step >= step:
        return totp.at((user.last_totp_step + 1) * totp.interval)
    return totp.now()


def sign_in_advocate(client: FlaskClient, user: StaffUser) -> FlaskClient:
    """Through the advocates' sign-in and two-factor pages."""
    response = post_form(client, "/advocates/sign-in",
                         {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].startswith("/advocates/two-factor")
    response = post_form(client, "/advocates/two-factor", {"code": totp_code(user)})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def advocate_client(app: Flask) -> Callable[[str, str], FlaskClient]:
    """A browser signed in as a new advocate of an organisation: (email, organisation)."""
    def make(email: str, key: str) -> FlaskClient:
        return sign_in_advocate(app.test_client(), invite_advocate(email, key))

    return make
