"""Signing in and out of a staff area, and its two-factor pages: one set of views that the
officers' and the advocates' blueprints both register (``register``), each with its own
``SignInArea`` for what differs. Security code kept twice drifts apart at the next fix, so
the rules below are written once.

A refused sign-in never says whether the email or the password was wrong, and takes the
same time either way, so the page cannot be used to find out who works here. An account
the area does not admit is refused in the same words, so neither area tells who works in
the other. The session is emptied before signing in so nothing from before (a planted
session) carries over.

Failed attempts are limited per account and address, and per address: nobody can lock a
colleague out by typing wrong passwords for them, and many addresses guessing one account
alert managers (``services.staff_alerts``). The limiter counts per endpoint, so each area
keeps its own counts although the views are the same functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial, wraps
from typing import TYPE_CHECKING, Any, TypeVar

import segno
from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user
from werkzeug.exceptions import TooManyRequests
from werkzeug.wrappers import Response

from .models import StaffUser
from .officers.access import TWO_FACTOR_PASSED, mark_signed_in, sign_out_everywhere
from .officers.account_forms import SignInForm, TwoFactorForm
from .services import protection, staff_accounts
from .web_extensions import limiter
from .web_security import local_path

if TYPE_CHECKING:
    from flask import Blueprint

View = TypeVar("View", bound=Callable[..., Any])


@dataclass(frozen=True)
class SignInArea:
    """What one staff area's sign-in does differently; everything else is the same on
    purpose. Endpoints are the area blueprint's own (``url_for(".two_factor")``)."""

    # Who may sign in here; any other account is refused like a wrong password.
    roles: frozenset[str]
    # Where a signed-in account starts when the sign-in link names no page to go back to.
    home: Callable[[StaffUser], str]
    # Whether this account must pass two-factor before any page of the area.
    needs_two_factor: Callable[[StaffUser], bool]
    # The refusal for an account waiting for approval: it names who approves.
    awaiting_approval: LazyString
    # The area's layout, which the shared pages extend.
    layout: str
    # The area's words on the shared pages (who to ask for help), as macros.
    words: str
    # The page an account with two-factor on sees at the setup address, where staff may
    # come to turn it on by choice; None sends the account to the code check instead.
    two_factor_on_page: str | None = None

    def admits(self, user: StaffUser) -> bool:
        return user.role in self.roles


_AREAS: dict[str, SignInArea] = {}


def register(bp: Blueprint, area: SignInArea) -> None:
    """Put the sign-in, sign-out and two-factor pages on ``bp``, with ``area``'s rules."""
    _AREAS[bp.name] = area
    bp.add_url_rule("/sign-in", "sign_in", sign_in, methods=["GET", "POST"])
    bp.add_url_rule("/sign-out", "sign_out", sign_out_view, methods=["POST"])
    bp.add_url_rule("/two-factor", "two_factor", two_factor, methods=["GET", "POST"])
    bp.add_url_rule("/two-factor/setup", "two_factor_setup", two_factor_setup,
                    methods=["GET", "POST"])
    bp.register_error_handler(TooManyRequests, too_many_attempts)


def _area() -> SignInArea:
    """The area of the blueprint this request came to (the views are registered only on
    blueprints that ``register`` was given)."""
    return _AREAS[request.blueprint]


def _login_limit() -> str:
    return current_app.config["STAFF_LOGIN_RATE_LIMIT"]


def address_limit() -> str:
    return current_app.config["STAFF_LOGIN_ADDRESS_RATE_LIMIT"]


def attempt_failed(response: Response) -> bool:
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


def _admitted_only(view: View) -> View:
    """The two-factor pages serve only an account the area admits. The area's guard sees to
    that first; this stays beside the views because the setup page shows a new secret."""
    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not (current_user.is_authenticated and _area().admits(current_user)):
            abort(403)
        return view(*args, **kwargs)

    return checked  # type: ignore[return-value]


def form_errors(form: Any) -> dict[str, str]:
    """The first message of each field, as the error summary lists them."""
    return {name: str(messages[0]) for name, messages in form.errors.items() if messages}


def _next() -> str | None:
    return local_path(request.args.get("next"))


def _next_or_home(user: StaffUser) -> str:
    return _next() or _area().home(user)


def _page(template: str, **context: Any) -> str:
    """A shared page, in the area's layout and words."""
    return render_template(f"staff_sign_in/{template}", area=_area(), **context)


