"""The checks every advocates' request passes, and the organisation it works for.

The same session rules as the officers' area (idle sign-out, two-factor before any page)
with the same session keys, so one browser cannot hold two half-checked sessions. An
advocate's account must belong to an organisation to see anything: an account without
one (or any other role) is refused.
"""

from __future__ import annotations

import time
from typing import Any

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..models import AdvocacyOrganisation, StaffUser
from ..officers.access import SEEN_AT, TWO_FACTOR_PASSED, sign_out
from ..services import advocates

OPEN_ENDPOINTS = frozenset({"advocates.sign_in", "advocates.sign_out"})
TWO_FACTOR_ENDPOINTS = frozenset({"advocates.two_factor", "advocates.two_factor_setup"})


def advocate_actor(user: StaffUser) -> str:
    """The audit trail's name for an advocate (the staff account's)."""
    return f"staff:{user.id}"


def _to_sign_in() -> Any:
    return redirect(url_for("advocates.sign_in", next=request.full_path))


def guard() -> Any:
    """Runs before every advocates' request."""
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return _to_sign_in()
    idle_limit = current_app.config["STAFF_IDLE_MINUTES"] * 60
    seen = session.get(SEEN_AT)
    if seen is None or time.time() - seen > idle_limit:
        sign_out()
        flash(_("You were signed out because nothing happened for a while. "
                "Please sign in again."))
        return _to_sign_in()
    session[SEEN_AT] = time.time()
    if current_user.role != "advocate":
        abort(403)
    if request.endpoint in TWO_FACTOR_ENDPOINTS:
        return None
    if not session.get(TWO_FACTOR_PASSED):
        target = ("advocates.two_factor" if current_user.totp_enabled
                  else "advocates.two_factor_setup")
        return redirect(url_for(target))
    organisation = advocates.organisation_of(current_user)
    if organisation is None:
        abort(403)
    g.advocacy_organisation = organisation
    return None


def current_organisation() -> AdvocacyOrganisation:
    """The signed-in advocate's organisation, as the guard found it for this request."""
    return g.advocacy_organisation
