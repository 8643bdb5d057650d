"""The advocates' area's sign-in: the shared pages (``staff_sign_in``), for advocate
accounts only (council staff sign in at the officers' area), two-factor always, and the
council's complaints team to ask for help."""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..models import StaffUser
from ..staff_sign_in import SignInArea, register
from . import bp


def _home(user: StaffUser) -> str:
    """Every advocate starts at their organisation's work."""
    return url_for("advocates.home")


def _always(user: StaffUser) -> bool:
    """Advocates see children's words from outside the council: two-factor for all."""
    return True


register(bp, SignInArea(
    roles=frozenset({"advocate"}),
    home=_home,
    needs_two_factor=_always,
    awaiting_approval=_l("Your account is waiting for the council to approve it. "
                         "Ask the council's complaints team, then sign in again."),
    layout="advocates/layout.html",
    words="advocates/_sign_in_words.html",
))