def too_many_attempts(error: TooManyRequests) -> tuple[str, int]:
    """A limit reached on the area's pages gets the area's kind page, with whom to ask."""
    return _page("sign_in_limited.html", heading=_("Too many attempts")), 429


@limiter.limit(address_limit, methods=["POST"], deduct_when=attempt_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_at_address,
               deduct_when=attempt_failed)
def sign_in() -> Any:
    area = _area()
    if (current_user.is_authenticated and area.admits(current_user)
            and request.method == "GET"):
        return redirect(_next_or_home(current_user))
    form = SignInForm()
    errors: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            user = staff_accounts.authenticate(form.email.data, form.password.data)
        except staff_accounts.AwaitingApproval:
            user = None
            errors["email"] = str(area.awaiting_approval)
        if user is not None and not area.admits(user):
            user = None  # refused in a wrong password's words: nobody learns who works where
        if user is not None:
            session.clear()
            login_user(user)
            two_factor = area.needs_two_factor(user)
            mark_signed_in(user, two_factor_passed=not two_factor)
            staff_accounts.record_sign_in(user)
            if not two_factor:
                return redirect(_next_or_home(user))
            target = ".two_factor" if user.totp_enabled else ".two_factor_setup"
            return redirect(url_for(target, next=_next()))
        errors.setdefault("email", _("The email or password is not right. Check them and "
                                     "try again."))
    elif form.is_submitted():
        errors = form_errors(form)
    form.password.data = ""
    return _page("sign_in.html", heading=_("Sign in"), form=form,
                 errors=errors), 200 if not errors else 400


def sign_out_view() -> Response:
    if current_user.is_authenticated:
        sign_out_everywhere()
        session.clear()
        flash(_("You have signed out."))
    return redirect(url_for(".sign_in"))


def _code_form(check: Callable[[str], None],
               refusal: str) -> tuple[TwoFactorForm, dict[str, str], bool]:
    """The code form both two-factor pages share: the form (its code never shown again),
    the errors, and whether ``check`` took the code (it raises InvalidTwoFactorCode when
    the code is wrong or used already)."""
    form = TwoFactorForm()
    if form.validate_on_submit():
        try:
            check(form.code.data)
        except staff_accounts.InvalidTwoFactorCode:
            errors = {"code": refusal}
        else:
            return form, {}, True
    else:
        errors = form_errors(form)
    form.code.data = ""
    return form, errors, False


@_admitted_only
@limiter.limit(address_limit, methods=["POST"], deduct_when=attempt_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_signed_in_account,
               deduct_when=attempt_failed)
def two_factor() -> Any:
    user: StaffUser = current_user._get_current_object()
    if not user.totp_enabled:
        return redirect(url_for(".two_factor_setup", next=_next()))
    if session.get(TWO_FACTOR_PASSED):
        return redirect(_next_or_home(user))
    form, errors, passed = _code_form(
        partial(staff_accounts.check_two_factor, user),
        _("That code is not right, or was used already. Wait for the next code in your app "
          "and try again."))
    if passed:
        session[TWO_FACTOR_PASSED] = True
        return redirect(_next_or_home(user))
    return _page("two_factor.html", heading=_("Two-factor check"), form=form,
                 errors=errors), 200 if not errors else 400


@_admitted_only
@limiter.limit(address_limit, methods=["POST"], deduct_when=attempt_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_signed_in_account,
               deduct_when=attempt_failed)
def two_factor_setup() -> Any:
    area = _area()
    user: StaffUser = current_user._get_current_object()
    if user.totp_enabled:
        if area.two_factor_on_page is None:
            return redirect(url_for(".two_factor", next=_next()))
        return render_template(area.two_factor_on_page, heading=_("Two-factor is on"),
                               passed=bool(session.get(TWO_FACTOR_PASSED)))
    secret = staff_accounts.pending_totp_secret(user)
    form, errors, passed = _code_form(
        partial(staff_accounts.enable_two_factor, user),
        _("That code is not right. Check the time on your phone is set automatically, then "
          "try the newest code."))
    if passed:
        login_user(user)  # this browser stays in; the account's other sessions ended
        session[TWO_FACTOR_PASSED] = True
        flash(_("Two-factor is on. You will need a code from your app each time you "
                "sign in."))
        return redirect(_next_or_home(user))
    uri = staff_accounts.totp_uri(user, secret)
    return _page(
        "two_factor_setup.html", heading=_("Set up two-factor"), form=form, errors=errors,
        secret=secret, qr_code=segno.make(uri).svg_data_uri(scale=5),
        required=area.needs_two_factor(user),
    ), 200 if not errors else 400
