""""How was it to tell us?": the one-question page an email after an outcome links to.

The link carries a signed token that says only that an email asked (no record, no person),
so an answer can be counted without anyone knowing whose it is. A missing choice shows
the page again, kindly, with the words kept.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from ..services import feedback_answers, telling_feedback
from ..web_extensions import limiter
from . import bp

PATH = telling_feedback.ANSWER_PAGE_PATH + "/<token>"


class FeedbackForm(FlaskForm):
    ease = StringField()
    words = TextAreaField(_l("A few words, if you like"))


def _options() -> dict[str, tuple[str, None]]:
    return {"easy": (_("Easy"), None), "ok": (_("OK"), None), "hard": (_("Hard"), None)}


def _page(form: FeedbackForm, token: str, errors: dict[str, str] | None = None) -> Any:
    return render_template("public/how_was_it.html", form=form, token=token,
                           errors=errors or {}, options=_options(),
                           heading=_("How was it to tell us?")), 400 if errors else 200


@bp.get(PATH)
def how_was_it(token: str) -> Any:
    if not telling_feedback.link_is_valid(token):
        return render_template("public/how_was_it_done.html",
                               heading=_("This link has ended"),
                               message=_("Thank you anyway. You can always tell us "
                                         "something new.")), 404
    return _page(FeedbackForm(formdata=None), token)


@bp.post(PATH)
@limiter.limit(lambda: current_app.config["PUBLIC_RATE_LIMIT"])
def answer_how_was_it(token: str) -> Any:
    form = FeedbackForm()
    form.validate()
    if not telling_feedback.link_is_valid(token):
        return render_template("public/how_was_it_done.html",
                               heading=_("This link has ended"),
                               message=_("Thank you anyway. You can always tell us "
                                         "something new.")), 404
    if form.ease.data not in telling_feedback.EASE:
        return _page(form, token, {"ease": _("Choose easy, OK or hard. You can add a few "
                                             "words too.")})
    flagged = feedback_answers.save_web_answer(ease=form.ease.data, words=form.words.data)
    return render_template("public/how_was_it_done.html", heading=_("Thank you"),
                           message=_("Thank you for telling us. It helps us do better."),
                           flagged=flagged)
