"""The organisation's work: its referrals and the records its advocates made.

Every record is found through the signed-in advocate's organisation, so another
organisation's reference answers 404 like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from flask import abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from ..domain import references
from ..services import advocates
from ..taxonomy import keys, label
from . import bp
from .access import advocate_actor, current_organisation
from .forms import CHOICE_LABELS


@bp.get("/")
def home() -> Any:
    organisation = current_organisation()
    return render_template("advocates/home.html", heading=_("Your organisation's work"),
                           organisation=organisation,
                           submissions=advocates.submissions(organisation),
                           referrals=advocates.referrals(organisation),
                           service_area_label=_service_area,
                           display_reference=references.display)


@bp.get("/referrals/<reference>")
def referral(reference: str) -> Any:
    found = advocates.view_referral(current_organisation(), reference,
                                    actor=advocate_actor(current_user))
    if found is None:
        abort(404)
    return render_template("advocates/referral.html",
                           heading=_("Referral %(reference)s", reference=found.reference_display),
                           referral=found, service_area_label=_service_area)


@bp.get("/submissions/<reference>")
def submission(reference: str) -> Any:
    found = advocates.view_submission(current_organisation(), reference,
                                      actor=advocate_actor(current_user))
    if found is None:
        abort(404)
    return render_template(
        "advocates/submission.html",
        heading=_("Record %(reference)s", reference=references.display(found.record.reference)),
        found=found, record=found.record, details=found.details,
        service_area_label=_service_area, labels=CHOICE_LABELS,
        type_label=label("representation_types", found.record.type)
        if found.record.type in keys("representation_types") else found.record.type)


def _service_area(key: str | None) -> str:
    return label("service_areas", key) if key else _("Not given")
