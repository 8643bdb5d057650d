"""The case view (``/officers/records/<reference>``) and every officer action on a record.

Each action is a POST from a form on the case view: valid input goes to one service call
and back to the case view with a flash (POST-redirect-GET); invalid input, or a refusal
because of the record's state, shows the case view again with what was typed and the
message beside the field. Opening the page is audited; so is revealing contact details,
which are shown in that one response and never kept in the session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..domain.calendar import date_in_words
from ..domain.references import display
from ..models import Representation
from ..services import (
    case_deadlines,
    case_file,
    casework,
    complaint_stages,
    duplicates,
    triage_corrections,
)
from ..staff_labels import CHANNEL_NAMES, CONTACT_TIME_NAMES
from ..taxonomy import label, taxonomy
from . import bp
from .access import CASEWORK_ROLES, requires_role, staff_actor
from .case_forms import ACTION_FORMS, AssignForm

# The action whose form was refused, and that form (bound to what was typed).
Failed = tuple[str, FlaskForm]


def _me() -> casework.Officer:
    return casework.Officer(current_user.id, staff_actor(current_user))


def _record_or_404(reference: str) -> Representation:
    record = casework.find_record(reference)
    if record is None:
        abort(404)
    return record


def _defaults(name: str, record: Representation) -> dict[str, Any]:
    """What each form shows before anything is typed: the record as it is."""
    now = casework.now().astimezone(casework.LOCAL_TIME)
    if name == "correct_triage":
        return {key: ("" if value is None else value)
                for key, value in triage_corrections.current_choice(record).items()}
    if name == "assign":
        return {"assignee": str(record.assigned_to_id or "")}
    if name == "record_safeguarding_handling":
        return {"handled_by": record.safeguarding_handled_by or "",
                "handled_on": now.date(), "handled_time": now.time().replace(second=0,
                                                                            microsecond=0)}
    if name == "pause_clock":
        return {"paused_on": now.date()}
    if name == "resume_clock":
        return {"resumed_on": now.date()}
    if name in ("pause_stage", "resume_stage", "start_stage3", "finish_stage",
                "record_panel_dates"):
        field = {"pause_stage": "paused_on", "resume_stage": "resumed_on",
                 "start_stage3": "requested_on", "finish_stage": "finished_on",
                 "record_panel_dates": "panel_met_on"}[name]
        return {field: now.date()}
    if name == "decide_procedure":
        return {"sufficient_interest": record.sufficient_interest or "yes",
                "procedure": record.procedure or "statutory",
                "reason_for_person": record.decision_reason_for_person or ""}
    return {}


def _prepare(form: FlaskForm) -> FlaskForm:
    if isinstance(form, AssignForm):
        form.set_staff([(user.id, user.name) for user in casework.assignable_staff(CASEWORK_ROLES)])
    return form


def _forms(record: Representation, failed: Failed | None) -> dict[str, FlaskForm]:
    forms = {}
    for name, form_class in ACTION_FORMS.items():
        if failed is not None and failed[0] == name:
            forms[name] = failed[1]
        else:
            forms[name] = _prepare(form_class(formdata=None, prefix=name,
                                              data=_defaults(name, record)))
    return forms


# How each reply preference reads on the page (the keys are the Draft's).
AGREED_NAMES = {"agreed": _l("They agreed"), "not_asked": _l("Not asked yet"),
                "did_not_agree": _l("They did not agree")}
REPLY_NAMES = {"sms": _l("Text message"), "email": _l("Email"), "phone": _l("Phone call"),
               "letter": _l("Letter"), "none": _l("No reply wanted")}


def _local(moment: datetime | None) -> str:
    """A moment in UK time, "2 Jul 2026 00:30": the queue's date style, and month names
    from Babel rather than the process locale."""
    if moment is None:
        return ""
    return format_datetime(moment.astimezone(casework.LOCAL_TIME), "d MMM y HH:mm",
                           rebase=False)


def _term(section: str, key: str | None) -> str:
    """A taxonomy key's label, or the key itself when the council has its own value."""
    if not key:
        return _("Not set")
    return label(section, key) if key in taxonomy()[section] else key


def _render(record: Representation, *, failed: Failed | None = None,
            contact: dict[str, str] | None = None, status: int = 200) -> Response:
    heading = _("Record %(reference)s", reference=display(record.reference))
    show_audit = current_user.role == "manager"
    response = current_app.make_response((render_template(
        "officers/case.html", heading=heading, case=case_file.load(record),
        forms=_forms(record, failed), failed=failed[0] if failed else None,
        contact=contact, show_audit=show_audit, day=date_in_words, local=_local, term=_term,
        channel_names=CHANNEL_NAMES, reply_names=REPLY_NAMES, agreed_names=AGREED_NAMES,
        time_names=CONTACT_TIME_NAMES, reference_display=display),
        status))
    if contact is not None:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/records/<reference>")
@requires_role(*CASEWORK_ROLES)
def case(reference: str) -> Response:
    record = _record_or_404(reference)
    casework.record_viewed(record, _me())
    return _render(record)


