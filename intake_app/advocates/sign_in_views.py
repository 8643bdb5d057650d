"""Signing in and out of the advocates' area, and its two-factor pages.

The staff accounts' sign-in (``services.staff_accounts``): argon2id passwords, a refusal
that never says which of email or password was wrong, failed attempts limited per account
and address and per address (the officers' settings), two-factor always, and audited.
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

from ..models import StaffUser
from ..officers.access import TWO_FACTOR_PASSED, mark_signed_in, sign_out_everywhere
from ..officers.account_forms import SignInForm, TwoFactorForm
from ..services import protection, staff_accounts
from ..web_extensions import limiter
from ..web_security import local_path
from . import bp


def _login_limit() -> str:
    return current_app.config["STAFF_LOGIN_RATE_LIMIT"]


def _address_limit() -> str:
    return current_app.config["STAFF_LOGIN_ADDRESS_RATE_LIMIT"]


def _failed(response: Response) -> bool:
    """Only failed attempts use up a limit (a success redirects), as for officers."""
    return response.status_code != 302


def _account_at_address() -> str:
    account = protection.keyed_digest(
        staff_accounts.normalise_email(request.form.get("email", "")), purpose="staff-email")
    return f"account:{account}:{get_remote_address()}"


def _signed_in_account() -> str:
    return f"staff:{current_user.id}" if current_user.is_authenticated else "anonymous"


def _next_or_home() -> str:
    return local_path(request.args.get("next")) or url_for("advocates.home")


def _errors(form: Any) -> dict[str, str]:
    return {name: str(messages[0]) for name, messages in form.errors.items() if messages}


@bp.errorhandler(TooManyRequests)
def too_many_attempts(error: TooManyRequests) -> tuple[str, int]:
    return render_template("advocates/sign_in_limited.html",
                           heading=_("Too many attempts")), 429


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_at_address,
               deduct_when=_failed)
def sign_in() -> Any:
    if (current_user.is_authenticated and current_user.role == "advocate"
            and request.method == "GET"):
        return redirect(_next_or_home())
    form = SignInForm()
    errors: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            user = staff_accounts.authenticate(form.email.data, form.password.data)
        except staff_accounts.AwaitingApproval:
            user = None
            errors["email"] = _("Your account is waiting for the council to approve it. "
                                "Ask the council's complaints team, then sign in again.")
        if user is not None and user.role != "advocate":
            # Council staff sign in at the officers' area; the answer is the same as for
            # a wrong password, so this page tells nobody who works where.
            user = None
        if user is not None:
            session.clear()
            login_user(user)
            mark_signed_in(user, two_factor_passed=False)
            staff_accounts.record_sign_in(user)
            target = "advocates.two_factor" if user.totp_enabled else "advocates.two_factor_setup"
            return redirect(url_for(target, next=local_path(request.args.get("next"))))
        errors.setdefault("email", _("The email or password is not right. Check them and "
                                     "try again."))
    elif form.is_submitted():
        errors = _errors(form)
    form.password.data = ""
    return render_template("advocates/sign_in.html", heading=_("Sign in"), form=form,
                           errors=errors), 200 if not errors else 400


@bp.post("/sign-out", endpoint="sign_out")
def sign_out_view() -> Response:
    if current_user.is_authenticated:
        sign_out_everywhere()
        session.clear()
        flash(_("You have signed out."))
    return redirect(url_for("advocates.sign_in"))


@bp.route("/two-factor", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_signed_in_account,
               deduct_when=_failed)
def two_factor() -> Any:
    if not current_user.totp_enabled:
        return redirect(url_for("advocates.two_factor_setup",
                                next=local_path(request.args.get("next"))))
    if session.get(TWO_FACTOR_PASSED):
        return redirect(_next_or_home())
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
            return redirect(_next_or_home())
    elif form.is_submitted():
        errors = _errors(form)
    form.code.data = ""
    return render_template("advocates/two_factor.html", heading=_("Two-factor check"),
                           form=form, errors=errors), 200 if not errors else 400


@bp.route("/two-factor/setup", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_signed_in_account,
               deduct_when=_failed)
def two_factor_setup() -> Any:
    user: StaffUser = current_user._get_current_object()
    if user.totp_enabled:
        return redirect(url_for("advocates.two_factor",
                                next=local_path(request.args.get("next"))))
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
            return redirect(_next_or_home())
    elif form.is_submitted():
        errors = _errors(form)
    form.code.data = ""
    uri = staff_accounts.totp_uri(user, secret)
    return render_template(
        "advocates/two_factor_setup.html", heading=_("Set up two-factor"), form=form,
        errors=errors, secret=secret, qr_code=segno.make(uri).svg_data_uri(scale=5),
    ), 200 if not errors else 400
