"""The monthly scorecard for managers and the annual Regulation 13 report as files.

``flask reports scorecard --month YYYY-MM`` puts the month's figures by service area in
one email to ``MANAGERS_EMAIL`` through the outbox (once per month: its idempotency key
names it). ``flask reports annual --year YYYY`` writes the financial year's report tables
as one printable HTML document and a CSV per table. Both are counts only: no record, no
person, no words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import current_app
from sqlalchemy import and_, case, func, select

from ..domain.reporting_periods import Period
from ..extensions import db
from ..models import OutboxMessage, Representation
from ..outbox.enqueue import enqueue
from ..taxonomy import keys, label
from . import reports
from .audit import record_event
from .report_tables import Window

R = Representation
SCORECARD_KIND = "scorecard"


@dataclass(frozen=True)
class AreaFigures:
    """One service area's month."""

    area: str
    received: int
    complaints: int
    compliments: int
    answered: int
    answered_in_time: int


def area_figures(period: Period, *, nation: str, today: date) -> list[AreaFigures]:
    """Records received in the month, by service area (grouped in SQL); a stage 1 answer
    is in time on or before the deadline in force (the extended one once extended)."""
    window = Window(period, nation=nation, today=today)
    due = case((R.stage1_extended.is_(True), R.stage1_extended_due), else_=R.stage1_due)
    answered = and_(R.type == "complaint", R.stage1_responded_on.is_not(None))
    query = (select(R.service_area, func.count(),
                    func.sum(case((R.type == "complaint", 1), else_=0)),
                    func.sum(case((R.type == "compliment", 1), else_=0)),
                    func.sum(case((answered, 1), else_=0)),
                    func.sum(case((and_(answered, R.stage1_responded_on <= due), 1),
                                  else_=0)))
             .where(*window.where(R.received_at >= window.split))
             .group_by(R.service_area))
    found = {area: AreaFigures(area or "not_given", *(int(value or 0) for value in values))
             for area, *values in db.session.execute(query)}
    ordered = [key for key in keys("service_areas") if key in found]
    return [found[key] for key in ordered] + [
        figures for key, figures in found.items() if key not in ordered]


def scorecard_text(period: Period, figures: list[AreaFigures]) -> str:
    council = current_app.config["COUNCIL_NAME"]
    header = (f"{'Service area':<34}{'Received':>9}{'Complaints':>11}{'Compliments':>12}"
              f"{'Stage 1 answered':>17}{'in time':>8}")
    lines = [f"Complaints scorecard for {council}: {period.label}", "",
             "Records received in the month, by service area (duplicates left out).", "",
             header, "-" * len(header)]
    for row in figures:
        name = (label("service_areas", row.area) if row.area in keys("service_areas")
                else "Not given")
        in_time = (f"{100 * row.answered_in_time // row.answered}%" if row.answered
                   else "-")
        lines.append(f"{name.split(' - ')[0][:33]:<34}{row.received:>9}{row.complaints:>11}"
                     f"{row.compliments:>12}{row.answered:>17}{in_time:>8}")
    total = sum(row.received for row in figures)
    lines += ["-" * len(header), f"{'All':<34}{total:>9}", "",
              "The full report, with the month before beside each figure, is at "
              "/officers/reports."]
    return "\n".join(lines) + "\n"


def queue_scorecard(period: Period, *, actor: str, today: date) -> bool:
    """Queue the month's email once; False when it was queued before."""
    key = f"service:{SCORECARD_KIND}:{period.slug}"
    if db.session.scalar(select(OutboxMessage.id).where(
            OutboxMessage.idempotency_key == key)) is not None:
        return False
    figures = area_figures(period, nation=current_app.config["NATION"], today=today)
    enqueue(SCORECARD_KIND, None, {"subject": f"Complaints scorecard: {period.label}",
                                   "text": scorecard_text(period, figures)},
            key_suffix=period.slug)
    record_event(actor, "report.scorecard_queued", after={"month": period.slug})
    db.session.commit()
    return True


def write_annual_report(period: Period, folder: Path, *, actor: str, today: date
                        ) -> list[Path]:
    """The year's report as ``report-<slug>.html`` (printable, standalone) and one CSV per
    table; returns the files written."""
    report = reports.build_report(period, nation=current_app.config["NATION"], today=today)
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"report-{period.slug}.html"
    # Rendered outside any request: no page context (no visitor, no session).
    page.write_text(current_app.jinja_env.get_template("reports/annual.html").render(
        report=report, council=current_app.config["COUNCIL_NAME"]), encoding="utf-8")
    written = [page]
    for table in report.tables:
        path = folder / f"{table.name}-{period.slug}.csv"
        path.write_text("".join(reports.table_csv(
            table, period, headings=("Row", "Key", "Unit", "Difference"))), encoding="utf-8")
        written.append(path)
    record_event(actor, "report.annual_written", after={
        "period": period.slug, "folder": str(folder.resolve()), "files": len(written)})
    db.session.commit()
    return written
