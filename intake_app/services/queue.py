"""The officers' intake queue: which records, in what order, one page at a time.

Order, in four slices read one after the other:

1. urgent records, and every record whose safeguarding alert nobody has recorded as
   handled (``Representation.needs_safeguarding_handling``), those alerts first;
2. complaints racing a deadline, nearest first, by the deadline in force (the extended
   one once extended): those waiting for their stage 1 response, and those whose stage 2
   or 3 clock is running (``ComplaintStage``), by that stage's deadline, so a stage 2
   due tomorrow is not left behind every stage 1 just because its record is older.
   Unextended stage 1s are walked in ``stage1_due`` order and extended ones in
   ``stage1_extended_due`` order, and the few records in a later stage (found through
   the stage table's unfinished rows) sorted by their stage's deadline, merged by one
   compound ``ORDER BY`` that stops at the page's end (no plain index can serve the CASE
   expression of "the deadline in force", and SQLite cannot reflect an expression index,
   so models and migrations could no longer be compared);
3. the other records still waiting for something: compliments, comments and enquiries
   (the stage 1 timescale is the complaints procedure's, so they have no deadline) and
   complaints without one, oldest first;
4. complaints already answered at stage 1 (the case store said so) with no later stage
   running, oldest first: still open (a stage 2 may follow) but no longer racing a
   deadline.

Above the records, every open callback request ("talk to a person") is listed whatever the
filters and the page, by its own deadline (usually the same working day), then oldest
first: a child waiting for a person to call or text back comes before any record.

"Open" (the default) means what the reports call open: not withdrawn, not a duplicate,
not closed or resolved informally in the case store. An unhandled safeguarding alert is
the exception: it stays in the first slice of the open queue whatever its status, and the
page always counts every one of them, whatever the filters, so none drops out of sight.

Open records are read through partial indexes over open records only (``OPEN_RECORD`` in
the model), so the cost follows the open workload, not the years of closed records.
bench/queue_bench.py measures it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Row,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    not_,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import aliased

from ..domain import references
from ..domain.clock import stage1_limit
from ..domain.rag import Rag, rag
from ..extensions import db
from ..models import (
    CallbackRequest,
    ComplaintStage,
    Conversation,
    LookAgainRequest,
    Representation,
    StaffUser,
)
from ..models.representation import OPEN_RECORD
from . import conversations
from .audit import record_event
from .report_tables import CLOSED_CASE_STATUSES

LONDON = ZoneInfo("Europe/London")
EXCERPT_LENGTH = 80

# The status filter: these views of the queue, or one intake status among open records.
OPEN = "open"
ALL = "all"
CLOSED = "closed"
DUPLICATE = "duplicate"
WITHDRAWN = "withdrawn"
UNHANDLED_ALERTS = "unhandled_alerts"
URGENT = "urgent"
COMPLAINT = "complaint"
# What a search for text that is no reference at all is recorded as: the text itself could
# be a child's name, and has no place in the audit trail.
NOT_A_REFERENCE = "(not a reference)"

R = Representation
ALERT = R.needs_safeguarding_handling


@dataclass(frozen=True)
class QueueFilters:
    """What the officer asked to see; empty strings mean "any"."""

    type: str = ""
    status: str = OPEN
    priority: str = ""
    category: str = ""
    service_area: str = ""
    channel: str = ""
    procedure: str = ""
    advocate: bool = False
    mine: bool = False
    # A canonical reference (or NOT_A_REFERENCE): only that record, whatever its status.
    reference: str = ""

    def chosen(self) -> dict[str, object]:
        """The filters that narrow the queue (for the audit trail and links)."""
        defaults = QueueFilters()
        return {field.name: value for field, value in
                ((field, getattr(self, field.name)) for field in fields(self))
                if value != getattr(defaults, field.name)}


@dataclass(frozen=True)
class QueueRow:
    reference: str
    reference_display: str
    type: str
    excerpt: str
    received: date
    due: date | None
    status: str
    priority: str
    safeguarding: bool
    safeguarding_handled: bool
    needs_safeguarding_handling: bool
    advocate: bool
    delivery_failed: bool
    assigned_to: str | None
    rag: Rag
    # After stage 1: the stage whose clock is running (its deadline is ``due``), and a
    # request to look again waiting for an officer's decision.
    stage: str | None = None
    look_again_waiting: bool = False


@dataclass(frozen=True)
class CallbackRow:
    """An open "talk to a person" request, as the queue lists it (no number, no times)."""

    id: int
    requested_at: datetime  # UK time
    due: date
    rag: Rag
    channel: str | None
    method: str
    attempts: int
    last_outcome: str | None
    safeguarding: bool
    reference: str | None
    reference_display: str | None


@dataclass(frozen=True)
class UnrecordedDisclosure:
    """A flagged message with no record of its own: the duty team had an alert without a
    reference, and the outbox worker keeps trying to make the record."""

    received_at: datetime
    channel: str
    conversation: str
    excerpt: str


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    page_size: int
    # Every record in the service needing safeguarding handling, whatever the filters.
    unhandled_alerts: int
    # Open callback requests, whatever the filters: the first ``page_size`` by deadline.
    callbacks: list[CallbackRow] = field(default_factory=list)
    open_callbacks: int = 0
    # Flagged messages whose record could not be made (yet): shown above everything.
    unrecorded: list[UnrecordedDisclosure] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def london_today() -> date:
    return datetime.now(LONDON).date()


def searched_reference(typed: str) -> str:
    """What a search is for: the canonical reference typed, or NOT_A_REFERENCE."""
    return references.normalise(typed) or NOT_A_REFERENCE


def find_reference(reference: str) -> str | None:
    """The canonical reference of an existing record matching what was typed, if any."""
    canonical = references.normalise(reference)
    if canonical is None:
        return None
    return db.session.scalar(select(R.reference).where(R.reference == canonical))


def queue_page(filters: QueueFilters, *, staff_id: int, page: int, page_size: int,
               nation: str, today: date | None = None) -> QueuePage:
    today = today or london_today()
    plan = _plan(filters, staff_id)
    alerts = list(db.session.execute(select(R.id, plan.in_rest).where(*plan.alerts.where)
                                     .order_by(*plan.alerts.order)))
    first = [record_id for record_id, _in_rest in alerts] + list(
        db.session.scalars(_ordered(plan.urgent)))
    total = len(first)
    if not (filters.status == UNHANDLED_ALERTS and not filters.reference):
        # The rest, counted through the queue's indexes, less the alerts among them (they
        # come first instead): telling the later slices apart needs no count here. (The
        # alerts' own list has no rest, and proving so would cost a scan of the table.)
        total += _count(*plan.rest) - sum(1 for _id, in_rest in alerts if in_rest)
    page = min(max(1, page), max(1, -(-total // page_size)))
    offset = (page - 1) * page_size
    ids = first[offset:offset + page_size]
    if offset + len(ids) < total:
        ids += _page_ids(plan.shared, offset=max(0, offset - len(first)),
                         limit=page_size - len(ids))
    return QueuePage(rows=_rows(ids, today, nation), total=total, page=page,
                     page_size=page_size,
                     unhandled_alerts=len(alerts) if plan.every_alert else unhandled_alerts(),
                     callbacks=open_callbacks(today=today, nation=nation, limit=page_size),
                     open_callbacks=_count_open_callbacks(),
                     unrecorded=unrecorded(limit=page_size))


def note_viewed(actor: str, filters: QueueFilters, *, page: int) -> None:
    """Every look at the queue is audited with the filters used (never free text)."""
    record_event(actor, "queue.viewed", after={**filters.chosen(), "page": page})
    db.session.commit()


def unrecorded(*, limit: int) -> list[UnrecordedDisclosure]:
    found = conversations.unrecorded_disclosures(limit=limit)
    talks = {row.id: row for row in db.session.execute(
        select(Conversation.id, Conversation.channel, Conversation.public_id)
        .where(Conversation.id.in_({message.conversation_id for message in found})))}
    return [UnrecordedDisclosure(
        received_at=_as_utc(message.created_at).astimezone(LONDON),
        channel=talks[message.conversation_id].channel,
        conversation=talks[message.conversation_id].public_id,
        excerpt=excerpt(message.body)) for message in found]


def open_callbacks(*, today: date, nation: str, limit: int) -> list[CallbackRow]:
    """Open callback requests, nearest deadline first, then oldest (the ``status, due_on,
    created_at`` index holds exactly this order)."""
    found = db.session.execute(
        select(CallbackRequest.id, CallbackRequest.created_at, CallbackRequest.due_on,
               CallbackRequest.method, CallbackRequest.attempts, CallbackRequest.last_outcome,
               Conversation.channel, Conversation.safeguarding_flag, R.reference)
        .outerjoin(Conversation, Conversation.id == CallbackRequest.conversation_id)
        .outerjoin(R, R.id == CallbackRequest.representation_id)
        .where(CallbackRequest.status == "open")
        .order_by(CallbackRequest.due_on, CallbackRequest.created_at, CallbackRequest.id)
        .limit(limit))
    return [CallbackRow(
        id=row.id, requested_at=_as_utc(row.created_at).astimezone(LONDON), due=row.due_on,
        rag=rag(row.due_on, today=today, paused=False, nation=nation), channel=row.channel,
        method=row.method, attempts=row.attempts or 0, last_outcome=row.last_outcome,
        safeguarding=bool(row.safeguarding_flag), reference=row.reference,
        reference_display=references.display(row.reference) if row.reference else None,
    ) for row in found]


def _count_open_callbacks() -> int:
    return db.session.scalar(select(func.count()).select_from(CallbackRequest)
                             .where(CallbackRequest.status == "open")) or 0


def unhandled_alerts() -> int:
    return _count(ALERT)


def _narrowing(filters: QueueFilters, staff_id: int) -> list[ColumnElement[bool]]:
    """Every filter but the status."""
    if filters.reference:
        return [R.reference == filters.reference]
    where: list[ColumnElement[bool]] = []
    for name in ("type", "priority", "service_area", "channel", "procedure"):
        value = getattr(filters, name)
        if value:
            where.append(getattr(R, name) == value)
    if filters.category:
        # secondary_categories is a JSON list of keys: '["delay", "placement"]'. Quoting the
        # key makes the text match exact (keys are letters and underscores only).
        where.append(or_(R.primary_category == filters.category,
                         cast(R.secondary_categories, String)
                         .contains(f'"{filters.category}"', autoescape=True)))
    if filters.advocate:
        where.append(R.advocate_requested != "no")
    if filters.mine:
        where.append(R.assigned_to_id == staff_id)
    return where


def _open() -> ColumnElement[bool]:
    # OPEN_RECORD is the very clause of the queue's partial indexes (SQLite matches the
    # terms one by one, so it must appear as it is); resolved_informally is closed too,
    # as in the reports.
    return and_(OPEN_RECORD, or_(R.case_status.is_(None),  # type: ignore[arg-type]
                                 R.case_status.not_in(CLOSED_CASE_STATUSES)))


def _status_condition(status: str) -> ColumnElement[bool]:
    if status == ALL:
        return true()
    if status == OPEN:
        return _open()
    if status == CLOSED:
        return R.case_status.in_(CLOSED_CASE_STATUSES)
    if status == DUPLICATE:
        return R.duplicate_of_id.is_not(None)
    if status == WITHDRAWN:
        return or_(R.withdrawn_at.is_not(None), R.status == WITHDRAWN)
    if status == UNHANDLED_ALERTS:
        return ALERT
    return and_(_open(), R.status == status)


def _alert_status_condition(status: str) -> ColumnElement[bool]:
    """Which unhandled alerts the view shows: in the open queue (and its intake statuses)
    every one, whatever the record's status, so none drops out of sight."""
    if status in (OPEN, UNHANDLED_ALERTS):
        return true()
    if status in (ALL, CLOSED, DUPLICATE, WITHDRAWN):
        return _status_condition(status)
    return R.status == status


