"""A record's "after the answer" page (``/officers/records/<reference>/after``): what the
council did to put it right, the Ombudsman's enquiry and learning points (once the record
is closed). Opening it is audited as a view of the record; each form posts to its own
route and comes back here. Managers track learning actions at ``/officers/learning``."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..domain.references import display
from ..models import Representation
from ..services import aftercare, casework, learning
from ..taxonomy import label
from . import bp
from .access import CASEWORK_ROLES, MANAGER_ROLES, requires_role, staff_actor
from .aftercare_forms import DoneForm, LearningForm, OmbudsmanForm, ResolutionForm, pence

FORMS: dict[str, type[FlaskForm]] = {"resolution": ResolutionForm, "ombudsman": OmbudsmanForm,
                                     "learning": LearningForm}


def _me() -> casework.Officer:
    return casework.Officer(current_user.id, staff_actor(current_user))


def _record_or_404(reference: str) -> Representation:
    record = casework.find_record(reference)
    if record is None:
        abort(404)
    return record


def _render(record: Representation, forms: dict[str, FlaskForm], status: int = 200
            ) -> tuple[str, int]:
    return render_template(
        "officers/aftercare.html", heading=_("After the answer: %(reference)s",
                                             reference=display(record.reference)),
        record=record, aftercare=aftercare.aftercare_of(record), forms=forms,
        learning_actions=learning.actions_of(record), closed=learning.is_closed(record),
        staff_names={user.id: user.name for user in casework.assignable_staff(CASEWORK_ROLES)},
        term=lambda section, key: label(section, key) if key else "",
        money=lambda amount: f"£{amount / 100:,.2f}"), status


def _blank_forms(record: Representation) -> dict[str, FlaskForm]:
    enquiry = aftercare.aftercare_of(record).enquiry
    nation_default = aftercare.OMBUDSMAN_OF_NATION.get(current_app.config["NATION"], "lgsco")
    values: dict[str, Any] = {"ombudsman": nation_default}
    if enquiry is not None:
        values = {"ombudsman": enquiry.ombudsman, "received_on": enquiry.received_on,
                  "decision": enquiry.decision or "", "decided_on": enquiry.decided_on,
                  "remedy": enquiry.remedy or "",
                  "remedy_amount": (None if enquiry.remedy_amount_pence is None
                                    else enquiry.remedy_amount_pence / 100)}
    return {"resolution": ResolutionForm(prefix="resolution", formdata=None),
            "ombudsman": OmbudsmanForm(prefix="ombudsman", formdata=None, **values),
            "learning": _with_staff(LearningForm(prefix="learning", formdata=None))}


def _with_staff(form: FlaskForm) -> FlaskForm:
    if isinstance(form, LearningForm):
        form.set_staff([(user.id, user.name)
                        for user in casework.assignable_staff(CASEWORK_ROLES)])
    return form


@bp.get("/records/<reference>/after")
@requires_role(*CASEWORK_ROLES)
def aftercare_page(reference: str) -> tuple[str, int]:
    record = _record_or_404(reference)
    casework.record_viewed(record, _me())
    return _render(record, _blank_forms(record))


def _act(reference: str, name: str, perform: Any) -> Response | tuple[str, int]:
    record = _record_or_404(reference)
    form = _with_staff(FORMS[name](prefix=name))
    if form.validate_on_submit():
        try:
            message = perform(record, form)
        except casework.CaseworkRefused as refused:
            for field_name, error in refused.errors.items():
                getattr(form, field_name).errors = [*getattr(form, field_name).errors, error]
        else:
            flash(message)
            return redirect(url_for("officers.aftercare_page", reference=record.reference))
    return _render(record, _blank_forms(record) | {name: form}, status=400)


@bp.post("/records/<reference>/resolutions")
@requires_role(*CASEWORK_ROLES)
def record_resolution(reference: str) -> Response | tuple[str, int]:
    def perform(record: Representation, form: Any) -> str:
        aftercare.record_resolution(record, _me(), kind=form.kind.data,
                                    done_on=form.done_on.data,
                                    amount_pence=pence(form.amount.data),
                                    details=form.details.data or "")
        return _("Recorded what was done.")

    return _act(reference, "resolution", perform)


@bp.post("/records/<reference>/ombudsman")
@requires_role(*CASEWORK_ROLES)
def record_ombudsman(reference: str) -> Response | tuple[str, int]:
    def perform(record: Representation, form: Any) -> str:
        aftercare.record_ombudsman(record, _me(), ombudsman=form.ombudsman.data,
                                   received_on=form.received_on.data,
                                   decision=form.decision.data or None,
                                   decided_on=form.decided_on.data,
                                   remedy=form.remedy.data or "",
                                   remedy_amount_pence=pence(form.remedy_amount.data))
        return _("Saved the Ombudsman's enquiry.")

    return _act(reference, "ombudsman", perform)


@bp.post("/records/<reference>/learning")
@requires_role(*CASEWORK_ROLES)
def add_learning(reference: str) -> Response | tuple[str, int]:
    def perform(record: Representation, form: Any) -> str:
        learning.add_action(record, _me(), theme=form.theme.data, action=form.action.data,
                            owner_id=int(form.owner.data), due_on=form.due_on.data,
                            roles=CASEWORK_ROLES)
        return _("Added the learning point.")

    return _act(reference, "learning", perform)


@bp.get("/learning")
@requires_role(*MANAGER_ROLES)
def learning_page() -> str:
    today = casework.local_today()
    return render_template("officers/learning.html", heading=_("Learning actions"),
                           actions=learning.tracked(today=today), form=DoneForm(),
                           term=lambda section, key: label(section, key),
                           reference_display=display)


@bp.post("/learning/<int:action_id>/done")
@requires_role(*MANAGER_ROLES)
def learning_done(action_id: int) -> Response:
    if not DoneForm().validate_on_submit():
        abort(400)
    if learning.mark_done(action_id, _me()) is None:
        abort(404)
    flash(_("Marked done."))
    return redirect(url_for("officers.learning_page"))
