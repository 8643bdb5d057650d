"""Signing in and out, two-factor, and accepting an invite.

A refused sign-in never says whether the email or the password was wrong, and takes the
same time either way, so the page cannot be used to find out who works here. The session
is emptied before signing in so nothing from before (a planted session) carries over.

Failed attempts are limited per account and address, and per address: nobody can lock a
colleague out by typing wrong passwords for them, and many addresses guessing one account
alert managers (``services.staff_alerts``).
"""

from __future__ import annotations

from typing import Any

import segno
from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user
from werkzeug.exceptions import TooManyRequests
from werkzeug.wrappers import Response

from ..models import STAFF_ROLES, StaffUser
from ..services import protection, staff_accounts
from ..web_extensions import limiter
from ..web_security import local_path
from . import bp
from .access import (
    ADMIN_ROLES,
    CASEWORK_ROLES,
    TWO_FACTOR_PASSED,
    TWO_FACTOR_REQUIRED,
    mark_signed_in,
    needs_two_factor,
    requires_role,
    sign_out_everywhere,
)
from .account_forms import AcceptInviteForm, SignInForm, TwoFactorForm, account_error


def _login_limit() -> str:
    return current_app.config["STAFF_LOGIN_RATE_LIMIT"]


def _address_limit() -> str:
    return current_app.config["STAFF_LOGIN_ADDRESS_RATE_LIMIT"]


def _failed(response: Response) -> bool:
    """Only failed attempts use up a limit (a success redirects): otherwise anyone could
    keep a named member of staff, perhaps the duty officer, out by signing in as them
    with the right password from elsewhere, or a busy office would lock itself out."""
    return response.status_code != 302


def _account_at_address() -> str:
    """Sign-in failures count per account *and* address: guessing a colleague's password
    holds back the guesser's address, never the colleague signing in from their own (no
    lockout anyone can cause). Guesses spread over many addresses alert managers instead
    (``staff_alerts``); each address also has its own limit over every account. The email
    is hashed: the limiter logs its key when a limit is reached."""
    account = protection.keyed_digest(
        staff_accounts.normalise_email(request.form.get("email", "")), purpose="staff-email")
    return f"account:{account}:{get_remote_address()}"


def _signed_in_account() -> str:
    """Two-factor guesses are counted per account, whichever sessions they come from: only
    someone who has the password can make them, and a lost code locks nobody else out."""
    return f"staff:{current_user.id}" if current_user.is_authenticated else "anonymous"


def home_url(user: StaffUser) -> str:
    """Where a member of staff starts: casework roles at the queue, admins at accounts,
    advocates in their own area."""
    if user.role in CASEWORK_ROLES:
        return url_for("officers.queue")
    if user.role in ADMIN_ROLES:
        return url_for("officers.users")
    return url_for("advocates.home")


def _next_or_home(user: StaffUser) -> str:
    return local_path(request.args.get("next")) or home_url(user)


def _errors(form: Any) -> dict[str, str]:
    return {name: str(messages[0]) for name, messages in form.errors.items() if messages}


@bp.errorhandler(TooManyRequests)
def too_many_attempts(error: TooManyRequests) -> tuple[str, int]:
    return render_template("officers/sign_in_limited.html",
                           heading=_("Too many attempts")), 429


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_at_address,
               deduct_when=_failed)
def sign_in() -> Any:
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_next_or_home(current_user))
    form = SignInForm()
    errors: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            user = staff_accounts.authenticate(form.email.data, form.password.data)
        except staff_accounts.AwaitingApproval:
            user = None
            errors["email"] = _("Your account is waiting for a second admin to approve it. "
                                "Ask an admin, then sign in again.")
        if user is not None:
            session.clear()
            login_user(user)
            two_factor = needs_two_factor(user)
            mark_signed_in(user, two_factor_passed=not two_factor)
            staff_accounts.record_sign_in(user)
            if not two_factor:
                return redirect(_next_or_home(user))
            target = "officers.two_factor" if user.totp_enabled else "officers.two_factor_setup"
            return redirect(url_for(target, next=local_path(request.args.get("next"))))
        errors.setdefault("email", _("The email or password is not right. Check them and "
                                     "try again."))
    elif form.is_submitted():
        errors = _errors(form)
    form.password.data = ""
    return render_template("officers/sign_in.html", heading=_("Sign in"), form=form,
                           errors=errors), 200 if not errors else 400


@bp.post("/sign-out", endpoint="sign_out")
def sign_out_view() -> Response:
    if current_user.is_authenticated:
        sign_out_everywhere()
        session.clear()
        flash(_("You have signed out."))
    return redirect(url_for("officers.sign_in"))


@bp.route("/two-factor", methods=["GET", "POST"])
@requires_role(*STAFF_ROLES)
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_signed_in_account,
               deduct_when=_failed)
def two_factor() -> Any:
    if not current_user.totp_enabled:
        return redirect(url_for("officers.two_factor_setup",
                                next=local_path(request.args.get("next"))))
    if session.get(TWO_FACTOR_PASSED):
        return redirect(_next_or_home(current_user))
    form = TwoFactorForm()
    errors: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            staff_accounts.check_two_factor(current_user, form.code.data)
        except staff_accounts.InvalidTwoFactorCode:
            errors["code"] = _("That code is not right, or was used already. Wait for the "
                               "next code in your app and try again.")
        else:
            session[TWO_FACTOR_PASSED] = True
            return redirect(_next_or_home(current_user))
    elif form.is_submitted():
        errors = _errors(form)
    form.code.data = ""
    return render_template("officers/two_factor.html", heading=_("Two-factor check"),
                           form=form, errors=errors), 200 if not errors else 400


@bp.route("/two-factor/setup", methods=["GET", "POST"])
@requires_role(*STAFF_ROLES)
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_signed_in_account,
               deduct_when=_failed)
def two_factor_setup() -> Any:
    user: StaffUser = current_user._get_current_object()
    if user.totp_enabled:
        return render_template("officers/two_factor_on.html", heading=_("Two-factor is on"),
                               passed=bool(session.get(TWO_FACTOR_PASSED)))
    secret = staff_accounts.pending_totp_secret(user)
    form = TwoFactorForm()
    errors: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            staff_accounts.enable_two_factor(user, form.code.data)
        except staff_accounts.InvalidTwoFactorCode:
            errors["code"] = _("That code is not right. Check the time on your phone is set "
                               "automatically, then try the newest code.")
        else:
            login_user(user)  # this browser stays in; the account's other sessions ended
            session[TWO_FACTOR_PASSED] = True
            flash(_("Two-factor is on. You will need a code from your app each time you "
                    "sign in."))
            return redirect(_next_or_home(user))
    elif form.is_submitted():
        errors = _errors(form)
    form.code.data = ""
    uri = staff_accounts.totp_uri(user, secret)
    return render_template(
        "officers/two_factor_setup.html", heading=_("Set up two-factor"), form=form,
        errors=errors, secret=secret, qr_code=segno.make(uri).svg_data_uri(scale=5),
        required=user.role in TWO_FACTOR_REQUIRED,
    ), 200 if not errors else 400


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
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
        errors = _errors(form)
    form.password.data = form.confirm.data = ""
    return render_template("officers/invite_accept.html", heading=_("Set your password"),
                           form=form, errors=errors, user=user), 200 if not errors else 400
