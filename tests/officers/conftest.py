"""Staff accounts and signed-in clients for the officers' tests.

``sign_in_as`` puts a member of staff straight into a session that has passed sign-in
(and two-factor), so tests of the queue, case view and reports need not repeat the
sign-in pages; the sign-in pages have tests of their own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from intake_app.extensions import db
from intake_app.models import StaffUser
from intake_app.officers.access import SEEN_AT, TWO_FACTOR_PASSED


@pytest.fixture
def make_staff(app: Flask) -> Callable[..., StaffUser]:
    def make(role: str = "officer", *, email: str | None = None,
             name: str | None = None) -> StaffUser:
        count = db.session.query(StaffUser).count() + 1
        user = StaffUser(email=email or f"{role}{count}@council.example",
                         name=name or f"{role.title()} {count}", role=role, active=True)
        db.session.add(user)
        db.session.commit()
        return user

    return make


def sign_in_as(client: FlaskClient, user: StaffUser) -> FlaskClient:
    import time

    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session[SEEN_AT] = time.time()
        session[TWO_FACTOR_PASSED] = True
    return client


def as_staff(app: Flask, make_staff: Callable[..., StaffUser], role: str | None,
             **details: str) -> FlaskClient:
    """A new browser signed in with ``role`` (None: nobody signed in)."""
    client = app.test_client()
    return sign_in_as(client, make_staff(role, **details)) if role else client


@pytest.fixture
def officer_client(app: Flask, make_staff) -> FlaskClient:
    return sign_in_as(app.test_client(), make_staff("officer"))


@pytest.fixture
def manager_client(app: Flask, make_staff) -> FlaskClient:
    return sign_in_as(app.test_client(), make_staff("manager"))
