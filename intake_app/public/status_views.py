"""The status page: check how a message is going from any phone or computer, with the
reference and the secret number. One question per page, no JavaScript.

The reference is asked first and kept in the session only until the secret is asked;
an unknown reference and a wrong secret get the very same page (nothing says which
references exist). Failed look-ups are limited per address and per reference (the
reference's limit is shared with STATUS by text, so it cannot be worked around by
switching), with a kind page that says when to try again and who to call.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Response, current_app, redirect, render_template, session, url_for
from flask_babel import format_datetime, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter import RequestLimit
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from ..domain.references import normalise
from ..domain.status_secrets import normalise_secret
from ..services import look_again as look_again_service
from ..services import status_checks
from ..services.council_contact import STATUS_PAGE_PATH, council_contact
from ..services.wall_clock import LONDON
from ..web_extensions import limiter
from . import bp

STATUS_REFERENCE_KEY = "status_reference"
LOOK_AGAIN_KEY = "status_look_again"
NOT_FOUND = 404  # the one answer for an unknown reference or a wrong secret


class ReferenceForm(FlaskForm):
    reference = StringField(_l("What is your reference?"))


class SecretForm(FlaskForm):
    secret = StringField(_l("What is your secret number?"))


class LookAgainForm(FlaskForm):
    words = TextAreaField(_l("Tell us what you are not happy with, if you want to"))


def _language() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def _address_limit() -> str:
    return current_app.config["STATUS_RATE_LIMIT"]


def _reference_limit() -> str:
    return current_app.config["STATUS_REFERENCE_RATE_LIMIT"]


def _session_reference_key() -> str:
    return status_checks.reference_limit_key(session.get(STATUS_REFERENCE_KEY))


def _failed(response: Response) -> bool:
    """Only look-ups that found nothing use up a limit: a child checking often is fine."""
    return response.status_code == NOT_FOUND


def _limited(limit: RequestLimit) -> Response:
    """Too many look-ups that found nothing: say kindly when to try again (the time the
    limit resets, in the UK) and who to call meanwhile."""
    again = datetime.fromtimestamp(limit.reset_at, UTC).astimezone(LONDON)
    page = render_template("public/status_limited.html", heading=_("Please wait a while"),
                           contact=council_contact(_language()),
                           again_at=format_datetime(again, "EEEE HH:mm", rebase=False))
    return Response(page, status=429, mimetype="text/html")


@bp.get(STATUS_PAGE_PATH)
def status_reference() -> Any:
    return _reference_page(ReferenceForm(formdata=None))


def _reference_page(form: ReferenceForm, errors: dict[str, str] | None = None) -> Any:
    return render_template("public/status_reference.html", form=form, errors=errors or {},
                           heading=_("What is your reference?")), 400 if errors else 200


@bp.post(STATUS_PAGE_PATH)
@limiter.limit(lambda: current_app.config["PUBLIC_RATE_LIMIT"])
def choose_status_reference() -> Any:
    form = ReferenceForm()
    form.validate()
    reference = normalise(form.reference.data or "")
    if reference is None:
        return _reference_page(form, {"reference": _(
            "Check your reference. It has 8 letters and numbers, like ABCD-EFGH.")})
    session[STATUS_REFERENCE_KEY] = reference
    return redirect(url_for("public.status_secret"))


@bp.get(STATUS_PAGE_PATH + "/secret")
def status_secret() -> Any:
    if not session.get(STATUS_REFERENCE_KEY):
        return redirect(url_for("public.status_reference"))
    return _secret_page(SecretForm(formdata=None))


def _secret_page(form: SecretForm, errors: dict[str, str] | None = None) -> Any:
    return render_template("public/status_secret.html", form=form, errors=errors or {},
                           heading=_("What is your secret number?")), 400 if errors else 200


@bp.post(STATUS_PAGE_PATH + "/secret")
@limiter.limit(_address_limit, deduct_when=_failed, on_breach=_limited)
@limiter.shared_limit(_reference_limit, scope="status-reference",
                      key_func=_session_reference_key, deduct_when=_failed,
                      on_breach=_limited)
def check_status() -> Any:
    reference = session.get(STATUS_REFERENCE_KEY)
    if not reference:
        return redirect(url_for("public.status_reference"))
    form = SecretForm()
    form.validate()
    if normalise_secret(form.secret.data or "") is None:
        return _secret_page(form, {"secret": _(
            "Type the 6 numbers of your secret number. You can find it where you got "
            "your reference.")})
    try:
        answer = status_checks.check_with_secret(reference, form.secret.data or "",
                                                 actor="web", via="web",
                                                 language=_language())
    except status_checks.NoMatch:
        return render_template("public/status_no_match.html",
                               heading=_("We could not find that"),
                               contact=council_contact(_language())), NOT_FOUND
    session.pop(STATUS_REFERENCE_KEY, None)
    if answer.can_look_again:
        # Proof the secret was right, for the one "look again" button on this page.
        session[LOOK_AGAIN_KEY] = reference
    return render_template("public/status_answer.html", heading=_("How it is going"),
                           answer=answer, form=LookAgainForm(formdata=None))


@bp.post(STATUS_PAGE_PATH + "/look-again")
@limiter.limit(lambda: current_app.config["PUBLIC_RATE_LIMIT"])
def look_again() -> Any:
    """A child unhappy with the stage 1 answer asks for stage 2, after the secret check."""
    reference = session.pop(LOOK_AGAIN_KEY, None)
    if not reference:
        return redirect(url_for("public.status_reference"))
    form = LookAgainForm()
    form.validate()
    answer = look_again_service.look_again_from_status_page(
        reference, language=_language(), words=form.words.data)
    return render_template("public/status_look_again.html",
                           heading=_("We will look again"), answer=answer)