@dataclass(frozen=True)
class _Arm:
    """Part of the deadline slice that one index can read in deadline order."""

    where: ColumnElement[bool]
    due: ColumnElement[date | None]


@dataclass(frozen=True)
class _Slice:
    """Records read in one order: by one query, or by arms merged in deadline order."""

    where: tuple[ColumnElement[bool], ...] = ()
    order: tuple[ColumnElement[Any], ...] = ()
    arms: tuple[_Arm, ...] = ()


@dataclass(frozen=True)
class _Plan:
    """The queue's slices in order (see the module's docstring).

    The first two (alerts, urgent) are few records, read whole. Telling the later ones
    apart takes a look at each record (its type, its response) that no index of the queue
    holds: they are read a page at a time, and counted one by one only when a page starts
    beyond one of them.
    """

    alerts: _Slice
    # Of the alerts, those that the other slices would hold were they not alerts.
    in_rest: ColumnElement[bool]
    # Whether the alerts slice holds every unhandled alert in the service.
    every_alert: bool
    urgent: _Slice
    # Every record of the later slices, and the alerts among ``in_rest``.
    rest: tuple[ColumnElement[bool], ...]
    shared: tuple[_Slice, ...]


def _count(*where: ColumnElement[bool]) -> int:
    return db.session.scalar(select(func.count()).select_from(R).where(*where)) or 0


