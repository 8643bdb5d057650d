"""Equality monitoring ("a bit about you"): optional, offered only by a link on the
confirmation page once a message is sent, never before, and kept apart from it.

The page opens only in the browser that has just sent a message (the confirmation's own
short window) and once per message; what is saved has no link to the message.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import StringField

from ..domain.equality import QUESTIONS
from ..services import equality
from ..web_extensions import limiter
from . import bp
from .views import ABOUT_YOU_ANSWERED_KEY as ANSWERED_KEY
from .views import _recent_submission


class AboutYouForm(FlaskForm):
    age_band = StringField()
    gender = StringField()
    disability = StringField()
    ethnicity = StringField()
    sexual_orientation = StringField()


def _questions() -> dict[str, tuple[str, dict[str, tuple[str, None]]]]:
    """Each question's words and its answers' words, in the page's language."""
    words = {
        "age_band": (_("How old are you?"), {
            "under_11": _("Under 11"), "11_to_13": _("11 to 13"), "14_to_15": _("14 to 15"),
            "16_to_17": _("16 to 17"), "18_to_25": _("18 to 25"), "over_25": _("Over 25")}),
        "gender": (_("What is your gender?"), {
            "girl_or_woman": _("Girl or woman"), "boy_or_man": _("Boy or man"),
            "non_binary": _("Non-binary"), "another_way": _("In another way")}),
        "disability": (_("Do you have a disability or an illness that lasts a long time?"), {
            "yes": _("Yes"), "no": _("No"), "not_sure": _("Not sure")}),
        "ethnicity": (_("What is your ethnic group?"), {
            "asian": _("Asian or Asian British"),
            "black": _("Black, Black British, Caribbean or African"),
            "mixed": _("Mixed or more than one ethnic group"), "white": _("White"),
            "another_group": _("Another ethnic group")}),
        "sexual_orientation": (_("What is your sexuality? This means who you fancy or "
                                 "could fall in love with."), {
            "straight": _("Straight"), "gay_or_lesbian": _("Gay or lesbian"),
            "bisexual": _("Bisexual"), "another_way": _("In another way"),
            "not_sure": _("Not sure")}),
    }
    prefer_not = _("Prefer not to say")
    return {question: (text, {key: (answers.get(key, prefer_not), None)
                              for key in QUESTIONS[question]})
            for question, (text, answers) in words.items()}


def may_ask() -> str | None:
    """The reference just sent from this browser, while it has not answered yet."""
    reference = _recent_submission()
    if reference is None or session.get(ANSWERED_KEY) == reference:
        return None
    return reference


def _closed() -> Any:
    return render_template("public/how_was_it_done.html", heading=_("Thank you"),
                           message=_("You can always tell us something new.")), 404


@bp.get("/tell-us/about-you")
def about_you() -> Any:
    if may_ask() is None:
        return _closed()
    return render_template("public/about_you.html", form=AboutYouForm(formdata=None),
                           questions=_questions(), heading=_("A bit about you"))


@bp.post("/tell-us/about-you")
@limiter.limit(lambda: current_app.config["PUBLIC_RATE_LIMIT"])
def answer_about_you() -> Any:
    reference = may_ask()
    form = AboutYouForm()
    if reference is None or not form.validate():
        return _closed()
    equality.save_answers({name: getattr(form, name).data for name in QUESTIONS})
    session[ANSWERED_KEY] = reference
    return render_template("public/how_was_it_done.html", heading=_("Thank you"),
                           message=_("Thank you. This helps us check we treat everyone "
                                     "fairly."))


@bp.get("/tell-us/about-you/skip")
def skip_about_you() -> Response:
    """No answers at all: nothing is kept, and the link is not offered again."""
    reference = may_ask()
    if reference is not None:
        session[ANSWERED_KEY] = reference
    return redirect(url_for("public.sent"))

