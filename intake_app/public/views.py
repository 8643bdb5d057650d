"""Public pages: translate HTTP to the draft and submit services, and back to HTML."""

from __future__ import annotations

import time
from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _

from ..domain.draft import masked_phone, sanitised, validate
from ..i18n import supported_locales
from ..services import confirmation, web_drafts
from ..services.intake import InvalidDraft, submit
from ..web_extensions import limiter
from ..web_security import local_path
from . import bp, choices, steps
from .answers import error_message, to_draft

DRAFT_KEY = "draft_id"
DRAFT_SEEN_KEY = "draft_seen_at"
SUBMITTED_KEY = "submitted_reference"
SUBMITTED_AT_KEY = "submitted_at"
SUBMITTED_SECRET_KEY = "submitted_status_secret"
CONFIRMATION_SECONDS = 15 * 60
# The reference whose sender answered or skipped "a bit about you" (equality_views): the
# confirmation stops offering it.
ABOUT_YOU_ANSWERED_KEY = "equality_answered_for"
# A draft left alone this long may be in someone else's hands when it is picked up again:
# they choose "carry on" or "start again" before any answer is shown.
RESUME_CHOICE_SECONDS = 15 * 60


def _public_limit() -> str:
    return current_app.config["PUBLIC_RATE_LIMIT"]


def _answers() -> dict[str, Any]:
    return web_drafts.load(session.get(DRAFT_KEY)) or {}


def _language() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


@bp.get("/")
def start():
    return render_template("public/start.html")


@bp.get("/what-is-an-advocate")
def advocates_explained():
    return render_template("public/advocates_explained.html")


@bp.get("/language/<code>")
def choose_language(code: str):
    if code in supported_locales():
        session["locale"] = code
    else:
        flash(_("Sorry, we do not have that language yet. You can carry on in English, or ask "
                "us for help in your language."))
    # The one check of a next= target (web_security): a path on this site, never elsewhere.
    return redirect(local_path(request.args.get("next")) or url_for("public.start"))


@bp.get("/leave")
def leave():
    """Where "Leave this site" goes: a plain link, so it works without JavaScript. It
    deletes the draft and ends the session (the web form's and the chat's; the chat's
    messages stay on the server for staff), then opens the neutral site. Nothing typed can
    then be found again from this browser."""
    try:
        web_drafts.discard(session.get(DRAFT_KEY))
    except web_drafts.DraftStoreUnavailable:
        # Leaving must never fail. The session no longer names the draft, so nobody can
        # reach it from here, and it expires after DRAFT_TTL_MINUTES.
        current_app.logger.exception("could not delete a draft on leaving")
    session.clear()
    response = redirect(current_app.config["EXIT_URL"])
    # Ask the browser to drop what it kept of this site's pages too (its cache; some
    # browsers also empty their back/forward cache), which helps without JavaScript.
    response.headers["Clear-Site-Data"] = '"cache"'
    return response


def _needs_choice(answers: dict[str, Any]) -> bool:
    """A live draft not used from this browser for a while: whoever holds the phone now
    chooses before seeing any answer."""
    seen_at = session.get(DRAFT_SEEN_KEY, 0)
    return bool(answers) and time.time() - seen_at > RESUME_CHOICE_SECONDS


def _mark_seen() -> None:
    session[DRAFT_SEEN_KEY] = time.time()


def _carry_on(answers: dict[str, Any]):
    missing = steps.first_unanswered(answers)
    if missing is None:
        return redirect(url_for("public.check"))
    return redirect(url_for("public.step", slug=missing.slug))


@bp.get("/tell-us")
def begin():
    """The start button. A draft already here may be someone else's: ask first."""
    if _answers():
        return redirect(url_for("public.resume"))
    return redirect(url_for("public.step", slug=steps.STEPS[0].slug))


@bp.get("/tell-us/resume")
def resume():
    if not _answers():
        return redirect(url_for("public.begin"))
    return render_template("public/resume.html", form=steps.forms.ContinueForm())