def _due_in_force() -> ColumnElement[date | None]:
    return case((R.stage1_extended == true(), R.stage1_extended_due), else_=R.stage1_due)


def _in_later_stage() -> ColumnElement[bool]:
    """The record has a stage 2 or 3 clock running (an unfinished stage row). An
    uncorrelated ``IN``: the database reads the few unfinished stages once, not once per
    record, and each record of the queue's partial indexes is then a lookup."""
    return R.id.in_(select(ComplaintStage.representation_id)
                    .where(ComplaintStage.finished_on.is_(None)))


def _later_stage_due() -> ColumnElement[date | None]:
    """The deadline in force of the record's running stage 2 or 3 (the latest started, as
    the queue's rows show it), or NULL: a subquery correlated on the record's id, read
    through the stage table's index on it."""
    S = ComplaintStage
    in_force = case((and_(S.extended == true(), S.extended_due.is_not(None)), S.extended_due),
                    else_=S.due)
    return (select(in_force).where(S.representation_id == R.id, S.finished_on.is_(None))
            .order_by(S.id.desc()).limit(1).scalar_subquery())


def _plan(filters: QueueFilters, staff_id: int) -> _Plan:
    narrowing = _narrowing(filters, staff_id)
    status = ALL if filters.reference else filters.status
    later = _in_later_stage()
    later_due = _later_stage_due()
    # Stage 1 is running while it has no response and no later stage has begun (an officer
    # may start stage 2 with no stage 1 response on record).
    waiting = and_(R.type == COMPLAINT, R.stage1_responded_on.is_(None), not_(later))
    running_due = func.coalesce(later_due, case((waiting, _due_in_force())))
    by_running_due = (running_due.is_(None), running_due, R.received_at, R.id)
    oldest_first = (R.received_at, R.id)
    everything_else = (R.priority != URGENT, _status_condition(status), *narrowing)
    rest = (*everything_else, not_(ALERT))
    with_deadline = and_(waiting, _due_in_force().is_not(None))
    responded = and_(R.type == COMPLAINT, R.stage1_responded_on.is_not(None))
    return _Plan(
        alerts=_Slice(where=(ALERT, _alert_status_condition(status), *narrowing),
                      order=by_running_due),
        # _alert_status_condition(status) includes _status_condition(status).
        in_rest=and_(*everything_else),
        every_alert=status in (OPEN, UNHANDLED_ALERTS) and not narrowing,
        urgent=_Slice(where=(R.priority == URGENT, not_(ALERT), _status_condition(status),
                             *narrowing), order=by_running_due),
        rest=everything_else,
        shared=(
            _Slice(arms=(
                _Arm(and_(R.stage1_extended == false(), *rest, waiting,
                          R.stage1_due.is_not(None)), R.stage1_due),
                _Arm(and_(R.stage1_extended == true(), *rest, waiting,
                          R.stage1_extended_due.is_not(None)), R.stage1_extended_due),
                _Arm(and_(*rest, later), later_due))),
            _Slice(where=(*rest, not_(with_deadline), not_(responded), not_(later)),
                   order=oldest_first),
            _Slice(where=(*rest, responded, not_(later)), order=oldest_first),
        ),
    )


