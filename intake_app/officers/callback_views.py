"""A callback request (``/officers/callbacks/<id>``): a child asked to talk to a person.

The page shows the deadline, how and when it is safe to reach the child, and the
conversation; the number is shown only on a click (audited, like a record's contact
details). Officers record each try: "called" and "closed" close the request and it
leaves the top of the queue; "no answer" keeps it open with the try counted. Opening the
page and every outcome are audited.
"""

from __future__ import annotations

from datetime import datetime

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from ..domain.calendar import date_in_words
from ..domain.rag import rag
from ..domain.references import display
from ..models import CallbackRequest
from ..services import callbacks
from ..services.casework import Officer, local_today
from ..staff_labels import CHANNEL_NAMES, CONTACT_TIME_NAMES
from . import bp
from .access import CASEWORK_ROLES, requires_role, staff_actor
from .callback_forms import OUTCOME_NAMES, OutcomeForm, RevealPhoneForm
from .queue_views import rag_label

METHOD_NAMES = {
    "call": _l("Phone call"), "text": _l("Text message"),
    "call_or_text": _l("Phone call or text message"),
    "none": _l("No way to reach them: they were given the council's number and Childline"),
}
OUTCOME_DONE = {"called": _l("Spoke to them"), "no_answer": _l("No answer"),
                "closed": _l("Closed without speaking to them")}


def _me() -> Officer:
    return Officer(current_user.id, staff_actor(current_user))


def _callback_or_404(callback_id: int) -> CallbackRequest:
    callback = callbacks.find_callback(callback_id)
    if callback is None:
        abort(404)
    return callback


def _local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return format_datetime(moment.astimezone(callbacks.LONDON), "EEE d MMM y HH:mm",
                           rebase=False)


def _render(callback: CallbackRequest, *, form: OutcomeForm | None = None,
            phone: str | None = None, shown: bool = False, status: int = 200) -> Response:
    file = callbacks.load(callback)
    due_rag = rag(callback.due_on, today=local_today(), paused=False,
                  nation=current_app.config["NATION"])
    response = current_app.make_response((render_template(
        "officers/callback.html", heading=_("Callback request %(id)d", id=callback.id),
        file=file, due_rag=due_rag, rag_label=rag_label, day=date_in_words, local=_local,
        outcome_form=form or OutcomeForm(formdata=None, prefix="outcome"),
        reveal_form=RevealPhoneForm(formdata=None, prefix="reveal"), phone=phone,
        shown=shown, method_names=METHOD_NAMES, outcome_done=OUTCOME_DONE,
        outcome_names=OUTCOME_NAMES, channel_names=CHANNEL_NAMES,
        time_names=CONTACT_TIME_NAMES, reference_display=display), status))
    if shown:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/callbacks/<int:callback_id>")
@requires_role(*CASEWORK_ROLES)
def callback(callback_id: int) -> Response:
    request_ = _callback_or_404(callback_id)
    callbacks.callback_viewed(request_, _me())
    return _render(request_)


@bp.post("/callbacks/<int:callback_id>/show-number")
@requires_role(*CASEWORK_ROLES)
def reveal_callback_phone(callback_id: int) -> Response:
    request_ = _callback_or_404(callback_id)
    if not RevealPhoneForm(prefix="reveal").validate_on_submit():
        abort(400)
    phone = callbacks.reveal_phone(request_, _me())
    return _render(request_, phone=phone, shown=True)


@bp.post("/callbacks/<int:callback_id>/outcome")
@requires_role(*CASEWORK_ROLES)
def record_callback_outcome(callback_id: int) -> Response:
    request_ = _callback_or_404(callback_id)
    form = OutcomeForm(prefix="outcome")
    if form.validate_on_submit():
        try:
            callbacks.record_outcome(request_, _me(), outcome=form.outcome.data,
                                     note=form.note.data or "")
        except callbacks.CallbackRefused as refused:
            for name, error in refused.errors.items():
                field = getattr(form, name, None)
                (field.errors if field is not None else form.form_errors).append(error)
        else:
            if request_.status == "open":
                flash(_("The try is recorded. The request stays open at the top of the "
                        "queue."))
                return redirect(url_for("officers.callback", callback_id=request_.id))
            flash(_("Callback request %(id)d is closed.", id=request_.id))
            return redirect(url_for("officers.queue"))
    callbacks.callback_viewed(request_, _me())
    return _render(request_, form=form, status=400)
