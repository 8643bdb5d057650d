"""Submitting for a child: the advocates' form, through the one submit path.

A refused form comes back with every answer as typed and a message by each question. The
confirmation shows the reference and the child's secret number once (only its hash is
kept), so the advocate can give them to the child.
"""

from __future__ import annotations

import uuid
from typing import Any

from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user

from ..domain import references
from ..i18n import language_name, supported_locales
from ..services import advocate_intake
from ..taxonomy import keys, label
from . import bp
from .access import current_organisation
from .forms import (
    AGE_BANDS,
    CHILD_REPLY_CHANNELS,
    CHILD_STATUSES,
    CONSENT_METHODS,
    PREFERRED_WAYS,
    REPLY_TARGETS,
    URGENCIES,
    ChildSubmissionForm,
    error_message,
)


def _parsed(form: ChildSubmissionForm) -> advocate_intake.ChildSubmission:
    return advocate_intake.ChildSubmission(
        child_name=form.child_name.data or "", age_band=form.age_band.data or "",
        child_status=form.child_status.data or "", council_team=form.council_team.data or "",
        language=form.language.data or "", interpreter=bool(form.interpreter.data),
        disability=form.disability.data or "", preferred_way=form.preferred_way.data or "",
        child_words=form.child_words.data or "",
        advocate_summary=form.advocate_summary.data or "",
        child_wants=form.child_wants.data or "", consent_method=form.consent_method.data or "",
        consent_given_on=form.consent_date(), sharing=form.sharing.data or "",
        replies_to=form.replies_to.data or "",
        child_reply_channel=form.child_reply_channel.data or "",
        child_phone=form.child_phone.data or "", child_email=form.child_email.data or "",
        declared_type=form.declared_type.data or "",
        categories=tuple(form.categories.data or ()),
        service_area=form.service_area.data or "", urgency=form.urgency.data or "",
        safeguarding_known=form.safeguarding_known.data or "",
        safeguarding_kinds=tuple(form.safeguarding_kinds.data or ()),
        submission_key=form.submission_key.data or None)


def _choices(section: str) -> dict[str, tuple[str, None]]:
    return {key: (label(section, key), None) for key in keys(section)}


def _page(form: ChildSubmissionForm, errors: dict[str, str], status: int = 200) -> Any:
    with_hints = {name: {key: (text, None) for key, text in options.items()}
                  for name, options in (("age_band", AGE_BANDS),
                                        ("child_status", CHILD_STATUSES),
                                        ("consent_method", CONSENT_METHODS),
                                        ("replies_to", REPLY_TARGETS),
                                        ("preferred_way", PREFERRED_WAYS),
                                        ("urgency", URGENCIES),
                                        ("child_reply_channel", CHILD_REPLY_CHANNELS))}
    return render_template(
        "advocates/submit.html", heading=_("Tell the council for a child"), form=form,
        errors=errors, options=with_hints, types=_choices("representation_types"),
        categories=_choices("complaint_categories"),
        safeguarding_kinds=_choices("safeguarding_kinds"), service_areas=_choices("service_areas"),
        languages={code: language_name(code) for code in supported_locales()},
        organisation=current_organisation()), status


@bp.route("/submit", methods=["GET", "POST"])
def submit_for_child() -> Any:
    form = ChildSubmissionForm()
    if not form.is_submitted():
        form.submission_key.data = uuid.uuid4().hex
        return _page(form, {})
    if not form.validate_on_submit():  # only the CSRF check: the service checks answers
        return _page(form, {"csrf_token": _("The form expired. Send it again.")}, 400)
    try:
        result = advocate_intake.submit_for_child(
            _parsed(form), advocate=current_user._get_current_object(),
            organisation=current_organisation())
    except advocate_intake.InvalidAdvocateSubmission as invalid:
        return _page(form, {field: error_message(field, code)
                            for field, code in invalid.errors.items()}, 400)
    return render_template("advocates/submitted.html", heading=_("Sent to the council"),
                           result=result, reference=references.display(result.reference))
