"""The audit log for managers: one record's trail, the log by date range, and its export.

Read-only: no route here (or anywhere) edits or deletes an audit row. Reading the log is
itself audited ("audit.viewed", "audit.exported"), since the log shows what happened to
children's records.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask import (
    abort,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from ..domain.references import display
from ..domain.reporting_periods import LONDON, local_days_utc
from ..services import audit_log
from . import bp
from .access import MANAGER_ROLES, requires_role, staff_actor
from .report_forms import AuditRangeForm, default_range

AUDIT_PAGE_SIZE = 50
CASE_ENDPOINT = "officers.case"
# Days the log can be asked for: the service keeps no events from before 2000, and a last
# day like 9999-12-31 cannot even have its next midnight computed.
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAYS_AHEAD = 366


@bp.get("/records/<reference>/audit", endpoint="record_audit")
@requires_role(*MANAGER_ROLES)
def record_audit(reference: str) -> str:
    record = audit_log.find_record(reference)
    if record is None:
        abort(404)
    entries = audit_log.record_trail(record)
    audit_log.note_viewed(staff_actor(current_user), record)
    reference_display = display(record.reference)
    case_link = url_for(CASE_ENDPOINT, reference=record.reference)
    return render_template(
        "officers/audit_record.html",
        heading=_("Audit trail of %(reference)s", reference=reference_display),
        reference=reference_display, entries=entries, case_link=case_link)


@bp.get("/audit", endpoint="audit_log")
@requires_role(*MANAGER_ROLES)
def audit_log_page() -> str:
    form, first, last, messages = _range_form()
    start, end = local_days_utc(first, last)
    result = audit_log.events_page(start, end, page=request.args.get("page", 1, type=int),
                                   page_size=AUDIT_PAGE_SIZE)
    audit_log.note_viewed(staff_actor(current_user), **{
        "from": first.isoformat(), "to": last.isoformat(), "page": result.page})
    return render_template(
        "officers/audit_log.html", heading=_("Audit log"), form=form, first=first, last=last,
        messages=messages, result=result, page_url=_page_url)


@bp.get("/audit/export.csv", endpoint="audit_export")
@requires_role(*MANAGER_ROLES)
def audit_export() -> Response:
    _form, first, last, messages = _range_form()
    if messages:
        # The log page says what was wrong; a file for other days would mislead.
        return redirect(url_for("officers.audit_log", **request.args))
    start, end = local_days_utc(first, last)
    audit_log.note_exported(staff_actor(current_user), start, end, **{
        "from": first.isoformat(), "to": last.isoformat()})
    lines = audit_log.export_lines(start, end, headings=(
        _("When (UK time)"), _("Actor"), _("Staff name"), _("Action"), _("Reference"),
        _("Before"), _("After")))
    filename = f"audit-{first.isoformat()}-to-{last.isoformat()}.csv"
    return Response(stream_with_context(lines), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _range_form() -> tuple[AuditRangeForm, date, date, list[str]]:
    """The form as asked (what was typed is kept), and the days to show."""
    today = datetime.now(LONDON).date()
    first, last = default_range(today)
    form = AuditRangeForm(formdata=request.args or None, starts=first, ends=last)
    chosen_first, chosen_last, messages = form.chosen_range(today)
    if not messages and (chosen_first < EARLIEST_DAY
                         or chosen_last > today + timedelta(days=LATEST_DAYS_AHEAD)):
        messages = [_("Choose days from 1 January 2000 to one year from today.")]
        chosen_first, chosen_last = first, last
    return form, chosen_first, chosen_last, messages


def _page_url(page: int) -> str:
    args: dict[str, Any] = {key: value for key, value in request.args.items() if value}
    args["page"] = page
    return url_for("officers.audit_log", **args)
