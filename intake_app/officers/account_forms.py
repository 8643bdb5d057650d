"""Forms for signing in, two-factor, accepting an invite and inviting staff.

The service refuses accounts with codes; ``ACCOUNT_ERRORS`` words them once for the pages
and the ``flask users`` commands alike.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from ..models import STAFF_ROLES
from ..services.staff_accounts import MIN_PASSWORD_LENGTH

ROLE_LABELS = {
    "officer": _l("Complaints officer"),
    "manager": _l("Complaints manager"),
    "admin": _l("Administrator (staff accounts only)"),
    "advocate": _l("Advocate"),
}

ACCOUNT_ERRORS = {
    ("email", "invalid"): _l("Enter an email address like name@council.gov.uk"),
    ("email", "duplicate"): _l("A staff account with this email address already exists"),
    ("name", "required"): _l("Enter the person's name"),
    ("organisation", "required"): _l("Choose the advocate's organisation"),
    ("role", "unknown_role"): _l("Choose a role: %(roles)s", roles=", ".join(STAFF_ROLES)),
    ("password", "too_short"): _l("Use at least %(count)s characters",
                                  count=MIN_PASSWORD_LENGTH),
    ("password", "too_common"): _l("This password is too easy to guess. Try three or four "
                                   "random words"),
}


def account_error(field: str, code: str) -> str:
    return str(ACCOUNT_ERRORS.get((field, code), code))


class SignInForm(FlaskForm):
    email = EmailField(_l("Email address"),
                       validators=[InputRequired(_l("Enter your email address"))])
    password = PasswordField(_l("Password"),
                             validators=[InputRequired(_l("Enter your password"))])


class TwoFactorForm(FlaskForm):
    code = StringField(
        _l("Code from your authenticator app"),
        validators=[InputRequired(_l("Enter the 6-digit code from your authenticator app")),
                    Regexp(r"^\s*\d{3}\s?\d{3}\s*$",
                           message=_l("The code is 6 digits, like 123456"))])


class AcceptInviteForm(FlaskForm):
    password = PasswordField(
        _l("Choose a password"),
        validators=[InputRequired(_l("Choose a password")),
                    Length(min=MIN_PASSWORD_LENGTH,
                           message=ACCOUNT_ERRORS[("password", "too_short")])])
    confirm = PasswordField(
        _l("Type the password again"),
        validators=[InputRequired(_l("Type the password again")),
                    EqualTo("password", message=_l("The two passwords are not the same"))])


class InviteForm(FlaskForm):
    email = EmailField(_l("Email address"),
                       validators=[InputRequired(_l("Enter the person's email address"))])
    name = StringField(_l("Name"), validators=[InputRequired(_l("Enter the person's name")),
                                               Length(max=128)])
    role = SelectField(_l("Role"),
                       choices=[SelectChoice(key, label) for key, label in ROLE_LABELS.items()],
                       validators=[InputRequired(_l("Choose a role"))])
    # Only for advocates; the page offers the organisations (``organisation_choices``).
    organisation = SelectField(_l("Advocacy organisation"), choices=[],
                               validate_choice=False)


class MoveAdvocateForm(FlaskForm):
    organisation = SelectField(_l("Advocacy organisation"), choices=[],
                               validate_choice=False,
                               validators=[InputRequired(_l("Choose an organisation"))])
