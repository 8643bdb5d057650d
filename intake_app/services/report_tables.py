"""The SQL behind each report table: counts grouped in the database, never rows loaded.

Every query covers the chosen period and the one before it in a single pass over the
``received_at`` index (the previous period always ends where the chosen one starts) and
labels each record "current" or "previous". Only two figures need records one by one,
and only a few of them: safeguarding handling times (flagged records) and stage 1
working days (responded complaints).

Who is counted, everywhere: records received in the period by UK local date. A record
linked as a duplicate of another is left out (the original is counted, so one matter is
counted once). Withdrawn records stay in: they were received, and they show as
"Withdrawn" among the outcomes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, Text, and_, case, cast, func, literal, or_, select

from ..domain.report_figures import (
    COUNT,
    HOURS,
    PERCENT,
    WORKING_DAYS,
    Figure,
    Row,
    Table,
    WorkingDayIndex,
    largest,
    mean,
    middle,
    short_label,
)
from ..domain.reporting_periods import LONDON, Period
from ..extensions import db
from ..models import Representation
from ..models.types import UTCDateTime
from ..taxonomy import keys, label

R = Representation
CURRENT, PREVIOUS = "current", "previous"
NOT_RECORDED = None
# Young people helped by an advocate: an advocate wrote for them (role "advocate"), or
# they wrote themselves and asked for one (advocate "yes" or "help me choose").
WITH_ADVOCATE = "with_advocate"
YOUNG_PEOPLE = ("young_person", "care_leaver")
ADVOCATE_ASKED = ("yes", "help_me_choose")
CLOSED_CASE_STATUSES = ("resolved_informally", "closed")

Counts = dict[str, Counter[Any]]


class Window:
    """The chosen period and the previous one, as one range of ``received_at``."""

    def __init__(self, period: Period, *, nation: str, today: date) -> None:
        self.period, self.previous = period, period.previous()
        self.start = self.previous.utc_bounds()[0]
        self.split, self.end = period.utc_bounds()
        self.nation, self.today = nation, today
        self.which = case((R.received_at >= self.split, CURRENT), else_=PREVIOUS)

    def where(self, *conditions: ColumnElement[bool]) -> list[ColumnElement[bool]]:
        return [R.received_at >= self.start, R.received_at < self.end,
                R.duplicate_of_id.is_(None), *conditions]

    def counts(self, column: ColumnElement[Any], *conditions: ColumnElement[bool]) -> Counts:
        """How many records have each value of ``column``, in each period."""
        query = (select(self.which, column, func.count()).where(*self.where(*conditions))
                 .group_by(self.which, column))
        result: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
        for which, value, number in db.session.execute(query):
            result[which][value] += number
        return result


def _figures(counts: Counts, key: object) -> tuple[Figure, Figure]:
    return Figure(counts[CURRENT][key]), Figure(counts[PREVIOUS][key])


def _count_rows(counts: Counts, labels: Sequence[tuple[str, str]], *, missing: str,
                total: str | None) -> tuple[Row, ...]:
    """One row per known key (zero or not), then any other value found, then records with
    no value; the total last. Values no longer in the taxonomy are shown, not dropped."""
    known = [key for key, _label in labels]
    found = (set(counts[CURRENT]) | set(counts[PREVIOUS])) - set(known) - {NOT_RECORDED}
    named = list(labels) + [(key, key) for key in sorted(found)]
    rows = [Row(key, text, *_figures(counts, key), short_label=short_label(text))
            for key, text in named]
    if counts[CURRENT][NOT_RECORDED] or counts[PREVIOUS][NOT_RECORDED]:
        rows.append(Row("not_recorded", missing, *_figures(counts, NOT_RECORDED),
                        short_label=missing))
    if total is not None:
        rows.append(Row("total", total, Figure(sum(counts[CURRENT].values())),
                        Figure(sum(counts[PREVIOUS].values())), is_total=True))
    return tuple(rows)


def _taxonomy_labels(section: str, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    return [(key, label(section, key)) for key in keys(section) if key not in skip]


def types_table(window: Window) -> Table:
    counts = window.counts(R.type)
    return Table("types", _("Representations by type"),
                 _("Every complaint, compliment, comment and question received."),
                 _count_rows(counts, _taxonomy_labels("representation_types"),
                             missing=_("Not recorded"), total=_("All representations")))


def _complaint_category_counts(window: Window) -> tuple[Counts, Counts]:
    """(primary only, all categories) from one query grouped by primary and secondaries."""
    query = (select(window.which, R.primary_category, cast(R.secondary_categories, Text),
                    func.count())
             .where(*window.where(R.type == "complaint"))
             .group_by(window.which, R.primary_category, cast(R.secondary_categories, Text)))
    primary: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    every: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    for which, category, secondary_text, number in db.session.execute(query):
        primary[which][category] += number
        secondary = json.loads(secondary_text) if secondary_text else None
        for each in {category, *(secondary or ())} - {None}:
            every[which][each] += number
        if category is None and not secondary:
            every[which][NOT_RECORDED] += number
    return primary, every


def complaint_categories_table(window: Window) -> Table:
    primary, _every = _complaint_category_counts(window)
    return Table("complaint_categories", _("Complaints by category (primary only)"),
                 _("Each complaint counted once, under its main category, so the rows add "
                   "up to the number of complaints."),
                 _count_rows(primary, _taxonomy_labels("complaint_categories"),
                             missing=_("No category"), total=_("All complaints")))


def complaint_categories_all_table(window: Window) -> Table:
    primary, every = _complaint_category_counts(window)
    rows = _count_rows(every, _taxonomy_labels("complaint_categories"),
                       missing=_("No category"), total=None)
    complaints = Row("complaints", _("Complaints (each counted once)"),
                     Figure(sum(primary[CURRENT].values())),
                     Figure(sum(primary[PREVIOUS].values())), is_total=True)
    return Table("complaint_categories_all", _("Complaints by category (all categories)"),
                 _("Each complaint counted under its main category and under every other "
                   "category it is also about, so one complaint about delay and "
                   "communication counts in both rows and the rows add up to more than the "
                   "number of complaints."),
                 (*rows, complaints))


def compliment_categories_table(window: Window) -> Table:
    counts = window.counts(R.primary_category, R.type == "compliment")
    return Table("compliment_categories", _("Compliments by category"),
                 _("Each compliment counted once, under its main category."),
                 _count_rows(counts, _taxonomy_labels("compliment_categories"),
                             missing=_("No category"), total=_("All compliments")))


def service_areas_table(window: Window) -> Table:
    counts = window.counts(R.service_area, R.type == "complaint")
    return Table("service_areas", _("Complaints by service area"),
                 _("The service the complaint is about, as the person or an officer chose "
                   "it."),
                 _count_rows(counts, _taxonomy_labels("service_areas"),
                             missing=_("Not given"), total=_("All complaints")))


def complainant_roles_table(window: Window) -> Table:
    with_advocate = or_(
        R.complainant_role == "advocate",
        and_(R.complainant_role.in_(YOUNG_PEOPLE), R.advocate_requested.in_(ADVOCATE_ASKED)))
    role = case((with_advocate, WITH_ADVOCATE), else_=R.complainant_role)
    counts = window.counts(role, R.type == "complaint")
    labels = _taxonomy_labels("complainant_roles", skip=("advocate",))
    labels.insert(len(YOUNG_PEOPLE), (WITH_ADVOCATE, _(
        "Child or young person, with an advocate")))
    return Table("complainant_roles", _("Complaints by who made them"),
                 _("\"With an advocate\" means an advocate wrote for the child, or a child "
                   "or care leaver wrote and asked for an advocate; those complaints are "
                   "not counted again under \"for themselves\"."),
                 _count_rows(counts, labels, missing=_("Not recorded"),
                             total=_("All complaints")))


def _channel_labels() -> list[tuple[str, str]]:
    return [("web", _("Web form")), ("sms", _("Text message")), ("chat", _("Chat")),
            ("advocate", _("Advocate's referral")), ("api", _("Partner app (API)"))]


def channels_table(window: Window) -> Table:
    counts = window.counts(R.channel, R.type == "complaint")
    return Table("channels", _("Complaints by how they reached us"),
                 _("The channel the complaint came in by."),
                 _count_rows(counts, _channel_labels(), missing=_("Not recorded"),
                             total=_("All complaints")))


def procedures_table(window: Window) -> Table:
    counts = window.counts(R.procedure, R.type == "complaint")
    return Table("procedures", _("Complaints by procedure"),
                 _("The statutory children's procedure or the council's corporate one, as "
                   "triage suggested or an officer decided."),
                 _count_rows(counts, _taxonomy_labels("procedures"),
                             missing=_("Not decided"), total=_("All complaints")))


def advocate_requests_table(window: Window) -> Table:
    counts = window.counts(R.advocate_requested, R.type == "complaint")
    labels = [("yes", _("Yes, from a named provider")),
              ("help_me_choose", _("Yes, and wanted help to choose")), ("no", _("No"))]
    return Table("advocate_requests", _("Complaints where an advocate was requested"),
                 _("Whether the person asked for an independent advocate when they got in "
                   "touch."),
                 _count_rows(counts, labels, missing=_("Not recorded"),
                             total=_("All complaints")))


def outcomes_table(window: Window) -> Table:
    outcome = func.coalesce(R.outcome, case((R.withdrawn_at.is_not(None), "withdrawn")))
    counts = window.counts(outcome, R.type == "complaint")
    return Table("outcomes", _("Complaint outcomes"),
                 _("The outcome the case store reported; a complaint withdrawn here before "
                   "an outcome counts as withdrawn. Complaints without an outcome are still "
                   "being dealt with."),
                 _count_rows(counts, _taxonomy_labels("outcomes"),
                             missing=_("No outcome yet"), total=_("All complaints")))


def safeguarding_table(window: Window) -> Table:
    query = (select(window.which, R.received_at, R.safeguarding_handled_at)
             .where(*window.where(R.safeguarding_flag.is_(True))))
    hours: dict[str, list[float]] = {CURRENT: [], PREVIOUS: []}
    flagged: Counter[str] = Counter()
    for which, received_at, handled_at in db.session.execute(query):
        flagged[which] += 1
        if handled_at is not None:
            hours[which].append(max(0.0, (handled_at - received_at).total_seconds() / 3600))

    def row(key: str, text: str, figure: Callable[[str], Figure], unit: str = COUNT) -> Row:
        return Row(key, text, figure(CURRENT), figure(PREVIOUS), unit=unit)

    return Table("safeguarding", _("Safeguarding flags and how fast they were handled"),
                 _("Representations of any type flagged as a possible safeguarding concern. "
                   "Hours run from the moment the message arrived to the time an officer "
                   "recorded as the moment it was handled."), (
        row("flagged", _("Flagged"), lambda w: Figure(flagged[w])),
        row("handled", _("Handling recorded"), lambda w: Figure(len(hours[w]))),
        row("not_handled", _("Handling not yet recorded"),
            lambda w: Figure(flagged[w] - len(hours[w]))),
        row("median_hours", _("Median hours to handle"),
            lambda w: Figure(middle(hours[w])), HOURS),
        row("longest_hours", _("Longest hours to handle"),
            lambda w: Figure(largest(hours[w])), HOURS),
    ), chart=False)


def _local_day_end(day_column: ColumnElement[date], days: Sequence[date]
                   ) -> ColumnElement[datetime]:
    """For each date, the UTC instant its UK day ends (BST or GMT), so "on or before the
    due date, in local time" is one comparison the database can count."""
    return case(*[(day_column == day, literal(
        datetime.combine(day + timedelta(days=1), time(0), LONDON), UTCDateTime()))
        for day in days])