def _page_ids(slices: Sequence[_Slice], *, offset: int, limit: int) -> list[int]:
    ids: list[int] = []
    for slice_ in slices:
        if limit <= 0:
            break
        found = list(db.session.scalars(_ordered(slice_).offset(offset).limit(limit)))
        if found:
            ids.extend(found)
            limit -= len(found)
            offset = 0
        else:
            # The page starts beyond this slice.
            offset -= sum(_count(part) for part in _parts(slice_))
    return ids


def _parts(slice_: _Slice) -> list[ColumnElement[bool]]:
    return [arm.where for arm in slice_.arms] if slice_.arms else [and_(*slice_.where)]


def _ordered(slice_: _Slice) -> Select[tuple[int]] | CompoundSelect:
    if not slice_.arms:
        return select(R.id).where(*slice_.where).order_by(*slice_.order)
    # Each arm walks its own index in deadline order and SQLite merges the sorted streams
    # (an ORDER BY on the compound itself, not on a subquery, lets it), stopping at LIMIT.
    merged = union_all(*(select(R.id.label("id"), arm.due.label("due"),
                                R.received_at.label("received_at")).where(arm.where)
                         for arm in slice_.arms))
    columns = merged.selected_columns
    return merged.order_by(columns.due, columns.received_at, columns.id)