@bp.post("/tell-us/resume")
@limiter.limit(_public_limit)
def choose_resume():
    answers = _answers()
    if not answers:
        return redirect(url_for("public.begin"))
    choice = request.form.get("choice")
    if choice == "start-again":
        web_drafts.discard(session.pop(DRAFT_KEY, None))
        session.pop(DRAFT_SEEN_KEY, None)
        return redirect(url_for("public.step", slug=steps.STEPS[0].slug))
    if choice == "carry-on":
        _mark_seen()
        return _carry_on(answers)
    return redirect(url_for("public.resume"))


def _step_or_404(slug: str) -> steps.Step:
    step = steps.BY_SLUG.get(slug)
    if step is None:
        abort(404)
    return step


def _render_step(step: steps.Step, form: Any, answers: dict[str, Any],
                 errors: dict[str, str] | None = None, status: int = 200,
                 notice: str | None = None):
    from_check = request.args.get("check") == "1"
    position, total = steps.progress(step, answers)
    back = steps.previous(step, answers)
    if from_check:
        # Opened from "Check your answers": Back goes there, with nothing changed.
        back_url = url_for("public.check")
    else:
        back_url = url_for("public.step", slug=back.slug) if back else url_for("public.start")
    return render_template(
        step.template,
        step=step,
        heading=step.heading_for(answers),
        helper=steps.is_helper(answers),
        form=form,
        errors=errors or {},
        notice=notice,
        choices=choices,
        contact_times=steps.contact_times(answers),
        answers=answers,
        position=position,
        total=total,
        back_url=back_url,
        from_check=from_check,
        max_chars=current_app.config["TEXT_MAX_CHARS"],
    ), status


def _form(step: steps.Step, answers: dict[str, Any], **kwargs: Any) -> Any:
    """The step's form, offering the safe times that fit who is answering."""
    form = step.form(**kwargs)
    if "times" in form:
        form.times.choices = choices.radio_choices(steps.contact_times(answers))
    return form


@bp.get("/tell-us/<slug>")
def step(slug: str):
    step = _step_or_404(slug)
    answers = _answers()
    if _needs_choice(answers):
        return redirect(url_for("public.resume"))
    if not step.applies(answers):
        # A page off the path taken (Back to the advocate offer after choosing a compliment,
        # say): on to the next question, not to "carry on or start again".
        return _carry_on(answers)
    if answers:
        _mark_seen()
    form = _form(step, answers, data={name: answers.get(name) for name in step.fields})
    return _render_step(step, form, answers)


def _step_errors(step: steps.Step, form: Any, answers: dict[str, Any]) -> dict[str, str]:
    """WTForms checks the choices; the domain's own rules check everything typed, so the
    web form and every other channel accept exactly the same things."""
    errors = {name: str(messages[0]) for name, messages in form.errors.items()
              if name != "csrf_token"}
    draft = sanitised(to_draft(answers, submission_key=None, language=_language()))
    domain_errors = validate(draft, max_chars=current_app.config["TEXT_MAX_CHARS"])
    for name, code in domain_errors.items():
        if name in step.fields and name not in errors:
            errors[name] = error_message(name, code)
    return errors


@bp.post("/tell-us/<slug>")
@limiter.limit(_public_limit)
def save_step(slug: str):
    step = _step_or_404(slug)
    answers = _answers()
    form = _form(step, answers)
    form.validate()
    posted = {name: form[name].data for name in step.fields if name in form}
    if step.slug == "sharing":
        posted["seen_sharing"] = True
    merged = answers | {name: value for name, value in posted.items() if value is not None}
    errors = _step_errors(step, form, merged)
    if errors:
        return _render_step(step, form, answers, errors, status=400)
    picked_up_later = _needs_choice(answers)
    try:
        session[DRAFT_KEY] = web_drafts.save(session.get(DRAFT_KEY), merged)
    except web_drafts.DraftStoreUnavailable:
        current_app.logger.exception("could not save a draft step")
        notice = _("Sorry, we could not save this just now. What you typed is still here. "
                   "Please wait a minute and press Continue again.")
        return _render_step(step, form, answers, status=503, notice=notice)
    if picked_up_later:
        # What was on the screen is kept, but the next page would show earlier answers.
        return redirect(url_for("public.resume"))
    _mark_seen()
    following = steps.following(step, merged)
    missing = steps.first_unanswered(merged)
    if request.args.get("check") == "1" or following is None:
        if missing is None:
            return redirect(url_for("public.check"))
        # A change that opens a new question (a phone number for a text, say) asks it, then
        # goes back to "Check your answers".
        return redirect(url_for("public.step", slug=missing.slug, check="1"))
    return redirect(url_for("public.step", slug=following.slug))


