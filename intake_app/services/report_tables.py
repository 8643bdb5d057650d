"""The SQL behind each report table: counts grouped in the database, never rows loaded.

A report reads the table a few times only, whatever its size: one grouped query over
every record (type, categories, acknowledgement) and one over complaints (service area,
who, channel, procedure, advocate, outcome, where stage 1 stands). Each covers the chosen
period and the one before it together (the previous period always ends where the chosen
one starts), labelling each record "current" or "previous"; every table is then a sum
over those few hundred groups. Only two figures need records one by one, and only some
of them: safeguarding handling times (flagged records) and stage 1 working days
(responded complaints, grouped by their start and response dates).

Who is counted, everywhere: records received in the period by UK local date. A record
linked as a duplicate of another is left out (the original is counted, so one matter is
counted once). Withdrawn records stay in: they were received, and they show as
"Withdrawn" among the outcomes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, Date, Text, and_, case, cast, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from ..domain.calendar import working_days_between
from ..domain.equality import PREFER_NOT_TO_SAY, QUESTIONS, suppressed
from ..domain.report_figures import (
    COUNT,
    HOURS,
    PERCENT,
    POUNDS,
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
from ..domain.reporting_periods import Period, days_ending_in_summer_time
from ..domain.stages import STAGE2
from ..extensions import db
from ..models import (
    ComplaintStage,
    EqualityAnswer,
    LearningAction,
    LookAgainRequest,
    OmbudsmanEnquiry,
    Representation,
    Resolution,
    TellingFeedback,
)
from ..models.types import UTCDateTime
from ..staff_labels import (
    CHANNEL_NAMES,
    EQUALITY_ANSWER_NAMES,
    EQUALITY_NOT_ANSWERED,
    EQUALITY_PREFER_NOT_TO_SAY,
    EQUALITY_QUESTION_NAMES,
)
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
# Acknowledgements are due a few working days after a record arrives: summer time is
# looked up for due dates up to this long after the period (see ``uk_day_end``).
ACKNOWLEDGEMENT_SLACK = timedelta(days=62)


class Groups:
    """The result of one grouped query: how many records share each set of values."""

    def __init__(self, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        self.rows = [(row[0], dict(zip(names, row[1:-1], strict=True)), row[-1])
                     for row in rows]

    def counts(self, value: Callable[[dict[str, Any]], Any],
               keep: Callable[[dict[str, Any]], bool] = lambda values: True) -> Counts:
        """How many records have each ``value``, in each period, among those kept."""
        result: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
        for which, values, number in self.rows:
            if keep(values):
                result[which][value(values)] += number
        return result


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

    def grouped(self, columns: dict[str, ColumnElement[Any]],
                *conditions: ColumnElement[bool]) -> Groups:
        query = (select(self.which, *columns.values(), func.count())
                 .where(*self.where(*conditions))
                 .group_by(self.which, *columns.values()))
        return Groups(list(columns), db.session.execute(query))

    @cached_property
    def everything(self) -> Groups:
        """Every record by type, categories and where its acknowledgement stands."""
        return self.grouped({
            "type": R.type,
            "category": R.primary_category,
            "secondary": cast(R.secondary_categories, Text),
            "acknowledgement": self._acknowledgement_status(),
        })

    @cached_property
    def complaints(self) -> Groups:
        with_advocate = or_(
            R.complainant_role == "advocate",
            and_(R.complainant_role.in_(YOUNG_PEOPLE),
                 R.advocate_requested.in_(ADVOCATE_ASKED)))
        return self.grouped({
            "service_area": R.service_area,
            "role": case((with_advocate, WITH_ADVOCATE), else_=R.complainant_role),
            "channel": R.channel,
            "procedure": R.procedure,
            "advocate": R.advocate_requested,
            "outcome": func.coalesce(R.outcome,
                                     case((R.withdrawn_at.is_not(None), "withdrawn"))),
            "stage1": case((R.stage1_responded_on.is_not(None), "responded"),
                           (R.withdrawn_at.is_not(None), "withdrawn"),
                           (R.case_status.in_(CLOSED_CASE_STATUSES), "closed"),
                           else_="open"),
        }, R.type == "complaint")

    def _acknowledgement_status(self) -> ColumnElement[str]:
        day_end = _day_end(self)
        return case(
            (R.acknowledgement_due.is_(None), "no_due_date"),
            (and_(R.acknowledged_at.is_not(None), R.acknowledged_at < day_end), "in_time"),
            (R.acknowledged_at.is_not(None), "late"),
            (R.acknowledgement_due < self.today, "overdue"),
            else_="waiting")


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


def _in_type(kind: str) -> Callable[[dict[str, Any]], bool]:
    return lambda values: values["type"] == kind


def _value(name: str) -> Callable[[dict[str, Any]], Any]:
    return lambda values: values[name]


def types_table(window: Window) -> Table:
    counts = window.everything.counts(_value("type"))
    return Table("types", _("Representations by type"),
                 _("Every complaint, compliment, comment and question received."),
                 _count_rows(counts, _taxonomy_labels("representation_types"),
                             missing=_("Not recorded"), total=_("All representations")))


def complaint_categories_table(window: Window) -> Table:
    counts = window.everything.counts(_value("category"), _in_type("complaint"))
    return Table("complaint_categories", _("Complaints by category (primary only)"),
                 _("Each complaint counted once, under its main category, so the rows add "
                   "up to the number of complaints."),
                 _count_rows(counts, _taxonomy_labels("complaint_categories"),
                             missing=_("No category"), total=_("All complaints")))


def complaint_categories_all_table(window: Window) -> Table:
    every: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    complaints: Counter[str] = Counter()
    for which, values, number in window.everything.rows:
        if values["type"] != "complaint":
            continue
        complaints[which] += number
        secondary = json.loads(values["secondary"]) if values["secondary"] else None
        categories = {values["category"], *(secondary or ())} - {None}
        for category in categories or {NOT_RECORDED}:
            every[which][category] += number
    rows = _count_rows(every, _taxonomy_labels("complaint_categories"),
                       missing=_("No category"), total=None)
    return Table("complaint_categories_all", _("Complaints by category (all categories)"),
                 _("Each complaint counted under its main category and under every other "
                   "category it is also about, so one complaint about delay and "
                   "communication counts in both rows and the rows add up to more than the "
                   "number of complaints."),
                 (*rows, Row("complaints", _("Complaints (each counted once)"),
                             Figure(complaints[CURRENT]), Figure(complaints[PREVIOUS]),
                             is_total=True)))


def compliment_categories_table(window: Window) -> Table:
    counts = window.everything.counts(_value("category"), _in_type("compliment"))
    return Table("compliment_categories", _("Compliments by category"),
                 _("Each compliment counted once, under its main category."),
                 _count_rows(counts, _taxonomy_labels("compliment_categories"),
                             missing=_("No category"), total=_("All compliments")))


def service_areas_table(window: Window) -> Table:
    counts = window.complaints.counts(_value("service_area"))
    return Table("service_areas", _("Complaints by service area"),
                 _("The service the complaint is about, as the person or an officer chose "
                   "it."),
                 _count_rows(counts, _taxonomy_labels("service_areas"),
                             missing=_("Not given"), total=_("All complaints")))


def complainant_roles_table(window: Window) -> Table:
    counts = window.complaints.counts(_value("role"))
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
    return [(key, str(name)) for key, name in CHANNEL_NAMES.items()]


def channels_table(window: Window) -> Table:
    counts = window.complaints.counts(_value("channel"))
    return Table("channels", _("Complaints by how they reached us"),
                 _("The channel the complaint came in by."),
                 _count_rows(counts, _channel_labels(), missing=_("Not recorded"),
                             total=_("All complaints")))


def procedures_table(window: Window) -> Table:
    counts = window.complaints.counts(_value("procedure"))
    return Table("procedures", _("Complaints by procedure"),
                 _("The statutory children's procedure or the council's corporate one, as "
                   "triage suggested or an officer decided."),
                 _count_rows(counts, _taxonomy_labels("procedures"),
                             missing=_("Not decided"), total=_("All complaints")))


def advocate_requests_table(window: Window) -> Table:
    counts = window.complaints.counts(_value("advocate"))
    labels = [("yes", _("Yes, from a named provider")),
              ("help_me_choose", _("Yes, and wanted help to choose")), ("no", _("No"))]
    return Table("advocate_requests", _("Complaints where an advocate was requested"),
                 _("Whether the person asked for an independent advocate when they got in "
                   "touch."),
                 _count_rows(counts, labels, missing=_("Not recorded"),
                             total=_("All complaints")))


def outcomes_table(window: Window) -> Table:
    counts = window.complaints.counts(_value("outcome"))
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


class uk_day_end(FunctionElement[datetime]):
    """The UTC instant at which the UK day of a date column ends (its following local
    midnight, BST or GMT), so "on or before the due date, in UK time" is one comparison
    the database makes for every record.

    PostgreSQL knows the time zone. SQLite does not, so it is given the spans of days
    that end in summer time (bound parameters, from ``days_ending_in_summer_time``) and
    takes an hour off those: its datetime text then compares correctly with the stored
    UTC text.
    """

    type = UTCDateTime()
    inherit_cache = True
    name = "uk_day_end"


@compiles(uk_day_end, "postgresql")
def _uk_day_end_postgresql(element: uk_day_end, compiler: Any, **kw: Any) -> str:
    day = compiler.process(next(iter(element.clauses)), **kw)
    return f"((({day}) + 1)::timestamp AT TIME ZONE 'Europe/London')"


@compiles(uk_day_end, "sqlite")
def _uk_day_end_sqlite(element: uk_day_end, compiler: Any, **kw: Any) -> str:
    day_column, *bounds = element.clauses
    day = compiler.process(day_column, **kw)
    summer = " OR ".join(
        f"({day} >= {compiler.process(start, **kw)} AND {day} < {compiler.process(end, **kw)})"
        for start, end in zip(bounds[::2], bounds[1::2], strict=True))
    hours = f"CASE WHEN {summer} THEN '-1 hours' ELSE '+0 hours' END" if summer else "'+0 hours'"
    return f"datetime({day}, '+1 day', {hours})"


def _day_end(window: Window) -> uk_day_end:
    first = window.previous.start
    spans = days_ending_in_summer_time(first, window.period.end + ACKNOWLEDGEMENT_SLACK)
    return uk_day_end(R.acknowledgement_due,
                      *(literal(day, Date()) for span in spans for day in span))


def acknowledgements_table(window: Window) -> Table:
    counts = window.everything.counts(_value("acknowledgement"))

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
    # Grouped by the dates themselves: many complaints share a start and a response day.
    dates = (R.clock_start, R.stage1_responded_on, R.clock_paused_working_days)
    responded = db.session.execute(
        select(window.which, *dates, func.count())
        .where(*window.where(R.type == "complaint", R.stage1_responded_on.is_not(None),
                             R.clock_start.is_not(None)))
        .group_by(window.which, *dates)).all()
    index = WorkingDayIndex(
        [day for _which, start, end, _paused, _number in responded for day in (start, end)],
        nation=window.nation)
    taken: dict[str, list[int]] = {CURRENT: [], PREVIOUS: []}
    for which, start, end, paused, number in responded:
        taken[which].extend([max(0, index.between(start, end) - (paused or 0))] * number)
    unanswered = window.complaints.counts(_value("stage1"))

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


def later_stages_table(window: Window) -> Table:
    """Requests to look again, stage 2 and stage 3, for complaints received in the period
    (a few rows each: read one by one, and counted in working days with the calendar)."""
    requests = db.session.execute(
        select(window.which, LookAgainRequest.in_time, LookAgainRequest.decision)
        .join(R, R.id == LookAgainRequest.representation_id)
        .where(*window.where(R.type == "complaint"))).all()
    stages = db.session.execute(
        select(window.which, ComplaintStage)
        .join(R, R.id == ComplaintStage.representation_id)
        .where(*window.where(R.type == "complaint"))).all()
    counts: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    days: dict[str, dict[str, list[int]]] = {name: {CURRENT: [], PREVIOUS: []}
                                             for name in ("stage2", "stage3")}
    for which, in_time, decision in requests:
        counts[which]["asked"] += 1
        counts[which]["in_time"] += bool(in_time)
        counts[which]["waiting"] += decision is None
    for which, stage in stages:
        name = "stage2" if stage.stage == STAGE2 else "stage3"
        counts[which][name] += 1
        counts[which][f"{name}_extended"] += bool(stage.extended)
        last_due = stage.response_due or stage.due_in_force
        if stage.finished_on is None and stage.paused_on is None and last_due < window.today:
            counts[which][f"{name}_overdue"] += 1
        if stage.finished_on is not None:
            days[name][which].append(max(0, working_days_between(
                stage.started_on, stage.finished_on, nation=window.nation)
                - stage.paused_working_days))

    def row(key: str, text: str) -> Row:
        return Row(key, text, *_figures(counts, key))

    def average(name: str, text: str) -> Row:
        return Row(f"{name}_average_days", text, Figure(mean(days[name][CURRENT])),
                   Figure(mean(days[name][PREVIOUS])), unit=WORKING_DAYS)

    return Table("later_stages", _("Looking again: stages 2 and 3"),
                 _("Complaints received in the period. A request within 20 working days of "
                   "the stage 1 response starts stage 2 at once; a later one waits for an "
                   "officer. Overdue means still running after its deadline (for stage 3, "
                   "the council's response). Working days exclude weekends, bank holidays "
                   "and paused days."), (
        row("asked", _("Asked us to look again")),
        row("in_time", _("Asked within 20 working days")),
        row("waiting", _("Waiting for an officer's decision")),
        row("stage2", _("Stage 2 started")),
        row("stage2_extended", _("Stage 2 extended")),
        row("stage2_overdue", _("Stage 2 overdue")),
        average("stage2", _("Average working days of a finished stage 2")),
        row("stage3", _("Stage 3 review panel started")),
        row("stage3_overdue", _("Stage 3 overdue")),
        average("stage3", _("Average working days from asking for a panel to the "
                            "council's response")),
    ), chart=False)


def telling_feedback_table(window: Window) -> Table:
    """"How was it to tell us?": answers counted by the day they were given (they are
    kept apart from records, so they cannot be counted by when a record arrived)."""
    counts: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    period, previous = window.period, window.previous
    for answered_on, ease, number in db.session.execute(
            select(TellingFeedback.answered_on, TellingFeedback.ease, func.count())
            .where(TellingFeedback.answered_on >= previous.start,
                   TellingFeedback.answered_on < period.end)
            .group_by(TellingFeedback.answered_on, TellingFeedback.ease)):
        counts[CURRENT if answered_on >= period.start else PREVIOUS][ease] += number
    labels = [("easy", _("Easy")), ("ok", _("OK")), ("hard", _("Hard"))]
    return Table("telling_feedback", _("How was it to tell us?"),
                 _("Answers to the one optional question sent after an outcome, by the day "
                   "they were given. Kept apart from records: nobody can see which child "
                   "gave which answer."),
                 _count_rows(counts, labels, missing=_("Not recorded"),
                             total=_("All answers")))


def _by_day(window: Window, day: Any, values: Sequence[Any], amount: Any
            ) -> list[tuple[str, tuple[Any, ...], int, int]]:
    """Rows counted by a day of their own (when it was done, when the Ombudsman asked),
    not by when the record arrived: (period, values, how many, their amounts added),
    grouped in SQL."""
    period, previous = window.period, window.previous
    query = (select(day, *values, func.count(), func.coalesce(func.sum(amount), 0))
             .where(day >= previous.start, day < period.end)
             .group_by(day, *values))
    return [(CURRENT if row[0] >= period.start else PREVIOUS, tuple(row[1:-2]), row[-2],
             row[-1]) for row in db.session.execute(query)]


def resolutions_table(window: Window) -> Table:
    """What was done to put complaints right, by the day it was done; money in pounds."""
    counts: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    pence: Counter[str] = Counter()
    for which, (kind,), number, amount in _by_day(
            window, Resolution.done_on, (Resolution.kind,), Resolution.amount_pence):
        counts[which][kind] += number
        pence[which] += amount
    rows = _count_rows(counts, _taxonomy_labels("resolutions"), missing=_("Not recorded"),
                       total=_("Everything done"))
    paid = Row("financial_remedy_pounds", _("Financial remedies paid, in pounds"),
               Figure(pence[CURRENT] / 100), Figure(pence[PREVIOUS] / 100), unit=POUNDS)
    return Table("resolutions", _("What was done to put things right"),
                 _("Each thing an officer recorded as done, by the day it was done; one "
                   "complaint can have several. Financial remedies are added up in "
                   "pounds."), (*rows, paid), chart=False)


def ombudsman_table(window: Window) -> Table:
    """Ombudsman enquiries by the day the Ombudsman asked, and what they decided."""
    counts: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
    pence: Counter[str] = Counter()
    for which, (ombudsman, decision), number, amount in _by_day(
            window, OmbudsmanEnquiry.received_on,
            (OmbudsmanEnquiry.ombudsman, OmbudsmanEnquiry.decision),
            OmbudsmanEnquiry.remedy_amount_pence):
        counts[which][ombudsman] += number
        counts[which][decision or "no_decision"] += number
        pence[which] += amount

    def row(key: str, text: str) -> Row:
        return Row(key, text, *_figures(counts, key))

    return Table("ombudsman", _("The Ombudsman"),
                 _("Enquiries from the Ombudsman (LGSCO in England, PSOW in Wales) by the day "
                   "they asked, and their decisions so far."), (
        *(row(key, text) for key, text in _taxonomy_labels("ombudsmen")),
        *(row(key, text) for key, text in _taxonomy_labels("ombudsman_decisions")),
        row("no_decision", _("No decision yet")),
        Row("remedy_pounds", _("Remedies asked for, in pounds"),
            Figure(pence[CURRENT] / 100), Figure(pence[PREVIOUS] / 100), unit=POUNDS),
    ), chart=False)


def learning_actions_table(window: Window) -> Table:
    """Learning actions added and done in each period, and how many were open and overdue
    on its last day (today, while the period runs)."""
    A = LearningAction

    def count(*conditions: ColumnElement[bool]) -> int:
        return db.session.scalar(select(func.count()).select_from(A).where(*conditions)) or 0

    def figures(period: Period) -> dict[str, int]:
        day = min(period.last_day, window.today)
        open_then = (A.added_on <= day, or_(A.done_on.is_(None), A.done_on > day))
        return {"added": count(A.added_on >= period.start, A.added_on < period.end),
                "done": count(A.done_on >= period.start, A.done_on < period.end),
                "open": count(*open_then), "overdue": count(*open_then, A.due_on < day)}

    current, previous = figures(window.period), figures(window.previous)

    def row(key: str, text: str) -> Row:
        return Row(key, text, Figure(current[key]), Figure(previous[key]))

    return Table("learning_actions", _("Learning actions"),
                 _("Learning points from closed records: added and done in the period, and "
                   "open or overdue on its last day (today, while it runs)."), (
        row("added", _("Added")), row("done", _("Done")),
        row("open", _("Open")), row("overdue", _("Overdue")),
    ), chart=False)


def themes_table(window: Window) -> Table:
    """Complaint categories and service areas, those rising most first: what children
    raise more, or less, than in the period before."""
    categories = window.everything.counts(_value("category"), _in_type("complaint"))
    areas = window.complaints.counts(_value("service_area"))
    rows = []
    for prefix, section, counts in (("category", "complaint_categories", categories),
                                    ("service_area", "service_areas", areas)):
        for key, text in _taxonomy_labels(section):
            now, before = counts[CURRENT][key], counts[PREVIOUS][key]
            if now or before:
                name = short_label(text)
                heading = (_("Category: %(name)s", name=name) if prefix == "category"
                           else _("Service area: %(name)s", name=name))
                rows.append(Row(f"{prefix}:{key}", heading, Figure(now), Figure(before),
                                short_label=name))
    rows.sort(key=lambda row: (-(row.difference or 0), row.key))
    return Table("themes", _("Themes rising and falling"),
                 _("Complaints by category (primary only) and by service area, against the "
                   "period before; those rising most come first. Choose a quarter to see "
                   "themes by quarter."), tuple(rows), chart=False)


def _equality_label(question: str, answer: str | None) -> str:
    """A row's words ("Age: 14 to 15"), as the other tables show labels, not keys."""
    if answer is None:
        words = str(EQUALITY_NOT_ANSWERED)
    elif answer == PREFER_NOT_TO_SAY:
        words = str(EQUALITY_PREFER_NOT_TO_SAY)
    else:
        words = str(EQUALITY_ANSWER_NAMES[question].get(answer, answer))
    return _("%(question)s: %(answer)s",
             question=str(EQUALITY_QUESTION_NAMES[question]), answer=words)


