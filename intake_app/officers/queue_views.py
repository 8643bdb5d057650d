"""The intake queue: what needs an officer, most pressing first.

Each page view is audited once with the filters used (the records on it are audited when
opened). A reference typed into the search goes straight to that record's case page; what
was searched for is audited only as a reference, since free text typed into the box could
be a child's name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from ..domain.rag import AMBER, GREEN, PAUSED, RED, RESPONDED, STOPPED, Rag
from ..services import queue
from ..staff_labels import CHANNEL_NAMES
from . import bp
from .access import CASEWORK_ROLES, requires_role, staff_actor
from .queue_forms import QueueFilterForm, choice_name

CASE_ENDPOINT = "officers.case"


@bp.get("/queue", endpoint="queue")
@requires_role(*CASEWORK_ROLES)
def queue_page() -> Response | str:
    form = QueueFilterForm(formdata=request.args)
    filters, messages = form.filters()
    typed = (form.reference.data or "").strip()
    if typed:
        found = queue.find_reference(typed)
        if found is None:
            messages.append(_("No record has the reference “%(reference)s”. Check it and try "
                              "again: references look like ABCD-EFGH.", reference=typed))
            # No such record: an empty list under the message.
            filters = queue.QueueFilters(reference=queue.searched_reference(typed))
        else:
            return redirect(url_for(CASE_ENDPOINT, reference=found))
    result = queue.queue_page(
        filters, staff_id=current_user.id, page=request.args.get("page", 1, type=int),
        page_size=current_app.config["QUEUE_PAGE_SIZE"], nation=current_app.config["NATION"])
    queue.note_viewed(staff_actor(current_user), filters, page=result.page)
    return render_template(
        "officers/queue.html", heading=_("Intake queue"), form=form, result=result,
        messages=messages, page_url=_page_url, choice_name=choice_name, rag_label=rag_label,
        short_date=short_date,
        alerts_url=url_for("officers.queue", status=queue.UNHANDLED_ALERTS),
        channel_names=CHANNEL_NAMES)


def rag_label(status: Rag) -> str:
    """The RAG in words, so colour is never the only sign."""
    left = status.working_days_left
    if status.status == GREEN:
        return _("Green: %(days)s", days=_days_left(left))
    if status.status == AMBER:
        return _("Amber: %(days)s", days=_("due today") if left == 0 else _days_left(left))
    if status.status == RED:
        return _("Red: %(days)s", days=ngettext("overdue by %(num)d working day",
                                                "overdue by %(num)d working days", -left))
    if status.status == RESPONDED:
        return _("Responded")
    if status.status == STOPPED:
        return _("Stopped: not open")
    return _("Paused") if status.status == PAUSED else _("No deadline")


def _days_left(left: int) -> str:
    return ngettext("%(num)d working day left", "%(num)d working days left", left)


def short_date(day: date) -> str:
    """"2 Mar 2026": short enough for a table column, with no day/month order to misread."""
    return format_date(day, "d MMM y")


def _page_url(page: int) -> str:
    """This queue's address at another page, keeping every filter."""
    args: dict[str, Any] = {key: value for key, value in request.args.items() if value}
    args["page"] = page
    return url_for("officers.queue", **args)