@bp.get("/tell-us/check")
def check():
    answers = _answers()
    if not answers and _recent_submission():
        return redirect(url_for("public.sent"))
    if _needs_choice(answers):
        return redirect(url_for("public.resume"))
    missing = steps.first_unanswered(answers)
    if missing is not None:
        return redirect(url_for("public.step", slug=missing.slug))
    _mark_seen()
    return render_template("public/check.html", answers=steps.relevant(answers),
                           choices=choices, contact_times=steps.contact_times(answers),
                           helper=steps.is_helper(answers), masked_phone=masked_phone,
                           pages=steps.applicable(answers), form=steps.forms.ContinueForm())


@bp.post("/tell-us/check")
@limiter.limit(_public_limit)
def send():
    draft_id = session.get(DRAFT_KEY)
    answers = web_drafts.load(draft_id)
    if answers is None:
        # Already sent (a double click) or the draft expired.
        if _recent_submission():
            return redirect(url_for("public.sent"))
        return render_template("public/expired.html"), 410
    draft = to_draft(answers, submission_key=draft_id, language=_language())
    try:
        result = submit(draft, actor="web")
    except InvalidDraft as invalid:
        field = next(iter(invalid.errors))
        target = next((s for s in steps.STEPS if field in s.fields), steps.STEPS[0])
        return redirect(url_for("public.step", slug=target.slug, check="1"))
    session[SUBMITTED_KEY] = result.reference
    session[SUBMITTED_AT_KEY] = time.time()
    # None when a double click's second send raced the first: never show another's.
    session[SUBMITTED_SECRET_KEY] = result.status_secret
    web_drafts.discard(draft_id)
    session.pop(DRAFT_KEY, None)
    session.pop(DRAFT_SEEN_KEY, None)
    return redirect(url_for("public.sent"))


def _recent_submission() -> str | None:
    """The reference just sent, for a short while only: on a shared phone, someone opening
    the page later must not see it."""
    sent_at = session.get(SUBMITTED_AT_KEY, 0)
    if time.time() - sent_at > CONFIRMATION_SECONDS:
        session.pop(SUBMITTED_KEY, None)
        session.pop(SUBMITTED_AT_KEY, None)
        session.pop(SUBMITTED_SECRET_KEY, None)
        return None
    return session.get(SUBMITTED_KEY)


@bp.get("/tell-us/sent")
def sent():
    reference = _recent_submission()
    details = (confirmation.details(reference,
                                    status_secret=session.get(SUBMITTED_SECRET_KEY))
               if reference else None)
    if details is None:
        return redirect(url_for("public.start"))
    return render_template("public/sent.html", **details,
                           offer_about_you=session.get(ABOUT_YOU_ANSWERED_KEY) != reference)


def retry_step_after_csrf(slug: str):
    """The security check failed (page open too long, cookie lost): show the same question
    again with what they typed, and a fresh token, so pressing Continue again works."""
    step = _step_or_404(slug)
    answers = _answers()
    form = _form(step, answers, meta={"csrf": True})
    notice = _("Sorry, we could not check this page. We kept what you typed. Please press "
               "Continue again.")
    return _render_step(step, form, answers, status=400, notice=notice)