def acknowledgements_table(window: Window) -> Table:
    dues = db.session.scalars(select(R.acknowledgement_due).distinct().where(
        *window.where(R.acknowledgement_due.is_not(None)))).all()
    counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    if dues:
        day_end = _local_day_end(R.acknowledgement_due, dues)
        status = case(
            (and_(R.acknowledged_at.is_not(None), R.acknowledged_at < day_end), "in_time"),
            (R.acknowledged_at.is_not(None), "late"),
            (R.acknowledgement_due < window.today, "overdue"),
            else_="waiting")
        counts = window.counts(status, R.acknowledgement_due.is_not(None))

    def row(key: str, text: str) -> Row:
        return Row(key, text, *_figures(counts, key))

    def in_time(which: str) -> Figure:
        measured = counts[which]["in_time"] + counts[which]["late"] + counts[which]["overdue"]
        return Figure.share(counts[which]["in_time"], measured)

    return Table("acknowledgements", _("Acknowledgements"),
                 _("Representations of any type. In time means acknowledged on or before the "
                   "due date (UK time). The percentage is of those acknowledged or already "
                   "past their due date; ones not yet due are left out."), (
        Row("in_time_percent", _("Acknowledged in time"), in_time(CURRENT), in_time(PREVIOUS),
            unit=PERCENT),
        row("in_time", _("Acknowledged in time")),
        row("late", _("Acknowledged late")),
        row("overdue", _("Not acknowledged, past the due date")),
        row("waiting", _("Not acknowledged yet, not yet due")),
    ), chart=False)