# Only what a row shows: loading whole records (triage JSON and all) costs more than the
# queries that find them.
_ROW_COLUMNS = (R.id, R.reference, R.type, R.text, R.received_at, R.stage1_due,
                R.stage1_extended_due, R.stage1_extended, R.clock_paused_on,
                R.stage1_responded_on, R.status, R.priority, R.safeguarding_flag,
                R.safeguarding_handled_at, ALERT.label("needs_handling"),
                R.advocate_requested, _open().label("open"))


def _rows(ids: list[int], today: date, nation: str) -> list[QueueRow]:
    if not ids:
        return []
    assignee = aliased(StaffUser)
    found = {row.id: row for row in db.session.execute(
        select(*_ROW_COLUMNS, assignee.name.label("assigned_to"))
        .outerjoin(assignee, R.assigned_to_id == assignee.id).where(R.id.in_(ids)))}
    # The running stage 2 or 3 of each record on the page (the latest started), and the
    # records with a request to look again waiting: two small queries over the page's ids.
    stages: dict[int, ComplaintStage] = {}
    for stage in db.session.scalars(select(ComplaintStage).where(
            ComplaintStage.representation_id.in_(ids), ComplaintStage.finished_on.is_(None))
            .order_by(ComplaintStage.id)):
        stages[stage.representation_id] = stage
    waiting = set(db.session.scalars(select(LookAgainRequest.representation_id).where(
        LookAgainRequest.representation_id.in_(ids), LookAgainRequest.decision.is_(None))))
    return [_row(found[record_id], today=today, nation=nation, stage=stages.get(record_id),
                 look_again_waiting=record_id in waiting) for record_id in ids]


def _row(record: Row[Any], *, today: date, nation: str, stage: ComplaintStage | None = None,
         look_again_waiting: bool = False) -> QueueRow:
    # The stage 1 timescale is the complaints procedure's: other types have no deadline.
    complaint = record.type == COMPLAINT
    due = stage1_limit(record.stage1_due, record.stage1_extended_due,
                       extended=record.stage1_extended) if complaint else None
    running = rag(due, today=today, paused=record.clock_paused_on is not None, nation=nation,
                  responded=complaint and record.stage1_responded_on is not None,
                  stopped=not record.open)
    if stage is not None:
        # A later stage's clock is the one running: its deadline and colour.
        due = stage.due_in_force
        running = rag(due, today=today, paused=stage.paused_on is not None, nation=nation,
                      stopped=not record.open)
    return QueueRow(
        reference=record.reference,
        reference_display=references.display(record.reference),
        type=record.type,
        excerpt=excerpt(record.text),
        received=_local_date(record.received_at),
        due=due,
        status=record.status,
        priority=record.priority,
        safeguarding=record.safeguarding_flag,
        safeguarding_handled=record.safeguarding_handled_at is not None,
        needs_safeguarding_handling=bool(record.needs_handling),
        advocate=record.advocate_requested != "no",
        delivery_failed=record.status == "delivery_failed",
        assigned_to=record.assigned_to,
        rag=running,
        stage=stage.stage if stage is not None else None,
        look_again_waiting=look_again_waiting,
    )


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _local_date(moment: datetime) -> date:
    return _as_utc(moment).astimezone(LONDON).date()


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """The start of the text on one line, cut at a word so nothing reads half-typed."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length + 1].rsplit(" ", 1)[0] if " " in flat[:length + 1] else flat[:length]
    return cut.rstrip(" ,.;:-") + "…"
