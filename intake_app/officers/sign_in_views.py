"""The officers' area's sign-in, and accepting an invite.

The sign-in, sign-out and two-factor pages are the shared ones (``staff_sign_in``), open
here to every staff role: each starts at its own home, an advocate in the advocates' area.
Two-factor is asked of those who must use it (``access.needs_two_factor``), and offered to
the rest.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..models import STAFF_ROLES, StaffUser
from ..services import staff_accounts
from ..staff_sign_in import SignInArea, address_limit, attempt_failed, form_errors, register
from ..web_extensions import limiter
from . import bp
from .access import ADMIN_ROLES, CASEWORK_ROLES, needs_two_factor
from .account_forms import AcceptInviteForm, account_error


def home_url(user: StaffUser) -> str:
    """Where a member of staff starts: casework roles at the queue, admins at accounts,
    advocates in their own area."""
    if user.role in CASEWORK_ROLES:
        return url_for("officers.queue")
    if user.role in ADMIN_ROLES:
        return url_for("officers.users")
    return url_for("advocates.home")


register(bp, SignInArea(
    roles=frozenset(STAFF_ROLES),
    home=home_url,
    needs_two_factor=needs_two_factor,
    awaiting_approval=_l("Your account is waiting for a second admin to approve it. "
                         "Ask an admin, then sign in again."),
    layout="officers/layout.html",
    words="officers/_sign_in_words.html",
    two_factor_on_page="officers/two_factor_on.html",
))


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit(address_limit, methods=["POST"], deduct_when=attempt_failed)
def accept_invite(token: str) -> Any:
    try:
        user = staff_accounts.invited_user(token)
    except staff_accounts.InvalidInvite:
        return render_template("officers/invite_expired.html",
                               heading=_("This invite link does not work")), 404
    form = AcceptInviteForm()
    errors: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            staff_accounts.accept_invite(token, form.password.data)
        except staff_accounts.InvalidStaffAccount as invalid:
            errors = {field: account_error(field, code) for field, code in invalid.errors.items()}
        else:
            flash(_("Your password is set. Sign in with your email address and new password."))
            return redirect(url_for("advocates.sign_in" if user.role == "advocate"
                                    else "officers.sign_in"))
    elif form.is_submitted():
        errors = form_errors(form)
    form.password.data = form.confirm.data = ""
    return render_template("officers/invite_accept.html", heading=_("Set your password"),
                           form=form, errors=errors, user=user), 200 if not errors else 400
