"""The representations report (``/officers/reports``) and each of its tables as a CSV.

Managers only. The figures are counts, never records, so the page is not a view of any
record and writes no audit event; the figures behind each count are in the queue.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from ..domain.charts import Bar, bar_chart
from ..domain.report_figures import PERCENT, POUNDS, Figure, Row, Table
from ..domain.reporting_periods import LONDON, Period, parse_period
from ..services import reports
from . import bp
from .access import MANAGER_ROLES, requires_role
from .report_forms import PeriodForm

PERIOD_PROBLEMS = {
    "unknown_kind": _l("Choose a financial year, a quarter or a month."),
    "bad_year": _l("Enter the year as four digits, from 2000 to this year, for example "
                   "2025."),
    "bad_quarter": _l("Choose a quarter, Q1 to Q4."),
    "bad_month": _l("Choose a month."),
    "not_started": _l("That period has not started yet."),
}


@bp.get("/reports", endpoint="reports")
@requires_role(*MANAGER_ROLES)
def reports_page() -> str:
    today = datetime.now(LONDON).date()
    choice = parse_period(request.args, today)
    period = choice.period
    messages = []
    if choice.problem:
        messages.append(_("%(problem)s Showing %(period)s instead.",
                          problem=PERIOD_PROBLEMS[choice.problem], period=period.label))
    form = PeriodForm(formdata=request.args if choice.problem else None,
                      **{"q": "1", "month": "1", **period.params()})
    report = reports.build_report(period, nation=current_app.config["NATION"], today=today)
    charts = {table.name: _chart(table, report) for table in report.tables if table.chart}
    return render_template(
        "officers/report.html", heading=_("Representations report: %(period)s",
                                          period=period.label),
        form=form, report=report, messages=messages, charts=charts,
        shown=_shown, change=_change, csv_url=_csv_url)


@bp.get("/reports/<table>.csv", endpoint="report_csv")
@requires_role(*MANAGER_ROLES)
def report_csv(table: str) -> Response:
    today = datetime.now(LONDON).date()
    choice = parse_period(request.args, today)
    if choice.problem:
        # The page says what was wrong; a file for another period would mislead.
        return redirect(url_for("officers.reports", **request.args))
    try:
        figures = reports.build_table(table, choice.period,
                                      nation=current_app.config["NATION"], today=today)
    except reports.UnknownTable:
        raise NotFound() from None
    lines = reports.table_csv(figures, choice.period, headings=(
        _("Row"), _("Key"), _("Unit"), _("Difference")))
    filename = f"{figures.name}-{choice.period.slug}.csv"
    return Response("".join(lines), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _csv_url(table: Table, period: Period) -> str:
    return url_for("officers.report_csv", table=table.name, **period.params())


def _shown(figure: Figure, unit: str) -> str:
    """A figure as the page prints it; a percentage with the counts it came from."""
    if figure.value is None:
        return _("No figure")
    if unit == PERCENT:
        return _("%(percent)s%% (%(part)d of %(whole)d)", percent=f"{figure.value:.1f}",
                 part=figure.part, whole=figure.whole)
    if unit == POUNDS:
        return f"£{figure.value:,.2f}"
    return f"{figure.value:g}" if isinstance(figure.value, float) else str(figure.value)


def _change(row: Row) -> str:
    difference = row.difference
    if difference is None:
        return _("No figure")
    if difference == 0:
        return _("No change")
    signed = f"{difference:+g}" if isinstance(difference, float) else f"{difference:+d}"
    if row.unit == PERCENT:
        return _("%(change)s points", change=signed)
    return signed


def _chart(table: Table, report: reports.Report) -> Markup | None:
    """The table as a bar chart, or None when every figure is zero (an empty chart says
    nothing the table does not)."""
    rows = table.bars
    if not any(row.current.value or row.previous.value for row in rows):
        return None
    current, previous = report.period.label, report.previous.label
    figures = "; ".join(
        _("%(name)s: %(now)s (%(before)s in %(previous)s)", name=row.short_label,
          now=row.current.value, before=row.previous.value, previous=previous)
        for row in rows)
    return Markup(bar_chart(
        chart_id=f"chart-{table.name}",
        title=_("%(table)s, %(period)s", table=table.title, period=current),
        description=_("Bar chart. %(figures)s. The same figures are in the table.",
                      figures=figures),
        key=(_("Thick bars: %(period)s.", period=current),
             _("Thin bars: %(period)s.", period=previous)),
        bars=[Bar(row.short_label, row.current.value or 0, row.previous.value or 0)
              for row in rows]))