def equality_table(window: Window) -> Table:
    """Equality monitoring answers, by the day they were given, in aggregate only: any
    count from 1 to 4 is not shown, and neither is a second count beside a lone hidden
    one (``domain.equality.suppressed``), so nobody can be picked out by subtraction."""
    period, previous = window.period, window.previous
    rows = []
    for question in QUESTIONS:
        column = getattr(EqualityAnswer, question)
        counts: Counts = {CURRENT: Counter(), PREVIOUS: Counter()}
        for answered_on, answer, number in db.session.execute(
                select(EqualityAnswer.answered_on, column, func.count())
                .where(EqualityAnswer.answered_on >= previous.start,
                       EqualityAnswer.answered_on < period.end)
                .group_by(EqualityAnswer.answered_on, column)):
            counts[CURRENT if answered_on >= period.start else PREVIOUS][answer] += number
        answers = (*QUESTIONS[question], None)
        current = suppressed([counts[CURRENT][answer] for answer in answers])
        before = suppressed([counts[PREVIOUS][answer] for answer in answers])
        for answer, now, then in zip(answers, current, before, strict=True):
            rows.append(Row(f"{question}:{answer or 'not_answered'}",
                            _equality_label(question, answer), Figure(now), Figure(then)))
    return Table("equality", _("Equality monitoring"),
                 _("Optional answers given after sending a message, kept apart from records "
                   "and counted by the day they were given. A count from 1 to 4 is not "
                   "shown (No figure), so nobody can be picked out."), tuple(rows),
                 chart=False,
                 notes=(_("Where only one count for a question would be hidden, the next "
                          "smallest is hidden too: every question's counts add up to the "
                          "same number of people, so one hidden count could otherwise be "
                          "worked out by subtraction."),))