def _act(reference: str, name: str,
         perform: Callable[[Representation, Any], str]) -> Response:
    """Validate the action's form, perform it, and go back to the case view; on bad input
    or a refusal show the case view again with the form open and the message."""
    record = _record_or_404(reference)
    form = _prepare(ACTION_FORMS[name](prefix=name))
    if form.validate_on_submit():
        try:
            message = perform(record, form)
        except casework.CaseworkRefused as refused:
            for field_name, error in refused.errors.items():
                field = getattr(form, field_name, None)
                (field.errors if field is not None else form.form_errors).append(error)
        else:
            flash(message)
            return redirect(url_for("officers.case", reference=record.reference))
    casework.record_viewed(record, _me())
    return _render(record, failed=(name, form), status=400)


@bp.post("/records/<reference>/show-contact")
@requires_role(*CASEWORK_ROLES)
def reveal_contact(reference: str) -> Response:
    record = _record_or_404(reference)
    form = ACTION_FORMS["reveal_contact"](prefix="reveal_contact")
    if not form.validate_on_submit():
        abort(400)
    contact = casework.reveal_contact(record, _me())
    return _render(record, contact=contact)


@bp.post("/records/<reference>/correct-triage")
@requires_role(*CASEWORK_ROLES)
def correct_triage(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        choice = triage_corrections.TriageChoice(
            type=form.type.data, primary_category=form.primary_category.data or None,
            secondary_categories=tuple(form.secondary_categories.data),
            safeguarding_kinds=tuple(form.safeguarding_kinds.data),
            procedure=form.procedure.data, priority=form.priority.data,
            service_area=form.service_area.data or None)
        flagged_before = record.safeguarding_flag
        triage_corrections.correct_triage(record, _me(), choice)
        if record.safeguarding_flag and not flagged_before:
            return _("Triage corrected. An urgent safeguarding alert has been sent to the "
                     "duty team.")
        return _("Triage corrected.")

    return _act(reference, "correct_triage", perform)


@bp.post("/records/<reference>/assign")
@requires_role(*CASEWORK_ROLES)
def assign(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        if form.to_me.data:
            assignee = current_user.id
        else:
            assignee = int(form.assignee.data) if form.assignee.data else None
        casework.assign(record, _me(), assignee, roles=CASEWORK_ROLES)
        if assignee is None:
            return _("The record is now unassigned.")
        return _("The record is assigned to %(name)s.",
                 name=casework.staff_name(assignee))

    return _act(reference, "assign", perform)


@bp.post("/records/<reference>/notes")
@requires_role(*CASEWORK_ROLES)
def add_note(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        casework.add_note(record, _me(), form.body.data)
        return _("Note added.")

    return _act(reference, "add_note", perform)


@bp.post("/records/<reference>/safeguarding-handling")
@requires_role(*CASEWORK_ROLES)
def record_safeguarding_handling(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        casework.record_safeguarding_handling(
            record, _me(), handled_by=form.handled_by.data,
            handled_at=form.handled_at(casework.LOCAL_TIME), action=form.action.data)
        return _("How the safeguarding alert was handled is recorded.")

    return _act(reference, "record_safeguarding_handling", perform)


@bp.post("/records/<reference>/forward-now")
@requires_role(*CASEWORK_ROLES)
def forward_now(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        casework.forward_now(record, _me())
        return _("The case will be forwarded in the next few seconds.")

    return _act(reference, "forward_now", perform)


@bp.post("/records/<reference>/extend-deadline")
@requires_role(*CASEWORK_ROLES)
def extend_deadline(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        case_deadlines.extend_stage1(record, _me(), form.reason.data,
                                     reason_for_child=form.reason_for_child.data,
                                     agreed=form.agreed.data)
        return _("Stage 1 extended to %(due)s.", due=date_in_words(record.stage1_extended_due))

    return _act(reference, "extend_deadline", perform)


@bp.post("/records/<reference>/pause-clock")
@requires_role(*CASEWORK_ROLES)
def pause_clock(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        case_deadlines.pause_clock(record, _me(), paused_on=form.paused_on.data,
                                   reason=form.reason.data,
                                   reason_for_child=form.reason_for_child.data)
        return _("The clock is paused from %(day)s.", day=date_in_words(form.paused_on.data))

    return _act(reference, "pause_clock", perform)


@bp.post("/records/<reference>/resume-clock")
@requires_role(*CASEWORK_ROLES)
def resume_clock(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        days = case_deadlines.resume_clock(record, _me(),
                                           resumed_on=form.resumed_on.data)
        return _("The clock is running again. Stage 1 moved on by %(days)d working days, "
                 "to %(due)s.", days=days, due=date_in_words(record.stage1_due))

    return _act(reference, "resume_clock", perform)


@bp.post("/records/<reference>/procedure")
@requires_role(*CASEWORK_ROLES)
def decide_procedure(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        case_deadlines.decide_procedure(
            record, _me(), sufficient_interest=form.sufficient_interest.data,
            procedure=form.procedure.data, reason_for_person=form.reason_for_person.data)
        return _("Decision saved: %(procedure)s procedure.",
                 procedure=_term("procedures", record.procedure))

    return _act(reference, "decide_procedure", perform)


@bp.post("/records/<reference>/withdraw")
@requires_role(*CASEWORK_ROLES)
def withdraw(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        casework.withdraw(record, _me(), form.reason.data)
        return _("The record is marked as withdrawn.")

    return _act(reference, "withdraw", perform)


@bp.post("/records/<reference>/duplicate")
@requires_role(*CASEWORK_ROLES)
def mark_duplicate(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        original = duplicates.mark_duplicate(record, _me(), form.reference.data)
        return _("Linked as a duplicate of %(reference)s.",
                 reference=display(original.reference))

    return _act(reference, "mark_duplicate", perform)


@bp.post("/records/<reference>/not-duplicate")
@requires_role(*CASEWORK_ROLES)
def unlink_duplicate(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        original = duplicates.unlink_duplicate(record, _me())
        return _("The record is no longer linked as a duplicate of %(reference)s.",
                 reference=display(original.reference))

    return _act(reference, "unlink_duplicate", perform)


@bp.post("/records/<reference>/start-stage2")
@requires_role(*CASEWORK_ROLES)
def start_stage2(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        stage = complaint_stages.start_stage2(record, _me(), reason=form.reason.data)
        return _("Stage 2 started. It is due by %(due)s.", due=date_in_words(stage.due))

    return _act(reference, "start_stage2", perform)


@bp.post("/records/<reference>/decline-look-again")
@requires_role(*CASEWORK_ROLES)
def decline_look_again(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        complaint_stages.decline_look_again(record, _me(), reason=form.reason.data)
        return _("Recorded: stage 2 does not start. Contact the young person to explain.")

    return _act(reference, "decline_look_again", perform)


@bp.post("/records/<reference>/extend-stage2")
@requires_role(*CASEWORK_ROLES)
def extend_stage2(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        stage = complaint_stages.extend_stage2(
            record, _me(), reason=form.reason.data,
            reason_for_child=form.reason_for_child.data, agreed=form.agreed.data)
        return _("Stage 2 extended to %(due)s.", due=date_in_words(stage.due_in_force))

    return _act(reference, "extend_stage2", perform)


@bp.post("/records/<reference>/pause-stage")
@requires_role(*CASEWORK_ROLES)
def pause_stage(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        complaint_stages.pause_stage(record, _me(), stage_key=form.stage.data,
                                     paused_on=form.paused_on.data, reason=form.reason.data,
                                     reason_for_child=form.reason_for_child.data)
        return _("The stage clock is paused from %(day)s.",
                 day=date_in_words(form.paused_on.data))

    return _act(reference, "pause_stage", perform)


@bp.post("/records/<reference>/resume-stage")
@requires_role(*CASEWORK_ROLES)
def resume_stage(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        stage = complaint_stages.resume_stage(record, _me(), stage_key=form.stage.data,
                                              resumed_on=form.resumed_on.data)
        return _("The stage clock is running again, due by %(due)s.",
                 due=date_in_words(stage.due_in_force))

    return _act(reference, "resume_stage", perform)


@bp.post("/records/<reference>/stage2-people")
@requires_role(*CASEWORK_ROLES)
def record_stage2_people(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        complaint_stages.record_stage2_people(
            record, _me(), investigating_officer=form.investigating_officer.data or "",
            independent_person=form.independent_person.data or "")
        return _("Saved who is involved in stage 2.")

    return _act(reference, "record_stage2_people", perform)


@bp.post("/records/<reference>/start-stage3")
@requires_role(*CASEWORK_ROLES)
def start_stage3(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        stage = complaint_stages.start_stage3(record, _me(),
                                              requested_on=form.requested_on.data)
        return _("Stage 3 started. The panel meets by %(due)s.",
                 due=date_in_words(stage.due))

    return _act(reference, "start_stage3", perform)


@bp.post("/records/<reference>/finish-stage")
@requires_role(*CASEWORK_ROLES)
def finish_stage(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        complaint_stages.finish_stage(record, _me(), stage_key=form.stage.data,
                                      finished_on=form.finished_on.data)
        return _("The stage's response is recorded.")

    return _act(reference, "finish_stage", perform)


@bp.post("/records/<reference>/panel-dates")
@requires_role(*CASEWORK_ROLES)
def record_panel_dates(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        stage = complaint_stages.record_panel_dates(
            record, _me(), panel_met_on=form.panel_met_on.data,
            report_sent_on=form.report_sent_on.data)
        return _("The council's response is due by %(due)s.",
                 due=date_in_words(stage.response_due))

    return _act(reference, "record_panel_dates", perform)


@bp.post("/records/<reference>/extension-agreement")
@requires_role(*CASEWORK_ROLES)
def record_extension_agreement(reference: str) -> Response:
    def perform(record: Representation, form: Any) -> str:
        complaint_stages.record_extension_agreement(record, _me(), stage_key=form.stage.data,
                                                    agreed=form.agreed.data)
        return _("Their answer about the extension is saved.")

    return _act(reference, "record_extension_agreement", perform)
