"""The organisation's work: its referrals and the records its advocates made.

Every record is found through the signed-in advocate's organisation, so another
organisation's reference answers 404 like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..domain import references
from ..outbox.settings import is_embedded_default
from ..services import advocacy_referrals, advocate_following, advocates
from ..taxonomy import keys, label
from . import bp
from .access import advocate_actor, current_organisation
from .forms import (
    ANSWER_ERRORS,
    CHOICE_LABELS,
    FOLLOWING_ERRORS,
    RAG_WORDS,
    REFERRAL_STATES,
    FollowingForm,
    ReferralAnswerForm,
)


@bp.get("/")
def home() -> Any:
    organisation = current_organisation()
    return render_template("advocates/home.html", heading=_("Your organisation's work"),
                           organisation=organisation,
                           cases=advocate_following.case_list(organisation),
                           referrals=advocates.referrals(organisation),
                           service_area_label=_service_area,
                           referral_states=REFERRAL_STATES, rag_words=RAG_WORDS)


@bp.get("/referrals/<int:referral_id>")
def referral(referral_id: int) -> Any:
    found = advocates.view_referral(current_organisation(), referral_id,
                                    actor=advocate_actor(current_user))
    if found is None:
        abort(404)
    return _referral_page(found, ReferralAnswerForm(), {})


def _referral_page(found: advocates.ReferralSummary, form: ReferralAnswerForm,
                   errors: dict[str, str], status: int = 200) -> Any:
    return render_template(
        "advocates/referral.html",
        heading=_("Referral %(reference)s", reference=found.reference_display),
        referral=found, service_area_label=_service_area, form=form, errors=errors,
        # The provider's inbox: in the embedded default the organisation answers here, so
        # the whole loop can be tried on one machine; elsewhere through the API.
        may_answer=is_embedded_default(current_app.config),
        states=REFERRAL_STATES), status


@bp.post("/referrals/<int:referral_id>/answer")
def answer_referral(referral_id: int) -> Any:
    organisation = current_organisation()
    # Another organisation's referral is not found, whichever way referrals are answered.
    if not advocates.has_referral(organisation, referral_id):
        abort(404)
    if not is_embedded_default(current_app.config):
        flash(_("Your organisation answers referrals through its own system."))
        return redirect(url_for("advocates.referral", referral_id=referral_id))
    form = ReferralAnswerForm()
    answer = advocacy_referrals.Answer(status=form.status.data or "",
                                       contact=form.contact.data or "",
                                       reason=form.reason.data or "")
    try:
        if not form.validate_on_submit():
            raise advocacy_referrals.InvalidReferralAnswer({"status": "required"})
        advocates.answer_referral(organisation, referral_id, answer,
                                  actor=advocate_actor(current_user))
    except advocacy_referrals.ReferralNotFound:
        abort(404)
    except advocacy_referrals.InvalidReferralAnswer as invalid:
        found = advocates.view_referral(organisation, referral_id,
                                        actor=advocate_actor(current_user))
        if found is None:
            abort(404)
        return _referral_page(found, form, {field: str(ANSWER_ERRORS.get(field, field))
                                            for field in invalid.errors}, 400)
    flash(_("Your answer is recorded. The council can see it on the child's record."))
    return redirect(url_for("advocates.referral", referral_id=referral_id))


@bp.get("/submissions/<reference>")
def submission(reference: str) -> Any:
    found = advocate_following.view(current_organisation(), reference,
                                    actor=advocate_actor(current_user))
    if found is None:
        abort(404)
    return _submission_page(found, {})


def _submission_page(found: advocate_following.FollowedRecord, errors: dict[str, str],
                     status: int = 200, typed: dict[str, str] | None = None) -> Any:
    record = found.seen.record
    return render_template(
        "advocates/submission.html",
        heading=_("Record %(reference)s", reference=references.display(record.reference)),
        found=found.seen, record=record, details=found.seen.details, line=found.line,
        additions=found.additions, errors=errors, typed=typed or {},
        service_area_label=_service_area, labels=CHOICE_LABELS, rag_words=RAG_WORDS,
        type_label=label("representation_types", record.type)
        if record.type in keys("representation_types") else record.type), status


def _refused(reference: str, field: str, code: str, typed: dict[str, str]) -> Any:
    found = advocate_following.view(current_organisation(), reference,
                                    actor=advocate_actor(current_user))
    if found is None:
        abort(404)
    return _submission_page(found, {field: str(FOLLOWING_ERRORS.get((field, code), code))},
                            400, typed)


@bp.post("/submissions/<reference>/information")
def add_information(reference: str) -> Any:
    form = FollowingForm()
    text = form.information.data or ""
    try:
        if not form.validate_on_submit():
            raise advocate_following.FollowingRefused({"information": "expired"})
        advocate_following.add_information(current_organisation(), reference,
                                           current_user._get_current_object(), text)
    except advocate_following.RecordNotFound:
        abort(404)
    except advocate_following.FollowingRefused as refused:
        field, code = next(iter(refused.errors.items()))
        return _refused(reference, field, code, {"information": text})
    flash(_("Your information is added to the record. The council can see it."))
    return redirect(url_for("advocates.submission", reference=reference))


@bp.post("/submissions/<reference>/withdraw")
def withdraw(reference: str) -> Any:
    form = FollowingForm()
    reason = form.reason.data or ""
    try:
        if not form.validate_on_submit():
            raise advocate_following.FollowingRefused({"reason": "expired"})
        advocate_following.withdraw_for_child(current_organisation(), reference,
                                              current_user._get_current_object(), reason)
    except advocate_following.RecordNotFound:
        abort(404)
    except advocate_following.FollowingRefused as refused:
        field, code = next(iter(refused.errors.items()))
        return _refused(reference, field, code, {"reason": reason})
    flash(_("The record is withdrawn, as the child asked."))
    return redirect(url_for("advocates.submission", reference=reference))


def _service_area(key: str | None) -> str:
    return label("service_areas", key) if key else _("Not given")