def stage1_table(window: Window) -> Table:
    responded = db.session.execute(
        select(window.which, R.clock_start, R.stage1_responded_on, R.clock_paused_working_days)
        .where(*window.where(R.type == "complaint", R.stage1_responded_on.is_not(None),
                             R.clock_start.is_not(None)))).all()
    index = WorkingDayIndex(
        [day for _which, start, end, _paused in responded for day in (start, end)],
        nation=window.nation)
    taken: dict[str, list[int]] = {CURRENT: [], PREVIOUS: []}
    for which, start, end, paused in responded:
        taken[which].append(max(0, index.between(start, end) - (paused or 0)))
    unanswered = window.counts(
        case((R.withdrawn_at.is_not(None), "withdrawn"),
             (R.case_status.in_(CLOSED_CASE_STATUSES), "closed"), else_="open"),
        R.type == "complaint", R.stage1_responded_on.is_(None))

    def within(limit: int) -> Callable[[str], Figure]:
        return lambda w: Figure.share(sum(days <= limit for days in taken[w]), len(taken[w]))

    def row(key: str, text: str, figure: Callable[[str], Figure], unit: str = COUNT) -> Row:
        return Row(key, text, figure(CURRENT), figure(PREVIOUS), unit=unit)

    return Table("stage1", _("Stage 1 response times"),
                 _("Complaints received in the period that have had a stage 1 response, "
                   "in working days from the day the clock started to the day of the "
                   "response (weekends, bank holidays and days the clock was paused do not "
                   "count). Complaints with no response yet are counted below, not in the "
                   "percentages."), (
        row("within_10", _("Responded within 10 working days"), within(10), PERCENT),
        row("within_20", _("Responded within 20 working days"), within(20), PERCENT),
        row("average_days", _("Average working days to respond"),
            lambda w: Figure(mean(taken[w])), WORKING_DAYS),
        row("responded", _("Complaints with a stage 1 response"),
            lambda w: Figure(len(taken[w]))),
        row("open", _("Still open, no stage 1 response yet"),
            lambda w: Figure(unanswered[w]["open"])),
        row("withdrawn", _("Withdrawn before a stage 1 response"),
            lambda w: Figure(unanswered[w]["withdrawn"])),
        row("closed", _("Resolved or closed without a stage 1 response"),
            lambda w: Figure(unanswered[w]["closed"])),
    ), chart=False)
