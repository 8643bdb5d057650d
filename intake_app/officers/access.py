"""Who may open which officers' page, and the checks every officers' request passes.

Roles: officers work the queue and cases; managers do that too and also see reports and
the audit log; admins manage staff accounts only (they need no children's data); advocate
accounts belong to the advocates' area and get nothing here. Every view names its roles
with ``requires_role``; the blueprint's guard signs out idle sessions and sends staff who
must use two-factor to it before any page.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user

from ..models import StaffUser
from ..services import staff_accounts

CASEWORK_ROLES = ("officer", "manager")
MANAGER_ROLES = ("manager",)
ADMIN_ROLES = ("admin",)
# Two-factor is offered to everyone and required for these roles (advocates see
# children's words from outside the council).
TWO_FACTOR_REQUIRED = frozenset({"manager", "admin", "advocate"})

# Session keys: when the last staff request came, and whether two-factor was passed.
SEEN_AT = "staff_seen_at"
TWO_FACTOR_PASSED = "staff_two_factor_passed"

# Pages that need no signed-in session: signing in and out, and an invite link (its token
# is the check). They skip the idle check too, so a stale session can still sign in again.
OPEN_ENDPOINTS = frozenset({"officers.sign_in", "officers.sign_out", "officers.accept_invite"})
# Pages for a signed-in session that has not passed two-factor yet. The idle check still
# applies to them: the setup page shows the new secret.
TWO_FACTOR_ENDPOINTS = frozenset({"officers.two_factor", "officers.two_factor_setup"})

View = TypeVar("View", bound=Callable[..., Any])


def staff_actor(user: StaffUser) -> str:
    """The audit trail's name for a member of staff."""
    return f"staff:{user.id}"


def requires_role(*roles: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def checked(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return redirect(url_for("officers.sign_in", next=request.full_path))
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate


def needs_two_factor(user: StaffUser) -> bool:
    return user.totp_enabled or user.role in TWO_FACTOR_REQUIRED


def mark_signed_in(user: StaffUser, *, two_factor_passed: bool) -> None:
    """Start the idle clock and record whether this session has passed two-factor."""
    session[SEEN_AT] = time.time()
    session[TWO_FACTOR_PASSED] = two_factor_passed


def guard() -> Any:
    """Runs before every officers' request."""
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("officers.sign_in", next=request.full_path))
    idle_limit = current_app.config["STAFF_IDLE_MINUTES"] * 60
    seen = session.get(SEEN_AT)
    if seen is None or time.time() - seen > idle_limit:
        sign_out()
        flash(_("You were signed out because nothing happened for a while. "
                "Please sign in again."))
        return redirect(url_for("officers.sign_in", next=request.full_path))
    session[SEEN_AT] = time.time()
    if request.endpoint in TWO_FACTOR_ENDPOINTS:
        return None
    if needs_two_factor(current_user) and not session.get(TWO_FACTOR_PASSED):
        target = "officers.two_factor" if current_user.totp_enabled else "officers.two_factor_setup"
        return redirect(url_for(target))
    return None


def sign_out() -> None:
    """End this session (the idle timeout, or a refused account)."""
    logout_user()
    session.pop(SEEN_AT, None)
    session.pop(TWO_FACTOR_PASSED, None)


def sign_out_everywhere() -> None:
    """End this session and every other of the account, copies of the cookie included:
    staff who sign out on purpose may be leaving a shared or lost device behind."""
    staff_accounts.sign_out_everywhere(current_user)
    sign_out()


# The officers' navigation: (endpoint, label, roles). Links show only to staff whose role
# opens the page.
NAVIGATION = (
    ("officers.queue", _l("Intake queue"), CASEWORK_ROLES),
    ("officers.reports", _l("Reports"), MANAGER_ROLES),
    ("officers.learning_page", _l("Learning actions"), MANAGER_ROLES),
    ("officers.change_stories_page", _l("You said, we did"), CASEWORK_ROLES),
    ("officers.audit_log", _l("Audit log"), MANAGER_ROLES),
    ("officers.subject_access", _l("Subject access"), MANAGER_ROLES),
    ("officers.users", _l("Staff accounts"), ADMIN_ROLES),
)


def navigation() -> list[tuple[str, str]]:
    if not current_user.is_authenticated:
        return []
    return [(endpoint, str(label)) for endpoint, label, roles in NAVIGATION
            if current_user.role in roles]
